// Analytics models (as in the official SDK purecloud-platform-client-v2) as loose zod/mini schemas (unknown fields
// pass through). The public types are the named interfaces generated from the platform's definitions
// (../models/analytics.ts); models/schema-checks.ts checks each schema's output is assignable to its interface.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { ConversationAggregateDataContainer } from '../models/analytics.js';

export type {
  AggregateMetricData,
  AnalyticsConversation,
  AnalyticsConversationAsyncQueryResponse,
  AnalyticsConversationQueryResponse,
  AnalyticsConversationSegment,
  AnalyticsParticipant,
  AnalyticsSession,
  AnalyticsSessionMetric,
  AsyncQueryResponse,
  AsyncQueryStatus,
  ConversationAggregateQueryResponse,
  DataAvailabilityResponse,
  ObservationMetricData,
  ObservationValue,
  QueueObservationDataContainer,
  QueueObservationQueryResponse,
  StatisticalResponse,
  StatisticalSummary,
  UserAggregateQueryResponse,
} from '../models/analytics.js';
/** One group of an aggregate result (`ConversationAggregateDataContainer`, `UserAggregateDataContainer`: the same shape). */
export type AggregateDataContainer = ConversationAggregateDataContainer;

/** The platform's StatisticalSummary. Durations (`t*` metrics) are in ms. */
export const StatisticalSummarySchema = /* @__PURE__ */ lazySchema(() =>
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
  }),
);

/** A group of an aggregate or observation result: dimension name -> value. */
const GroupSchema = /* @__PURE__ */ lazySchema(() => z.record(z.string(), z.string()));

export const AggregateMetricDataSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.optional(z.string()),
    stats: z.optional(StatisticalSummarySchema()),
  }),
);

/** One bucket of an aggregate result (`StatisticalResponse`). */
export const StatisticalResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    /** ISO-8601 `start/end` of the bucket. */
    interval: z.string(),
    metrics: z.optional(z.array(AggregateMetricDataSchema())),
    views: z.optional(z.array(z.looseObject({ name: z.string(), stats: z.optional(StatisticalSummarySchema()) }))),
  }),
);

export const AggregateDataContainerSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    group: z.optional(GroupSchema()),
    data: z.optional(z.array(StatisticalResponseSchema())),
  }),
);

/** `ConversationAggregateQueryResponse` (and `UserAggregateQueryResponse`, the same shape). */
export const AggregateQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    results: z.optional(z.array(AggregateDataContainerSchema())),
  }),
);

/** One observed item (`ObservationValue`): a waiting conversation, an on-queue user... */
export const ObservationValueSchema = /* @__PURE__ */ lazySchema(() =>
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
  }),
);

export const ObservationMetricDataSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    metric: z.string(),
    qualifier: z.optional(z.string()),
    stats: z.optional(StatisticalSummarySchema()),
    truncated: z.optional(z.boolean()),
    observations: z.optional(z.array(ObservationValueSchema())),
  }),
);

export const QueueObservationDataContainerSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    group: z.optional(GroupSchema()),
    data: z.optional(z.array(ObservationMetricDataSchema())),
  }),
);

export const QueueObservationQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    /** System presence (e.g. `ON_QUEUE`) -> organization presence ids (qualifiers of `oUserPresences`). */
    systemToOrganizationMappings: z.optional(z.record(z.string(), z.array(z.string()))),
    results: z.optional(z.array(QueueObservationDataContainerSchema())),
  }),
);

export const AnalyticsSessionMetricSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ name: z.string(), value: z.number(), emitDate: z.optional(z.string()) }),
);

export const AnalyticsConversationSegmentSchema = /* @__PURE__ */ lazySchema(() =>
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
  }),
);

export const AnalyticsSessionSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    sessionId: z.optional(z.string()),
    mediaType: z.optional(z.string()),
    direction: z.optional(z.string()),
    ani: z.optional(z.string()),
    dnis: z.optional(z.string()),
    requestedRoutings: z.optional(z.array(z.string())),
    usedRouting: z.optional(z.string()),
    selectedAgentId: z.optional(z.string()),
    metrics: z.optional(z.array(AnalyticsSessionMetricSchema())),
    segments: z.optional(z.array(AnalyticsConversationSegmentSchema())),
  }),
);

export const AnalyticsParticipantSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    participantId: z.optional(z.string()),
    participantName: z.optional(z.string()),
    /** `customer`, `acd`, `agent`, `ivr`, `external`... */
    purpose: z.optional(z.string()),
    userId: z.optional(z.string()),
    teamId: z.optional(z.string()),
    sessions: z.optional(z.array(AnalyticsSessionSchema())),
  }),
);

/** `AnalyticsConversationWithoutAttributes` (details query, async job results). */
export const AnalyticsConversationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    conversationId: z.string(),
    conversationStart: z.optional(z.string()),
    conversationEnd: z.optional(z.string()),
    divisionIds: z.optional(z.array(z.string())),
    originatingDirection: z.optional(z.string()),
    participants: z.optional(z.array(AnalyticsParticipantSchema())),
  }),
);

export const AnalyticsConversationQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    conversations: z.optional(z.array(AnalyticsConversationSchema())),
    aggregations: z.optional(z.array(z.looseObject({}))),
    totalHits: z.optional(z.number()),
  }),
);

export const AsyncQueryResponseSchema = /* @__PURE__ */ lazySchema(() => z.looseObject({ jobId: z.string() }));

/** States of an asynchronous analytics job; `FULFILLED`, `FAILED`, `CANCELLED` and `EXPIRED` are final. */
export const ASYNC_JOB_STATES = ['QUEUED', 'PENDING', 'FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED'] as const;
/** One of `ASYNC_JOB_STATES`. */
export type AsyncJobState = (typeof ASYNC_JOB_STATES)[number];

/** `AsyncQueryStatus` of an async job. */
export const AsyncQueryStatusSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    state: z.optional(z.union([z.enum(ASYNC_JOB_STATES), z.string()])),
    errorMessage: z.optional(z.string()),
    expirationDate: z.optional(z.string()),
    submissionDate: z.optional(z.string()),
    completionDate: z.optional(z.string()),
  }),
);

export const AnalyticsConversationAsyncQueryResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    conversations: z.optional(z.array(AnalyticsConversationSchema())),
    cursor: z.optional(z.string()),
    dataAvailabilityDate: z.optional(z.string()),
  }),
);

export const DataAvailabilityResponseSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ dataAvailabilityDate: z.optional(z.string()) }),
);
