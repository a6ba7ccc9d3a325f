// Public resource types and constants.
export type * from './schemas/routing.js';
export type { EntityRef, EntityListing } from './schemas/common.js';
export {
  USER_SKILLS_BULK_LIMIT,
  MAX_SKILLS_PER_USER,
  UserSkillItemSchema,
  type UserSkillItem,
  type BulkResult,
  type HeldSkills,
  type UserSkillsWriteOptions,
} from './routing/user-skills.js';
export type { ListSkillsOptions, CreateSkillInput } from './routing/skills.js';
export type { RoutingApi } from './routing/index.js';
export type * from './schemas/audit.js';
export * from './audit/index.js';
export {
  QUEUE_MEMBERS_LIMIT,
  RING_NUMBER_RANGE,
  type ListMembersOptions,
  type MemberExpand,
  type JoinChange,
  type SetJoinedOptions,
  type SetJoinedResult,
  type SetRingNumberOptions,
} from './routing/members.js';
export type { MemberBatchOptions, MemberBatchResult, MemberChunkResult } from './routing/member-batches.js';
export type { VerifyJoinOptions } from './routing/member-join.js';
export type { ListQueuesOptions, QueueMutator, UpdateQueueOptions, DeleteQueueOptions } from './routing/queues.js';
export {
  READ_ONLY_QUEUE_FIELDS,
  type CreateQueueInput,
  type QueueDraft,
  type QueueMediaSettingInput,
  type QueueMediaType,
  type BullseyeRingInput,
  type WrapupPrompt,
  type SkillEvaluationMethod,
  type ScoringMethod,
  type LastAgentRoutingMode,
} from './routing/queue-request.js';
export type { ListUsersOptions, UserExpand, RosterOptions, UsersByIdResult, OrgRef } from './routing/users.js';
export {
  USER_SEARCH_MAX_PAGE_SIZE,
  type UserSearchCriteria,
  type UserSearchOptions,
  type UserSearchType,
  type UserSearchField,
} from './routing/user-search.js';
export type {
  UtilizationInput,
  MediaUtilizationInput,
  LabelUtilizationInput,
  UtilizationMediaType,
  UtilizationResource,
} from './routing/utilization.js';
export type { SkillsResource } from './routing/skills.js';
export type { QueuesResource } from './routing/queues.js';
export type { MembersResource } from './routing/members.js';
export type { UserSkillsResource } from './routing/user-skills.js';
export type { UsersResource } from './routing/users.js';
export * from './webhooks/index.js';
export * from './notifications/index.js';
export {
  ApiPromise,
  type ApiResponse,
  type ClientCore,
  type ClientRequest,
  type OrgInfo,
  type PagingStyle,
  Resource,
} from './core/index.js';
export type * from './schemas/analytics.js';
export * from './analytics/index.js';
export * from './workforce/index.js';
// Routing admin: languages, skill groups, wrap-up codes, utilization labels, presence and a user's queues.
export type * from './schemas/admin.js';
export type {
  LanguagesResource,
  UserLanguagesResource,
  ListLanguagesOptions,
  CreateLanguageInput,
  UserLanguageItem,
  UserLanguagesResult,
} from './routing/languages.js';
export type {
  SkillGroupsResource,
  SkillGroupMemberDivisionsResource,
  SkillComparator,
  SkillConditionInput,
  CreateSkillGroupInput,
  UpdateSkillGroupInput,
  ListSkillGroupsOptions,
} from './routing/skill-groups.js';
export type {
  WrapupCodesResource,
  QueueWrapupCodesResource,
  WrapupCodeInput,
  ListWrapupCodesOptions,
} from './routing/wrapup-codes.js';
export type { UtilizationLabelsResource } from './routing/utilization-labels.js';
export type {
  RoutingStatusResource,
  PresenceResource,
  UserQueuesResource,
  SetPresenceInput,
  ListUserQueuesOptions,
  RoutingStatusValue,
} from './routing/user-routing.js';
export type { EstimatedWaitTimeOptions } from './routing/queues.js';
export {
  USER_OBSERVATION_METRICS,
  type UserObservationMetric,
  type UserObservationsQuery,
  type UserAnalyticsResource,
  type UserObservationQueryResponse,
} from './analytics/user-observations.js';
