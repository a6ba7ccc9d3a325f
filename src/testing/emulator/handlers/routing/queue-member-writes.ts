// Queue membership writes: bulk add/remove (POST, ?delete=true), bulk join/unjoin (PATCH),
// and per-member PATCH/DELETE. At most 100 users per bulk call. The platform applies bulk joins
// asynchronously: with `state.joinDelayMs > 0` the emulator queues them and applies them on the first
// membership read after the delay (default 0: at once). Non-members are ignored either way.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { QueueRecord } from '../../state/types.js';
import { FieldErrors, asArray, asObject } from '../../respond/validate.js';
import { memberView } from '../../respond/views.js';
import { MAX_MEMBERS_PAGE } from './queue-members.js';

const EDIT = { anyOf: ['routing:queue:edit', 'routing:queueMember:manage'] };

function requireQueue(ctx: RequestContext): QueueRecord {
  ctx.state.settleJoins();
  const queue = ctx.state.queues.get(ctx.params['queueId'] ?? '');
  if (!queue) throw notFound(ctx.params['queueId'], 'queue');
  return queue;
}

/** `[{ id, ...}]` with at most 100 items; returns the items with validated string ids. */
function bulkItems(ctx: RequestContext): Array<Record<string, unknown> & { id: string }> {
  const items = asArray(ctx.body);
  if (items.length > MAX_MEMBERS_PAGE) {
    throw new ApiError(
      400,
      'bad.request',
      `A maximum of ${MAX_MEMBERS_PAGE} members may be sent per request (got ${items.length})`,
      {
        details: [{ errorCode: 'invalid.value', fieldName: 'body' }],
      },
    );
  }
  const errors = new FieldErrors();
  items.forEach((raw, i) => {
    const id = (raw as Record<string, unknown> | null)?.['id'];
    if (typeof id !== 'string' || id.length === 0) errors.add(`[${i}].id`, `[${i}].id is required`, 'required');
  });
  errors.throwIfAny();
  return items as Array<Record<string, unknown> & { id: string }>;
}

function auditMembers(
  ctx: RequestContext,
  queue: QueueRecord,
  action: string,
  property: string,
  oldValues: string[],
  newValues: string[],
): void {
  if (oldValues.length === 0 && newValues.length === 0) return;
  ctx.audit({
    action,
    entityType: 'Queue',
    entity: { id: queue.id, name: queue.name },
    propertyChanges: [{ property, oldValues, newValues }],
  });
}

export const queueMemberWriteRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/routing/queues/{queueId}/members',
    permissions: EDIT,
    body: 'json',
    handle(ctx) {
      const queue = requireQueue(ctx);
      const remove = ctx.queryBool('delete') ?? false;
      const items = bulkItems(ctx);
      const members = ctx.state.membersOf(queue.id);
      if (remove) {
        const removed = items.map((i) => i.id).filter((id) => members.delete(id));
        auditMembers(ctx, queue, 'MemberRemove', 'members', removed, []);
        return ctx.noContent();
      }
      const errors = new FieldErrors();
      items.forEach((item, i) => {
        const user = ctx.state.users.get(item.id);
        if (!user || user.state === 'deleted')
          errors.add(`[${i}].id`, `[${i}].id: user ${item.id} was not found`, 'invalid.value', item.id);
      });
      errors.throwIfAny();
      const added = items.map((i) => i.id).filter((id) => !members.has(id));
      for (const id of new Set(added)) ctx.state.addMember(queue.id, id);
      auditMembers(ctx, queue, 'MemberAdd', 'members', [], [...new Set(added)]);
      ctx.noContent();
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/routing/queues/{queueId}/members',
    permissions: EDIT,
    body: 'json',
    handle(ctx) {
      const queue = requireQueue(ctx);
      const items = bulkItems(ctx);
      const errors = new FieldErrors();
      items.forEach((item, i) => {
        if (typeof item['joined'] !== 'boolean') errors.add(`[${i}].joined`, `[${i}].joined must be a boolean`);
      });
      errors.throwIfAny();
      const members = ctx.state.membersOf(queue.id);
      // Users who are not members are silently ignored, like the platform (applyJoins skips them).
      const changes = items.map((item) => ({ userId: item.id, joined: item['joined'] as boolean }));
      const delay = ctx.state.joinDelayMs;
      if (delay > 0)
        ctx.state.pendingJoins.push({
          queueId: queue.id,
          items: changes,
          applyAt: ctx.state.now().getTime() + delay,
          clientId: ctx.caller.clientId,
        });
      else ctx.state.applyJoins(queue.id, changes, ctx.caller.clientId);
      // The listing shows the members as they are now (before a delayed change applies).
      const affected = items.map((i) => members.get(i.id)).filter((m) => m !== undefined);
      ctx.json(200, {
        entities: affected.map((m) => memberView(ctx.state, m, new Set())),
        pageSize: affected.length,
        pageNumber: 1,
      });
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/routing/queues/{queueId}/members/{memberId}',
    permissions: EDIT,
    body: 'json',
    handle(ctx) {
      const queue = requireQueue(ctx);
      const member = ctx.state.membersOf(queue.id).get(ctx.params['memberId'] ?? '');
      if (!member) throw notFound(ctx.params['memberId'], 'queue member');
      const body = asObject(ctx.body);
      const hasRing = body['ringNumber'] !== undefined;
      const hasJoined = body['joined'] !== undefined;
      if (hasRing === hasJoined)
        throw new ApiError(400, 'bad.request', 'Exactly one of ringNumber or joined must be given', {
          details: [{ errorCode: 'invalid.value', fieldName: hasRing ? 'joined' : 'ringNumber' }],
        });
      const errors = new FieldErrors();
      // Ring range 1..6 comes from the terraform provider; the API-side range is unconfirmed.
      if (
        hasRing &&
        !(
          Number.isInteger(body['ringNumber']) &&
          (body['ringNumber'] as number) >= 1 &&
          (body['ringNumber'] as number) <= 6
        )
      )
        errors.add('ringNumber', 'ringNumber must be an integer between 1 and 6');
      if (hasJoined && typeof body['joined'] !== 'boolean') errors.add('joined', 'joined must be a boolean');
      errors.throwIfAny();
      const property = hasRing ? 'ringNumber' : 'joined';
      const old = String(member[property]);
      if (hasRing) member.ringNumber = body['ringNumber'] as number;
      else member.joined = body['joined'] as boolean;
      if (old !== String(member[property]))
        auditMembers(
          ctx,
          queue,
          'MemberUpdate',
          property,
          [`${member.userId}:${old}`],
          [`${member.userId}:${String(member[property])}`],
        );
      ctx.noContent();
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/queues/{queueId}/members/{memberId}',
    permissions: EDIT,
    handle(ctx) {
      const queue = requireQueue(ctx);
      const memberId = ctx.params['memberId'] ?? '';
      if (!ctx.state.membersOf(queue.id).delete(memberId)) throw notFound(memberId, 'queue member');
      auditMembers(ctx, queue, 'MemberRemove', 'members', [memberId], []);
      ctx.noContent();
    },
  },
];
