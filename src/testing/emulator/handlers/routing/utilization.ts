// Utilization: GET/PUT/DELETE /api/v2/routing/utilization (org) and
// /api/v2/routing/users/{userId}/utilization (agent). PUT replaces: a media type left out falls back to the
// default (system defaults for the org, the org's values for an agent). An agent without own settings
// answers the org values with `level: 'Organization'`.
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { MediaUtilizationRecord, UtilizationRecord } from '../../state/types.js';
import { FieldErrors, asObject } from '../../respond/validate.js';
import { requireUser } from '../users/users.js';

/** Media types the emulator accepts in `utilization`. */
export const UTILIZATION_MEDIA_TYPES = ['call', 'callback', 'chat', 'email', 'message', 'workitem'] as const;
/** Emulator bound of maximumCapacity (the platform's is unconfirmed). */
export const MAX_UTILIZATION_CAPACITY = 25;

/** Emulator system defaults (the platform's own defaults are not documented). */
const SYSTEM_DEFAULTS: Readonly<Record<string, MediaUtilizationRecord>> = {
  call: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
  callback: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
  chat: { maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false },
  email: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
  message: { maximumCapacity: 4, interruptableMediaTypes: [], includeNonAcd: false },
  workitem: { maximumCapacity: 1, interruptableMediaTypes: [], includeNonAcd: false },
};

const VIEW = { anyOf: ['routing:utilization:view', 'routing:utilization:manage'] };
const MANAGE = { allOf: ['routing:utilization:manage'] };
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isMediaType = (v: unknown): boolean =>
  typeof v === 'string' && (UTILIZATION_MEDIA_TYPES as readonly string[]).includes(v);

function capacity(v: unknown, field: string, errors: FieldErrors): number {
  if (!Number.isInteger(v) || (v as number) < 0 || (v as number) > MAX_UTILIZATION_CAPACITY) {
    errors.add(
      field,
      `${field} must be a whole number from 0 to ${MAX_UTILIZATION_CAPACITY}`,
      v === undefined ? 'required' : 'invalid.value',
    );
    return 0;
  }
  return v as number;
}

function stringList(v: unknown, field: string, errors: FieldErrors, check: (s: unknown) => boolean): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || !v.every(check)) {
    errors.add(field, `${field} has an invalid value`);
    return [];
  }
  return [...new Set(v as string[])];
}

/** Validates a UtilizationRequest; 400 naming each bad field (e.g. `utilization.chat.maximumCapacity`). */
function parseRequest(ctx: RequestContext): UtilizationRecord {
  const body = asObject(ctx.body);
  const errors = new FieldErrors();
  const record: UtilizationRecord = { utilization: {}, labelUtilizations: {} };
  const media = body['utilization'];
  if (media !== undefined && media !== null && !isObject(media))
    errors.add('utilization', 'utilization must be an object keyed by media type');
  for (const [type, raw] of Object.entries(isObject(media) ? media : {})) {
    const field = `utilization.${type}`;
    if (!isMediaType(type)) {
      errors.add(field, `Unknown media type ${type}. Allowed: ${UTILIZATION_MEDIA_TYPES.join(', ')}`);
      continue;
    }
    if (!isObject(raw)) {
      errors.add(field, `${field} must be an object`);
      continue;
    }
    const includeNonAcd = raw['includeNonAcd'];
    if (includeNonAcd !== undefined && typeof includeNonAcd !== 'boolean')
      errors.add(`${field}.includeNonAcd`, `${field}.includeNonAcd must be a boolean`);
    record.utilization[type] = {
      maximumCapacity: capacity(raw['maximumCapacity'], `${field}.maximumCapacity`, errors),
      interruptableMediaTypes: stringList(
        raw['interruptableMediaTypes'],
        `${field}.interruptableMediaTypes`,
        errors,
        isMediaType,
      ),
      includeNonAcd: includeNonAcd === true,
    };
  }
  const labels = body['labelUtilizations'];
  if (labels !== undefined && labels !== null && !isObject(labels))
    errors.add('labelUtilizations', 'labelUtilizations must be an object keyed by label id');
  // Labels themselves are not emulated: any label id is accepted.
  for (const [labelId, raw] of Object.entries(isObject(labels) ? labels : {})) {
    const field = `labelUtilizations.${labelId}`;
    if (!isObject(raw)) {
      errors.add(field, `${field} must be an object`);
      continue;
    }
    record.labelUtilizations[labelId] = {
      maximumCapacity: capacity(raw['maximumCapacity'], `${field}.maximumCapacity`, errors),
      interruptingLabelIds: stringList(
        raw['interruptingLabelIds'],
        `${field}.interruptingLabelIds`,
        errors,
        (s) => typeof s === 'string' && s.length > 0,
      ),
    };
  }
  const maxInboundCalls = body['maxInboundCalls'];
  if (maxInboundCalls !== undefined && maxInboundCalls !== null) {
    if (!Number.isInteger(maxInboundCalls) || (maxInboundCalls as number) < 1)
      errors.add('maxInboundCalls', 'maxInboundCalls must be a whole number >= 1');
    else record.maxInboundCalls = maxInboundCalls as number;
  }
  errors.throwIfAny();
  return record;
}

/** Effective values: `base` with the media types/labels of `own` laid over it. */
function effective(base: UtilizationRecord, own: UtilizationRecord | undefined): UtilizationRecord {
  if (!own) return structuredClone(base);
  const maxInboundCalls = own.maxInboundCalls ?? base.maxInboundCalls;
  return {
    utilization: structuredClone({ ...base.utilization, ...own.utilization }),
    // A label list is one setting: the agent's replaces the org's when it has one.
    labelUtilizations: structuredClone(
      Object.keys(own.labelUtilizations).length > 0 ? own.labelUtilizations : base.labelUtilizations,
    ),
    ...(maxInboundCalls === undefined ? {} : { maxInboundCalls }),
  };
}

function orgEffective(ctx: RequestContext): UtilizationRecord {
  return effective({ utilization: { ...SYSTEM_DEFAULTS }, labelUtilizations: {} }, ctx.state.orgUtilization);
}

function describe(record: UtilizationRecord | undefined): string[] {
  return record ? [JSON.stringify(record)] : [];
}

export const utilizationRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/utilization',
    permissions: VIEW,
    handle(ctx) {
      ctx.json(200, orgEffective(ctx));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/routing/utilization',
    permissions: MANAGE,
    body: 'json',
    handle(ctx) {
      const next = parseRequest(ctx);
      const before = ctx.state.orgUtilization;
      if (JSON.stringify(before) !== JSON.stringify(next)) {
        ctx.state.orgUtilization = next;
        // entityType for utilization changes is unconfirmed; the org-capacity type is the closest in the SDK enums.
        ctx.audit({
          action: 'Update',
          entityType: 'MaxOrgRoutingUtilizationCapacity',
          entity: { id: ctx.state.organization.id, name: ctx.state.organization.name },
          propertyChanges: [{ property: 'utilization', oldValues: describe(before), newValues: describe(next) }],
        });
      }
      ctx.json(200, orgEffective(ctx));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/utilization',
    permissions: MANAGE,
    handle(ctx) {
      const before = ctx.state.orgUtilization;
      if (before) {
        ctx.state.orgUtilization = undefined;
        ctx.audit({
          action: 'Delete',
          entityType: 'MaxOrgRoutingUtilizationCapacity',
          entity: { id: ctx.state.organization.id, name: ctx.state.organization.name },
          propertyChanges: [{ property: 'utilization', oldValues: describe(before), newValues: [] }],
        });
      }
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/users/{userId}/utilization',
    permissions: VIEW,
    handle(ctx) {
      const user = requireUser(ctx);
      const own = ctx.state.userUtilization.get(user.id);
      ctx.json(200, { ...effective(orgEffective(ctx), own), level: own ? 'Agent' : 'Organization' });
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/routing/users/{userId}/utilization',
    permissions: MANAGE,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const next = parseRequest(ctx);
      const before = ctx.state.userUtilization.get(user.id);
      if (JSON.stringify(before) !== JSON.stringify(next)) {
        ctx.state.userUtilization.set(user.id, next);
        // entityType unconfirmed: AgentRoutingInfo is the agent-routing entity of the SDK enums.
        ctx.audit({
          action: 'Update',
          entityType: 'AgentRoutingInfo',
          entity: { id: user.id, name: user.name },
          propertyChanges: [{ property: 'utilization', oldValues: describe(before), newValues: describe(next) }],
        });
      }
      ctx.json(200, { ...effective(orgEffective(ctx), next), level: 'Agent' });
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/users/{userId}/utilization',
    permissions: MANAGE,
    handle(ctx) {
      const user = requireUser(ctx);
      const before = ctx.state.userUtilization.get(user.id);
      if (before) {
        ctx.state.userUtilization.delete(user.id);
        ctx.audit({
          action: 'Delete',
          entityType: 'AgentRoutingInfo',
          entity: { id: user.id, name: user.name },
          propertyChanges: [{ property: 'utilization', oldValues: describe(before), newValues: [] }],
        });
      }
      ctx.noContent();
    },
  },
];
