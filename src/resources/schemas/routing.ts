// Routing models (as in the official SDK purecloud-platform-client-v2), as loose schemas (the checker in internal/shape.ts); the exported types are inferred from them.
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';
import { EntityRefSchema } from './common.js';
import type { Queue, QueueMember, RoutingSkill, UserSkill } from '../models/routing.js';
import type { RoutingStatus, User } from '../models/users.js';

export const RoutingSkillSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: EntityRefSchema.optional(),
    dateModified: z.string().optional(),
    state: z.enum(['active', 'inactive', 'deleted']).or(z.string()).optional(),
    version: z.union([z.string(), z.number()]).optional(),
    selfUri: z.string().optional(),
  }),
);
export type { RoutingSkill };

const ServiceLevelSchema = z.lazy(() => z.looseObject({ percentage: z.number().optional(), durationMs: z.number().optional() }));
export const MediaSettingSchema = z.lazy(() =>
  z.looseObject({
    alertingTimeoutSeconds: z.number().optional(),
    serviceLevel: ServiceLevelSchema.optional(),
    enableAutoAnswer: z.boolean().optional(),
  }),
);

export const BullseyeRingSchema = z.lazy(() =>
  z.looseObject({
    expansionCriteria: z.array(z.looseObject({ type: z.string().optional(), threshold: z.number().optional() })).optional(),
    actions: z.looseObject({}).optional(),
    memberGroups: z.array(z.looseObject({})).optional(),
  }),
);

export const QueueSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: EntityRefSchema.optional(),
    description: z.string().optional(),
    dateCreated: z.string().optional(),
    dateModified: z.string().optional(),
    memberCount: z.number().optional(),
    userMemberCount: z.number().optional(),
    joinedMemberCount: z.number().optional(),
    mediaSettings: z.record(z.string(), MediaSettingSchema).optional(),
    routingRules: z.array(z.looseObject({})).optional(),
    bullseye: z.looseObject({ rings: z.array(BullseyeRingSchema).optional() }).optional(),
    acwSettings: z.looseObject({ wrapupPrompt: z.string().optional(), timeoutMs: z.number().optional() }).optional(),
    skillEvaluationMethod: z.enum(['NONE', 'BEST', 'ALL']).or(z.string()).optional(),
    scoringMethod: z.string().optional(),
    lastAgentRoutingMode: z.string().optional(),
    memberGroups: z.array(z.looseObject({})).optional(),
    selfUri: z.string().optional(),
  }),
);
export type { Queue };

export const RoutingStatusSchema = z.lazy(() =>
  z.looseObject({
    userId: z.string().optional(),
    status: z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).or(z.string()).optional(),
    startTime: z.string().optional(),
  }),
);
export type { RoutingStatus };

export const UserRoutingSkillSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    proficiency: z.number().optional(),
    state: z.string().optional(),
    skillUri: z.string().optional(),
    selfUri: z.string().optional(),
  }),
);
export type { UserSkill };
/** The platform's name of `UserSkill`. */
export type UserRoutingSkill = UserSkill;

export const UserSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    email: z.string().optional(),
    username: z.string().optional(),
    state: z.enum(['active', 'inactive', 'deleted']).or(z.string()).optional(),
    version: z.number().optional(),
    division: EntityRefSchema.optional(),
    department: z.string().optional(),
    title: z.string().optional(),
    skills: z.array(UserRoutingSkillSchema).optional(),
    languages: z.array(z.looseObject({ id: z.string() })).optional(),
    routingStatus: RoutingStatusSchema.optional(),
    presence: z.looseObject({}).optional(),
    selfUri: z.string().optional(),
  }),
);
export type { User };

export const QueueMemberSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    name: z.string().optional(),
    user: UserSchema.inner.partial({ id: true }).optional(),
    ringNumber: z.number().int().optional(),
    joined: z.boolean().optional(),
    memberBy: z.enum(['user', 'group']).or(z.string()).optional(),
    routingStatus: RoutingStatusSchema.optional(),
    selfUri: z.string().optional(),
  }),
);
export type { QueueMember };

// ---- utilization -------------------------------------------------------------------------------------

export const MediaUtilizationSchema = z.lazy(() =>
  z.looseObject({
    maximumCapacity: z.number().optional(),
    interruptableMediaTypes: z.array(z.string()).optional(),
    includeNonAcd: z.boolean().optional(),
  }),
);
export type MediaUtilization = Infer<typeof MediaUtilizationSchema>;

export const LabelUtilizationSchema = z.lazy(() =>
  z.looseObject({
    maximumCapacity: z.number().optional(),
    interruptingLabelIds: z.array(z.string()).optional(),
    labelName: z.string().optional(),
  }),
);
export type LabelUtilization = Infer<typeof LabelUtilizationSchema>;

/** `UtilizationResponse` (org level). */
export const UtilizationSchema = z.lazy(() =>
  z.looseObject({
    utilization: z.record(z.string(), MediaUtilizationSchema).optional(),
    labelUtilizations: z.record(z.string(), LabelUtilizationSchema).optional(),
    maxInboundCalls: z.number().optional(),
  }),
);
export type Utilization = Infer<typeof UtilizationSchema>;

/** `AgentMaxUtilizationResponse`: `level` tells whether the agent has own settings or inherits the org's. */
export const AgentUtilizationSchema = z.lazy(() => UtilizationSchema.inner.extend({ level: z.enum(['Agent', 'Organization']).or(z.string()).optional() }));
export type AgentUtilization = Infer<typeof AgentUtilizationSchema>;

// ---- user search -------------------------------------------------------------------------------------

/** A user as the search index returns it: the dev-center example shows `version` as a string there. */
export const UserSearchResultSchema = z.lazy(() => UserSchema.inner.extend({ version: z.union([z.number(), z.string()]).optional() }));
export type UserSearchResult = Infer<typeof UserSearchResultSchema>;

/** `UsersSearchResponse`: `nextPage`/`previousPage`/`currentPage` are q64 URIs (`/api/v2/users/search?q64=…`). */
export const UsersSearchResponseSchema = z.lazy(() =>
  z.looseObject({
    total: z.number().optional(),
    pageCount: z.number().optional(),
    pageSize: z.number().optional(),
    pageNumber: z.number().optional(),
    previousPage: z.string().optional(),
    currentPage: z.string().optional(),
    nextPage: z.string().optional(),
    types: z.array(z.string()).optional(),
    results: z.array(UserSearchResultSchema).optional(),
  }),
);
export type UsersSearchResponse = Infer<typeof UsersSearchResponseSchema>;
