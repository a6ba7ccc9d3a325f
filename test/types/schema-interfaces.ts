// Type-level checks (compiled by `tsc --noEmit`, never run): each public interface that was written out from a
// runtime schema stays the same type as what the schema outputs (responses, results) or accepts (inputs), so the
// two cannot drift apart: a field added, removed or retyped on one side only fails to compile here. The public
// interfaces carry no index signature while loose schemas add `[x: string]: unknown` (unknown fields pass through at
// run time), so both sides are compared through Known<T>, which drops those index signatures at every depth.
import type * as z from 'zod/mini';
import type {
  BulkPayloadOptions,
  BulkPayloadOptionsSchema,
} from '../../src/optimizer/planning/skills/bulk-payloads.js';
import type {
  RoutingConstraintsInput,
  RoutingConstraintsInputSchema,
} from '../../src/optimizer/planning/checks/constraints.js';
import type { DriftFormat, DriftFormatSchema } from '../../src/optimizer/planning/drift/drift-format.js';
import type {
  ProficiencyMetrics,
  ProficiencyMetricsSchema,
  ProficiencyPolicy,
  ProficiencyPolicySchema,
} from '../../src/optimizer/planning/skills/proficiency.js';
import type {
  RecommendationInput,
  RecommendationInputSchema,
  RecommendationThresholds,
  RecommendationThresholdsSchema,
} from '../../src/optimizer/planning/skills/recommendations.js';
import type {
  RoutingRuleQueue,
  RoutingRuleQueueSchema,
  RoutingRules,
  RoutingRulesSchema,
} from '../../src/optimizer/planning/checks/routing-rules.js';
import type { SaturationInput, SaturationInputSchema } from '../../src/optimizer/planning/checks/saturation.js';
import type { SkillChange, SkillChangeSchema } from '../../src/optimizer/planning/schemas.js';
import type {
  DiffMode,
  DiffModeSchema,
  DiffOptions,
  DiffOptionsSchema,
  SkillMatrixDiff,
  SkillMatrixDiffSchema,
  SkillRow,
  SkillRowSchema,
} from '../../src/optimizer/planning/skills/skill-matrix.js';
import type {
  WeightsToProficiencyOptions,
  WeightsToProficiencyOptionsSchema,
  WeightsToRingsOptions,
  WeightsToRingsOptionsSchema,
} from '../../src/optimizer/planning/weights/weight-mapping.js';
import type {
  MemberWeight,
  MemberWeightSchema,
  NormalizeOptions,
  NormalizeOptionsSchema,
  WeightsInput,
  WeightsInputSchema,
} from '../../src/optimizer/planning/weights/weights.js';
import type {
  WhatIfInput,
  WhatIfInputSchema,
  WhatIfMembership,
  WhatIfMembershipSchema,
  WhatIfOptions,
  WhatIfOptionsSchema,
  WhatIfQueue,
  WhatIfQueueSchema,
} from '../../src/optimizer/planning/what-if/what-if-model.js';
import type {
  CreateLanguageInput,
  CreateLanguageSchema,
  UserLanguageItem,
  UserLanguageItemSchema,
} from '../../src/resources/routing/languages.js';
import type {
  CreateSkillGroupInput,
  CreateSkillGroupSchema,
  UpdateSkillGroupInput,
  UpdateSkillGroupSchema,
} from '../../src/resources/routing/skill-groups.js';
import type { CreateQueueInput, READ_ONLY_QUEUE_FIELDS } from '../../src/resources/routing/queue-request.js';
import type { CreateSkillInput, CreateSkillSchema } from '../../src/resources/routing/skills.js';
import type { UserSkillItem, UserSkillItemSchema } from '../../src/resources/routing/users/user-skills.js';
import type { WrapupCodeInput, WrapupCodeInputSchema } from '../../src/resources/routing/wrapup-codes.js';
import type { EntityRef, EntityRefSchema } from '../../src/resources/schemas/common.js';
import type {
  AuditNotification,
  AuditNotificationSchema,
  Channel,
  ChannelSchema,
  ChannelTopic,
  ChannelTopicSchema,
  DataAvailabilityNotification,
  DataAvailabilityNotificationSchema,
  DetailEventNotification,
  DetailEventNotificationSchema,
  EventBridgeEnvelope,
  EventBridgeEnvelopeSchema,
  NotificationMessage,
  NotificationMessageSchema,
  QueueConversationNotification,
  QueueConversationNotificationSchema,
  QueueMemberNotification,
  QueueMemberNotificationSchema,
  StatsNotification,
  StatsNotificationSchema,
  UserActivityNotification,
  UserActivityNotificationSchema,
  UserConversationSummaryNotification,
  UserConversationSummaryNotificationSchema,
  UserPresenceNotification,
  UserPresenceNotificationSchema,
  UserRoutingStatusNotification,
  UserRoutingStatusNotificationSchema,
} from '../../src/resources/schemas/notifications.js';
import type {
  AgentUtilization,
  AgentUtilizationSchema,
  LabelUtilization,
  LabelUtilizationSchema,
  MediaUtilization,
  MediaUtilizationSchema,
  UserSearchResult,
  UserSearchResultSchema,
  UsersSearchResponse,
  UsersSearchResponseSchema,
  Utilization,
  UtilizationSchema,
} from '../../src/resources/schemas/routing.js';
import type {
  AgentSchedule,
  AgentScheduleSchema,
  AgentSchedulesResult,
  AgentSchedulesResultSchema,
  ForecastPlanningGroup,
  ForecastPlanningGroupSchema,
  ForecastResult,
  ForecastResultSchema,
  ManagementUnit,
  ManagementUnitSchema,
  RefSchema,
  ScheduleActivity,
  ScheduleActivitySchema,
  ScheduleListItem,
  ScheduleListItemSchema,
  ScheduleShift,
  ScheduleShiftSchema,
  ShortTermForecast,
  ShortTermForecastSchema,
  WfmReference,
} from '../../src/resources/workforce/schemas.js';

/** An object type without its `[key: string]: unknown` index signature (what a loose schema adds). */
type StripIndex<T> = { [K in keyof T as string extends K ? never : number extends K ? never : K]: T[K] };
/**
 * T with every loose-object index signature removed, at any depth: the fields a schema names, which the public
 * interface lists (unknown fields still pass through at run time, outside the type). A type with no named field
 * (a record such as `Record<string, MediaUtilization>`) is a genuine map and keeps its index signature.
 */
type Known<T> = T extends readonly (infer E)[]
  ? Known<E>[]
  : T extends object
    ? [keyof StripIndex<T>] extends [never]
      ? { [K in keyof T]: Known<T[K]> }
      : { [K in keyof StripIndex<T>]: Known<StripIndex<T>[K]> }
    : T;
/**
 * True when A and B are the same type: identical, not merely assignable both ways (which would let an optional
 * field present on one side only go unnoticed).
 */
type Same<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
/** `same<A, B>(true)` compiles only when A and B are the same type. */
const same = <A, B>(ok: Same<Known<A>, Known<B>>): boolean => ok;

export const schemaInterfaceChecks = [
  // parseRoutingRules returns what the schema outputs, typed as the input interface: the two must be one type.
  same<RoutingRules, z.output<typeof RoutingRulesSchema>>(true),
  same<EntityRef, z.output<ReturnType<typeof EntityRefSchema>>>(true),
  same<MediaUtilization, z.output<ReturnType<typeof MediaUtilizationSchema>>>(true),
  same<LabelUtilization, z.output<ReturnType<typeof LabelUtilizationSchema>>>(true),
  same<Utilization, z.output<ReturnType<typeof UtilizationSchema>>>(true),
  same<AgentUtilization, z.output<ReturnType<typeof AgentUtilizationSchema>>>(true),
  same<UserSearchResult, z.output<ReturnType<typeof UserSearchResultSchema>>>(true),
  same<UsersSearchResponse, z.output<ReturnType<typeof UsersSearchResponseSchema>>>(true),
  same<CreateLanguageInput, z.output<ReturnType<typeof CreateLanguageSchema>>>(true),
  same<UserLanguageItem, z.output<ReturnType<typeof UserLanguageItemSchema>>>(true),
  same<CreateSkillGroupInput, z.output<ReturnType<typeof CreateSkillGroupSchema>>>(true),
  same<UpdateSkillGroupInput, z.output<ReturnType<typeof UpdateSkillGroupSchema>>>(true),
  same<CreateSkillInput, z.output<ReturnType<typeof CreateSkillSchema>>>(true),
  same<UserSkillItem, z.output<ReturnType<typeof UserSkillItemSchema>>>(true),
  same<WrapupCodeInput, z.output<ReturnType<typeof WrapupCodeInputSchema>>>(true),
  same<Channel, z.output<ReturnType<typeof ChannelSchema>>>(true),
  same<ChannelTopic, z.output<ReturnType<typeof ChannelTopicSchema>>>(true),
  same<NotificationMessage, z.output<ReturnType<typeof NotificationMessageSchema>>>(true),
  same<QueueMemberNotification, z.output<ReturnType<typeof QueueMemberNotificationSchema>>>(true),
  same<UserRoutingStatusNotification, z.output<ReturnType<typeof UserRoutingStatusNotificationSchema>>>(true),
  same<UserActivityNotification, z.output<ReturnType<typeof UserActivityNotificationSchema>>>(true),
  same<UserPresenceNotification, z.output<ReturnType<typeof UserPresenceNotificationSchema>>>(true),
  same<UserConversationSummaryNotification, z.output<ReturnType<typeof UserConversationSummaryNotificationSchema>>>(
    true,
  ),
  same<QueueConversationNotification, z.output<ReturnType<typeof QueueConversationNotificationSchema>>>(true),
  same<StatsNotification, z.output<ReturnType<typeof StatsNotificationSchema>>>(true),
  same<DetailEventNotification, z.output<ReturnType<typeof DetailEventNotificationSchema>>>(true),
  same<AuditNotification, z.output<ReturnType<typeof AuditNotificationSchema>>>(true),
  same<DataAvailabilityNotification, z.output<ReturnType<typeof DataAvailabilityNotificationSchema>>>(true),
  same<EventBridgeEnvelope, z.output<ReturnType<typeof EventBridgeEnvelopeSchema>>>(true),
  same<WfmReference, z.output<ReturnType<typeof RefSchema>>>(true),
  same<ManagementUnit, z.output<ReturnType<typeof ManagementUnitSchema>>>(true),
  same<ShortTermForecast, z.output<ReturnType<typeof ShortTermForecastSchema>>>(true),
  same<ForecastPlanningGroup, z.output<ReturnType<typeof ForecastPlanningGroupSchema>>>(true),
  same<ForecastResult, z.output<ReturnType<typeof ForecastResultSchema>>>(true),
  same<ScheduleListItem, z.output<ReturnType<typeof ScheduleListItemSchema>>>(true),
  same<ScheduleActivity, z.output<ReturnType<typeof ScheduleActivitySchema>>>(true),
  same<ScheduleShift, z.output<ReturnType<typeof ScheduleShiftSchema>>>(true),
  same<AgentSchedule, z.output<ReturnType<typeof AgentScheduleSchema>>>(true),
  same<AgentSchedulesResult, z.output<ReturnType<typeof AgentSchedulesResultSchema>>>(true),
  same<SkillChange, z.output<typeof SkillChangeSchema>>(true),
  same<ProficiencyPolicy, z.output<typeof ProficiencyPolicySchema>>(true),
  same<ProficiencyMetrics, z.input<typeof ProficiencyMetricsSchema>>(true),
  same<RoutingConstraintsInput, z.input<typeof RoutingConstraintsInputSchema>>(true),
  same<MemberWeight, z.output<typeof MemberWeightSchema>>(true),
  same<WeightsInput, z.input<typeof WeightsInputSchema>>(true),
  same<NormalizeOptions, z.input<typeof NormalizeOptionsSchema>>(true),
  same<WeightsToProficiencyOptions, z.input<typeof WeightsToProficiencyOptionsSchema>>(true),
  same<WeightsToRingsOptions, z.input<typeof WeightsToRingsOptionsSchema>>(true),
  same<SaturationInput, z.input<typeof SaturationInputSchema>>(true),
  same<DiffMode, z.output<typeof DiffModeSchema>>(true),
  same<DiffOptions, z.input<typeof DiffOptionsSchema>>(true),
  same<SkillMatrixDiff, z.output<typeof SkillMatrixDiffSchema>>(true),
  same<SkillRow, z.output<typeof SkillRowSchema>>(true),
  same<BulkPayloadOptions, z.input<typeof BulkPayloadOptionsSchema>>(true),
  same<RecommendationThresholds, z.output<typeof RecommendationThresholdsSchema>>(true),
  same<RecommendationInput, z.input<typeof RecommendationInputSchema>>(true),
  same<DriftFormat, z.output<typeof DriftFormatSchema>>(true),
  same<RoutingRules, z.input<typeof RoutingRulesSchema>>(true),
  same<RoutingRuleQueue, z.input<typeof RoutingRuleQueueSchema>>(true),
  same<WhatIfQueue, z.input<typeof WhatIfQueueSchema>>(true),
  same<WhatIfMembership, z.input<typeof WhatIfMembershipSchema>>(true),
  same<WhatIfOptions, z.input<typeof WhatIfOptionsSchema>>(true),
  same<WhatIfInput, z.input<typeof WhatIfInputSchema>>(true),
];

/** A create body never types a field the platform owns (READ_ONLY_QUEUE_FIELDS are stripped before a PUT). */
type ReadOnlyInCreate = Extract<keyof CreateQueueInput, (typeof READ_ONLY_QUEUE_FIELDS)[number]>;
export const createQueueInputHasNoReadOnlyField: Same<ReadOnlyInCreate, never> = true;
