// client.analytics: queue observations, conversation aggregates and details (sync + async jobs), user
// aggregates, and pure helpers that turn their answers into numbers (docs/analytics.md).
import type { ClientCore } from '../core/client-core.js';
import {
  AggregatesResource,
  DetailsJobsResource,
  DetailsResource,
  ObservationsResource,
  UserAggregatesResource,
} from './resources.js';
import { UserAnalyticsResource } from './user-observations.js';

export {
  AggregatesResource,
  DetailsJobsResource,
  DetailsResource,
  ObservationsResource,
  UserAggregatesResource,
} from './resources.js';

/**
 * `client.analytics`: queue observations, conversation aggregates and details (sync and async jobs), user
 * aggregates.
 */
export class AnalyticsApi {
  readonly #client: ClientCore;
  #observations?: ObservationsResource;
  #aggregates?: AggregatesResource;
  #userAggregates?: UserAggregatesResource;
  #details?: DetailsResource;
  #detailsJobs?: DetailsJobsResource;
  #users?: UserAnalyticsResource;

  /** Created by the client as `client.analytics`. */
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
  /** Agent routing-status and presence time: `query`. */
  get userAggregates(): UserAggregatesResource {
    return (this.#userAggregates ??= new UserAggregatesResource(this.#client));
  }
  /** The synchronous conversation details query: `query`. */
  get details(): DetailsResource {
    return (this.#details ??= new DetailsResource(this.#client));
  }
  /** Async details jobs: `create`, `get`, `results`, `cancel`, `run`, `availability`. */
  get detailsJobs(): DetailsJobsResource {
    return (this.#detailsJobs ??= new DetailsJobsResource(this.#client));
  }
}

export {
  anyOfFilter,
  type AnalyticsClause,
  type AnalyticsFilter,
  type AnalyticsPredicate,
  type NumericRange,
} from './filters.js';
export type { AnalyticsInterval } from './checks.js';
export * from './names.js';
export {
  aggregateStats,
  agentOccupancy,
  combineRows,
  summarizeQueueLoad,
  type AggregateStatRow,
  type AgentOccupancy,
  type QueueLoad,
} from './summaries.js';
export { AnalyticsJobError, isAnalyticsJobError } from './errors.js';
export {
  DEFAULT_MAX_QUEUES_PER_OBSERVATION_QUERY,
  QUEUE_LOAD_METRICS,
  type QueueObservationsOptions,
  type QueueObservationsQuery,
} from './observations.js';
export {
  DEFAULT_MAX_INTERVAL_DAYS,
  DEFAULT_MAX_USERS_PER_QUERY,
  type AggregatesOptions,
  type ConversationAggregatesQuery,
  type ConversationAggregationView,
  type UserAggregatesOptions,
  type UserAggregatesQuery,
} from './aggregates.js';
export {
  DEFAULT_DETAILS_PAGE_SIZE,
  type ConversationDetailsQuery,
  type DetailsJobOptions,
  type DetailsJobQuery,
  type DetailsJobResults,
} from './details.js';
