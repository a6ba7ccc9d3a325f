// Models of the routing-admin resources (languages, skill groups, wrap-up codes, utilization labels, presence,
// a user's queues, estimated wait time), as loose schemas (unknown fields pass through). The exported types
// are the generated interfaces of src/resources/models (checked against these schemas in models/schema-checks.ts).
import * as z from '../../internal/shape.js';
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

const state = z.enum(['active', 'inactive', 'deleted']).or(z.string()).optional();

export const LanguageSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    dateModified: z.string().optional(),
    state,
    version: z.union([z.string(), z.number()]).optional(),
    selfUri: z.string().optional(),
  }),
);
export type { Language };

export const UserRoutingLanguageSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    proficiency: z.number().optional(),
    state,
    languageUri: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type { UserRoutingLanguage };

const comparisonFields = { comparator: z.string(), proficiency: z.number() };
// Recursive (child conditions), so typed by its interface rather than inferred.
export const SkillGroupConditionSchema: z.Shape<SkillGroupCondition, unknown> = z.lazy(() =>
  z.looseObject({
    routingSkillConditions: z.array(z.looseObject({ routingSkill: z.string(), ...comparisonFields, childConditions: z.array(SkillGroupConditionSchema).optional() })),
    languageSkillConditions: z.array(z.looseObject({ languageSkill: z.string(), ...comparisonFields, childConditions: z.array(SkillGroupConditionSchema).optional() })),
    operation: z.string(),
  }),
) as never;
export type { SkillGroupCondition, SkillGroupLanguageCondition, SkillGroupRoutingCondition };

export const SkillGroupSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: EntityRefSchema.optional(),
    description: z.string().optional(),
    memberCount: z.number().optional(),
    dateModified: z.string().optional(),
    dateCreated: z.string().optional(),
    status: z.string().optional(),
    skillConditions: z.array(SkillGroupConditionSchema),
    selfUri: z.string().optional(),
  }),
);
export type { SkillGroup };

export const SkillGroupMemberSchema = z.lazy(() => z.looseObject({ id: z.string().optional(), name: z.string().optional(), selfUri: z.string().optional() }));
export type { UserReferenceWithName };

export const DivisionListSchema = z.lazy(() => z.looseObject({ entities: z.array(EntityRefSchema).optional() }));

export const WrapupCodeSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: EntityRefSchema.optional(),
    description: z.string().optional(),
    dateCreated: z.string().optional(),
    dateModified: z.string().optional(),
    createdBy: z.string().optional(),
    modifiedBy: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type { WrapupCode };

export const UtilizationLabelSchema = z.lazy(() => z.looseObject({ id: z.string(), name: z.string(), selfUri: z.string().optional() }));
export type { UtilizationLabel };

export const EstimatedWaitTimeSchema = z.lazy(() =>
  z.looseObject({
    results: z.array(
      z.looseObject({
        intent: z.string().optional(),
        formula: z.string(),
        estimatedWaitTimeSeconds: z.number(),
        label: EntityRefSchema.inner.partial({ id: true }).optional(),
      }),
    ),
  }),
);
export type { EstimatedWaitTimePredictions, PredictionResults };

const PresenceDefinitionRefSchema = z.lazy(() => z.looseObject({ id: z.string().optional(), systemPresence: z.string().optional(), selfUri: z.string().optional() }));
export type { PresenceDefinition };

export const UserPresenceSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    name: z.string().optional(),
    source: z.string().optional(),
    sourceId: z.string().optional(),
    primary: z.boolean().optional(),
    presenceDefinition: PresenceDefinitionRefSchema.optional(),
    message: z.string().optional(),
    modifiedDate: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type { UserPresence };

export const PresenceDefinitionSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    type: z.string().optional(),
    languageLabels: z.record(z.string(), z.string()),
    systemPresence: z.string().optional(),
    divisionId: z.string().optional(),
    deactivated: z.boolean().optional(),
    selfUri: z.string().optional(),
  }),
);
export type { OrganizationPresenceDefinition };

export const PresenceDefinitionListingSchema = z.lazy(() => z.looseObject({ entities: z.array(PresenceDefinitionSchema).optional(), total: z.number().optional() }));

export const UserQueueSchema = z.lazy(() => QueueSchema.inner.extend({ joined: z.boolean().optional() }));
export type { UserQueue };
