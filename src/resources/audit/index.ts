// client.audit: realtime (recent, paged) and async (full history, polled + cursor) audit queries,
// service mappings, related audits, and findChanges() to flatten property changes.
import type { Transport } from '../../transport/transport.js';
import type { CallOptions } from '../../transport/operation.js';
import { bodyPaginator, cursorPaginator } from '../../transport/paging-strategies.js';
import { deferredPaginator, type Paginator } from '../../transport/paginator.js';
import { pollUntil } from '../../transport/poll.js';
import { ValidationError } from '../../errors.js';
import type { AuditLogMessage, AuditQueryExecution, AuditServiceMapping } from '../schemas/audit.js';
import { requireId } from '../validate.js';
import { AUDIT_REALTIME_WINDOW_DAYS, AUDIT_RESULTS_MAX_PAGE_SIZE } from './constants.js';
import { AuditQueryFailedError } from './errors.js';
import { buildQueryBody, type AuditQuery, type AuditQueryBody, type AuditQuerySort } from './query-input.js';
import { realtimeOp, realtimeServiceMappingOp, relatedOp, resultsOp, serviceMappingOp, statusOp, submitOp } from './operations.js';

export * from './constants.js';
export { AuditQueryFailedError, isAuditQueryFailedError } from './errors.js';
export { findChanges, type AuditChangeRow, type FindChangesOptions } from './changes.js';
export type { AuditInterval, AuditQuery, AuditQueryFilter, AuditQuerySort, AuditQueryBody } from './query-input.js';
export type { AuditLogMessage, AuditPropertyChange, AuditQueryExecution, AuditServiceMapping } from '../schemas/audit.js';

/** Expansions of audit messages: `user` adds the acting user's name. */
export type AuditExpand = 'user';

export interface RealtimeQueryOptions extends CallOptions {
  /** Messages per page (default 100; 1..500 — the platform's realtime maximum is unconfirmed). */
  pageSize?: number;
  expand?: readonly AuditExpand[];
  /** How far back a realtime query may start (default 14 days); older intervals throw before any request. */
  windowDays?: number;
}

export interface AuditResultsOptions extends CallOptions {
  /** Messages per results page (default 100, max 500). */
  pageSize?: number;
  expand?: readonly AuditExpand[];
}

/** Options of waiting for an async query. `timeoutMs` is the polling deadline, not a per-request timeout. */
export interface AuditWaitOptions extends Omit<CallOptions, 'timeoutMs'> {
  /** First wait between status polls (default 1,000 ms; grows ×1.5 up to `maxPollIntervalMs`). */
  pollIntervalMs?: number;
  /** Longest wait between polls (default 10,000 ms). */
  maxPollIntervalMs?: number;
  /** Give up waiting for the query after this long, with a TimeoutError (default 10 minutes). */
  timeoutMs?: number;
  /** Per-attempt HTTP timeout (the client's `timeoutMs` by default). */
  requestTimeoutMs?: number;
}

export interface AuditQueryOptions extends AuditWaitOptions {
  /** Messages per results page (default 100, max 500). */
  pageSize?: number;
  expand?: readonly AuditExpand[];
  /** Longest interval one async query may cover (default 30 days, per Genesys' audit docs, second-hand). */
  maxIntervalDays?: number;
}

/** The results of a finished async query: a Paginator that also knows its transaction. */
export type AuditQueryResults = Paginator<AuditLogMessage> & {
  readonly transactionId: string;
  /** The final status (`state: 'Succeeded'`). */
  readonly execution: AuditQueryExecution;
};

export interface RelatedAuditsOptions extends CallOptions {
  /** When the audit was made by a trustee user in a trustor org. */
  trustorOrgId?: string;
  sort?: readonly AuditQuerySort[];
  expand?: readonly AuditExpand[];
}

const FINAL_STATES = new Set(['Succeeded', 'Failed', 'Cancelled']);
const DEFAULT_PAGE_SIZE = 100;
const DEFAULT_MAX_INTERVAL_DAYS = 30;

function checkPageSize(context: string, pageSize: number | undefined): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > AUDIT_RESULTS_MAX_PAGE_SIZE) {
    throw new ValidationError(context, [{ path: 'pageSize', message: `must be an integer between 1 and ${AUDIT_RESULTS_MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** The per-request options inside wait options (`requestTimeoutMs` becomes the per-attempt `timeoutMs`). */
function requestOptions(o: AuditWaitOptions): CallOptions {
  const { pollIntervalMs: _i, maxPollIntervalMs: _m, timeoutMs: _t, requestTimeoutMs, ...call } = o;
  return requestTimeoutMs === undefined ? call : { ...call, timeoutMs: requestTimeoutMs };
}

function expandQuery(expand: readonly AuditExpand[] | undefined): { expand?: string[] } {
  return expand && expand.length > 0 ? { expand: [...expand] } : {};
}

export class AuditApi {
  constructor(private readonly transport: Transport) {}

  /**
   * Recent audits (about the last 14 days), page by page: POST /api/v2/audits/query/realtime. The query is
   * validated before any request; an interval starting before the window throws a ValidationError that
   * points to `query()`.
   *
   * @example
   * const from = new Date(Date.now() - 86_400_000);
   * for await (const m of client.audit.realtime({ interval: { from, to: new Date() }, serviceName: 'Routing', entityType: 'Queue' })) {
   *   console.log(m.eventDate, m.action, m.entity?.name);
   * }
   */
  realtime(query: AuditQuery, options: RealtimeQueryOptions = {}): Paginator<AuditLogMessage> {
    // Arguments are checked before the first page (zod loads on first use); a bad one rejects the iteration.
    return deferredPaginator(this.#realtime(query, options));
  }

  async #realtime(query: AuditQuery, options: RealtimeQueryOptions): Promise<Paginator<AuditLogMessage>> {
    const { windowDays = AUDIT_REALTIME_WINDOW_DAYS, expand, pageSize, ...call } = options;
    const body = await buildQueryBody('audit.realtime', query, { windowDays });
    const size = checkPageSize('audit.realtime', pageSize);
    return bodyPaginator<AuditLogMessage>(
      this.transport,
      realtimeOp,
      { body: { ...body }, query: expandQuery(expand) },
      { ...call, pageSize: size, itemsKey: 'entities', placement: 'topLevel', totalKey: 'total' },
    );
  }

  /**
   * The full audit history (async): submits POST /api/v2/audits/query, polls its state until `Succeeded`,
   * and returns a Paginator over its results (cursor paging). `Failed`/`Cancelled` throw
   * AuditQueryFailedError; aborting `signal` rejects with RequestAbortedError, `timeoutMs` with TimeoutError.
   *
   * @example
   * const results = await client.audit.query(
   *   { interval: { from: '2025-01-01T00:00:00Z', to: '2025-01-31T00:00:00Z' }, serviceName: 'Routing', entityId: userId },
   *   { signal: AbortSignal.timeout(120_000) },
   * );
   * const messages = await results.toArray();
   */
  async query(query: AuditQuery, options: AuditQueryOptions = {}): Promise<AuditQueryResults> {
    const { maxIntervalDays = DEFAULT_MAX_INTERVAL_DAYS, pageSize, expand, ...wait } = options;
    const body = await buildQueryBody('audit.query', query, { maxIntervalDays });
    checkPageSize('audit.query', pageSize);
    const submitted = await this.#submit(body, requestOptions(wait));
    const execution = await this.waitFor(submitted, wait);
    const results = this.results(execution.id, { ...requestOptions(wait), pageSize, expand });
    return Object.assign(results, { transactionId: execution.id, execution });
  }

  /**
   * Submits an async query without waiting: POST /api/v2/audits/query. Finish it with `waitFor()` and
   * `results()` (e.g. from another process, with the returned `id`).
   */
  async submit(query: AuditQuery, options: CallOptions & { maxIntervalDays?: number } = {}): Promise<AuditQueryExecution> {
    const { maxIntervalDays = DEFAULT_MAX_INTERVAL_DAYS, ...call } = options;
    return this.#submit(await buildQueryBody('audit.query.submit', query, { maxIntervalDays }), call);
  }

  #submit(body: AuditQueryBody, options: CallOptions): Promise<AuditQueryExecution> {
    return this.transport.request(submitOp, { body }, options);
  }

  /** The state of an async query: GET /api/v2/audits/query/{transactionId}. */
  async status(transactionId: string, options: CallOptions = {}): Promise<AuditQueryExecution> {
    requireId('audit.query.status', 'transactionId', transactionId);
    return this.transport.request(statusOp, { params: { transactionId } }, options);
  }

  /**
   * Polls until the query is final; returns the `Succeeded` status or throws AuditQueryFailedError.
   * Emits `progress` events (`unit: 'polls'`). Relies on `state`, not on the HTTP status (200 vs 202).
   */
  async waitFor(execution: AuditQueryExecution | string, options: AuditWaitOptions = {}): Promise<AuditQueryExecution> {
    const { pollIntervalMs, maxPollIntervalMs, timeoutMs } = options;
    const call = requestOptions(options);
    let known: AuditQueryExecution | undefined = typeof execution === 'string' ? undefined : execution;
    const transactionId = requireId('audit.query.waitFor', 'transactionId', typeof execution === 'string' ? execution : execution.id);
    // A status we already hold counts as the first poll, so the first request waits one interval.
    const check = async (signal?: AbortSignal): Promise<AuditQueryExecution> => {
      const held = known;
      known = undefined;
      return held ?? this.transport.request(statusOp, { params: { transactionId } }, { ...call, signal });
    };
    const final = await pollUntil('audit.query', check, (s) => FINAL_STATES.has(s.state), {
      signal: call.signal,
      ...(pollIntervalMs === undefined ? {} : { intervalMs: pollIntervalMs }),
      ...(maxPollIntervalMs === undefined ? {} : { maxIntervalMs: maxPollIntervalMs }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onPoll: (poll, status) => {
        const state = (status as AuditQueryExecution).state;
        this.transport.emit('progress', { operation: 'audit.query', unit: 'polls', done: poll, total: undefined, message: `audit query ${transactionId}: ${state}` });
      },
    });
    if (final.state !== 'Succeeded') throw new AuditQueryFailedError(final);
    return final;
  }

  /**
   * The results of a `Succeeded` query: GET /api/v2/audits/query/{transactionId}/results, following
   * `cursor` until a page comes without one (or repeats one).
   */
  results(transactionId: string, options: AuditResultsOptions = {}): Paginator<AuditLogMessage> {
    requireId('audit.query.results', 'transactionId', transactionId);
    const { pageSize, expand, ...call } = options;
    const size = checkPageSize('audit.query.results', pageSize);
    return cursorPaginator<AuditLogMessage>(this.transport, resultsOp, { params: { transactionId }, query: expandQuery(expand) }, {
      ...call,
      pageSize: size,
      itemsKey: 'entities',
    });
  }

  /** Valid serviceName / entityType / action values for `query()`: GET /api/v2/audits/query/servicemapping. */
  async serviceMapping(options: CallOptions = {}): Promise<AuditServiceMapping> {
    return this.transport.request(serviceMappingOp, {}, options);
  }

  /** Valid values for `realtime()`: GET /api/v2/audits/query/realtime/servicemapping. */
  async realtimeServiceMapping(options: CallOptions = {}): Promise<AuditServiceMapping> {
    return this.transport.request(realtimeServiceMappingOp, {}, options);
  }

  /**
   * All audits written by the same action as `auditId`: POST /api/v2/audits/query/realtime/related.
   *
   * @example
   * const siblings = await client.audit.related(message.id);
   */
  async related(auditId: string, options: RelatedAuditsOptions = {}): Promise<AuditLogMessage[]> {
    requireId('audit.related', 'auditId', auditId);
    const { trustorOrgId, sort, expand, ...call } = options;
    const body = { auditId, ...(trustorOrgId === undefined ? {} : { trustorOrgId }), ...(sort ? { sort: sort.map((s) => ({ ...s })) } : {}) };
    const res = await this.transport.request(relatedOp, { body, query: expandQuery(expand) }, call);
    return res.entities ?? [];
  }
}
