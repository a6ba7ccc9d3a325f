// client.audit's resource groups, routing's shape: `realtime` (recent audits, paged) and `queries` (the async
// full-history query: create, poll, cursor-paged results).
import type { CallOptions } from '../../transport/operation.js';
import { deferredPaginator, type Paginator } from '../../transport/paging/paginator.js';
import { pollUntil } from '../../transport/paging/poll.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import type { ClientCore } from '../core/client-core.js';
import { Resource } from '../core/resource.js';
import type { AuditLogMessage, AuditQueryExecution, AuditServiceMapping } from '../schemas/audit.js';
import { requireId } from '../validate.js';
import { AUDIT_REALTIME_WINDOW_DAYS } from './constants.js';
import { AuditQueryFailedError } from './errors.js';
import {
  realtimeOp,
  realtimeServiceMappingOp,
  relatedOp,
  resultsOp,
  serviceMappingOp,
  statusOp,
  submitOp,
} from './operations.js';
import {
  DEFAULT_MAX_INTERVAL_DAYS,
  FINAL_STATES,
  checkPageSize,
  expandQuery,
  requestOptions,
  type AuditQueryOptions,
  type AuditQueryResults,
  type AuditResultsOptions,
  type AuditWaitOptions,
  type RealtimeQueryOptions,
  type RelatedAuditsOptions,
} from './options.js';
import { buildQueryBody, type AuditQuery } from './query-input.js';

/** `client.audit.realtime`: audits of about the last 14 days, answered at once. */
export class RealtimeAuditResource extends Resource {
  /**
   * Recent audits, page by page: POST /api/v2/audits/query/realtime. The query is validated before any
   * request; an interval starting before the window throws a ValidationError that points to `queries.run()`.
   *
   * @example
   * const from = new Date(Date.now() - 86_400_000);
   * for await (const m of client.audit.realtime.query({ interval: { from, to: new Date() }, serviceName: 'Routing', entityType: 'Queue' })) {
   *   console.log(m.eventDate, m.action, m.entity?.name);
   * }
   */
  query(query: AuditQuery, options: RealtimeQueryOptions = {}): Paginator<AuditLogMessage> {
    const { windowDays = AUDIT_REALTIME_WINDOW_DAYS, expand, pageSize, ...call } = options;
    // The query is checked before the first page; a bad one rejects the iteration (not the call).
    const start = async () => {
      const body = await buildQueryBody('audit.realtime', query, { windowDays });
      const size = checkPageSize('audit.realtime', pageSize);
      return paginate<AuditLogMessage>(
        this._client,
        { style: 'body', itemsKey: 'entities', placement: 'topLevel', totalKey: 'total' },
        realtimeOp,
        { body: { ...body }, query: expandQuery(expand) },
        { ...call, pageSize: size },
      );
    };
    return deferredPaginator(start());
  }

  /**
   * All audits written by the same action as `auditId`: POST /api/v2/audits/query/realtime/related.
   *
   * @example
   * const siblings = await client.audit.realtime.related(message.id);
   */
  related(auditId: string, options: RelatedAuditsOptions = {}): ApiPromise<AuditLogMessage[]> {
    return this._run(async (core) => {
      requireId('audit.related', 'auditId', auditId);
      const { trustorOrgId, sort, expand, ...call } = options;
      const body = {
        auditId,
        ...(trustorOrgId === undefined ? {} : { trustorOrgId }),
        ...(sort ? { sort: sort.map((s) => ({ ...s })) } : {}),
      };
      const res = await send(core, relatedOp, { body, query: expandQuery(expand) }, call);
      return res.entities ?? [];
    });
  }

  /**
   * Valid serviceName / entityType / action values for `query()`: GET /api/v2/audits/query/realtime/servicemapping.
   *
   * @example
   * const { services } = await client.audit.realtime.serviceMapping();
   */
  serviceMapping(options: CallOptions = {}): ApiPromise<AuditServiceMapping> {
    return send(this._client, realtimeServiceMappingOp, {}, options);
  }
}

/** `client.audit.queries`: the async audit query over the full history. */
export class AuditQueriesResource extends Resource {
  /**
   * Submits, polls until `Succeeded`, and returns a Paginator over the results (cursor paging).
   * `Failed`/`Cancelled` throw AuditQueryFailedError; aborting `signal` rejects with RequestAbortedError,
   * `timeoutMs` with TimeoutError.
   *
   * @example
   * const results = await client.audit.queries.run(
   *   { interval: { from: '2025-01-01T00:00:00Z', to: '2025-01-31T00:00:00Z' }, serviceName: 'Routing', entityId: userId },
   *   { signal: AbortSignal.timeout(120_000) },
   * );
   * const messages = await results.toArray();
   */
  run(query: AuditQuery, options: AuditQueryOptions = {}): ApiPromise<AuditQueryResults> {
    return this._run(async (core) => {
      const { maxIntervalDays = DEFAULT_MAX_INTERVAL_DAYS, pageSize, expand, ...wait } = options;
      const body = await buildQueryBody('audit.query', query, { maxIntervalDays });
      checkPageSize('audit.query', pageSize);
      const submitted = await send(core, submitOp, { body }, requestOptions(wait));
      const execution = await this.#waitFor(core, submitted, wait);
      const results = this.results(execution.id, { ...requestOptions(wait), pageSize, expand });
      return Object.assign(results, { transactionId: execution.id, execution });
    });
  }

  /**
   * Submits a query without waiting: POST /api/v2/audits/query. Finish it with `waitFor()` and `results()`
   * (e.g. from another process, with the returned `id`).
   *
   * @example
   * const { id } = await client.audit.queries.create({ interval, serviceName: 'Routing' });
   */
  create(query: AuditQuery, options: CallOptions & { maxIntervalDays?: number } = {}): ApiPromise<AuditQueryExecution> {
    return this._run(async (core) => {
      const { maxIntervalDays = DEFAULT_MAX_INTERVAL_DAYS, ...call } = options;
      return send(
        core,
        submitOp,
        { body: await buildQueryBody('audit.query.submit', query, { maxIntervalDays }) },
        call,
      );
    });
  }

  /**
   * The state of a query: GET /api/v2/audits/query/{transactionId}.
   *
   * @example
   * const { state } = await client.audit.queries.get(transactionId);
   */
  get(transactionId: string, options: CallOptions = {}): ApiPromise<AuditQueryExecution> {
    return this._run((core) => {
      requireId('audit.query.status', 'transactionId', transactionId);
      return send(core, statusOp, { params: { transactionId } }, options);
    });
  }

  /**
   * Polls until the query is final; returns the `Succeeded` status or throws AuditQueryFailedError.
   * Emits `progress` events (`unit: 'polls'`). Relies on `state`, not on the HTTP status (200 vs 202).
   *
   * @example
   * const done = await client.audit.queries.waitFor(transactionId, { timeoutMs: 120_000 });
   */
  waitFor(execution: AuditQueryExecution | string, options: AuditWaitOptions = {}): ApiPromise<AuditQueryExecution> {
    return this._run((core) => this.#waitFor(core, execution, options));
  }

  async #waitFor(
    core: ClientCore,
    execution: AuditQueryExecution | string,
    options: AuditWaitOptions,
  ): Promise<AuditQueryExecution> {
    const { pollIntervalMs, maxPollIntervalMs, timeoutMs } = options;
    const call = requestOptions(options);
    let known: AuditQueryExecution | undefined = typeof execution === 'string' ? undefined : execution;
    const transactionId = requireId(
      'audit.query.waitFor',
      'transactionId',
      typeof execution === 'string' ? execution : execution.id,
    );
    // A status we already hold counts as the first poll, so the first request waits one interval.
    const check = async (signal?: AbortSignal): Promise<AuditQueryExecution> => {
      const held = known;
      known = undefined;
      return held ?? send(core, statusOp, { params: { transactionId } }, { ...call, signal });
    };
    const final = await pollUntil('audit.query', check, (s) => FINAL_STATES.has(s.state), {
      signal: call.signal,
      ...(pollIntervalMs === undefined ? {} : { intervalMs: pollIntervalMs }),
      ...(maxPollIntervalMs === undefined ? {} : { maxIntervalMs: maxPollIntervalMs }),
      ...(timeoutMs === undefined ? {} : { timeoutMs }),
      onPoll: (poll, status) => {
        const state = (status as AuditQueryExecution).state;
        core.emit('progress', {
          operation: 'audit.query',
          unit: 'polls',
          done: poll,
          total: undefined,
          message: `audit query ${transactionId}: ${state}`,
        });
      },
    });
    if (final.state !== 'Succeeded') throw new AuditQueryFailedError(final);
    return final;
  }

  /**
   * The results of a `Succeeded` query: GET /api/v2/audits/query/{transactionId}/results, following
   * `cursor` until a page comes without one (or repeats one).
   *
   * @example
   * for await (const message of client.audit.queries.results(transactionId)) console.log(message.action);
   */
  results(transactionId: string, options: AuditResultsOptions = {}): Paginator<AuditLogMessage> {
    requireId('audit.query.results', 'transactionId', transactionId);
    const { pageSize, expand, ...call } = options;
    const size = checkPageSize('audit.query.results', pageSize);
    return paginate<AuditLogMessage>(
      this._client,
      { style: 'cursor', itemsKey: 'entities' },
      resultsOp,
      { params: { transactionId }, query: expandQuery(expand) },
      {
        ...call,
        pageSize: size,
      },
    );
  }

  /**
   * Valid serviceName / entityType / action values for `run()`: GET /api/v2/audits/query/servicemapping.
   *
   * @example
   * const { services } = await client.audit.queries.serviceMapping();
   */
  serviceMapping(options: CallOptions = {}): ApiPromise<AuditServiceMapping> {
    return send(this._client, serviceMappingOp, {}, options);
  }
}
