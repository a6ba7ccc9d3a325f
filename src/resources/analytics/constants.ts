// The analytics defaults and the queueLoad metric list: values the root entry exports or documents, kept apart
// from the query code so that code can load on a query's first call (see run.ts).
import type { QueueObservationMetric } from './names.js';

/** Default longest interval per aggregates query, in days (the platform's limit is unconfirmed). */
export const DEFAULT_MAX_INTERVAL_DAYS = 7;
/** Default user ids per users-aggregates query. */
export const DEFAULT_MAX_USERS_PER_QUERY = 100;
/** Default page size of the sync details query (the platform's own default is 25; its maximum is unconfirmed). */
export const DEFAULT_DETAILS_PAGE_SIZE = 100;
/** Default queues per observation query (the platform's maximum is unconfirmed). */
export const DEFAULT_MAX_QUEUES_PER_OBSERVATION_QUERY = 100;

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
