// Analytics models (as in the official SDK purecloud-platform-client-v2) as loose zod/mini schemas (unknown fields pass through); types are inferred.
import * as z from 'zod/mini';

/** The platform's StatisticalSummary. Durations (`t*` metrics) are in ms. */
export const StatisticalSummarySchema = /* @__PURE__ */ (() =>
  z.looseObject({
    max: z.optional(z.number()),
    min: z.optional(z.number()),
    count: z.optional(z.number()),
    countNegative: z.optional(z.number()),
    countPositive: z.optional(z.number()),
    sum: z.optional(z.number()),
    current: z.optional(z.number()),
    ratio: z.optional(z.number()),
    numerator: z.optional(z.number()),
    denominator: z.optional(z.number()),
    target: z.optional(z.number()),
    p95: z.optional(z.number()),
    p99: z.optional(z.number()),
  }))();
/** The platform's StatisticalSummary. Durations (`t*` metrics) are in ms. */
export type StatisticalSummary = z.infer<typeof StatisticalSummarySchema>;

/** A group of an aggregate or observation result: dimension name -> value. */
const GroupSchema = /* @__PURE__ */ (() => z.record(z.string(), z.string()))();

export const AggregateMetricDataSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.optional(z.string()),
    stats: z.optional(StatisticalSummarySchema),
  }))();
/** One metric of an aggregate data row: its name, optional qualifier and statistics. */
export type AggregateMetricData = z.infer<typeof AggregateMetricDataSchema>;

/** One bucket of an aggregate result (`StatisticalResponse`). */
export const StatisticalResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    /** ISO-8601 `start/end` of the bucket. */
    interval: z.string(),
    metrics: z.optional(z.array(AggregateMetricDataSchema)),
    views: z.optional(z.array(z.looseObject({ name: z.string(), stats: z.optional(StatisticalSummarySchema) }))),
  }))();
/** One bucket of an aggregate result (`StatisticalResponse`). */
export type StatisticalResponse = z.infer<typeof StatisticalResponseSchema>;

export const AggregateDataContainerSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    group: z.optional(GroupSchema),
    data: z.optional(z.array(StatisticalResponseSchema)),
  }))();
/** One group of an aggregate query's results: the group's dimension values and its data per interval. */
export type AggregateDataContainer = z.infer<typeof AggregateDataContainerSchema>;

/** `ConversationAggregateQueryResponse` (and `UserAggregateQueryResponse`, the same shape). */
export const AggregateQueryResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    results: z.optional(z.array(AggregateDataContainerSchema)),
  }))();
/** `ConversationAggregateQueryResponse` (and `UserAggregateQueryResponse`, the same shape). */
export type ConversationAggregateQueryResponse = z.infer<typeof AggregateQueryResponseSchema>;
/** `ConversationAggregateQueryResponse` (and `UserAggregateQueryResponse`, the same shape). */
export type UserAggregateQueryResponse = z.infer<typeof AggregateQueryResponseSchema>;

/** One observed item (`ObservationValue`): a waiting conversation, an on-queue user... */
export const ObservationValueSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    observationDate: z.optional(z.string()),
    conversationId: z.optional(z.string()),
    sessionId: z.optional(z.string()),
    requestedRoutingSkillIds: z.optional(z.array(z.string())),
    requestedLanguageId: z.optional(z.string()),
    routingPriority: z.optional(z.number()),
    participantName: z.optional(z.string()),
    userId: z.optional(z.string()),
    direction: z.optional(z.string()),
    requestedRoutings: z.optional(z.array(z.string())),
    usedRouting: z.optional(z.string()),
  }))();
/** One observed item (`ObservationValue`): a waiting conversation, an on-queue user... */
export type ObservationValue = z.infer<typeof ObservationValueSchema>;

export const ObservationMetricDataSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.optional(z.string()),
    stats: z.optional(StatisticalSummarySchema),
    truncated: z.optional(z.boolean()),
    observations: z.optional(z.array(ObservationValueSchema)),
  }))();
/** One metric of an observation result: its name, qualifier, statistics and (with details) the observed entities. */
export type ObservationMetricData = z.infer<typeof ObservationMetricDataSchema>;

export const QueueObservationDataContainerSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    group: z.optional(GroupSchema),
    data: z.optional(z.array(ObservationMetricDataSchema)),
  }))();
/** The observations of one group (e.g. one queue and media type). */
export type QueueObservationDataContainer = z.infer<typeof QueueObservationDataContainerSchema>;

export const QueueObservationQueryResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    /** System presence (e.g. `ON_QUEUE`) -> organization presence ids (qualifiers of `oUserPresences`). */
    systemToOrganizationMappings: z.optional(z.record(z.string(), z.array(z.string()))),
    results: z.optional(z.array(QueueObservationDataContainerSchema)),
  }))();
/** The answer of a queue observations query (`POST /api/v2/analytics/queues/observations/query`). */
export type QueueObservationQueryResponse = z.infer<typeof QueueObservationQueryResponseSchema>;

export const AnalyticsSessionMetricSchema = /* @__PURE__ */ (() =>
  z.looseObject({ name: z.string(), value: z.number(), emitDate: z.optional(z.string()) }))();
/** One metric of a conversation session (e.g. `tHandle`) with its value and time. */
export type AnalyticsSessionMetric = z.infer<typeof AnalyticsSessionMetricSchema>;

export const AnalyticsConversationSegmentSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    segmentStart: z.optional(z.string()),
    segmentEnd: z.optional(z.string()),
    /** `alert`, `interact`, `hold`, `wrapup`, `ivr`, `dialing`... */
    segmentType: z.optional(z.string()),
    queueId: z.optional(z.string()),
    requestedRoutingSkillIds: z.optional(z.array(z.string())),
    requestedLanguageId: z.optional(z.string()),
    wrapUpCode: z.optional(z.string()),
    wrapUpNote: z.optional(z.string()),
    disconnectType: z.optional(z.string()),
    conference: z.optional(z.boolean()),
  }))();
/** One segment of a session (e.g. `interact`, `hold`, `wrapup`) with its start, end and queue. */
export type AnalyticsConversationSegment = z.infer<typeof AnalyticsConversationSegmentSchema>;

export const AnalyticsSessionSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    sessionId: z.optional(z.string()),
    mediaType: z.optional(z.string()),
    direction: z.optional(z.string()),
    ani: z.optional(z.string()),
    dnis: z.optional(z.string()),
    requestedRoutings: z.optional(z.array(z.string())),
    usedRouting: z.optional(z.string()),
    selectedAgentId: z.optional(z.string()),
    metrics: z.optional(z.array(AnalyticsSessionMetricSchema)),
    segments: z.optional(z.array(AnalyticsConversationSegmentSchema)),
  }))();
/** One session of a participant (its media type, segments and metrics). */
export type AnalyticsSession = z.infer<typeof AnalyticsSessionSchema>;

export const AnalyticsParticipantSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    participantId: z.optional(z.string()),
    participantName: z.optional(z.string()),
    /** `customer`, `acd`, `agent`, `ivr`, `external`... */
    purpose: z.optional(z.string()),
    userId: z.optional(z.string()),
    teamId: z.optional(z.string()),
    sessions: z.optional(z.array(AnalyticsSessionSchema)),
  }))();
/** One participant of a conversation (customer, agent, ACD, ...) with its sessions. */
export type AnalyticsParticipant = z.infer<typeof AnalyticsParticipantSchema>;

/** `AnalyticsConversationWithoutAttributes` (details query, async job results). */
export const AnalyticsConversationSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    conversationId: z.string(),
    conversationStart: z.optional(z.string()),
    conversationEnd: z.optional(z.string()),
    divisionIds: z.optional(z.array(z.string())),
    originatingDirection: z.optional(z.string()),
    participants: z.optional(z.array(AnalyticsParticipantSchema)),
  }))();
/** `AnalyticsConversationWithoutAttributes` (details query, async job results). */
export type AnalyticsConversation = z.infer<typeof AnalyticsConversationSchema>;

export const AnalyticsConversationQueryResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    conversations: z.optional(z.array(AnalyticsConversationSchema)),
    aggregations: z.optional(z.array(z.looseObject({}))),
    totalHits: z.optional(z.number()),
  }))();
/** The answer of a conversation details query: a page of conversations and the total hits. */
export type AnalyticsConversationQueryResponse = z.infer<typeof AnalyticsConversationQueryResponseSchema>;

export const AsyncQueryResponseSchema = /* @__PURE__ */ (() => z.looseObject({ jobId: z.string() }))();
/** What creating an asynchronous analytics job returns: the job id. */
export type AsyncQueryResponse = z.infer<typeof AsyncQueryResponseSchema>;

/** States of an asynchronous analytics job; `FULFILLED`, `FAILED`, `CANCELLED` and `EXPIRED` are final. */
export const ASYNC_JOB_STATES = ['QUEUED', 'PENDING', 'FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED'] as const;
/** One of `ASYNC_JOB_STATES`. */
export type AsyncJobState = (typeof ASYNC_JOB_STATES)[number];

/** `AsyncQueryStatus` of an async job. */
export const AsyncQueryStatusSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    state: z.optional(z.union([z.enum(ASYNC_JOB_STATES), z.string()])),
    errorMessage: z.optional(z.string()),
    expirationDate: z.optional(z.string()),
    submissionDate: z.optional(z.string()),
    completionDate: z.optional(z.string()),
  }))();
/** `AsyncQueryStatus` of an async job. */
export type AsyncQueryStatus = z.infer<typeof AsyncQueryStatusSchema>;

export const AnalyticsConversationAsyncQueryResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    conversations: z.optional(z.array(AnalyticsConversationSchema)),
    cursor: z.optional(z.string()),
    dataAvailabilityDate: z.optional(z.string()),
  }))();
/** A page of an asynchronous details job's results, with the cursor of the next page. */
export type AnalyticsConversationAsyncQueryResponse = z.infer<typeof AnalyticsConversationAsyncQueryResponseSchema>;

export const DataAvailabilityResponseSchema = /* @__PURE__ */ (() =>
  z.looseObject({ dataAvailabilityDate: z.optional(z.string()) }))();
/** How far the analytics details jobs' data is complete (`dataAvailabilityDate`). */
export type DataAvailabilityResponse = z.infer<typeof DataAvailabilityResponseSchema>;
