// Queue observations (real time): POST /api/v2/analytics/queues/observations/query. Filter
// predicates may only name queueId and mediaType. The max number of queues per query is unconfirmed, so
// long queue lists are split into queries of `maxQueuesPerQuery` (default 100), sent concurrently (the
// client's limiter still applies) and merged into one response.
import type { ClientCore } from '../core/client-core.js';
import { send } from '../core/call.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { QueueObservationQueryResponseSchema, type QueueObservationQueryResponse } from '../schemas/analytics.js';
import { chunk } from '../validate.js';
import { Issues, checkIds, checkNames, checkPositiveInt } from './checks.js';
import { anyOfFilter, type AnalyticsFilter } from './filters.js';
import { mergeObservationResponses } from './merge.js';
import {
  ANALYTICS_MEDIA_TYPES,
  METRIC_NAME_PATTERN,
  QUEUE_OBSERVATION_DETAIL_METRICS,
  QUEUE_OBSERVATION_METRICS,
  type AnalyticsMediaType,
  type QueueObservationDetailMetric,
  type QueueObservationMetric,
} from './names.js';
import { summarizeQueueLoad, type QueueLoad } from './summaries.js';

/** Default queues per observation query (the platform's maximum is unconfirmed). */
export const DEFAULT_MAX_QUEUES_PER_OBSERVATION_QUERY = 100;

const op: Operation<QueueObservationQueryResponse> = {
  id: 'analytics.queueObservations',
  method: 'POST',
  path: '/api/v2/analytics/queues/observations/query',
  idempotent: true, // a query: no side effects
  schema: QueueObservationQueryResponseSchema,
};

/** The body of a queue observations query (`client.analytics.observations.query`). */
export interface QueueObservationsQuery {
  /** The queues to observe; more than 100 are split into several queries. */
  queueIds: readonly string[];
  /** Observation metrics to return (e.g. `oWaiting`, `oOnQueueUsers`). */
  metrics: readonly QueueObservationMetric[];
  /** Restrict conversation metrics to these media types (default: all). */
  mediaTypes?: readonly AnalyticsMediaType[];
  /** Metrics to return per-item observations for (conversation ids, user ids...). */
  detailMetrics?: readonly QueueObservationDetailMetric[];
}

/** Options of `client.analytics.observations` (real-time queue observations). */
export interface QueueObservationsOptions extends CallOptions {
  /** Queue ids per query; longer lists are split and the answers merged. Default 100. */
  maxQueuesPerQuery?: number;
  /** Let metric names this SDK does not list yet through (they must still look like `oSomething`). */
  allowUnknownMetrics?: boolean;
}

function observationBody(
  queueIds: readonly string[],
  q: { metrics: readonly string[]; mediaTypes: readonly string[]; detailMetrics: readonly string[] },
) {
  const queues = anyOfFilter('queueId', queueIds);
  const filter: AnalyticsFilter =
    q.mediaTypes.length > 0
      ? {
          type: 'and',
          clauses: [
            { type: 'or', predicates: queues.predicates ?? [] },
            { type: 'or', predicates: anyOfFilter('mediaType', q.mediaTypes).predicates ?? [] },
          ],
        }
      : queues;
  return { filter, metrics: q.metrics, ...(q.detailMetrics.length > 0 ? { detailMetrics: q.detailMetrics } : {}) };
}

export async function queueObservations(
  core: ClientCore,
  query: QueueObservationsQuery,
  options: QueueObservationsOptions = {},
): Promise<QueueObservationQueryResponse> {
  const { maxQueuesPerQuery, allowUnknownMetrics, ...call } = options;
  const issues = new Issues('analytics.queueObservations');
  const q = (typeof query === 'object' && query !== null ? query : {}) as Partial<QueueObservationsQuery>;
  const unknown = allowUnknownMetrics ? METRIC_NAME_PATTERN : undefined;
  const queueIds = checkIds(q.queueIds, issues, 'queueIds', true);
  const metrics = checkNames(
    q.metrics,
    issues,
    'metrics',
    { known: QUEUE_OBSERVATION_METRICS, unknownPattern: unknown, kind: 'metric' },
    true,
  );
  const mediaTypes = checkNames(
    q.mediaTypes,
    issues,
    'mediaTypes',
    { known: ANALYTICS_MEDIA_TYPES, unknownPattern: undefined, kind: 'media type' },
    false,
  );
  const detailMetrics = checkNames(
    q.detailMetrics,
    issues,
    'detailMetrics',
    { known: QUEUE_OBSERVATION_DETAIL_METRICS, unknownPattern: unknown, kind: 'metric' },
    false,
  );
  const size =
    checkPositiveInt(maxQueuesPerQuery, issues, 'maxQueuesPerQuery') ?? DEFAULT_MAX_QUEUES_PER_OBSERVATION_QUERY;
  issues.throwIfAny();
  const responses = await Promise.all(
    chunk(queueIds, size).map((ids) =>
      send(core, op, { body: observationBody(ids, { metrics, mediaTypes, detailMetrics }) }, call),
    ),
  );
  return responses.length === 1
    ? (responses[0] as QueueObservationQueryResponse)
    : mergeObservationResponses(responses);
}

/** The metrics `queueLoad` asks for. */
export const QUEUE_LOAD_METRICS: readonly QueueObservationMetric[] = [
  'oWaiting',
  'oAlerting',
  'oInteracting',
  'oLongestWaiting',
  'oOnQueueUsers',
  'oOffQueueUsers',
  'oActiveUsers',
  'oMemberUsers',
];

export async function queueLoad(
  core: ClientCore,
  queueIds: readonly string[],
  options: QueueObservationsOptions & { mediaTypes?: readonly AnalyticsMediaType[] } = {},
): Promise<QueueLoad[]> {
  const { mediaTypes, ...rest } = options;
  const response = await queueObservations(
    core,
    { queueIds, metrics: QUEUE_LOAD_METRICS, ...(mediaTypes ? { mediaTypes } : {}) },
    rest,
  );
  return summarizeQueueLoad(response, [...new Set(queueIds)]);
}
