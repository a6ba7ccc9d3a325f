// client.audit: realtime (recent, paged) and async (full history, polled + cursor) audit queries, service
// mappings, related audits, and findChanges() to flatten property changes.
import type { CallOptions } from '../../transport/operation.js';
import type { Paginator } from '../../transport/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import type { ClientCore } from '../core/client-core.js';
import { callableResource } from '../core/resource.js';
import type { AuditLogMessage, AuditQueryExecution, AuditServiceMapping } from '../schemas/audit.js';
import type { AuditQueryOptions, AuditQueryResults, AuditResultsOptions, AuditWaitOptions, RealtimeQueryOptions, RelatedAuditsOptions } from './options.js';
import type { AuditQuery } from './query-input.js';
import { AuditQueriesResource, RealtimeAuditResource } from './resources.js';

export * from './constants.js';
export { AuditQueryFailedError, isAuditQueryFailedError } from './errors.js';
export { findChanges, type AuditChangeRow, type FindChangesOptions } from './changes.js';
export type { AuditInterval, AuditQuery, AuditQueryFilter, AuditQuerySort, AuditQueryBody } from './query-input.js';
export type { AuditLogMessage, AuditPropertyChange, AuditQueryExecution, AuditServiceMapping } from '../schemas/audit.js';
export type { AuditExpand, AuditQueryOptions, AuditQueryResults, AuditResultsOptions, AuditWaitOptions, RealtimeQueryOptions, RelatedAuditsOptions } from './options.js';
export { AuditQueriesResource, RealtimeAuditResource } from './resources.js';

/** The 0.1 method `client.audit.realtime(query)`. */
export interface DeprecatedRealtimeCall {
  /** @deprecated Use `client.audit.realtime.query`. Removed in the next minor version. */
  (query: AuditQuery, options?: RealtimeQueryOptions): Paginator<AuditLogMessage>;
}

/**
 * `client.audit`: `realtime` (recent audits) and `queries` (the async full-history query). The 0.1 methods
 * (`query`, `submit`, `status`, `waitFor`, `results`, `serviceMapping`, `realtimeServiceMapping`, `related`,
 * and calling `realtime(...)`) remain as deprecated aliases until the next minor version.
 */
export class AuditApi {
  readonly #client: ClientCore;
  #realtime?: RealtimeAuditResource & DeprecatedRealtimeCall;
  #queries?: AuditQueriesResource;

  constructor(client: ClientCore) {
    this.#client = client;
  }

  /** Recent audits (about 14 days): `query`, `related`, `serviceMapping`. */
  get realtime(): RealtimeAuditResource & DeprecatedRealtimeCall {
    if (!this.#realtime) {
      const resource = new RealtimeAuditResource(this.#client);
      this.#realtime = callableResource(resource, ((query, options) => resource.query(query, options)) as DeprecatedRealtimeCall);
    }
    return this.#realtime;
  }

  /** The async query over the full history: `create`, `get`, `waitFor`, `results`, `run`, `serviceMapping`. */
  get queries(): AuditQueriesResource {
    return (this.#queries ??= new AuditQueriesResource(this.#client));
  }

  /** @deprecated Use `client.audit.queries.run`. Removed in the next minor version. */
  query(query: AuditQuery, options?: AuditQueryOptions): ApiPromise<AuditQueryResults> {
    return this.queries.run(query, options);
  }
  /** @deprecated Use `client.audit.queries.create`. Removed in the next minor version. */
  submit(query: AuditQuery, options?: CallOptions & { maxIntervalDays?: number }): ApiPromise<AuditQueryExecution> {
    return this.queries.create(query, options);
  }
  /** @deprecated Use `client.audit.queries.get`. Removed in the next minor version. */
  status(transactionId: string, options?: CallOptions): ApiPromise<AuditQueryExecution> {
    return this.queries.get(transactionId, options);
  }
  /** @deprecated Use `client.audit.queries.waitFor`. Removed in the next minor version. */
  waitFor(execution: AuditQueryExecution | string, options?: AuditWaitOptions): ApiPromise<AuditQueryExecution> {
    return this.queries.waitFor(execution, options);
  }
  /** @deprecated Use `client.audit.queries.results`. Removed in the next minor version. */
  results(transactionId: string, options?: AuditResultsOptions): Paginator<AuditLogMessage> {
    return this.queries.results(transactionId, options);
  }
  /** @deprecated Use `client.audit.queries.serviceMapping`. Removed in the next minor version. */
  serviceMapping(options?: CallOptions): ApiPromise<AuditServiceMapping> {
    return this.queries.serviceMapping(options);
  }
  /** @deprecated Use `client.audit.realtime.serviceMapping`. Removed in the next minor version. */
  realtimeServiceMapping(options?: CallOptions): ApiPromise<AuditServiceMapping> {
    return this.realtime.serviceMapping(options);
  }
  /** @deprecated Use `client.audit.realtime.related`. Removed in the next minor version. */
  related(auditId: string, options?: RelatedAuditsOptions): ApiPromise<AuditLogMessage[]> {
    return this.realtime.related(auditId, options);
  }
}
