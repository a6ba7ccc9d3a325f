// Async audit queries: POST /api/v2/audits/query -> poll GET /api/v2/audits/query/{id}
// (Queued -> Running -> Succeeded, see audit/store.ts) -> GET .../results with cursor paging (pageSize
// default 25, max 500). Also GET /api/v2/audits/query/servicemapping. Permission: ALL audits:audit:view.
import { decodeCursor, encodeCursor } from '../../respond/paging.js';
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { auditEmulation } from '../../audit/store.js';
import type { AuditTransaction } from '../../audit/store.js';
import { runQuery } from '../../audit/match.js';
import { parseAuditQuery } from '../../audit/query.js';
import { serviceMapping, serviceNames } from '../../audit/service-mapping.js';
import { auditMessageView } from '../../audit/view.js';

export const AUDIT_PERMISSIONS = { allOf: ['audits:audit:view'] };
/** Documented maximum page size of audit query results. */
export const MAX_AUDIT_RESULTS_PAGE = 500;

/** AuditQueryExecutionStatusResponse. */
function statusView(tx: AuditTransaction) {
  const q = tx.query;
  return {
    id: tx.id,
    state: tx.state,
    startDate: tx.startDate,
    interval: q.interval,
    ...(q.serviceName === undefined ? {} : { serviceName: q.serviceName }),
    filters: q.filters,
    sort: q.sort,
  };
}

function requireTransaction(ctx: RequestContext): AuditTransaction {
  const id = ctx.params['transactionId'] ?? '';
  const tx = auditEmulation(ctx.state).transactions.get(id);
  if (!tx) throw notFound(id, 'audit query');
  return tx;
}

/** The cursor the last page carries, per the `lastPageCursor` knob (absent by default). */
function lastPageCursor(tx: AuditTransaction, requested: string | undefined, end: number): string | undefined {
  switch (tx.behaviour.lastPageCursor) {
    case 'repeat':
      return requested;
    case 'empty':
      return end < tx.results.length || requested === encodeCursor(end) ? undefined : encodeCursor(end);
    default:
      return undefined;
  }
}

export const auditQueryRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/audits/query/servicemapping',
    permissions: AUDIT_PERMISSIONS,
    handle(ctx) {
      ctx.json(200, serviceMapping(ctx.state));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/audits/query',
    permissions: AUDIT_PERMISSIONS,
    body: 'json',
    handle(ctx) {
      const store = auditEmulation(ctx.state);
      const query = parseAuditQuery(ctx.body, {
        services: serviceNames(ctx.state),
        maxIntervalDays: store.behaviour.maxQueryIntervalDays,
      });
      const tx = store.create(ctx.state, query, runQuery(ctx.state.auditLog, query));
      // 200 vs 202 is unconfirmed on the platform (clients must read `state`): 202 while it runs.
      ctx.json(tx.state === 'Queued' || tx.state === 'Running' ? 202 : 200, statusView(tx));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/audits/query/{transactionId}',
    permissions: AUDIT_PERMISSIONS,
    handle(ctx) {
      const tx = auditEmulation(ctx.state).poll(requireTransaction(ctx));
      ctx.json(200, statusView(tx));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/audits/query/{transactionId}/results',
    permissions: AUDIT_PERMISSIONS,
    handle(ctx) {
      const tx = requireTransaction(ctx);
      const pageSize = ctx.queryInt('pageSize', 25, 1, MAX_AUDIT_RESULTS_PAGE);
      const cursor = ctx.queryValue('cursor') || undefined;
      if (tx.state !== 'Succeeded') {
        throw new ApiError(
          400,
          'bad.request',
          `Results of audit query ${tx.id} are not available: its state is ${tx.state}`,
          {
            entityId: tx.id,
            details: [{ errorCode: 'bad.request', entityId: tx.id }],
          },
        );
      }
      const start = cursor === undefined ? 0 : decodeCursor(cursor, 'cursor');
      const end = Math.min(tx.results.length, start + pageSize);
      const expandUser = ctx.expands().has('user');
      const next = end < tx.results.length ? encodeCursor(end) : lastPageCursor(tx, cursor, end);
      ctx.json(200, {
        id: tx.id,
        pageSize,
        ...(next === undefined ? {} : { cursor: next }),
        entities: tx.results.slice(start, end).map((m) => auditMessageView(ctx.state, m, expandUser)),
      });
    },
  },
];
