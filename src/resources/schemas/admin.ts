// Models of the routing-admin resources (languages, skill groups, wrap-up codes, utilization labels, presence,
// a user's queues, estimated wait time), as loose schemas (unknown fields pass through). The exported types
// are the generated interfaces of src/resources/models (checked against these schemas in models/schema-checks.ts).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { EntityRefSchema } from './common.js';
import { QueueSchema } from './routing.js';
import type {
  EstimatedWaitTimePredictions,
  Language,
  PredictionResults,
  SkillGroup,
  SkillGroupCondition,
  SkillGroupLanguageCondition,
  SkillGroupRoutingCondition,
  UserReferenceWithName,
  UserRoutingLanguage,
  UtilizationLabel,
  WrapupCode,
} from '../models/routing.js';
import type { OrganizationPresenceDefinition, PresenceDefinition, UserPresence, UserQueue } from '../models/users.js';

const state = /* @__PURE__ */ lazySchema(() =>
  z.optional(z.union([z.enum(['active', 'inactive', 'deleted']), z.string()])),
);

export const LanguageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    dateModified: z.optional(z.string()),
    state: state(),
    version: z.optional(z.union([z.string(), z.number()])),
    selfUri: z.optional(z.string()),
  }),
);
export type { Language };

export const UserRoutingLanguageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    proficiency: z.optional(z.number()),
    state: state(),
    languageUri: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
export type { UserRoutingLanguage };

const comparisonFields = () => ({ comparator: z.string(), proficiency: z.number() });
// Recursive (child conditions), so typed by its interface rather than inferred.
export const SkillGroupConditionSchema: () => z.ZodMiniType<SkillGroupCondition, unknown> = /* @__PURE__ */ lazySchema(
  () =>
    z.looseObject({
      routingSkillConditions: z.array(
        z.looseObject({
          routingSkill: z.string(),
          ...comparisonFields(),
          get childConditions() {
            return z.optional(z.array(SkillGroupConditionSchema()));
          },
        }),
      ),
      languageSkillConditions: z.array(
        z.looseObject({
          languageSkill: z.string(),
          ...comparisonFields(),
          get childConditions() {
            return z.optional(z.array(SkillGroupConditionSchema()));
          },
        }),
      ),
      operation: z.string(),
    }),
) as never;
export type { SkillGroupCondition, SkillGroupLanguageCondition, SkillGroupRoutingCondition };

export const SkillGroupSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: z.optional(EntityRefSchema()),
    description: z.optional(z.string()),
    memberCount: z.optional(z.number()),
    dateModified: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
    status: z.optional(z.string()),
    skillConditions: z.array(SkillGroupConditionSchema()),
    selfUri: z.optional(z.string()),
  }),
);
export type { SkillGroup };

export const SkillGroupMemberSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()), selfUri: z.optional(z.string()) }),
);
export type { UserReferenceWithName };

export const DivisionListSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(EntityRefSchema())) }),
);

export const WrapupCodeSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: z.optional(EntityRefSchema()),
    description: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
    dateModified: z.optional(z.string()),
    createdBy: z.optional(z.string()),
    modifiedBy: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
export type { WrapupCode };

export const UtilizationLabelSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.string(), name: z.string(), selfUri: z.optional(z.string()) }),
);
export type { UtilizationLabel };

export const EstimatedWaitTimeSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    results: z.array(
      z.looseObject({
        intent: z.optional(z.string()),
        formula: z.string(),
        estimatedWaitTimeSeconds: z.number(),
        label: z.optional(z.partial(EntityRefSchema(), { id: true })),
      }),
    ),
  }),
);
export type { EstimatedWaitTimePredictions, PredictionResults };

const PresenceDefinitionRefSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    systemPresence: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
export type { PresenceDefinition };

export const UserPresenceSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    name: z.optional(z.string()),
    source: z.optional(z.string()),
    sourceId: z.optional(z.string()),
    primary: z.optional(z.boolean()),
    presenceDefinition: z.optional(PresenceDefinitionRefSchema()),
    message: z.optional(z.string()),
    modifiedDate: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
export type { UserPresence };

export const PresenceDefinitionSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    type: z.optional(z.string()),
    languageLabels: z.record(z.string(), z.string()),
    systemPresence: z.optional(z.string()),
    divisionId: z.optional(z.string()),
    deactivated: z.optional(z.boolean()),
    selfUri: z.optional(z.string()),
  }),
);
export type { OrganizationPresenceDefinition };

export const PresenceDefinitionListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(PresenceDefinitionSchema())), total: z.optional(z.number()) }),
);

export const UserQueueSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(QueueSchema(), { joined: z.optional(z.boolean()) }),
);
export type { UserQueue };
