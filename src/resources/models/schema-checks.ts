// Type-level checks (compiled by `tsc --noEmit`, never imported or bundled): what each runtime schema lets
// through is assignable to the named interface the SDK returns for it, so a schema and its interface cannot
// drift apart (a field typed differently in both fails to compile here). Fields a loose schema does not list
// are not checked: they pass through at run time as the platform sends them.
import type * as z from 'zod/mini';
import type * as A from '../schemas/admin.js';
import type * as R from '../schemas/routing.js';
import type * as AN from '../schemas/analytics.js';
import type * as AU from '../schemas/audit.js';
import type { UserObservationQueryResponseSchema } from '../analytics/user-observations.js';
import type * as M from './analytics.js';
import type { UserObservationQueryResponse } from './analytics.js';
import type { AuditLogMessage, AuditPropertyChange, AuditQueryExecution, AuditServiceMapping } from './audit.js';
import type {
  EstimatedWaitTimePredictions,
  Language,
  Queue,
  RoutingSkill,
  SkillGroup,
  UserReferenceWithName,
  UserRoutingLanguage,
  UserSkill,
  UtilizationLabel,
  WrapupCode,
} from './routing.js';
import type {
  OrganizationPresenceDefinition,
  QueueMember,
  RoutingStatus,
  User,
  UserPresence,
  UserQueue,
} from './users.js';

/** `check<Interface>()(schema-output)` compiles only when the schema's output is assignable to the interface. */
const check =
  <To>() =>
  <From extends To>(value: From): To =>
    value;

export const schemaChecks = [
  (v: z.infer<ReturnType<typeof R.RoutingSkillSchema>>) => check<RoutingSkill>()(v),
  (v: z.infer<ReturnType<typeof R.QueueSchema>>) => check<Queue>()(v),
  (v: z.infer<ReturnType<typeof R.QueueMemberSchema>>) => check<QueueMember>()(v),
  (v: z.infer<ReturnType<typeof R.UserRoutingSkillSchema>>) => check<UserSkill>()(v),
  (v: z.infer<ReturnType<typeof R.UserSchema>>) => check<User>()(v),
  (v: z.infer<ReturnType<typeof R.RoutingStatusSchema>>) => check<RoutingStatus>()(v),
  (v: z.infer<ReturnType<typeof A.LanguageSchema>>) => check<Language>()(v),
  (v: z.infer<ReturnType<typeof A.UserRoutingLanguageSchema>>) => check<UserRoutingLanguage>()(v),
  (v: z.infer<ReturnType<typeof A.SkillGroupSchema>>) => check<SkillGroup>()(v),
  (v: z.infer<ReturnType<typeof A.SkillGroupMemberSchema>>) => check<UserReferenceWithName>()(v),
  (v: z.infer<ReturnType<typeof A.WrapupCodeSchema>>) => check<WrapupCode>()(v),
  (v: z.infer<ReturnType<typeof A.UtilizationLabelSchema>>) => check<UtilizationLabel>()(v),
  (v: z.infer<ReturnType<typeof A.EstimatedWaitTimeSchema>>) => check<EstimatedWaitTimePredictions>()(v),
  (v: z.infer<ReturnType<typeof A.UserPresenceSchema>>) => check<UserPresence>()(v),
  (v: z.infer<ReturnType<typeof A.PresenceDefinitionSchema>>) => check<OrganizationPresenceDefinition>()(v),
  (v: z.infer<ReturnType<typeof A.UserQueueSchema>>) => check<UserQueue>()(v),
  (v: z.infer<ReturnType<typeof UserObservationQueryResponseSchema>>) => check<UserObservationQueryResponse>()(v),
  // Analytics
  (v: z.infer<ReturnType<typeof AN.StatisticalSummarySchema>>) => check<M.StatisticalSummary>()(v),
  (v: z.infer<ReturnType<typeof AN.AggregateMetricDataSchema>>) => check<M.AggregateMetricData>()(v),
  (v: z.infer<ReturnType<typeof AN.StatisticalResponseSchema>>) => check<M.StatisticalResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.AggregateDataContainerSchema>>) => check<M.ConversationAggregateDataContainer>()(v),
  (v: z.infer<ReturnType<typeof AN.AggregateDataContainerSchema>>) => check<M.UserAggregateDataContainer>()(v),
  (v: z.infer<ReturnType<typeof AN.AggregateQueryResponseSchema>>) => check<M.ConversationAggregateQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.AggregateQueryResponseSchema>>) => check<M.UserAggregateQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.ObservationValueSchema>>) => check<M.ObservationValue>()(v),
  (v: z.infer<ReturnType<typeof AN.ObservationMetricDataSchema>>) => check<M.ObservationMetricData>()(v),
  (v: z.infer<ReturnType<typeof AN.QueueObservationDataContainerSchema>>) =>
    check<M.QueueObservationDataContainer>()(v),
  (v: z.infer<ReturnType<typeof AN.QueueObservationQueryResponseSchema>>) =>
    check<M.QueueObservationQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsSessionMetricSchema>>) => check<M.AnalyticsSessionMetric>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsConversationSegmentSchema>>) => check<M.AnalyticsConversationSegment>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsSessionSchema>>) => check<M.AnalyticsSession>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsParticipantSchema>>) => check<M.AnalyticsParticipant>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsConversationSchema>>) => check<M.AnalyticsConversation>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsConversationQueryResponseSchema>>) =>
    check<M.AnalyticsConversationQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.AsyncQueryResponseSchema>>) => check<M.AsyncQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.AsyncQueryStatusSchema>>) => check<M.AsyncQueryStatus>()(v),
  (v: z.infer<ReturnType<typeof AN.AnalyticsConversationAsyncQueryResponseSchema>>) =>
    check<M.AnalyticsConversationAsyncQueryResponse>()(v),
  (v: z.infer<ReturnType<typeof AN.DataAvailabilityResponseSchema>>) => check<M.DataAvailabilityResponse>()(v),
  // Audit
  (v: z.infer<ReturnType<typeof AU.PropertyChangeSchema>>) => check<AuditPropertyChange>()(v),
  (v: z.infer<ReturnType<typeof AU.AuditLogMessageSchema>>) => check<AuditLogMessage>()(v),
  (v: z.infer<ReturnType<typeof AU.AuditQueryExecutionSchema>>) => check<AuditQueryExecution>()(v),
  (v: z.infer<ReturnType<typeof AU.AuditServiceMappingSchema>>) => check<AuditServiceMapping>()(v),
];
