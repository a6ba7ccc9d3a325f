// The resources' public surface, re-exported by the root entry: the resource classes the client builds, their
// options and results, the models and the constants. Listed by name once, here; etc/ (the API report) locks it.
export { ASYNC_JOB_STATES } from './schemas/analytics.js';
export { topics as notificationTopics } from './webhooks/index.js';
// Plumbing the notification resources' constructors and `NotificationStream.open` take (the client builds them).
export { ChannelTracker, type TrackedChannel } from './notifications/limits.js';
export type { StreamHost } from './notifications/stream-types.js';
export { type EntityRef, type EntityListing } from './schemas/common.js';
export {
  type UserSkillItem,
  type BulkResult,
  type HeldSkills,
  type UserSkillsWriteOptions,
} from './routing/users/user-skills.js';
export { type ListSkillsOptions, type CreateSkillInput } from './routing/skills.js';
export {
  type ListMembersOptions,
  type MemberExpand,
  type JoinChange,
  type SetJoinedOptions,
  type SetJoinedResult,
  type SetRingNumberOptions,
} from './routing/members/members.js';
export {
  type MemberBatchOptions,
  type MemberBatchResult,
  type MemberChunkResult,
} from './routing/members/member-batches.js';
export { type VerifyJoinOptions } from './routing/members/member-join.js';
export {
  type ListQueuesOptions,
  type QueueMutator,
  type UpdateQueueOptions,
  type DeleteQueueOptions,
} from './routing/queues.js';
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
export {
  type ListUsersOptions,
  type UserExpand,
  type RosterOptions,
  type UsersByIdResult,
  type OrgRef,
} from './routing/users/users.js';
export {
  type UserSearchCriteria,
  type UserSearchOptions,
  type UserSearchType,
  type UserSearchField,
} from './routing/users/user-search.js';
export {
  type UtilizationInput,
  type MediaUtilizationInput,
  type LabelUtilizationInput,
  type UtilizationMediaType,
} from './routing/utilization.js';
export {
  ApiPromise,
  type ApiResponse,
  type ClientCore,
  type ClientRequest,
  type OrgInfo,
  type PagingStyle,
} from './core/index.js';
export {
  type RoutingSkill,
  type Queue,
  type RoutingStatus,
  type UserRoutingSkill,
  type UserSkill,
  type User,
  type QueueMember,
  type MediaUtilization,
  type LabelUtilization,
  type Utilization,
  type AgentUtilization,
  type UserSearchResult,
  type UsersSearchResponse,
} from './schemas/routing.js';
export {
  type AuditPropertyChange,
  type AuditLogMessage,
  type AuditQueryExecution,
  type AuditServiceMapping,
} from './schemas/audit.js';
export {
  AuditQueryFailedError,
  isAuditQueryFailedError,
  findChanges,
  type AuditChangeRow,
  type FindChangesOptions,
  type AuditInterval,
  type AuditQuery,
  type AuditQueryFilter,
  type AuditQuerySort,
  type AuditQueryBody,
  type AuditExpand,
  type AuditQueryOptions,
  type AuditQueryResults,
  type AuditResultsOptions,
  type AuditWaitOptions,
  type RealtimeQueryOptions,
  type RelatedAuditsOptions,
  AUDIT_SERVICE_NAMES,
  type AuditServiceName,
  ROUTING_AUDIT_ENTITY_TYPES,
  type RoutingAuditEntityType,
  type AuditEntityType,
  AUDIT_ACTIONS,
  type AuditAction,
  AUDIT_FILTER_PROPERTIES,
  type AuditFilterProperty,
  AUDIT_QUERY_STATES,
  type AuditQueryState,
  AUDIT_LEVELS,
  type AuditLevel,
  AUDIT_STATUSES,
  type AuditStatus,
} from './audit/index.js';
export {
  matchTopic,
  type ConversationDetailEventType,
  type NotificationEvent,
  type NotificationKind,
  type NotificationKinds,
  type NotificationMetadata,
  type QueueConversationMedia,
  type TopicEvent,
  type TopicKind,
  type WebSocketConstructor,
  type WebSocketLike,
  type Channel,
  type ChannelTopic,
  type NotificationMessage,
  type QueueMemberNotification,
  type UserRoutingStatusNotification,
  type UserActivityNotification,
  type UserPresenceNotification,
  type UserConversationSummaryNotification,
  type QueueConversationNotification,
  type StatsNotification,
  type DetailEventNotification,
  type AuditNotification,
  type DataAvailabilityNotification,
  type EventBridgeEnvelope,
} from './webhooks/index.js';
export {
  type CreateChannelOptions,
  type ListChannelsOptions,
  type SubscribeOptions,
  type OpenStreamOptions,
  type ReconnectOptions,
  type ReconnectReason,
  type StreamEvents,
  type StreamState,
  ChannelLimitError,
  type NotificationsSettings,
} from './notifications/index.js';
export {
  type StatisticalSummary,
  type AggregateMetricData,
  type StatisticalResponse,
  type AggregateDataContainer,
  type ConversationAggregateQueryResponse,
  type UserAggregateQueryResponse,
  type ObservationValue,
  type ObservationMetricData,
  type QueueObservationDataContainer,
  type QueueObservationQueryResponse,
  type AnalyticsSessionMetric,
  type AnalyticsConversationSegment,
  type AnalyticsSession,
  type AnalyticsParticipant,
  type AnalyticsConversation,
  type AnalyticsConversationQueryResponse,
  type AsyncQueryResponse,
  type AsyncJobState,
  type AsyncQueryStatus,
  type AnalyticsConversationAsyncQueryResponse,
  type DataAvailabilityResponse,
} from './schemas/analytics.js';
export {
  anyOfFilter,
  type AnalyticsClause,
  type AnalyticsFilter,
  type AnalyticsPredicate,
  type NumericRange,
  type AnalyticsInterval,
  aggregateStats,
  agentOccupancy,
  combineRows,
  summarizeQueueLoad,
  type AggregateStatRow,
  type AgentOccupancy,
  type QueueLoad,
  AnalyticsJobError,
  isAnalyticsJobError,
  QUEUE_LOAD_METRICS,
  type QueueObservationsOptions,
  type QueueObservationsQuery,
  type AggregatesOptions,
  type ConversationAggregatesQuery,
  type ConversationAggregationView,
  type UserAggregatesOptions,
  type UserAggregatesQuery,
  type ConversationDetailsQuery,
  type DetailsJobOptions,
  type DetailsJobQuery,
  type DetailsJobResults,
  QUEUE_OBSERVATION_METRICS,
  type QueueObservationMetric,
  QUEUE_OBSERVATION_DETAIL_METRICS,
  type QueueObservationDetailMetric,
  CONVERSATION_AGGREGATE_METRICS,
  type ConversationAggregateMetric,
  CONVERSATION_AGGREGATE_DIMENSIONS,
  type ConversationAggregateDimension,
  USER_AGGREGATE_METRICS,
  type UserAggregateMetric,
  ANALYTICS_MEDIA_TYPES,
  type AnalyticsMediaType,
  AGENT_ROUTING_STATUSES,
  type AgentRoutingStatus,
} from './analytics/index.js';
export {
  type Language,
  type UserRoutingLanguage,
  type SkillGroup,
  type SkillGroupCondition,
  type SkillGroupRoutingCondition,
  type SkillGroupLanguageCondition,
  type UserReferenceWithName,
  type WrapupCode,
  type UtilizationLabel,
  type EstimatedWaitTimePredictions,
  type PredictionResults,
  type PresenceDefinition,
  type UserPresence,
  type OrganizationPresenceDefinition,
  type UserQueue,
} from './schemas/admin.js';
export {
  type ListLanguagesOptions,
  type CreateLanguageInput,
  type UserLanguageItem,
  type UserLanguagesResult,
} from './routing/languages.js';
export {
  type SkillComparator,
  type SkillConditionInput,
  type CreateSkillGroupInput,
  type UpdateSkillGroupInput,
  type ListSkillGroupsOptions,
} from './routing/skill-groups.js';
export { type WrapupCodeInput, type ListWrapupCodesOptions } from './routing/wrapup-codes.js';
export {
  type SetPresenceInput,
  type ListUserQueuesOptions,
  type RoutingStatusValue,
} from './routing/users/user-routing.js';
export { type EstimatedWaitTimeOptions } from './routing/queues.js';
export {
  USER_OBSERVATION_METRICS,
  type UserObservationMetric,
  type UserObservationsQuery,
  type UserObservationQueryResponse,
} from './analytics/user-observations.js';
export type {
  Bullseye,
  Ring,
  ExpansionCriterium,
  ConditionalGroupRouting,
  ConditionalGroupRoutingRule,
  MemberGroup,
  QueueMediaSettings,
  MediaSettings,
  ServiceLevel,
  AcwSettings,
  Division,
  RoutingRule,
} from './models/routing.js';
// Every other generated model the public types reach, so each has its own page and name (no inferred shapes).
export type {
  UserRoutingLanguagePost,
  SkillGroupWithMemberDivisions,
  SkillGroupMemberDivisions,
  WrapupCodeRequest,
  WrapUpCodeReference,
  CreateUtilizationLabelRequest,
  UpdateUtilizationLabelRequest,
  ConditionalGroupActivation,
  ConditionalGroupActivationPilotRule,
  ConditionalGroupActivationRule,
  ConditionalGroupActivationCondition,
  ConditionalGroupActivationSimpleMetric,
  DomainEntityRef,
  AddressableEntityRef,
  CannedResponseLibraries,
  AgentOwnedRouting,
  DirectRouting,
  DirectRoutingMediaSettings,
  WritableDivision,
  StarrableDivision,
  WritableStarrableDivision,
  LabelUtilizationRequest,
  CallbackMediaSettings,
  EmailMediaSettings,
  MessageMediaSettings,
  MessageSubtypeSettings,
  InactivityTimeoutSettings,
  RingActions,
  SkillsToRemove,
} from './models/routing.js';
export type {
  UserObservationDataContainer,
  ConversationAggregateDataContainer,
  UserAggregateDataContainer,
  AggregateViewData,
  AnalyticsScoredAgent,
  AnalyticsAgentGroup,
  AnalyticsProperty,
} from './models/analytics.js';
export type {
  AuditMessageInfo,
  AuditInitiatingAction,
  AuditEntityChange,
  AuditQueryExecutionFilter,
  AuditQueryExecutionSort,
  AuditQueryService,
  AuditQueryEntity,
} from './models/audit.js';
export {
  WorkforcePendingError,
  isWorkforcePendingError,
  inferIntervalMinutes,
  type ListManagementUnitsOptions,
  type ForecastDataOptions,
  type WeekForecastOptions,
  type WeekForecast,
  type PlanningGroupForecast,
  type AgentSchedulesQuery,
  type AgentSchedule,
  type AgentSchedulesResult,
  type ForecastPlanningGroup,
  type ForecastResult,
  type ManagementUnit,
  type ScheduleActivity,
  type ScheduleListItem,
  type ScheduleShift,
  type ShortTermForecast,
  type WfmReference,
} from './workforce/index.js';

// Resource classes reached through the client (`client.routing.queues` is a QueuesResource): exported by name so
// their pages and `instanceof` work; the client builds them (their constructors take its internal core).
export { RoutingApi } from './routing/index.js';
export { UtilizationResource } from './routing/utilization.js';
export { SkillsResource } from './routing/skills.js';
export { QueuesResource } from './routing/queues.js';
export { MembersResource } from './routing/members/members.js';
export { UserSkillsResource } from './routing/users/user-skills.js';
export { UsersResource } from './routing/users/users.js';
export { Resource } from './core/resource.js';
export { AuditQueriesResource, RealtimeAuditResource } from './audit/resources.js';
export { AuditApi } from './audit/index.js';
export { ChannelsResource, SubscriptionsResource } from './notifications/channels.js';
export { StreamsResource } from './notifications/streams.js';
export { NotificationStream } from './notifications/stream.js';
export { NotificationsApi } from './notifications/index.js';
export {
  AggregatesResource,
  DetailsJobsResource,
  DetailsResource,
  ObservationsResource,
  UserAggregatesResource,
} from './analytics/resources.js';
export { AnalyticsApi } from './analytics/index.js';
export { LanguagesResource, UserLanguagesResource } from './routing/languages.js';
export { SkillGroupsResource, SkillGroupMemberDivisionsResource } from './routing/skill-groups.js';
export { WrapupCodesResource, QueueWrapupCodesResource } from './routing/wrapup-codes.js';
export { UtilizationLabelsResource } from './routing/utilization-labels.js';
export { RoutingStatusResource, PresenceResource, UserQueuesResource } from './routing/users/user-routing.js';
export { UserAnalyticsResource } from './analytics/user-observations.js';
export { WorkforceApi } from './workforce/index.js';
export { ManagementUnitsResource } from './workforce/management-units.js';
export { ForecastsResource } from './workforce/forecasts.js';
export { SchedulesResource } from './workforce/schedules.js';
