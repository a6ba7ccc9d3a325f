// client.analytics: queue observations, conversation aggregates and details (sync + async jobs), user
// aggregates, and pure helpers that turn their answers into numbers (docs/analytics.md).
import type { Transport } from '../../transport/transport.js';
import type { CallOptions } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import type {
  AnalyticsConversation,
  AsyncQueryStatus,
  ConversationAggregateQueryResponse,
  DataAvailabilityResponse,
  QueueObservationQueryResponse,
  UserAggregateQueryResponse,
} from '../schemas/analytics.js';
import { conversationAggregates, userAggregates, type AggregatesOptions, type ConversationAggregatesQuery, type UserAggregatesOptions, type UserAggregatesQuery } from './aggregates.js';
import {
  cancelDetailsJob,
  conversationDetails,
  conversationDetailsJob,
  createDetailsJob,
  detailsJobResults,
  detailsJobStatus,
  jobsAvailability,
  type ConversationDetailsQuery,
  type DetailsJobOptions,
  type DetailsJobQuery,
  type DetailsJobResults,
} from './details.js';
import { queueLoad, queueObservations, type QueueObservationsOptions, type QueueObservationsQuery } from './observations.js';
import type { AnalyticsMediaType } from './names.js';
import type { QueueLoad } from './summaries.js';

export class AnalyticsApi {
  constructor(private readonly transport: Transport) {}

  /**
   * Real-time queue observations. Queue lists longer than `maxQueuesPerQuery` (default 100) are split and merged.
   *
   * @example
   * const res = await client.analytics.queueObservations({ queueIds, metrics: ['oWaiting', 'oOnQueueUsers'] });
   */
  queueObservations(query: QueueObservationsQuery, options?: QueueObservationsOptions): Promise<QueueObservationQueryResponse> {
    return queueObservations(this.transport, query, options);
  }

  /**
   * Current load per queue — waiting, alerting, interacting, on-queue/active/member users — summed over media types.
   *
   * @example
   * for (const q of await client.analytics.queueLoad(queueIds)) console.log(q.queueId, q.waiting, q.onQueueUsers);
   */
  queueLoad(queueIds: readonly string[], options?: QueueObservationsOptions & { mediaTypes?: readonly AnalyticsMediaType[] }): Promise<QueueLoad[]> {
    return queueLoad(this.transport, queueIds, options);
  }

  /**
   * Historical conversation metrics, grouped and bucketed. Intervals longer than `maxIntervalDays` (default 7)
   * are split into windows of whole buckets and merged.
   *
   * @example
   * const res = await client.analytics.conversationAggregates({
   *   interval: { from: new Date('2024-05-01T00:00:00Z'), to: new Date('2024-05-29T00:00:00Z') },
   *   granularity: 'P1D',
   *   groupBy: ['queueId'],
   *   metrics: ['nOffered', 'tAnswered', 'tAbandon', 'tHandle', 'oServiceLevel'],
   * });
   * const rows = aggregateStats(res); // { group, interval, metric, count, sum, mean, ... }
   */
  conversationAggregates(query: ConversationAggregatesQuery, options?: AggregatesOptions): Promise<ConversationAggregateQueryResponse> {
    return conversationAggregates(this.transport, query, options);
  }

  /**
   * Conversation details, page by page (default page size 100).
   *
   * @example
   * const recent = await client.analytics.conversationDetails({ interval, segmentFilters: [anyOfFilter('queueId', [id])] }).toArray();
   */
  conversationDetails(query: ConversationDetailsQuery, options?: ListOptions): Paginator<AnalyticsConversation> {
    return conversationDetails(this.transport, query, options);
  }

  /**
   * Bulk conversation details through an async job: create, poll until FULFILLED, then iterate the results.
   * Aborting `signal` rejects with RequestAbortedError and cancels the job.
   *
   * @example
   * const results = await client.analytics.conversationDetailsJob({ interval }, { pollIntervalMs: 2000, onProgress: (s) => log(s.state) });
   * console.log(results.jobId);
   * for await (const conversation of results) save(conversation);
   */
  conversationDetailsJob(query: DetailsJobQuery, options?: DetailsJobOptions): Promise<DetailsJobResults> {
    return conversationDetailsJob(this.transport, query, options);
  }

  /** Starts an async details job and returns its id (for callers that poll themselves, e.g. across invocations). */
  createDetailsJob(query: DetailsJobQuery, options?: CallOptions): Promise<string> {
    return createDetailsJob(this.transport, query, options);
  }

  /** The status of an async details job (`state`: QUEUED, PENDING, FULFILLED, FAILED, CANCELLED, EXPIRED). */
  detailsJobStatus(jobId: string, options?: CallOptions): Promise<AsyncQueryStatus> {
    return detailsJobStatus(this.transport, jobId, options);
  }

  /** Results of a FULFILLED async details job, following cursors. */
  detailsJobResults(jobId: string, options?: ListOptions): Paginator<AnalyticsConversation> {
    return detailsJobResults(this.transport, jobId, options);
  }

  /** Cancels (deletes) an async details job. */
  cancelDetailsJob(jobId: string, options?: CallOptions): Promise<void> {
    return cancelDetailsJob(this.transport, jobId, options);
  }

  /**
   * The data-lake availability date: async jobs only see data before it.
   *
   * @example
   * const { dataAvailabilityDate } = await client.analytics.jobsAvailability();
   */
  jobsAvailability(options?: CallOptions): Promise<DataAvailabilityResponse> {
    return jobsAvailability(this.transport, options);
  }

  /**
   * Agent routing-status and presence time per user (grouped by userId), split like conversationAggregates.
   * Feed the answer to `agentOccupancy()` for occupancy.
   *
   * @example
   * const res = await client.analytics.userAggregates({ interval, userIds, metrics: ['tAgentRoutingStatus'] });
   * const occupancy = agentOccupancy(res);
   */
  userAggregates(query: UserAggregatesQuery, options?: UserAggregatesOptions): Promise<UserAggregateQueryResponse> {
    return userAggregates(this.transport, query, options);
  }
}

export { anyOfFilter, type AnalyticsClause, type AnalyticsFilter, type AnalyticsPredicate, type NumericRange } from './filters.js';
export type { AnalyticsInterval } from './checks.js';
export * from './names.js';
export { aggregateStats, agentOccupancy, summarizeQueueLoad, type AggregateStatRow, type AgentOccupancy, type QueueLoad } from './summaries.js';
export { AnalyticsJobError, isAnalyticsJobError } from './errors.js';
export { DEFAULT_MAX_QUEUES_PER_OBSERVATION_QUERY, QUEUE_LOAD_METRICS, type QueueObservationsOptions, type QueueObservationsQuery } from './observations.js';
export {
  DEFAULT_MAX_INTERVAL_DAYS,
  DEFAULT_MAX_USERS_PER_QUERY,
  type AggregatesOptions,
  type ConversationAggregatesQuery,
  type ConversationAggregationView,
  type UserAggregatesOptions,
  type UserAggregatesQuery,
} from './aggregates.js';
export { DEFAULT_DETAILS_PAGE_SIZE, type ConversationDetailsQuery, type DetailsJobOptions, type DetailsJobQuery, type DetailsJobResults } from './details.js';
