// genesys-routing-sdk: the client, its resources and workflows, typed errors and guards, the Paginator, the
// platform LIMITS and the public types. Every name is listed here on purpose (no wildcard re-exports): the
// surface is locked by the API report in etc/. Pure math is in `genesys-routing-sdk/optimizer`, the emulator
// in `/testing`, signed webhooks and EventBridge parsing in `/webhooks`, shared state through Redis in `/redis`.
export { LIMITS, type Limits } from './limits.js';
export { ASYNC_JOB_STATES } from './resources/schemas/analytics.js';
export { summarize as summarizePlan } from './workflows/plan.js';
export { topics as notificationTopics } from './resources/index.js';
export { WebhookDeliveryError, isWebhookDeliveryError, type WebhookDeliveryErrorOptions } from './webhooks/errors.js';
export { GenesysClient, type RawRequest } from './client.js';
export type { ClientOptions, ValidationMode } from './config.js';
export type { Clock } from './internal/clock.js';
export { REGIONS, regionBaseUrls, type Region, type RegionName, type RegionDomain } from './regions.js';
export { Paginator, type Page, type ToArrayOptions } from './transport/paginator.js';
export type { ListOptions } from './transport/paging-strategies.js';
export type { CallOptions, HttpMethod, QueryValue } from './transport/operation.js';
export type { TransportResponse } from './transport/transport.js';
export type { TraceRequest, TraceResponse, TracingOptions } from './transport/tracing.js';
export { MemoryTokenStore, type TokenStore, type StoredToken } from './transport/token-store.js';
export type { Logger } from './transport/log.js';
export type { SharedQuota, QuotaGate, QuotaContext, QuotaTicket } from './transport/quota.js';
export {
  renderReport,
  staffingFromHistory,
  type ReportInput,
  type StaffingReport,
  type StaffingRow,
  type AvailableSeries,
  type AutopilotReport,
  type ServiceLevelSeries,
  type StaffingFromHistoryOptions,
  type StaffingFromHistoryResult,
} from './report/index.js';
export {
  type GenesysErrorOptions,
  GenesysError,
  type GenesysErrorDetail,
  type GenesysErrorBody,
  type GenesysApiErrorOptions,
  GenesysApiError,
  BadRequestError,
  AuthenticationError,
  PermissionDeniedError,
  NotFoundError,
  ConflictError,
  RateLimitError,
  ServerError,
  ConnectionError,
  TimeoutError,
  ResponseTooLargeError,
  RequestAbortedError,
  type ValidationIssue,
  ValidationError,
  isGenesysError,
  isGenesysApiError,
  isBadRequestError,
  isAuthenticationError,
  isPermissionDeniedError,
  isNotFoundError,
  isConflictError,
  isRateLimitError,
  isServerError,
  isConnectionError,
  isTimeoutError,
  isRequestAbortedError,
  isResponseTooLargeError,
  isValidationError,
  PlanLockedError,
  isPlanLockedError,
  SkillLimitError,
  isSkillLimitError,
  SolverUnavailableError,
  isSolverUnavailableError,
  LeaseLostError,
  isLeaseLostError,
  JournalUnavailableError,
  isJournalUnavailableError,
  UnexpectedResponseError,
  isUnexpectedResponseError,
} from './errors.js';
export {
  type RateLimitInfo,
  type RequestEvent,
  type ResponseEvent,
  type RetryEvent,
  type RateLimitedEvent,
  type TokenRefreshedEvent,
  type ValidationIssueEvent,
  type SharedStateEvent,
  type ProgressEvent,
  type ClientEvents,
  type ClientEventName,
} from './events.js';
export {
  type EntityRef,
  type EntityListing,
  type UserSkillItem,
  type BulkResult,
  type HeldSkills,
  type UserSkillsWriteOptions,
  type ListSkillsOptions,
  type CreateSkillInput,
  type ListMembersOptions,
  type MemberExpand,
  type JoinChange,
  type SetJoinedOptions,
  type SetJoinedResult,
  type SetRingNumberOptions,
  type MemberBatchOptions,
  type MemberBatchResult,
  type MemberChunkResult,
  type VerifyJoinOptions,
  type ListQueuesOptions,
  type QueueMutator,
  type UpdateQueueOptions,
  type DeleteQueueOptions,
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
  type ListUsersOptions,
  type UserExpand,
  type RosterOptions,
  type UsersByIdResult,
  type OrgRef,
  type UserSearchCriteria,
  type UserSearchOptions,
  type UserSearchType,
  type UserSearchField,
  type UtilizationInput,
  type MediaUtilizationInput,
  type LabelUtilizationInput,
  type UtilizationMediaType,
  ApiPromise,
  type ApiResponse,
  type ClientCore,
  type ClientRequest,
  type OrgInfo,
  type PagingStyle,
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
  type AuditPropertyChange,
  type AuditLogMessage,
  type AuditQueryExecution,
  type AuditServiceMapping,
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
  anyOfFilter,
  type AnalyticsClause,
  type AnalyticsFilter,
  type AnalyticsPredicate,
  type NumericRange,
  type AnalyticsInterval,
  aggregateStats,
  agentOccupancy,
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
} from './resources/index.js';
export type {
  Language,
  UserRoutingLanguage,
  SkillGroup,
  SkillGroupCondition,
  SkillGroupRoutingCondition,
  SkillGroupLanguageCondition,
  UserReferenceWithName,
  WrapupCode,
  UtilizationLabel,
  EstimatedWaitTimePredictions,
  PredictionResults,
  PresenceDefinition,
  UserPresence,
  OrganizationPresenceDefinition,
  UserQueue,
  ListLanguagesOptions,
  CreateLanguageInput,
  UserLanguageItem,
  UserLanguagesResult,
  SkillComparator,
  SkillConditionInput,
  CreateSkillGroupInput,
  UpdateSkillGroupInput,
  ListSkillGroupsOptions,
  WrapupCodeInput,
  ListWrapupCodesOptions,
  SetPresenceInput,
  ListUserQueuesOptions,
  RoutingStatusValue,
  EstimatedWaitTimeOptions,
} from './resources/index.js';
export {
  USER_OBSERVATION_METRICS,
  type UserObservationMetric,
  type UserObservationsQuery,
  type UserObservationQueryResponse,
} from './resources/index.js';
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
} from './resources/models/routing.js';
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
} from './resources/models/routing.js';
export type {
  RoutingConfigSnapshot,
  DriftEntity,
  DriftQueueItem,
  DriftUserItem,
  DriftSkillGroupItem,
  DriftOptions,
  DriftReport,
  DriftEntry,
  DriftChange,
  DriftSection,
} from './optimizer/planning/drift-schemas.js';
export type {
  UserObservationDataContainer,
  ConversationAggregateDataContainer,
  UserAggregateDataContainer,
  AggregateViewData,
  AnalyticsScoredAgent,
  AnalyticsAgentGroup,
  AnalyticsProperty,
} from './resources/models/analytics.js';
export type {
  AuditMessageInfo,
  AuditInitiatingAction,
  AuditEntityChange,
  AuditQueryExecutionFilter,
  AuditQueryExecutionSort,
  AuditQueryService,
  AuditQueryEntity,
} from './resources/models/audit.js';
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
} from './resources/index.js';
export {
  PLAN_KIND,
  PLAN_VERSION,
  parsePlan,
  type ParsePlanOptions,
  type Plan,
  type PlannedChange,
  type PlannedAction,
  type PlanIssue,
  type QueueImpact,
  type QueueMetrics,
  planProficiencyRelevel,
  type PlanProficiencyRelevelOptions,
  planSkillOptimization,
  type PlanSkillOptimizationOptions,
  recommendRoutingChanges,
  type RecommendRoutingChangesOptions,
  applyPlan,
  type ApplyOptions,
  type ApplyResult,
  type ApplyProgress,
  type ItemResult,
  type ItemStatus,
  type MembershipItemResult,
  type LanguageItemResult,
  type ApplyConflict,
  type ConflictCheckOptions,
  type ConflictCheckResult,
  CHANGE_STATUSES,
  PROFICIENCY_TOLERANCE,
  type ChangeStatus,
  type LeaseOptions,
  MemoryJournal,
  FileJournal,
  type FileJournalOptions,
  type ApplyJournal,
  type JournalRecord,
  type JournalProblem,
  type JournalReadResult,
  type JournalLease,
  type AcquireLeaseOptions,
  MemoryAuditTrail,
  JsonlAuditTrail,
  readAuditTrail,
  type AuditTrail,
  type AuditRecord,
  type AuditedChange,
  type ChangeResult,
  snapshotRoutingConfig,
  parseSnapshot,
  driftReport,
  SNAPSHOT_KIND,
  type RoutingSnapshot,
  type SnapshotOptions,
  exportSkillMatrix,
  writeSkillMatrix,
  type ExportFormat,
  type ExportOptions,
  type ExportSummary,
  type SkillMatrixRow,
  isWithinWindow,
  nextWindow,
  type ChangeWindow,
  type Weekday,
  type WindowOptions,
  distributeWeights,
  type DistributeWeightsOptions,
  type DistributeWeightsResult,
  type DistributeStatus,
  type DistributeProgress,
  type MemberStatus,
  type MemberWeightResult,
  type LeverChange,
  type LeverStatus,
  type LiveMeasurement,
  type WeightsProjection,
  expectedOfferShares,
  balanceAccuracy,
  type WeightLever,
  type MemberPlacement,
  type OfferModelOptions,
  crossCheckAuditTrail,
  type CrossCheckOptions,
  type CrossCheckResult,
  type CrossCheckMatch,
  type PlatformChange,
  sendExportSummary,
  writeSkillMatrixAndNotify,
  EXPORT_SUMMARY_EVENT,
  type ExportSummaryEvent,
  type ExportSummaryWebhookOptions,
  planRoutingOptimization,
  type PlanRoutingOptimizationOptions,
  type PlannedDay,
  type PlannedMembership,
  type PlannedLanguageChange,
  type QueueLanguages,
  type RoutingOptimizationPlan,
  applyMemberships,
  type ApplyMembershipsResult,
  type MembershipResult,
  type MembershipStatus,
} from './workflows/index.js';

// Resource classes reached through the client: exported as types only (no constructor to call).
import type { RoutingApi as RoutingApiClass } from './resources/index.js';
import type { UtilizationResource as UtilizationResourceClass } from './resources/index.js';
import type { SkillsResource as SkillsResourceClass } from './resources/index.js';
import type { QueuesResource as QueuesResourceClass } from './resources/index.js';
import type { MembersResource as MembersResourceClass } from './resources/index.js';
import type { UserSkillsResource as UserSkillsResourceClass } from './resources/index.js';
import type { UsersResource as UsersResourceClass } from './resources/index.js';
import type { Resource as ResourceClass } from './resources/index.js';
import type { AuditQueriesResource as AuditQueriesResourceClass } from './resources/index.js';
import type { RealtimeAuditResource as RealtimeAuditResourceClass } from './resources/index.js';
import type { AuditApi as AuditApiClass } from './resources/index.js';
import type { ChannelsResource as ChannelsResourceClass } from './resources/index.js';
import type { SubscriptionsResource as SubscriptionsResourceClass } from './resources/index.js';
import type { StreamsResource as StreamsResourceClass } from './resources/index.js';
import type { NotificationStream as NotificationStreamClass } from './resources/index.js';
import type { NotificationsApi as NotificationsApiClass } from './resources/index.js';
import type { AggregatesResource as AggregatesResourceClass } from './resources/index.js';
import type { DetailsJobsResource as DetailsJobsResourceClass } from './resources/index.js';
import type { DetailsResource as DetailsResourceClass } from './resources/index.js';
import type { ObservationsResource as ObservationsResourceClass } from './resources/index.js';
import type { UserAggregatesResource as UserAggregatesResourceClass } from './resources/index.js';
import type { AnalyticsApi as AnalyticsApiClass } from './resources/index.js';
/**
 * `client.routing`: queues, skills, members, user skills, users, utilization, languages, skill groups and wrap-up
 * codes.
 */
export type RoutingApi = RoutingApiClass;
/**
 * `client.routing.utilization`: agent capacity per media type, org-wide and per agent; `labels` for utilization
 * labels.
 */
export type UtilizationResource = UtilizationResourceClass;
/** `client.routing.skills`: the org's routing skills (list, get, create, move to a division, delete). */
export type SkillsResource = SkillsResourceClass;
/**
 * `client.routing.queues`: routing queues (list, get, create, read-modify-write update, delete, estimated wait time).
 */
export type QueuesResource = QueuesResourceClass;
/**
 * `client.routing.members`: the members of a queue (list, add, remove, ring number, joined state), chunked to the
 * platform's limits.
 */
export type MembersResource = MembersResourceClass;
/**
 * `client.routing.userSkills`: the routing skills users hold and their proficiencies (list, add, bulk patch, replace
 * all, remove).
 */
export type UserSkillsResource = UserSkillsResourceClass;
/**
 * `client.routing.users` (also `client.users`): users with their skills, search, routing status, presence and queues.
 */
export type UsersResource = UsersResourceClass;
/**
 * Base class of every resource: its methods send operations through the client's public core (`request`, `paginate`).
 */
export type Resource = ResourceClass;
/** `client.audit.queries`: asynchronous audit queries (submit, poll, read every page of results). */
export type AuditQueriesResource = AuditQueriesResourceClass;
/**
 * `client.audit.realtime`: realtime audit queries (recent changes, answered at once), related entities and the
 * service mapping.
 */
export type RealtimeAuditResource = RealtimeAuditResourceClass;
/** `client.audit`: the platform's audit log (`queries`, `realtime`). */
export type AuditApi = AuditApiClass;
/** `client.notifications.channels`: notification channels (create, list, check they are still open). */
export type ChannelsResource = ChannelsResourceClass;
/** `client.notifications.subscriptions`: the topics a channel is subscribed to (list, add, replace, remove). */
export type SubscriptionsResource = SubscriptionsResourceClass;
/** `client.notifications.streams`: `open()` a channel, subscribe topics and receive typed events over a WebSocket. */
export type StreamsResource = StreamsResourceClass;
/** An open notification stream (from `client.notifications.streams.open`): typed events, reconnects, `close()`. */
export type NotificationStream = NotificationStreamClass;
/** `client.notifications`: channels, subscriptions, topics and streams of the notification service. */
export type NotificationsApi = NotificationsApiClass;
/**
 * `client.analytics.aggregates`: conversation aggregate queries (typed metric names; long intervals split and
 * merged).
 */
export type AggregatesResource = AggregatesResourceClass;
/** `client.analytics.detailsJobs`: asynchronous conversation detail jobs (create, poll, read results). */
export type DetailsJobsResource = DetailsJobsResourceClass;
/** `client.analytics.details`: synchronous conversation detail queries, paged. */
export type DetailsResource = DetailsResourceClass;
/** `client.analytics.observations`: queue observations now (waiting, interacting, agents on queue) and `queueLoad`. */
export type ObservationsResource = ObservationsResourceClass;
/** `client.analytics.userAggregates`: user aggregate queries (e.g. time in each routing status). */
export type UserAggregatesResource = UserAggregatesResourceClass;
/** `client.analytics`: aggregates, details, detail jobs, observations and user analytics. */
export type AnalyticsApi = AnalyticsApiClass;
import type { LanguagesResource as LanguagesResourceClass } from './resources/index.js';
import type { UserLanguagesResource as UserLanguagesResourceClass } from './resources/index.js';
import type { SkillGroupsResource as SkillGroupsResourceClass } from './resources/index.js';
import type { SkillGroupMemberDivisionsResource as SkillGroupMemberDivisionsResourceClass } from './resources/index.js';
import type { WrapupCodesResource as WrapupCodesResourceClass } from './resources/index.js';
import type { QueueWrapupCodesResource as QueueWrapupCodesResourceClass } from './resources/index.js';
import type { UtilizationLabelsResource as UtilizationLabelsResourceClass } from './resources/index.js';
import type { RoutingStatusResource as RoutingStatusResourceClass } from './resources/index.js';
import type { PresenceResource as PresenceResourceClass } from './resources/index.js';
import type { UserQueuesResource as UserQueuesResourceClass } from './resources/index.js';
import type { UserAnalyticsResource as UserAnalyticsResourceClass } from './resources/index.js';
/** `client.routing.languages`: the org's routing languages (list, get, create, delete). */
export type LanguagesResource = LanguagesResourceClass;
/** `client.routing.userLanguages`: the languages users hold and their proficiencies. */
export type UserLanguagesResource = UserLanguagesResourceClass;
/** `client.routing.skillGroups`: skill groups (CRUD, members, `memberDivisions`). */
export type SkillGroupsResource = SkillGroupsResourceClass;
/** `client.routing.skillGroups.memberDivisions`: the divisions whose users a skill group may hold. */
export type SkillGroupMemberDivisionsResource = SkillGroupMemberDivisionsResourceClass;
/** `client.routing.wrapupCodes`: the org's wrap-up codes (list, get, create, update, delete). */
export type WrapupCodesResource = WrapupCodesResourceClass;
/** `client.routing.queueWrapupCodes`: the wrap-up codes of a queue (list, add, remove). */
export type QueueWrapupCodesResource = QueueWrapupCodesResourceClass;
/** `client.routing.utilization.labels`: utilization labels (list, get, create, rename, delete). */
export type UtilizationLabelsResource = UtilizationLabelsResourceClass;
/** `client.routing.users.routingStatus`: a user's routing status (get, set). */
export type RoutingStatusResource = RoutingStatusResourceClass;
/** `client.routing.users.presence`: a user's presence (get, set) and the org's presence definitions. */
export type PresenceResource = PresenceResourceClass;
/** `client.routing.users.queues`: the queues a user is a member of, with join and unjoin. */
export type UserQueuesResource = UserQueuesResourceClass;
/** `client.analytics.users`: user observations (who is on queue, in which routing status, now). */
export type UserAnalyticsResource = UserAnalyticsResourceClass;
import type { WorkforceApi as WorkforceApiClass } from './resources/index.js';
import type { ManagementUnitsResource as ManagementUnitsResourceClass } from './resources/index.js';
import type { ForecastsResource as ForecastsResourceClass } from './resources/index.js';
import type { SchedulesResource as SchedulesResourceClass } from './resources/index.js';
/** `client.workforce`: workforce management (`managementUnits`, `forecasts`, `schedules`). */
export type WorkforceApi = WorkforceApiClass;
/** `client.workforce.managementUnits`: WFM management units and their agents. */
export type ManagementUnitsResource = ManagementUnitsResourceClass;
/** `client.workforce.forecasts`: WFM short-term forecasts per business unit and week. */
export type ForecastsResource = ForecastsResourceClass;
/** `client.workforce.schedules`: WFM schedules per business unit and week. */
export type SchedulesResource = SchedulesResourceClass;
// The routing autopilot (docs/guides/autopilot.md).
export {
  startAutopilot,
  parseAutopilotPolicy,
  checkGuardrails,
  resolveGuardrails,
  FileKillSwitch,
  MemoryKillSwitch,
  reforecast,
  analyticsSource,
  MemoryAutopilotStore,
  FileAutopilotStore,
  type AutopilotHandle,
  type AutopilotOptions,
  type AutopilotLeaseOptions,
  type AutopilotEvents,
  type AutopilotSummary,
  type AutopilotPolicy,
  type ResolvedPolicy,
  type Guardrails,
  type GuardedChange,
  type GuardrailState,
  type GuardrailVerdict,
  type PastChange,
  type RefusedChange,
  type KillSwitch,
  type Reforecast,
  type ReforecastInput,
  type ObservationSource,
  type ObservationRequest,
  type QueueObservation,
  type SourceStatus,
  streamSource,
  type StreamSource,
  type StreamSourceOptions,
  LivePicture,
  isOnQueuePresence,
  livePressure,
  type LiveQueue,
  type ObservationsBody,
  type ObservationStatsItem,
  type PresenceBody,
  type AutopilotState,
  type AutopilotStateStore,
  type AutopilotDecision,
  type DecisionKind,
  type QueueAssessment,
  type Assignment as AutopilotAssignment,
} from './workflows/autopilot/index.js';
