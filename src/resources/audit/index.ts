// client.audit: realtime (recent, paged) and async (full history, polled + cursor) audit queries, service
// mappings, related audits, and findChanges() to flatten property changes.
import type { ClientCore } from '../core/client-core.js';
import { AuditQueriesResource, RealtimeAuditResource } from './resources.js';

export * from './constants.js';
export { AuditQueryFailedError, isAuditQueryFailedError } from './errors.js';
export { findChanges, type AuditChangeRow, type FindChangesOptions } from './changes.js';
export type { AuditInterval, AuditQuery, AuditQueryFilter, AuditQuerySort, AuditQueryBody } from './query-input.js';
export type {
  AuditLogMessage,
  AuditPropertyChange,
  AuditQueryExecution,
  AuditServiceMapping,
} from '../schemas/audit.js';
export type {
  AuditExpand,
  AuditQueryOptions,
  AuditQueryResults,
  AuditResultsOptions,
  AuditWaitOptions,
  RealtimeQueryOptions,
  RelatedAuditsOptions,
} from './options.js';
export { AuditQueriesResource, RealtimeAuditResource } from './resources.js';

/**
 * `client.audit`: `realtime` (recent audits) and `queries` (the async full-history query).
 */
export class AuditApi {
  readonly #client: ClientCore;
  #realtime?: RealtimeAuditResource;
  #queries?: AuditQueriesResource;

  /** Created by the client as `client.audit`. */
  constructor(client: ClientCore) {
    this.#client = client;
  }

  /** Recent audits (about 14 days): `query`, `related`, `serviceMapping`. */
  get realtime(): RealtimeAuditResource {
    return (this.#realtime ??= new RealtimeAuditResource(this.#client));
  }

  /** The async query over the full history: `create`, `get`, `waitFor`, `results`, `run`, `serviceMapping`. */
  get queries(): AuditQueriesResource {
    return (this.#queries ??= new AuditQueriesResource(this.#client));
  }
}
