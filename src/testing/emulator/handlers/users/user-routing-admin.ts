// A user's routing state as an admin or the agent's client changes it: routing status (PUT
// /api/v2/users/{userId}/routingstatus), Genesys Cloud presence (GET/PATCH /api/v2/users/{userId}/presences/purecloud),
// the org's presence definitions (GET /api/v2/presence/definitions[/{definitionId}]), the user's queues
// (GET/PATCH /api/v2/users/{userId}/queues[/{queueId}]) and a queue's estimated wait time.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { adminState, presenceDefinitionId, type PresenceDefinitionRecord } from '../../state/admin.js';
import type { MediaType, RoutingStatusValue, UserRecord } from '../../state/types.js';
import { FieldErrors, asArray, asObject } from '../../respond/validate.js';
import { liveStatus } from '../../state/live-status.js';
import type { OrgState } from '../../state/org.js';
import { queueView, routingStatusView } from '../../respond/views.js';

const ROUTING_STATUSES: readonly RoutingStatusValue[] = [
  'OFF_QUEUE',
  'IDLE',
  'INTERACTING',
  'NOT_RESPONDING',
  'COMMUNICATING',
];
const JOIN = { anyOf: ['routing:queue:join', 'routing:queueMember:manage'] };
/** Queues per `PATCH /api/v2/users/{userId}/queues`, as for the queue-side bulk join. */
export const MAX_USER_QUEUES_PER_CALL = 100;

function requireUser(ctx: RequestContext): UserRecord {
  const user = ctx.state.users.get(ctx.params['userId'] ?? '');
  if (!user) throw notFound(ctx.params['userId'], 'user');
  return user;
}

function definitionView(d: PresenceDefinitionRecord) {
  return {
    id: d.id,
    type: d.type,
    languageLabels: { ...d.languageLabels },
    systemPresence: d.systemPresence,
    deactivated: d.deactivated,
    selfUri: `/api/v2/presence/definitions/${d.id}`,
  };
}

/** The presence at the org clock: the agent's shift, or what was set since (state/live-status.ts). */
function presenceView(state: OrgState, user: UserRecord) {
  const { presence } = liveStatus(state, user);
  const id = presenceDefinitionId(presence.systemPresence);
  return {
    id: 'PURECLOUD',
    source: 'PURECLOUD',
    primary: true,
    presenceDefinition: { id, systemPresence: presence.systemPresence, selfUri: `/api/v2/presence/definitions/${id}` },
    modifiedDate: presence.modifiedDate,
    selfUri: `/api/v2/users/${user.id}/presences/purecloud`,
  };
}

function userQueueView(ctx: RequestContext, queueId: string, userId: string) {
  const queue = ctx.state.queues.get(queueId);
  const member = ctx.state.members.get(queueId)?.get(userId);
  return { ...(queue ? queueView(ctx.state, queue) : { id: queueId }), joined: member?.joined ?? false };
}

/** Estimate from the queue's joined agents right now: 0 s with an idle agent, else the service-level target scaled by how busy they are. */
function estimateSeconds(
  ctx: RequestContext,
  queueId: string,
  mediaType: MediaType,
): { formula: string; seconds: number } {
  const queue = ctx.state.queues.get(queueId);
  const target = (queue?.mediaSettings[mediaType]?.serviceLevel.durationMs ?? 20_000) / 1000;
  const joined = [...(ctx.state.members.get(queueId)?.values() ?? [])]
    .filter((m) => m.joined)
    .map((m) => ctx.state.users.get(m.userId)?.routingStatus.status);
  const onQueue = joined.filter((s) => s !== undefined && s !== 'OFF_QUEUE');
  if (onQueue.some((s) => s === 'IDLE')) return { formula: 'BEST', seconds: 0 };
  if (onQueue.length === 0) return { formula: 'SIMPLE', seconds: Math.round(target * 10) };
  return { formula: 'BEST', seconds: Math.round(target * (1 + 1 / onQueue.length)) };
}

export const userRoutingAdminRoutes: RouteDef[] = [
  {
    method: 'PUT',
    path: '/api/v2/users/{userId}/routingstatus',
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const status = asObject(ctx.body)['status'];
      if (typeof status !== 'string' || !ROUTING_STATUSES.includes(status as RoutingStatusValue)) {
        throw new ApiError(400, 'invalid.value', `status must be one of ${ROUTING_STATUSES.join(', ')}`, {
          details: [{ errorCode: 'invalid.value', fieldName: 'status' }],
        });
      }
      ctx.state.setRoutingStatus(user.id, status as RoutingStatusValue);
      ctx.json(200, routingStatusView(ctx.state, user));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/{userId}/presences/purecloud',
    handle: (ctx) => ctx.json(200, presenceView(ctx.state, requireUser(ctx))),
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/presences/purecloud',
    permissions: { anyOf: ['user_administration', 'presence:userPresence:edit'] },
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const definitionId = (asObject(ctx.body)['presenceDefinition'] as { id?: unknown } | undefined)?.id;
      const definition =
        typeof definitionId === 'string' ? adminState(ctx.state).presenceDefinitions.get(definitionId) : undefined;
      if (!definition || definition.deactivated) {
        throw new ApiError(
          400,
          'invalid.value',
          `presenceDefinition.id ${String(definitionId)} is not an active presence definition`,
          { details: [{ errorCode: 'invalid.value', fieldName: 'presenceDefinition.id' }] },
        );
      }
      const live = liveStatus(ctx.state, user);
      const wasOnQueue = live.presence.systemPresence === 'On Queue';
      user.presence = { systemPresence: definition.systemPresence, modifiedDate: ctx.state.nowIso() };
      // On Queue makes the agent routable (IDLE, or the status they had on queue); any other presence takes
      // them off queue, as the platform does. From now on the recorded status is the live one.
      const target =
        definition.systemPresence !== 'On Queue'
          ? 'OFF_QUEUE'
          : wasOnQueue && live.routingStatus.status !== 'OFF_QUEUE'
            ? live.routingStatus.status
            : 'IDLE';
      if (user.routingStatus.status !== target) ctx.state.setRoutingStatus(user.id, target);
      ctx.json(200, presenceView(ctx.state, user));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/presence/definitions',
    handle(ctx) {
      const deactivated = ctx.queryValue('deactivated');
      const definitions = [...adminState(ctx.state).presenceDefinitions.values()].filter(
        (d) => deactivated === undefined || String(d.deactivated) === deactivated.toLowerCase(),
      );
      ctx.json(200, { entities: definitions.map(definitionView), total: definitions.length });
    },
  },
  {
    method: 'GET',
    path: '/api/v2/presence/definitions/{definitionId}',
    handle(ctx) {
      const definition = adminState(ctx.state).presenceDefinitions.get(ctx.params['definitionId'] ?? '');
      if (!definition) throw notFound(ctx.params['definitionId'], 'presence definition');
      ctx.json(200, definitionView(definition));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/{userId}/queues',
    permissions: { anyOf: ['routing:queue:view'] },
    handle(ctx) {
      const user = requireUser(ctx);
      ctx.state.settleJoins();
      const joined = ctx.queryBool('joined') ?? true;
      const divisions = new Set(ctx.queryList('divisionId'));
      const queueIds = ctx.state
        .queuesOf(user.id)
        .filter((id) => ctx.state.members.get(id)?.get(user.id)?.joined === joined)
        .filter((id) => divisions.size === 0 || divisions.has(ctx.state.queues.get(id)?.divisionId ?? ''))
        .sort((a, b) => (ctx.state.queues.get(a)?.name ?? a).localeCompare(ctx.state.queues.get(b)?.name ?? b));
      ctx.json(200, ctx.paging(queueIds, { map: (id) => userQueueView(ctx, id, user.id) }));
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/queues',
    permissions: JOIN,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const items = asArray(ctx.body);
      if (items.length > MAX_USER_QUEUES_PER_CALL) {
        throw new ApiError(
          400,
          'bad.request',
          `A maximum of ${MAX_USER_QUEUES_PER_CALL} queues may be sent per request (got ${items.length})`,
          { details: [{ errorCode: 'invalid.value', fieldName: 'body' }] },
        );
      }
      const errors = new FieldErrors();
      const parsed = items.map((raw, i) => {
        const item = (raw ?? {}) as { id?: unknown; joined?: unknown };
        if (typeof item.id !== 'string' || item.id === '') errors.add(`[${i}].id`, `[${i}].id is required`, 'required');
        if (typeof item.joined !== 'boolean') errors.add(`[${i}].joined`, `[${i}].joined must be true or false`);
        return { queueId: item.id as string, joined: item.joined as boolean };
      });
      errors.throwIfAny();
      // Queues the user is not a member of are ignored, as for the queue-side bulk join.
      const affected = parsed.filter((p) => ctx.state.members.get(p.queueId)?.has(user.id));
      for (const p of affected)
        ctx.state.applyJoins(p.queueId, [{ userId: user.id, joined: p.joined }], ctx.caller.clientId);
      const entities = affected.map((p) => userQueueView(ctx, p.queueId, user.id));
      ctx.json(200, { entities, pageSize: entities.length, pageNumber: 1, total: entities.length, pageCount: 1 });
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/queues/{queueId}',
    permissions: JOIN,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const queueId = ctx.params['queueId'] ?? '';
      if (!ctx.state.members.get(queueId)?.has(user.id)) throw notFound(queueId, 'queue membership');
      const joined = asObject(ctx.body)['joined'];
      if (typeof joined !== 'boolean')
        throw new ApiError(400, 'invalid.value', 'joined must be true or false', {
          details: [{ errorCode: 'invalid.value', fieldName: 'joined' }],
        });
      ctx.state.applyJoins(queueId, [{ userId: user.id, joined }], ctx.caller.clientId);
      ctx.json(200, userQueueView(ctx, queueId, user.id));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/queues/{queueId}/estimatedwaittime',
    permissions: { anyOf: ['routing:queue:view'] },
    handle(ctx) {
      const queueId = ctx.params['queueId'] ?? '';
      if (!ctx.state.queues.has(queueId)) throw notFound(queueId, 'queue');
      const { formula, seconds } = estimateSeconds(ctx, queueId, 'call');
      ctx.json(200, { results: [{ intent: 'ALL', formula, estimatedWaitTimeSeconds: seconds }] });
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/queues/{queueId}/mediatypes/{mediaType}/estimatedwaittime',
    permissions: { anyOf: ['routing:queue:view'] },
    handle(ctx) {
      const queueId = ctx.params['queueId'] ?? '';
      if (!ctx.state.queues.has(queueId)) throw notFound(queueId, 'queue');
      const mediaType = (ctx.params['mediaType'] ?? '').toLowerCase();
      if (!['call', 'callback', 'chat', 'email', 'message'].includes(mediaType)) {
        throw new ApiError(
          400,
          'invalid.value',
          `mediaType ${mediaType} is not one of call, callback, chat, email, message`,
          { details: [{ errorCode: 'invalid.value', fieldName: 'mediaType' }] },
        );
      }
      const { formula, seconds } = estimateSeconds(ctx, queueId, mediaType as MediaType);
      ctx.json(200, { results: [{ intent: mediaType.toUpperCase(), formula, estimatedWaitTimeSeconds: seconds }] });
    },
  },
];
