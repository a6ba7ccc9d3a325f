// Queue writes: POST /api/v2/routing/queues (create), PUT /{queueId} (full replacement,
// no version: last writer wins) and DELETE /{queueId} (?forceDelete).
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { QueueRecord } from '../../state/types.js';
import { queueView } from '../../respond/views.js';
import { parseQueueBody } from './queue-body.js';

/** Queue names are unique per org (case-insensitive); a clash is 409 (the platform's status is unconfirmed). */
function checkNameFree(ctx: RequestContext, name: string, exceptId?: string): void {
  const wanted = name.toLowerCase();
  for (const q of ctx.state.queues.values()) {
    if (q.id !== exceptId && q.name.toLowerCase() === wanted) {
      throw new ApiError(409, 'general.conflict', `A queue named "${name}" already exists`, {
        entityId: q.id,
        entityName: q.name,
        details: [{ errorCode: 'duplicate.value', fieldName: 'name', entityId: q.id }],
      });
    }
  }
}

/** The settable part of a record, for change detection and audit values. */
function settable(q: QueueRecord): Record<string, unknown> {
  const { id: _id, dateCreated: _created, dateModified: _modified, extras, ...rest } = q;
  return { ...rest, ...extras };
}

function changedProperties(before: QueueRecord, after: QueueRecord) {
  const a = settable(before);
  const b = settable(after);
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const show = (v: unknown) => (v === undefined ? [] : [typeof v === 'string' ? v : JSON.stringify(v)]);
  return keys
    .filter((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]))
    .map((property) => ({ property, oldValues: show(a[property]), newValues: show(b[property]) }));
}

export const routingQueueWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/routing/queues',
    permissions: { anyOf: ['routing:queue:add'] },
    body: 'json',
    handle(ctx) {
      const now = ctx.state.nowIso();
      const queue = parseQueueBody(ctx, { id: ctx.state.newId(), dateCreated: now, dateModified: now });
      checkNameFree(ctx, queue.name);
      ctx.state.addQueue(queue);
      ctx.audit({
        action: 'Create',
        entityType: 'Queue',
        entity: { id: queue.id, name: queue.name },
        propertyChanges: [{ property: 'name', oldValues: [], newValues: [queue.name] }],
      });
      ctx.json(200, queueView(ctx.state, queue));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/routing/queues/{queueId}',
    permissions: { anyOf: ['routing:queue:edit'] },
    body: 'json',
    handle(ctx) {
      ctx.state.settleJoins();
      const current = ctx.state.queues.get(ctx.params['queueId'] ?? '');
      if (!current) throw notFound(ctx.params['queueId'], 'queue');
      const next = parseQueueBody(ctx, {
        id: current.id,
        dateCreated: current.dateCreated,
        dateModified: current.dateModified,
      });
      checkNameFree(ctx, next.name, current.id);
      const changes = changedProperties(current, next);
      // A PUT that changes nothing records nothing and keeps dateModified (re-running a plan is a no-op).
      if (changes.length > 0) {
        next.dateModified = ctx.state.nowIso();
        ctx.state.queues.set(current.id, next);
        ctx.audit({
          action: 'Update',
          entityType: 'Queue',
          entity: { id: next.id, name: next.name },
          propertyChanges: changes,
        });
      }
      ctx.json(200, queueView(ctx.state, ctx.state.queues.get(current.id) as QueueRecord));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/queues/{queueId}',
    permissions: { allOf: ['routing:queue:delete'] },
    handle(ctx) {
      const queueId = ctx.params['queueId'] ?? '';
      const queue = ctx.state.queues.get(queueId);
      if (!queue) throw notFound(queueId, 'queue');
      // No flows are emulated, so nothing keeps a queue "in use": forceDelete is accepted and recorded.
      const forceDelete = ctx.queryBool('forceDelete') ?? false;
      const { state } = ctx;
      state.queues.delete(queueId);
      state.members.delete(queueId);
      state.queueSkill.delete(queueId);
      for (let i = state.pendingJoins.length - 1; i >= 0; i--)
        if (state.pendingJoins[i]?.queueId === queueId) state.pendingJoins.splice(i, 1);
      ctx.audit({
        action: 'Delete',
        entityType: 'Queue',
        entity: { id: queue.id, name: queue.name },
        propertyChanges: [{ property: 'name', oldValues: [queue.name], newValues: [] }],
        context: forceDelete ? { forceDelete: 'true' } : {},
      });
      ctx.noContent();
    },
  },
];
