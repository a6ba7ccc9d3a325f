// Realtime audit queries: POST /api/v2/audits/query/realtime with top-level
// pageNumber/pageSize -> { entities, pageNumber, pageSize, total, pageCount }; only the last ~14 days
// (older start -> 400 naming interval). Also realtime/servicemapping and realtime/related.
import { notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import { FieldErrors, asObject } from '../../respond/validate.js';
import { auditEmulation } from '../../audit/store.js';
import { runQuery } from '../../audit/match.js';
import { bodyInt, parseAuditQuery, parseSort } from '../../audit/query.js';
import type { AuditQuery } from '../../audit/query.js';
import { serviceMapping, serviceNames } from '../../audit/service-mapping.js';
import { auditMessageView } from '../../audit/view.js';
import { AUDIT_PERMISSIONS, MAX_AUDIT_RESULTS_PAGE } from './audit-queries.js';

const DAY_MS = 86_400_000;
/** Slack on the window so a client that computes "now - 14 days" a moment before sending is not refused. */
const WINDOW_GRACE_MS = 5 * 60_000;

export const auditRealtimeRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/audits/query/realtime/servicemapping',
    permissions: AUDIT_PERMISSIONS,
    handle(ctx) {
      ctx.json(200, serviceMapping(ctx.state));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/audits/query/realtime',
    permissions: AUDIT_PERMISSIONS,
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const days = auditEmulation(ctx.state).behaviour.realtimeWindowDays;
      const earliestMs = ctx.state.now().getTime() - days * DAY_MS - WINDOW_GRACE_MS;
      const query = parseAuditQuery(body, { services: serviceNames(ctx.state), window: { earliestMs, days } });
      // Realtime max pageSize is unconfirmed; the emulator allows the async maximum (500).
      const pageSize = bodyInt(body, 'pageSize', 25, 1, MAX_AUDIT_RESULTS_PAGE);
      const pageNumber = bodyInt(body, 'pageNumber', 1, 1, 1_000_000);
      const all = runQuery(ctx.state.auditLog, query);
      const start = (pageNumber - 1) * pageSize;
      const expandUser = ctx.expands().has('user');
      ctx.json(200, {
        entities: all.slice(start, start + pageSize).map((m) => auditMessageView(ctx.state, m, expandUser)),
        pageSize,
        pageNumber,
        total: all.length,
        pageCount: Math.ceil(all.length / pageSize),
      });
    },
  },
  {
    method: 'POST',
    path: '/api/v2/audits/query/realtime/related',
    permissions: AUDIT_PERMISSIONS,
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const auditId = body['auditId'];
      if (typeof auditId !== 'string' || auditId.length === 0)
        errors.add('auditId', 'auditId is required', auditId === undefined ? 'required' : 'invalid.value');
      const sort = parseSort(body['sort'], errors);
      errors.throwIfAny();
      const audit = ctx.state.auditLog.find((m) => m.id === auditId);
      if (!audit) throw notFound(auditId as string, 'audit');
      // One emulated request writes one audit; messages that share an initiating transaction are related.
      const txId = audit.initiatingAction?.transactionId;
      const related = ctx.state.auditLog.filter(
        (m) => m === audit || (txId !== undefined && m.initiatingAction?.transactionId === txId),
      );
      const all: AuditQuery = {
        interval: '',
        fromMs: -Infinity,
        toMs: Infinity,
        filters: [],
        sort: sort.length > 0 ? sort : [{ name: 'Timestamp', sortOrder: 'ascending' }],
      };
      const expandUser = ctx.expands().has('user');
      ctx.json(200, { entities: runQuery(related, all).map((m) => auditMessageView(ctx.state, m, expandUser)) });
    },
  },
];
