// client.analytics: queue observations, conversation aggregates and details (sync + async jobs), user
// aggregates, and pure helpers that turn their answers into numbers (docs/analytics.md).
import type { CallOptions } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import type { ClientCore } from '../core/client-core.js';
import { callableResource } from '../core/resource.js';
import type {
  AnalyticsConversation,
  AsyncQueryStatus,
  ConversationAggregateQueryResponse,
  DataAvailabilityResponse,
  QueueObservationQueryResponse,
  UserAggregateQueryResponse,
} from '../schemas/analytics.js';
import type { AggregatesOptions, ConversationAggregatesQuery, UserAggregatesOptions, UserAggregatesQuery } from './aggregates.js';
import type { ConversationDetailsQuery, DetailsJobOptions, DetailsJobQuery, DetailsJobResults } from './details.js';
import type { AnalyticsMediaType } from './names.js';
import type { QueueObservationsOptions, QueueObservationsQuery } from './observations.js';
import { AggregatesResource, DetailsJobsResource, DetailsResource, ObservationsResource, UserAggregatesResource } from './resources.js';
import type { QueueLoad } from './summaries.js';
import { UserAnalyticsResource } from './user-observations.js';

/** The 0.1 method `client.analytics.userAggregates(query)`. */
export interface DeprecatedUserAggregatesCall {
  /** @deprecated Use `client.analytics.userAggregates.query`. Removed in the next minor version. */
  (query: UserAggregatesQuery, options?: UserAggregatesOptions): ApiPromise<UserAggregateQueryResponse>;
}

export { AggregatesResource, DetailsJobsResource, DetailsResource, ObservationsResource, UserAggregatesResource } from './resources.js';

/**
 * `client.analytics`: queue observations, conversation aggregates and details (sync and async jobs), user
 * aggregates. The verbNoun methods of 0.1 (`queueObservations`, `createDetailsJob`, ...) remain as
 * deprecated aliases until the next minor version; docs/migration.md maps each to its new name.
 */
export class AnalyticsApi {
  readonly #client: ClientCore;
  #observations?: ObservationsResource;
  #aggregates?: AggregatesResource;
  #userAggregates?: UserAggregatesResource & DeprecatedUserAggregatesCall;
  #details?: DetailsResource;
  #detailsJobs?: DetailsJobsResource;
  #users?: UserAnalyticsResource;

  constructor(client: ClientCore) {
    this.#client = client;
  }

  /** Agent real time: `observations` (queues each agent is a member of and active in now). */
  get users(): UserAnalyticsResource {
    return (this.#users ??= new UserAnalyticsResource(this.#client));
  }
  /** Real-time queue observations: `query`, `queueLoad`. */
  get observations(): ObservationsResource {
    return (this.#observations ??= new ObservationsResource(this.#client));
  }
  /** Historical conversation metrics: `query`. */
  get aggregates(): AggregatesResource {
    return (this.#aggregates ??= new AggregatesResource(this.#client));
  }
  /**
   * Agent routing-status and presence time: `query`. Calling it as a function, the 0.1 method
   * `userAggregates(query)`, still works (deprecated; use `userAggregates.query`).
   */
  get userAggregates(): UserAggregatesResource & DeprecatedUserAggregatesCall {
    if (!this.#userAggregates) {
      const resource = new UserAggregatesResource(this.#client);
      this.#userAggregates = callableResource(resource, ((query, options) => resource.query(query, options)) as DeprecatedUserAggregatesCall);
    }
    return this.#userAggregates;
  }
  /** The synchronous conversation details query: `query`. */
  get details(): DetailsResource {
    return (this.#details ??= new DetailsResource(this.#client));
  }
  /** Async details jobs: `create`, `get`, `results`, `cancel`, `run`, `availability`. */
  get detailsJobs(): DetailsJobsResource {
    return (this.#detailsJobs ??= new DetailsJobsResource(this.#client));
  }

  /** @deprecated Use `client.analytics.observations.query`. Removed in the next minor version. */
  queueObservations(query: QueueObservationsQuery, options?: QueueObservationsOptions): ApiPromise<QueueObservationQueryResponse> {
    return this.observations.query(query, options);
  }
  /** @deprecated Use `client.analytics.observations.queueLoad`. Removed in the next minor version. */
  queueLoad(queueIds: readonly string[], options?: QueueObservationsOptions & { mediaTypes?: readonly AnalyticsMediaType[] }): ApiPromise<QueueLoad[]> {
    return this.observations.queueLoad(queueIds, options);
  }
  /** @deprecated Use `client.analytics.aggregates.query`. Removed in the next minor version. */
  conversationAggregates(query: ConversationAggregatesQuery, options?: AggregatesOptions): ApiPromise<ConversationAggregateQueryResponse> {
    return this.aggregates.query(query, options);
  }
  /** @deprecated Use `client.analytics.details.query`. Removed in the next minor version. */
  conversationDetails(query: ConversationDetailsQuery, options?: ListOptions): Paginator<AnalyticsConversation> {
    return this.details.query(query, options);
  }
  /** @deprecated Use `client.analytics.detailsJobs.run`. Removed in the next minor version. */
  conversationDetailsJob(query: DetailsJobQuery, options?: DetailsJobOptions): ApiPromise<DetailsJobResults> {
    return this.detailsJobs.run(query, options);
  }
  /** @deprecated Use `client.analytics.detailsJobs.create` (which resolves to `{ jobId }`). Removed in the next minor version. */
  createDetailsJob(query: DetailsJobQuery, options?: CallOptions): ApiPromise<string> {
    return this.detailsJobs.create(query, options).thenUnwrap((job) => job.jobId);
  }
  /** @deprecated Use `client.analytics.detailsJobs.get`. Removed in the next minor version. */
  detailsJobStatus(jobId: string, options?: CallOptions): ApiPromise<AsyncQueryStatus> {
    return this.detailsJobs.get(jobId, options);
  }
  /** @deprecated Use `client.analytics.detailsJobs.results`. Removed in the next minor version. */
  detailsJobResults(jobId: string, options?: ListOptions): Paginator<AnalyticsConversation> {
    return this.detailsJobs.results(jobId, options);
  }
  /** @deprecated Use `client.analytics.detailsJobs.cancel`. Removed in the next minor version. */
  cancelDetailsJob(jobId: string, options?: CallOptions): ApiPromise<void> {
    return this.detailsJobs.cancel(jobId, options);
  }
  /** @deprecated Use `client.analytics.detailsJobs.availability`. Removed in the next minor version. */
  jobsAvailability(options?: CallOptions): ApiPromise<DataAvailabilityResponse> {
    return this.detailsJobs.availability(options);
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
