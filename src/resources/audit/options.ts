// Option and result types of client.audit, and the checks shared by its resources.
import { ValidationError } from '../../errors/index.js';
import type { CallOptions } from '../../transport/operation.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { AuditLogMessage, AuditQueryExecution } from '../schemas/audit.js';
import { AUDIT_RESULTS_MAX_PAGE_SIZE } from './constants.js';
import type { AuditQuerySort } from './query-input.js';

/** Expansions of audit messages: `user` adds the acting user's name. */
export type AuditExpand = 'user';

/** Options of `client.audit.query` (the realtime audit query, paged). */
export interface RealtimeQueryOptions extends CallOptions {
  /** Messages per page (default 100; 1..500 — the platform's realtime maximum is unconfirmed). */
  pageSize?: number;
  /** Extra data per message (`user`: the acting user's name). */
  expand?: readonly AuditExpand[];
  /** How far back a realtime query may start (default 14 days); older intervals throw before any request. */
  windowDays?: number;
}

/** Options of `client.audit.results` (the pages of a finished async query). */
export interface AuditResultsOptions extends CallOptions {
  /** Messages per results page (default 100, max 500). */
  pageSize?: number;
  /** Extra data per message (`user`: the acting user's name). */
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

/** Options of `client.audit.run`: polling of the async query, then paging of its results. */
export interface AuditQueryOptions extends AuditWaitOptions {
  /** Messages per results page (default 100, max 500). */
  pageSize?: number;
  /** Extra data per message (`user`: the acting user's name). */
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

/** Options of `client.audit.related` (the audits related to one audit). */
export interface RelatedAuditsOptions extends CallOptions {
  /** When the audit was made by a trustee user in a trustor org. */
  trustorOrgId?: string;
  /** Order of the related messages (by field, ascending or descending). */
  sort?: readonly AuditQuerySort[];
  /** Extra data per message (`user`: the acting user's name). */
  expand?: readonly AuditExpand[];
}

export const FINAL_STATES = new Set(['Succeeded', 'Failed', 'Cancelled']);
const DEFAULT_PAGE_SIZE = 100;
export const DEFAULT_MAX_INTERVAL_DAYS = 30;

export function checkPageSize(context: string, pageSize: number | undefined): number {
  const size = pageSize ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > AUDIT_RESULTS_MAX_PAGE_SIZE) {
    throw new ValidationError(context, [
      { path: 'pageSize', message: `must be an integer between 1 and ${AUDIT_RESULTS_MAX_PAGE_SIZE}` },
    ]);
  }
  return size;
}

/** The per-request options inside wait options (`requestTimeoutMs` becomes the per-attempt `timeoutMs`). */
export function requestOptions(o: AuditWaitOptions): CallOptions {
  const { pollIntervalMs: _i, maxPollIntervalMs: _m, timeoutMs: _t, requestTimeoutMs, ...call } = o;
  return requestTimeoutMs === undefined ? call : { ...call, timeoutMs: requestTimeoutMs };
}

export function expandQuery(expand: readonly AuditExpand[] | undefined): { expand?: string[] } {
  return expand && expand.length > 0 ? { expand: [...expand] } : {};
}
