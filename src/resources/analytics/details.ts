// Conversation details (`/api/v2/analytics/conversations/details/query` and `.../details/jobs`): the sync query with body paging, and async jobs — create,
// poll until settled, then cursor-paged results. Job polling owns the caller's AbortSignal: aborting (or
// running past `timeoutMs`) rejects at once and makes a best-effort DELETE so the job does not keep
// running on the platform.
import { RequestAbortedError, TimeoutError } from '../../errors/index.js';
import type { ClientCore } from '../core/client-core.js';
import { paginate, send } from '../core/call.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import { deferredPaginator, type Paginator } from '../../transport/paging/paginator.js';
import { pollUntil } from '../../transport/paging/poll.js';
import {
  AnalyticsConversationAsyncQueryResponseSchema,
  AnalyticsConversationQueryResponseSchema,
  AsyncQueryResponseSchema,
  AsyncQueryStatusSchema,
  DataAvailabilityResponseSchema,
  type AnalyticsConversation,
  type AsyncQueryResponse,
  type AsyncQueryStatus,
  type DataAvailabilityResponse,
} from '../schemas/analytics.js';
import { requireId } from '../validate.js';
import { Issues, checkFilter, checkInterval, checkPositiveInt, type AnalyticsInterval } from './checks.js';
import { AnalyticsJobError } from './errors.js';
import type { AnalyticsFilter } from './filters.js';
import { formatInterval } from './time.js';

const JOBS = '/api/v2/analytics/conversations/details/jobs';
const queryOp: Operation = {
  id: 'analytics.conversationDetails',
  method: 'POST',
  path: '/api/v2/analytics/conversations/details/query',
  idempotent: true,
  schema: AnalyticsConversationQueryResponseSchema,
};
// Creating a job is not idempotent: a blind retry after a 500 could start a second job.
const createOp: Operation<AsyncQueryResponse> = {
  id: 'analytics.detailsJobs.create',
  method: 'POST',
  path: JOBS,
  schema: AsyncQueryResponseSchema,
};
const statusOp: Operation<AsyncQueryStatus> = {
  id: 'analytics.detailsJobs.status',
  method: 'GET',
  path: `${JOBS}/{jobId}`,
  schema: AsyncQueryStatusSchema,
};
const resultsOp: Operation = {
  id: 'analytics.detailsJobs.results',
  method: 'GET',
  path: `${JOBS}/{jobId}/results`,
  schema: AnalyticsConversationAsyncQueryResponseSchema,
};
const cancelOp: Operation<void> = { id: 'analytics.detailsJobs.cancel', method: 'DELETE', path: `${JOBS}/{jobId}` };
const availabilityOp: Operation<DataAvailabilityResponse> = {
  id: 'analytics.detailsJobs.availability',
  method: 'GET',
  path: `${JOBS}/availability`,
  schema: DataAvailabilityResponseSchema,
};

/** Default page size of the sync details query (the platform's own default is 25; its maximum is unconfirmed). */
export const DEFAULT_DETAILS_PAGE_SIZE = 100;
const SETTLED = new Set(['FULFILLED', 'FAILED', 'CANCELLED', 'EXPIRED']);

/** The body of a conversation details query (`client.analytics.details.query`). */
export interface ConversationDetailsQuery {
  /** The sync query includes conversations that started on a UTC day the interval touches and overlap it. */
  interval: AnalyticsInterval;
  /** Filters on conversation-level dimensions (e.g. `conversationId`, `originatingDirection`). */
  conversationFilters?: readonly AnalyticsFilter[];
  /** Segment dimensions include queueId, userId, mediaType, purpose, requestedRoutingSkillId, segmentType, wrapUpCode, disconnectType. */
  segmentFilters?: readonly AnalyticsFilter[];
  /** Filters on quality evaluations. */
  evaluationFilters?: readonly AnalyticsFilter[];
  /** Filters on surveys. */
  surveyFilters?: readonly AnalyticsFilter[];
  /** Filters on resolutions. */
  resolutionFilters?: readonly AnalyticsFilter[];
  /** Order of the results: `asc` (the platform's default), `desc` or `unordered`. */
  order?: 'asc' | 'desc' | 'unordered';
  /** What to sort on (the platform's default: `conversationStart`). */
  orderBy?: 'conversationStart' | 'conversationEnd' | 'segmentStart' | 'segmentEnd';
  /** Summary roll-ups of the matching data, as the platform defines them (they do not filter). */
  aggregations?: ReadonlyArray<Record<string, unknown>>;
}

/** The body of an asynchronous details job (`client.analytics.detailsJobs.create`). */
export interface DetailsJobQuery extends ConversationDetailsQuery {
  /** Most conversations the job returns. */
  limit?: number;
  /** true: select like the sync query (start day); false (default): every conversation overlapping the interval. */
  startOfDayIntervalMatching?: boolean;
}

const FILTER_LISTS = [
  'conversationFilters',
  'segmentFilters',
  'evaluationFilters',
  'surveyFilters',
  'resolutionFilters',
] as const;

function detailsBody(context: string, query: DetailsJobQuery, job: boolean): Record<string, unknown> {
  const issues = new Issues(context);
  const q = (typeof query === 'object' && query !== null ? query : {}) as Partial<DetailsJobQuery>;
  const range = checkInterval(q.interval, issues);
  for (const key of FILTER_LISTS) {
    const list = q[key];
    if (list === undefined) continue;
    if (!Array.isArray(list)) issues.add(key, 'must be an array of filters');
    else list.forEach((f, i) => checkFilter(f, issues, `${key}[${i}]`));
  }
  if (q.order !== undefined && !['asc', 'desc', 'unordered'].includes(q.order))
    issues.add('order', "must be 'asc', 'desc' or 'unordered'");
  if (
    q.orderBy !== undefined &&
    !['conversationStart', 'conversationEnd', 'segmentStart', 'segmentEnd'].includes(q.orderBy)
  ) {
    issues.add('orderBy', 'must be conversationStart, conversationEnd, segmentStart or segmentEnd');
  }
  if (job) checkPositiveInt(q.limit, issues, 'limit');
  else
    for (const key of ['limit', 'startOfDayIntervalMatching'] as const)
      if (key in q) issues.add(key, 'applies to async jobs only (conversationDetailsJob)');
  issues.throwIfAny();
  return { ...q, interval: formatInterval(range as { from: number; to: number }) };
}

/**
 * Conversations matching a details query, fetched page by page (`paging` in the body).
 *
 * @example
 * for await (const c of analytics.details.query({ interval, segmentFilters: [anyOfFilter('queueId', [queueId])] })) {
 *   console.log(c.conversationId, c.conversationStart);
 * }
 */
export function conversationDetails(
  core: ClientCore,
  query: ConversationDetailsQuery,
  options: ListOptions = {},
): Paginator<AnalyticsConversation> {
  // A bad query rejects the first page (not the call), nothing is sent.
  return deferredPaginator(Promise.resolve().then(() => detailsPaginator(core, query, options)));
}

function detailsPaginator(
  core: ClientCore,
  query: ConversationDetailsQuery,
  options: ListOptions,
): Paginator<AnalyticsConversation> {
  const body = detailsBody('analytics.conversationDetails', query, false);
  const issues = new Issues('analytics.conversationDetails');
  const pageSize = checkPositiveInt(options.pageSize, issues, 'pageSize') ?? DEFAULT_DETAILS_PAGE_SIZE;
  issues.throwIfAny();
  return paginate<AnalyticsConversation>(
    core,
    { style: 'body', itemsKey: 'conversations', placement: 'paging', totalKey: 'totalHits' },
    queryOp,
    { body },
    { ...options, pageSize },
  );
}

/** Starts an async details job: `{ jobId }`. */
export async function createDetailsJob(
  core: ClientCore,
  query: DetailsJobQuery,
  options: CallOptions = {},
): Promise<AsyncQueryResponse> {
  const body = detailsBody('analytics.detailsJobs.create', query, true);
  return send(core, createOp, { body }, options);
}

export async function detailsJobStatus(
  core: ClientCore,
  jobId: string,
  options: CallOptions = {},
): Promise<AsyncQueryStatus> {
  requireId('analytics.detailsJobs.status', 'jobId', jobId);
  return send(core, statusOp, { params: { jobId } }, options);
}

/** Results of a FULFILLED job, following `cursor` until the last page. */
export function detailsJobResults(
  core: ClientCore,
  jobId: string,
  options: ListOptions = {},
): Paginator<AnalyticsConversation> {
  requireId('analytics.detailsJobs.results', 'jobId', jobId);
  return paginate<AnalyticsConversation>(
    core,
    { style: 'cursor', itemsKey: 'conversations' },
    resultsOp,
    { params: { jobId } },
    options,
  );
}

export async function cancelDetailsJob(core: ClientCore, jobId: string, options: CallOptions = {}): Promise<void> {
  requireId('analytics.detailsJobs.cancel', 'jobId', jobId);
  await send(core, cancelOp, { params: { jobId } }, options);
}

export async function jobsAvailability(core: ClientCore, options: CallOptions = {}): Promise<DataAvailabilityResponse> {
  return send(core, availabilityOp, {}, options);
}

/** Options of `client.analytics.detailsJobs.run`: how the job is polled. */
export interface DetailsJobOptions extends Omit<CallOptions, 'timeoutMs'> {
  /** First wait between status polls (default 2,000 ms); grows by 1.5x up to `maxPollIntervalMs`. */
  pollIntervalMs?: number;
  /** Longest wait between polls (default 10,000 ms). */
  maxPollIntervalMs?: number;
  /** Give up polling after this long (default 10 minutes) with a TimeoutError. */
  timeoutMs?: number;
  /** Per-attempt timeout of each HTTP call (default: the client's `timeoutMs`). */
  requestTimeoutMs?: number;
  /** Called after every status poll. */
  onProgress?: (status: AsyncQueryStatus, poll: number) => void;
  /** Page size of the results (platform default when omitted). */
  pageSize?: number;
  /** DELETE the job when polling is aborted or times out (default true). Bounded to `cancelTimeoutMs`. */
  cancelOnAbort?: boolean;
  /** Upper bound of the best-effort cancel (default 2,000 ms). */
  cancelTimeoutMs?: number;
}

/** Results of a fulfilled job: a Paginator over its conversations, plus the job's id and final status. */
export type DetailsJobResults = Paginator<AnalyticsConversation> & {
  readonly jobId: string;
  readonly status: AsyncQueryStatus;
};

/**
 * Runs an async details job to completion: create, poll until FULFILLED, then page through the results.
 * FAILED / CANCELLED / EXPIRED reject with AnalyticsJobError (carrying the job's errorMessage); aborting the
 * signal rejects with RequestAbortedError and cancels the job.
 *
 * @example
 * const results = await analytics.detailsJobs.run({ interval: '2024-05-01T00:00:00Z/2024-06-01T00:00:00Z' }, { signal });
 * for await (const c of results) save(c);
 */
export async function conversationDetailsJob(
  core: ClientCore,
  query: DetailsJobQuery,
  options: DetailsJobOptions = {},
): Promise<DetailsJobResults> {
  const operation = 'analytics.conversationDetailsJob';
  const {
    signal,
    pollIntervalMs,
    maxPollIntervalMs,
    timeoutMs,
    requestTimeoutMs,
    onProgress,
    pageSize,
    cancelOnAbort = true,
    cancelTimeoutMs = 2_000,
    ...rest
  } = options;
  const call: CallOptions = {
    ...rest,
    ...(signal ? { signal } : {}),
    ...(requestTimeoutMs === undefined ? {} : { timeoutMs: requestTimeoutMs }),
  };
  const { jobId } = await createDetailsJob(core, query, call);
  let status: AsyncQueryStatus;
  try {
    status = await pollUntil(
      operation,
      (s) => send(core, statusOp, { params: { jobId } }, { ...call, signal: s }),
      (st) => SETTLED.has(String(st.state)),
      {
        signal,
        intervalMs: pollIntervalMs ?? 2_000,
        maxIntervalMs: maxPollIntervalMs ?? 10_000,
        timeoutMs: timeoutMs ?? 600_000,
        onPoll: (poll, st) => {
          const s = st as AsyncQueryStatus;
          core.emit('progress', { operation, unit: 'polls', done: poll, total: undefined, message: String(s.state) });
          onProgress?.(s, poll);
        },
      },
    );
  } catch (error) {
    if (cancelOnAbort && (error instanceof RequestAbortedError || error instanceof TimeoutError)) {
      // Without the caller's (aborted) signal; bounded, never retried, never masks the original error.
      await send(core, cancelOp, { params: { jobId } }, { timeoutMs: cancelTimeoutMs, maxRetries: 0 }).catch(
        () => undefined,
      );
    }
    throw error;
  }
  if (status.state !== 'FULFILLED') {
    const reason = status.errorMessage ? `: ${status.errorMessage}` : '';
    throw new AnalyticsJobError(`${operation}: job ${jobId} ended ${String(status.state)}${reason}`, {
      operation,
      jobId,
      state: String(status.state),
      errorMessage: status.errorMessage,
    });
  }
  const results = detailsJobResults(core, jobId, { ...call, ...(pageSize === undefined ? {} : { pageSize }) });
  return Object.defineProperties(results, {
    jobId: { value: jobId, enumerable: true },
    status: { value: status, enumerable: true },
  }) as DetailsJobResults;
}
