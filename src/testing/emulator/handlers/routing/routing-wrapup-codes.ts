// Wrap-up codes (/api/v2/routing/wrapupcodes: list, get, create, update, delete), a queue's wrap-up codes
// (/api/v2/routing/queues/{queueId}/wrapupcodes: list, add at most 100, remove one) and utilization labels
// (/api/v2/routing/utilization/labels: list, get, create, rename, delete).
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { adminState, type LabelRecord, type WrapupCodeRecord } from '../../state/admin.js';
import { FieldErrors, asArray, asObject, requiredString } from '../../respond/validate.js';
import { divisionRef } from '../../respond/views.js';

const VIEW = { anyOf: ['routing:wrapupCode:view'] };
const ADD = { anyOf: ['routing:wrapupCode:add'] };
const EDIT = { anyOf: ['routing:wrapupCode:edit'] };
const DELETE = { anyOf: ['routing:wrapupCode:delete'] };
const QUEUE_EDIT = { anyOf: ['routing:queue:edit'] };
const UTIL_VIEW = { anyOf: ['routing:utilization:view', 'routing:utilization:manage'] };
const UTIL_MANAGE = { anyOf: ['routing:utilization:manage'] };
/** Codes per `POST …/queues/{queueId}/wrapupcodes`. */
export const MAX_QUEUE_WRAPUP_CODES_PER_CALL = 100;

function codeView(ctx: RequestContext, c: WrapupCodeRecord) {
  return {
    id: c.id,
    name: c.name,
    division: divisionRef(ctx.state, c.divisionId),
    ...(c.description === undefined ? {} : { description: c.description }),
    dateCreated: c.dateCreated,
    dateModified: c.dateModified,
    selfUri: `/api/v2/routing/wrapupcodes/${c.id}`,
  };
}

function labelView(l: LabelRecord) {
  return { id: l.id, name: l.name, selfUri: `/api/v2/routing/utilization/labels/${l.id}` };
}

function requireCode(ctx: RequestContext): WrapupCodeRecord {
  const code = adminState(ctx.state).wrapupCodes.get(ctx.params['codeId'] ?? '');
  if (!code) throw notFound(ctx.params['codeId'], 'wrap-up code');
  return code;
}

function requireQueueCodes(ctx: RequestContext): { queueId: string; codes: Set<string> } {
  const queueId = ctx.params['queueId'] ?? '';
  if (!ctx.state.queues.has(queueId)) throw notFound(queueId, 'queue');
  const all = adminState(ctx.state).queueWrapupCodes;
  let codes = all.get(queueId);
  if (!codes) {
    codes = new Set();
    all.set(queueId, codes);
  }
  return { queueId, codes };
}

/** Name, unique among `others` (case-insensitive): 409 otherwise, like the platform. */
function uniqueName(ctx: RequestContext, others: Iterable<{ id: string; name: string }>, selfId?: string): string {
  const errors = new FieldErrors();
  const name = requiredString(asObject(ctx.body), 'name', errors)?.trim();
  errors.throwIfAny();
  for (const o of others) {
    if (o.id !== selfId && o.name.toLowerCase() === (name as string).toLowerCase()) {
      throw new ApiError(409, 'general.conflict', `The name "${name}" is already in use`, {
        entityId: o.id,
        details: [{ errorCode: 'duplicate.value', fieldName: 'name', entityId: o.id }],
      });
    }
  }
  return name as string;
}

function divisionOf(ctx: RequestContext, fallback: string): string {
  const division = asObject(ctx.body)['division'];
  if (division === undefined) return fallback;
  const id = (division as { id?: unknown } | null)?.id;
  if (typeof id !== 'string' || !ctx.state.divisions.has(id)) {
    throw new ApiError(400, 'invalid.value', `division.id ${String(id)} is not a known division`, {
      details: [{ errorCode: 'invalid.value', fieldName: 'division.id' }],
    });
  }
  return id;
}

export const wrapupCodeRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/wrapupcodes',
    permissions: VIEW,
    handle(ctx) {
      const name = ctx.queryValue('name')?.toLowerCase().replace(/\*/g, '');
      const ids = new Set(ctx.queryList('id'));
      const divisions = new Set(ctx.queryList('divisionId'));
      const descending = ctx.queryValue('sortOrder')?.toLowerCase().startsWith('desc') ?? false;
      const codes = [...adminState(ctx.state).wrapupCodes.values()]
        .filter(
          (c) =>
            (!name || c.name.toLowerCase().includes(name)) &&
            (ids.size === 0 || ids.has(c.id)) &&
            (divisions.size === 0 || divisions.has(c.divisionId)),
        )
        .sort((a, b) => (descending ? -1 : 1) * a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(codes, { map: (c) => codeView(ctx, c) }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/wrapupcodes/{codeId}',
    permissions: VIEW,
    handle: (ctx) => ctx.json(200, codeView(ctx, requireCode(ctx))),
  },
  {
    method: 'POST',
    path: '/api/v2/routing/wrapupcodes',
    permissions: ADD,
    body: 'json',
    handle(ctx) {
      const admin = adminState(ctx.state);
      const name = uniqueName(ctx, admin.wrapupCodes.values());
      const description = asObject(ctx.body)['description'];
      const now = ctx.state.nowIso();
      const code: WrapupCodeRecord = {
        id: ctx.state.newId(),
        name,
        divisionId: divisionOf(ctx, ctx.state.homeDivision.id),
        ...(typeof description === 'string' ? { description } : {}),
        dateCreated: now,
        dateModified: now,
      };
      admin.wrapupCodes.set(code.id, code);
      ctx.audit({
        action: 'Create',
        entityType: 'WrapupCode',
        entity: { id: code.id, name },
        propertyChanges: [{ property: 'name', oldValues: [], newValues: [name] }],
      });
      ctx.json(200, codeView(ctx, code));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/routing/wrapupcodes/{codeId}',
    permissions: EDIT,
    body: 'json',
    handle(ctx) {
      const code = requireCode(ctx);
      const old = code.name;
      code.name = uniqueName(ctx, adminState(ctx.state).wrapupCodes.values(), code.id);
      code.divisionId = divisionOf(ctx, code.divisionId);
      const description = asObject(ctx.body)['description'];
      if (typeof description === 'string') code.description = description;
      else delete code.description;
      code.dateModified = ctx.state.nowIso();
      ctx.audit({
        action: 'Update',
        entityType: 'WrapupCode',
        entity: { id: code.id, name: code.name },
        propertyChanges: [{ property: 'name', oldValues: [old], newValues: [code.name] }],
      });
      ctx.json(200, codeView(ctx, code));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/wrapupcodes/{codeId}',
    permissions: DELETE,
    handle(ctx) {
      const code = requireCode(ctx);
      const admin = adminState(ctx.state);
      admin.wrapupCodes.delete(code.id);
      for (const codes of admin.queueWrapupCodes.values()) codes.delete(code.id);
      ctx.audit({ action: 'Delete', entityType: 'WrapupCode', entity: { id: code.id, name: code.name } });
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/queues/{queueId}/wrapupcodes',
    permissions: { anyOf: ['routing:queue:view'] },
    handle(ctx) {
      const { codes } = requireQueueCodes(ctx);
      const all = adminState(ctx.state).wrapupCodes;
      const list = [...codes]
        .map((id) => all.get(id))
        .filter((c): c is WrapupCodeRecord => c !== undefined)
        .sort((a, b) => a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(list, { map: (c) => codeView(ctx, c) }));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/routing/queues/{queueId}/wrapupcodes',
    permissions: QUEUE_EDIT,
    body: 'json',
    handle(ctx) {
      const { queueId, codes } = requireQueueCodes(ctx);
      const items = asArray(ctx.body);
      if (items.length > MAX_QUEUE_WRAPUP_CODES_PER_CALL) {
        throw new ApiError(
          400,
          'bad.request',
          `A maximum of ${MAX_QUEUE_WRAPUP_CODES_PER_CALL} wrap-up codes may be sent per request (got ${items.length})`,
          { details: [{ errorCode: 'invalid.value', fieldName: 'body' }] },
        );
      }
      const all = adminState(ctx.state).wrapupCodes;
      const errors = new FieldErrors();
      const ids = items.map((raw, i) => {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id !== 'string' || !all.has(id))
          errors.add(`[${i}].id`, `[${i}].id ${String(id)} is not a wrap-up code`, 'invalid.value');
        return id as string;
      });
      errors.throwIfAny();
      const added = ids.filter((id) => !codes.has(id));
      for (const id of ids) codes.add(id);
      const queue = ctx.state.queues.get(queueId);
      if (added.length > 0)
        ctx.audit({
          action: 'WrapupCodeAdd',
          entityType: 'Queue',
          entity: { id: queueId, ...(queue ? { name: queue.name } : {}) },
          propertyChanges: [{ property: 'wrapupCodes', oldValues: [], newValues: added }],
        });
      ctx.json(
        200,
        ids.map((id) => codeView(ctx, all.get(id) as WrapupCodeRecord)),
      );
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/queues/{queueId}/wrapupcodes/{codeId}',
    permissions: QUEUE_EDIT,
    handle(ctx) {
      const { queueId, codes } = requireQueueCodes(ctx);
      const codeId = ctx.params['codeId'] ?? '';
      if (!codes.delete(codeId)) throw notFound(codeId, 'queue wrap-up code');
      const queue = ctx.state.queues.get(queueId);
      ctx.audit({
        action: 'WrapupCodeRemove',
        entityType: 'Queue',
        entity: { id: queueId, ...(queue ? { name: queue.name } : {}) },
        propertyChanges: [{ property: 'wrapupCodes', oldValues: [codeId], newValues: [] }],
      });
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/utilization/labels',
    permissions: UTIL_VIEW,
    handle(ctx) {
      const name = ctx.queryValue('name')?.toLowerCase();
      const labels = [...adminState(ctx.state).labels.values()]
        .filter((l) => !name || l.name.toLowerCase().startsWith(name))
        .sort((a, b) => a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(labels, { map: labelView }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/utilization/labels/{labelId}',
    permissions: UTIL_VIEW,
    handle(ctx) {
      const label = adminState(ctx.state).labels.get(ctx.params['labelId'] ?? '');
      if (!label) throw notFound(ctx.params['labelId'], 'utilization label');
      ctx.json(200, labelView(label));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/routing/utilization/labels',
    permissions: UTIL_MANAGE,
    body: 'json',
    handle(ctx) {
      const labels = adminState(ctx.state).labels;
      const label: LabelRecord = { id: ctx.state.newId(), name: uniqueName(ctx, labels.values()) };
      labels.set(label.id, label);
      ctx.audit({ action: 'Create', entityType: 'RoutingUtilizationTag', entity: { id: label.id, name: label.name } });
      ctx.json(200, labelView(label));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/routing/utilization/labels/{labelId}',
    permissions: UTIL_MANAGE,
    body: 'json',
    handle(ctx) {
      const labels = adminState(ctx.state).labels;
      const label = labels.get(ctx.params['labelId'] ?? '');
      if (!label) throw notFound(ctx.params['labelId'], 'utilization label');
      label.name = uniqueName(ctx, labels.values(), label.id);
      ctx.audit({ action: 'Update', entityType: 'RoutingUtilizationTag', entity: { id: label.id, name: label.name } });
      ctx.json(200, labelView(label));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/utilization/labels/{labelId}',
    permissions: UTIL_MANAGE,
    handle(ctx) {
      const labels = adminState(ctx.state).labels;
      const label = labels.get(ctx.params['labelId'] ?? '');
      if (!label) throw notFound(ctx.params['labelId'], 'utilization label');
      labels.delete(label.id);
      ctx.audit({ action: 'Delete', entityType: 'RoutingUtilizationTag', entity: { id: label.id, name: label.name } });
      ctx.noContent();
    },
  },
];
