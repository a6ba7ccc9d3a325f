// Routing models (as in the official SDK purecloud-platform-client-v2), as loose zod/mini schemas (unknown fields
// pass through at run time); the public types are named interfaces (in ../models, or below), without an index
// signature.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { EntityRefSchema } from './common.js';
import type { EntityRef } from './common.js';
import type { Queue, RoutingSkill, UserSkill } from '../models/routing.js';
import type { QueueMember, RoutingStatus, User } from '../models/users.js';

export const RoutingSkillSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: z.optional(EntityRefSchema()),
    dateModified: z.optional(z.string()),
    state: z.optional(z.union([z.enum(['active', 'inactive', 'deleted']), z.string()])),
    version: z.optional(z.union([z.string(), z.number()])),
    selfUri: z.optional(z.string()),
  }),
);
export type { RoutingSkill };

const ServiceLevelSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ percentage: z.optional(z.number()), durationMs: z.optional(z.number()) }),
);
export const MediaSettingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    alertingTimeoutSeconds: z.optional(z.number()),
    serviceLevel: z.optional(ServiceLevelSchema()),
    enableAutoAnswer: z.optional(z.boolean()),
  }),
);

export const BullseyeRingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    expansionCriteria: z.optional(
      z.array(z.looseObject({ type: z.optional(z.string()), threshold: z.optional(z.number()) })),
    ),
    actions: z.optional(z.looseObject({})),
    memberGroups: z.optional(z.array(z.looseObject({}))),
  }),
);

export const QueueSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.string(),
    division: z.optional(EntityRefSchema()),
    description: z.optional(z.string()),
    dateCreated: z.optional(z.string()),
    dateModified: z.optional(z.string()),
    memberCount: z.optional(z.number()),
    userMemberCount: z.optional(z.number()),
    joinedMemberCount: z.optional(z.number()),
    mediaSettings: z.optional(z.record(z.string(), MediaSettingSchema())),
    routingRules: z.optional(z.array(z.looseObject({}))),
    bullseye: z.optional(z.looseObject({ rings: z.optional(z.array(BullseyeRingSchema())) })),
    acwSettings: z.optional(z.looseObject({ wrapupPrompt: z.optional(z.string()), timeoutMs: z.optional(z.number()) })),
    skillEvaluationMethod: z.optional(z.union([z.enum(['NONE', 'BEST', 'ALL']), z.string()])),
    scoringMethod: z.optional(z.string()),
    lastAgentRoutingMode: z.optional(z.string()),
    memberGroups: z.optional(z.array(z.looseObject({}))),
    selfUri: z.optional(z.string()),
  }),
);
export type { Queue };

export const RoutingStatusSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    userId: z.optional(z.string()),
    status: z.optional(
      z.union([z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']), z.string()]),
    ),
    startTime: z.optional(z.string()),
  }),
);
export type { RoutingStatus };

export const UserRoutingSkillSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    proficiency: z.optional(z.number()),
    state: z.optional(z.string()),
    skillUri: z.optional(z.string()),
    selfUri: z.optional(z.string()),
  }),
);
export type { UserSkill };
/** The platform's name of `UserSkill`. */
export type UserRoutingSkill = UserSkill;

export const UserSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    email: z.optional(z.string()),
    username: z.optional(z.string()),
    state: z.optional(z.union([z.enum(['active', 'inactive', 'deleted']), z.string()])),
    version: z.optional(z.number()),
    division: z.optional(EntityRefSchema()),
    department: z.optional(z.string()),
    title: z.optional(z.string()),
    skills: z.optional(z.array(UserRoutingSkillSchema())),
    languages: z.optional(z.array(z.looseObject({ id: z.string() }))),
    routingStatus: z.optional(RoutingStatusSchema()),
    presence: z.optional(z.looseObject({})),
    selfUri: z.optional(z.string()),
  }),
);
export type { User };

export const QueueMemberSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    name: z.optional(z.string()),
    user: z.optional(z.partial(UserSchema(), { id: true })),
    ringNumber: z.optional(z.int()),
    joined: z.optional(z.boolean()),
    memberBy: z.optional(z.union([z.enum(['user', 'group']), z.string()])),
    routingStatus: z.optional(RoutingStatusSchema()),
    selfUri: z.optional(z.string()),
  }),
);
export type { QueueMember };

// ---- utilization -------------------------------------------------------------------------------------

export const MediaUtilizationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    maximumCapacity: z.optional(z.number()),
    interruptableMediaTypes: z.optional(z.array(z.string())),
    includeNonAcd: z.optional(z.boolean()),
  }),
);
/** Capacity for one media type: how many at once, and which other media may interrupt it. */
export interface MediaUtilization {
  /** How many interactions of this media type an agent handles at once. */
  maximumCapacity?: number | undefined;
  /** The media types that may interrupt (be offered during) an interaction of this type. */
  interruptableMediaTypes?: string[] | undefined;
  /** Whether non-ACD interactions of this type count against `maximumCapacity`. */
  includeNonAcd?: boolean | undefined;
}

export const LabelUtilizationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    maximumCapacity: z.optional(z.number()),
    interruptingLabelIds: z.optional(z.array(z.string())),
    labelName: z.optional(z.string()),
  }),
);
/** Capacity for one utilization label: how many at once, and which labels may interrupt it. */
export interface LabelUtilization {
  /** How many interactions carrying this label an agent handles at once. */
  maximumCapacity?: number | undefined;
  /** The labels whose interactions may interrupt an interaction with this label. */
  interruptingLabelIds?: string[] | undefined;
  /** The label's name. */
  labelName?: string | undefined;
}

/** `UtilizationResponse` (org level). */
export const UtilizationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    utilization: z.optional(z.record(z.string(), MediaUtilizationSchema())),
    labelUtilizations: z.optional(z.record(z.string(), LabelUtilizationSchema())),
    maxInboundCalls: z.optional(z.number()),
  }),
);
/** `UtilizationResponse` (org level). */
export interface Utilization {
  /** Capacity per media type (`call`, `callback`, `chat`, `email`, `message`, ...): a map keyed by media type. */
  utilization?: Record<string, MediaUtilization> | undefined;
  /** Capacity per utilization label: a map keyed by label id. */
  labelUtilizations?: Record<string, LabelUtilization> | undefined;
  /** How many inbound calls an agent may have at once (ACD and non-ACD). */
  maxInboundCalls?: number | undefined;
}

/** `AgentMaxUtilizationResponse`: `level` tells whether the agent has own settings or inherits the org's. */
export const AgentUtilizationSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(UtilizationSchema(), {
    level: z.optional(z.union([z.enum(['Agent', 'Organization']), z.string()])),
  }),
);
/** `AgentMaxUtilizationResponse`: `level` tells whether the agent has own settings or inherits the org's. */
export interface AgentUtilization {
  /** Capacity per media type (`call`, `callback`, `chat`, `email`, `message`, ...): a map keyed by media type. */
  utilization?: Record<string, MediaUtilization> | undefined;
  /** Capacity per utilization label: a map keyed by label id. */
  labelUtilizations?: Record<string, LabelUtilization> | undefined;
  /** How many inbound calls an agent may have at once (ACD and non-ACD). */
  maxInboundCalls?: number | undefined;
  /** `Agent` (the agent has own settings) or `Organization` (the agent inherits the org's). */
  level?: string | undefined;
}

// ---- user search -------------------------------------------------------------------------------------

/** A user as the search index returns it: the dev-center example shows `version` as a string there. */
export const UserSearchResultSchema = /* @__PURE__ */ lazySchema(() =>
  z.extend(UserSchema(), { version: z.optional(z.union([z.number(), z.string()])) }),
);
/** A user as the search index returns it: the dev-center example shows `version` as a string there. */
export interface UserSearchResult {
  /** The user id. */
  id: string;
  /** The user's name. */
  name?: string | undefined;
  /** The user's email address. */
  email?: string | undefined;
  /** The user's login name. */
  username?: string | undefined;
  /** `active`, `inactive` or `deleted`. */
  state?: string | undefined;
  /** The division the user is in. */
  division?: EntityRef | undefined;
  /** The user's department. */
  department?: string | undefined;
  /** The user's job title. */
  title?: string | undefined;
  /** The user's routing skills (with `expand: ['skills']`). */
  skills?:
    | Array<{
        /** The skill id. */
        id: string;
        /** The skill name. */
        name?: string | undefined;
        /** The user's proficiency on it, 0 to 5. */
        proficiency?: number | undefined;
        /** `active`, `inactive` or `deleted`. */
        state?: string | undefined;
        /** The URI of the skill. */
        skillUri?: string | undefined;
        /** The URI of this user-skill assignment. */
        selfUri?: string | undefined;
      }>
    | undefined;
  /** The user's routing languages (with `expand: ['languages']`). */
  languages?:
    | Array<{
        /** The language id. */
        id: string;
      }>
    | undefined;
  /** The user's routing status (with `expand: ['routingStatus']`). */
  routingStatus?:
    | {
        /** The user id. */
        userId?: string | undefined;
        /** `OFF_QUEUE`, `IDLE`, `INTERACTING`, `NOT_RESPONDING` or `COMMUNICATING` (others may be added). */
        status?: string | undefined;
        /** ISO-8601: when the user entered this status. */
        startTime?: string | undefined;
      }
    | undefined;
  /** The user's presence, not modelled here (an open map): narrow a field before use, or call `users.presence.get`. */
  presence?: Record<string, unknown> | undefined;
  /** The user's URI. */
  selfUri?: string | undefined;
  /** The user's version (the search index may send it as a string). */
  version?: string | number | undefined;
}

/** `UsersSearchResponse`: `nextPage`/`previousPage`/`currentPage` are q64 URIs (`/api/v2/users/search?q64=…`). */
export const UsersSearchResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    total: z.optional(z.number()),
    pageCount: z.optional(z.number()),
    pageSize: z.optional(z.number()),
    pageNumber: z.optional(z.number()),
    previousPage: z.optional(z.string()),
    currentPage: z.optional(z.string()),
    nextPage: z.optional(z.string()),
    types: z.optional(z.array(z.string())),
    results: z.optional(z.array(UserSearchResultSchema())),
  }),
);
/** `UsersSearchResponse`: `nextPage`/`previousPage`/`currentPage` are q64 URIs (`/api/v2/users/search?q64=…`). */
export interface UsersSearchResponse {
  /** How many users match, in all pages. */
  total?: number | undefined;
  /** How many pages there are. */
  pageCount?: number | undefined;
  /** Results per page. */
  pageSize?: number | undefined;
  /** This page's number (1-based). */
  pageNumber?: number | undefined;
  /** The q64 URI of the previous page. */
  previousPage?: string | undefined;
  /** The q64 URI of this page. */
  currentPage?: string | undefined;
  /** The q64 URI of the next page (absent on the last page). */
  nextPage?: string | undefined;
  /** The entity types searched (`users`). */
  types?: string[] | undefined;
  /** The users of this page. */
  results?: UserSearchResult[] | undefined;
}
