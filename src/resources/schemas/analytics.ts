// Analytics models (as in the official SDK purecloud-platform-client-v2) as loose schemas (internal/shape.ts; unknown fields pass through); types are inferred.
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';

/** The platform's StatisticalSummary. Durations (`t*` metrics) are in ms. */
export const StatisticalSummarySchema = z.lazy(() =>
  z.looseObject({
    max: z.number().optional(),
    min: z.number().optional(),
    count: z.number().optional(),
    countNegative: z.number().optional(),
    countPositive: z.number().optional(),
    sum: z.number().optional(),
    current: z.number().optional(),
    ratio: z.number().optional(),
    numerator: z.number().optional(),
    denominator: z.number().optional(),
    target: z.number().optional(),
    p95: z.number().optional(),
    p99: z.number().optional(),
  }),
);
export type StatisticalSummary = Infer<typeof StatisticalSummarySchema>;

/** A group of an aggregate or observation result: dimension name -> value. */
const GroupSchema = z.lazy(() => z.record(z.string(), z.string()));

export const AggregateMetricDataSchema = z.lazy(() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.string().optional(),
    stats: StatisticalSummarySchema.optional(),
  }),
);
export type AggregateMetricData = Infer<typeof AggregateMetricDataSchema>;

/** One bucket of an aggregate result (`StatisticalResponse`). */
export const StatisticalResponseSchema = z.lazy(() =>
  z.looseObject({
    /** ISO-8601 `start/end` of the bucket. */
    interval: z.string(),
    metrics: z.array(AggregateMetricDataSchema).optional(),
    views: z.array(z.looseObject({ name: z.string(), stats: StatisticalSummarySchema.optional() })).optional(),
  }),
);
export type StatisticalResponse = Infer<typeof StatisticalResponseSchema>;

export const AggregateDataContainerSchema = z.lazy(() =>
  z.looseObject({
    group: GroupSchema.optional(),
    data: z.array(StatisticalResponseSchema).optional(),
  }),
);
export type AggregateDataContainer = Infer<typeof AggregateDataContainerSchema>;

/** `ConversationAggregateQueryResponse` (and `UserAggregateQueryResponse`, the same shape). */
export const AggregateQueryResponseSchema = z.lazy(() =>
  z.looseObject({
    results: z.array(AggregateDataContainerSchema).optional(),
  }),
);
export type ConversationAggregateQueryResponse = Infer<typeof AggregateQueryResponseSchema>;
export type UserAggregateQueryResponse = Infer<typeof AggregateQueryResponseSchema>;

/** One observed item (`ObservationValue`): a waiting conversation, an on-queue user... */
export const ObservationValueSchema = z.lazy(() =>
  z.looseObject({
    observationDate: z.string().optional(),
    conversationId: z.string().optional(),
    sessionId: z.string().optional(),
    requestedRoutingSkillIds: z.array(z.string()).optional(),
    requestedLanguageId: z.string().optional(),
    routingPriority: z.number().optional(),
    participantName: z.string().optional(),
    userId: z.string().optional(),
    direction: z.string().optional(),
    requestedRoutings: z.array(z.string()).optional(),
    usedRouting: z.string().optional(),
  }),
);
export type ObservationValue = Infer<typeof ObservationValueSchema>;

export const ObservationMetricDataSchema = z.lazy(() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.string().optional(),
    stats: StatisticalSummarySchema.optional(),
    truncated: z.boolean().optional(),
    observations: z.array(ObservationValueSchema).optional(),
  }),
);
export type ObservationMetricData = Infer<typeof ObservationMetricDataSchema>;

export const QueueObservationDataContainerSchema = z.lazy(() =>
  z.looseObject({
    group: GroupSchema.optional(),
    data: z.array(ObservationMetricDataSchema).optional(),
  }),
);
export type QueueObservationDataContainer = Infer<typeof QueueObservationDataContainerSchema>;

export const QueueObservationQueryResponseSchema = z.lazy(() =>
  z.looseObject({
    /** System presence (e.g. `ON_QUEUE`) -> organization presence ids (qualifiers of `oUserPresences`). */
    systemToOrganizationMappings: z.record(z.string(), z.array(z.string())).optional(),
    results: z.array(QueueObservationDataContainerSchema).optional(),
  }),
);
export type QueueObservationQueryResponse = Infer<typeof QueueObservationQueryResponseSchema>;

export const AnalyticsSessionMetricSchema = z.lazy(() => z.looseObject({ name: z.string(), value: z.number(), emitDate: z.string().optional() }));
export type AnalyticsSessionMetric = Infer<typeof AnalyticsSessionMetricSchema>;

export const AnalyticsConversationSegmentSchema = z.lazy(() =>
  z.looseObject({
    segmentStart: z.string().optional(),
    segmentEnd: z.string().optional(),
    /** `alert`, `interact`, `hold`, `wrapup`, `ivr`, `dialing`... */
    segmentType: z.string().optional(),
    queueId: z.string().optional(),
    requestedRoutingSkillIds: z.array(z.string()).optional(),
    requestedLanguageId: z.string().optional(),
    wrapUpCode: z.string().optional(),
    wrapUpNote: z.string().optional(),
    disconnectType: z.string().optional(),
    conference: z.boolean().optional(),
  }),
);
export type AnalyticsConversationSegment = Infer<typeof AnalyticsConversationSegmentSchema>;

export const AnalyticsSessionSchema = z.lazy(() =>
  z.looseObject({
    sessionId: z.string().optional(),
    mediaType: z.string().optional(),
    direction: z.string().optional(),
    ani: z.string().optional(),
    dnis: z.string().optional(),
    requestedRoutings: z.array(z.string()).optional(),
    usedRouting: z.string().optional(),
    selectedAgentId: z.string().optional(),
    metrics: z.array(AnalyticsSessionMetricSchema).optional(),
    segments: z.array(AnalyticsConversationSegmentSchema).optional(),
  }),
);
export type AnalyticsSession = Infer<typeof AnalyticsSessionSchema>;

export const AnalyticsParticipantSchema = z.lazy(() =>
  z.looseObject({
    participantId: z.string().optional(),
    participantName: z.string().optional(),
    /** `customer`, `acd`, `agent`, `ivr`, `external`... */
    purpose: z.string().optional(),
    userId: z.string().optional(),
    teamId: z.string().optional(),
    sessions: z.array(AnalyticsSessionSchema).optional(),
  }),
);
export type AnalyticsParticipant = Infer<typeof AnalyticsParticipantSchema>;

/** `AnalyticsConversationWithoutAttributes` (details query, async job results). */
export const AnalyticsConversationSchema = z.lazy(() =>
  z.looseObject({
    conversationId: z.string(),
    conversationStart: z.string().optional(),
    conversationEnd: z.string().optional(),
    divisionIds: z.array(z.string()).optional(),
    originatingDirection: z.string().optional(),
    participants: z.array(AnalyticsParticipantSchema).optional(),
  }),
);
export type AnalyticsConversation = Infer<typeof AnalyticsConversationSchema>;

export const AnalyticsConversationQueryResponseSchema = z.lazy(() =>
  z.looseObject({
    conversations: z.array(AnalyticsConversationSchema).optional(),
    aggregations: z.array(z.looseObject({})).optional(),
    totalHits: z.number().optional(),
  }),
);
export type AnalyticsConversationQueryResponse = Infer<typeof AnalyticsConversationQueryResponseSchema>;

export const AsyncQueryResponseSchema = z.lazy(() => z.looseObject({ jobId: z.string() }));
export type AsyncQueryResponse = Infer<typeof AsyncQueryResponseSchema>;

export const ASYNC_JOB_STATES = ['QUEUED', 'PENDING', 'FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED'] as const;
export type AsyncJobState = (typeof ASYNC_JOB_STATES)[number];

/** `AsyncQueryStatus` of an async job. */
export const AsyncQueryStatusSchema = z.lazy(() =>
  z.looseObject({
    state: z.enum(ASYNC_JOB_STATES).or(z.string()).optional(),
    errorMessage: z.string().optional(),
    expirationDate: z.string().optional(),
    submissionDate: z.string().optional(),
    completionDate: z.string().optional(),
  }),
);
export type AsyncQueryStatus = Infer<typeof AsyncQueryStatusSchema>;

export const AnalyticsConversationAsyncQueryResponseSchema = z.lazy(() =>
  z.looseObject({
    conversations: z.array(AnalyticsConversationSchema).optional(),
    cursor: z.string().optional(),
    dataAvailabilityDate: z.string().optional(),
  }),
);
export type AnalyticsConversationAsyncQueryResponse = Infer<typeof AnalyticsConversationAsyncQueryResponseSchema>;

export const DataAvailabilityResponseSchema = z.lazy(() => z.looseObject({ dataAvailabilityDate: z.string().optional() }));
export type DataAvailabilityResponse = Infer<typeof DataAvailabilityResponseSchema>;
