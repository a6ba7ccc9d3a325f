// client.analytics' resource groups, routing's shape: noun.verb methods over the operation tables in
// observations.ts, aggregates.ts and details.ts.
import type { CallOptions } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import { Resource } from '../core/resource.js';
import type {
  AnalyticsConversation,
  AsyncQueryResponse,
  AsyncQueryStatus,
  ConversationAggregateQueryResponse,
  DataAvailabilityResponse,
  QueueObservationQueryResponse,
  UserAggregateQueryResponse,
} from '../schemas/analytics.js';
import {
  conversationAggregates,
  userAggregates,
  type AggregatesOptions,
  type ConversationAggregatesQuery,
  type UserAggregatesOptions,
  type UserAggregatesQuery,
} from './aggregates.js';
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
import type { AnalyticsMediaType } from './names.js';
import {
  queueLoad,
  queueObservations,
  type QueueObservationsOptions,
  type QueueObservationsQuery,
} from './observations.js';
import type { QueueLoad } from './summaries.js';

/** `client.analytics.observations`: real-time queue observations. */
export class ObservationsResource extends Resource {
  /**
   * Real-time queue observations (`POST /api/v2/analytics/queues/observations/query`). Queue lists longer
   * than `maxQueuesPerQuery` (default 100) are split and merged.
   *
   * @example
   * const res = await client.analytics.observations.query({ queueIds, metrics: ['oWaiting', 'oOnQueueUsers'] });
   */
  query(query: QueueObservationsQuery, options?: QueueObservationsOptions): ApiPromise<QueueObservationQueryResponse> {
    return this._run((core) => queueObservations(core, query, options));
  }

  /**
   * Current load per queue (waiting, alerting, interacting, on-queue/active/member users), summed over media types.
   *
   * @example
   * for (const q of await client.analytics.observations.queueLoad(queueIds)) console.log(q.queueId, q.waiting, q.onQueueUsers);
   */
  queueLoad(
    queueIds: readonly string[],
    options?: QueueObservationsOptions & { mediaTypes?: readonly AnalyticsMediaType[] },
  ): ApiPromise<QueueLoad[]> {
    return this._run((core) => queueLoad(core, queueIds, options));
  }
}

/** `client.analytics.aggregates`: historical conversation metrics. */
export class AggregatesResource extends Resource {
  /**
   * Conversation aggregates, grouped and bucketed (`POST /api/v2/analytics/conversations/aggregates/query`).
   * Intervals longer than `maxIntervalDays` (default 7) are split into windows of whole buckets and merged.
   *
   * @example
   * const res = await client.analytics.aggregates.query({
   *   interval: { from: new Date('2024-05-01T00:00:00Z'), to: new Date('2024-05-29T00:00:00Z') },
   *   granularity: 'P1D',
   *   groupBy: ['queueId'],
   *   metrics: ['nOffered', 'tAnswered', 'tAbandon', 'tHandle', 'oServiceLevel'],
   * });
   * const rows = aggregateStats(res);
   */
  query(
    query: ConversationAggregatesQuery,
    options?: AggregatesOptions,
  ): ApiPromise<ConversationAggregateQueryResponse> {
    return this._run((core) => conversationAggregates(core, query, options));
  }
}

/** `client.analytics.userAggregates`: agent routing-status and presence time. */
export class UserAggregatesResource extends Resource {
  /**
   * Routing-status and presence time per user (`POST /api/v2/analytics/users/aggregates/query`), split
   * like `aggregates.query`. Feed the answer to `agentOccupancy()`.
   *
   * @example
   * const res = await client.analytics.userAggregates.query({ interval, userIds, metrics: ['tAgentRoutingStatus'] });
   * const occupancy = agentOccupancy(res);
   */
  query(query: UserAggregatesQuery, options?: UserAggregatesOptions): ApiPromise<UserAggregateQueryResponse> {
    return this._run((core) => userAggregates(core, query, options));
  }
}

/** `client.analytics.details`: the synchronous conversation details query. */
export class DetailsResource extends Resource {
  /**
   * Conversation details, page by page (`POST /api/v2/analytics/conversations/details/query`, default page size 100).
   *
   * @example
   * const recent = await client.analytics.details.query({ interval, segmentFilters: [anyOfFilter('queueId', [id])] }).toArray();
   */
  query(query: ConversationDetailsQuery, options?: ListOptions): Paginator<AnalyticsConversation> {
    return conversationDetails(this._client, query, options);
  }
}

/** `client.analytics.detailsJobs`: bulk conversation details through async jobs. */
export class DetailsJobsResource extends Resource {
  /**
   * Starts a job (`POST /api/v2/analytics/conversations/details/jobs`): `{ jobId }`. For callers that poll
   * themselves, e.g. across invocations; `run()` does it all.
   *
   * @example
   * const { jobId } = await client.analytics.detailsJobs.create({ interval });
   */
  create(query: DetailsJobQuery, options?: CallOptions): ApiPromise<AsyncQueryResponse> {
    return this._run((core) => createDetailsJob(core, query, options));
  }

  /**
   * A job's status (`state`: QUEUED, PENDING, FULFILLED, FAILED, CANCELLED, EXPIRED).
   *
   * @example
   * const { state } = await client.analytics.detailsJobs.get(jobId);
   */
  get(jobId: string, options?: CallOptions): ApiPromise<AsyncQueryStatus> {
    return this._run((core) => detailsJobStatus(core, jobId, options));
  }

  /**
   * The conversations of a FULFILLED job, following cursors.
   *
   * @example
   * for await (const conversation of client.analytics.detailsJobs.results(jobId)) save(conversation);
   */
  results(jobId: string, options?: ListOptions): Paginator<AnalyticsConversation> {
    return detailsJobResults(this._client, jobId, options);
  }

  /**
   * Cancels (deletes) a job.
   *
   * @example
   * await client.analytics.detailsJobs.cancel(jobId);
   */
  cancel(jobId: string, options?: CallOptions): ApiPromise<void> {
    return this._run((core) => cancelDetailsJob(core, jobId, options));
  }

  /**
   * Create, poll until FULFILLED, then iterate the results. Aborting `signal` rejects with
   * RequestAbortedError and cancels the job.
   *
   * @example
   * const results = await client.analytics.detailsJobs.run({ interval }, { pollIntervalMs: 2000, onProgress: (s) => log(s.state) });
   * for await (const conversation of results) save(conversation);
   */
  run(query: DetailsJobQuery, options?: DetailsJobOptions): ApiPromise<DetailsJobResults> {
    return this._run((core) => conversationDetailsJob(core, query, options));
  }

  /**
   * The data-lake availability date: jobs only see data before it.
   *
   * @example
   * const { dataAvailabilityDate } = await client.analytics.detailsJobs.availability();
   */
  availability(options?: CallOptions): ApiPromise<DataAvailabilityResponse> {
    return this._run((core) => jobsAvailability(core, options));
  }
}
