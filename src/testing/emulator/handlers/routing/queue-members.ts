// GET /api/v2/routing/queues/{queueId}/members: pageSize max 100, no total/pageCount.
import { liveStatus } from '../../state/live-status.js';
import { notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { MemberRecord } from '../../state/types.js';
import { memberView } from '../../respond/views.js';
import { LIMITS } from '../../../../limits.js';

export const MEMBER_PERMISSIONS = [
  'routing:queue:view',
  'routing:queue:edit',
  'routing:queue:readonly',
  'routing:queueMember:manage',
];
/** Documented limit of members per page and per bulk call. */
export const MAX_MEMBERS_PAGE = LIMITS.membersPerCall;

const ROUTING_STATUSES = ['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING'] as const;

export const queueMemberRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/queues/{queueId}/members',
    permissions: { anyOf: MEMBER_PERMISSIONS },
    handle(ctx) {
      const { state } = ctx;
      state.settleJoins(); // delayed bulk joins that are due show from now on
      const queueId = ctx.params['queueId'] ?? '';
      if (!state.queues.has(queueId)) throw notFound(queueId, 'queue');
      const order = ctx.queryEnum('sortOrder', ['asc', 'desc'] as const, 'asc');
      const joined = ctx.queryBool('joined');
      const memberBy = ctx.queryEnum('memberBy', ['user', 'group'] as const);
      const name = ctx.queryValue('name')?.toLowerCase();
      // Skill filters are contains-style on skill names; exact skill ids are accepted too.
      const skillFilters = ctx.queryList('skills').map((s) => s.toLowerCase());
      const statuses = new Set(ctx.queryList('routingStatus').map((s) => s.toUpperCase()));
      for (const s of statuses) {
        if (!(ROUTING_STATUSES as readonly string[]).includes(s))
          ctx.fail(
            400,
            'invalid.value',
            `Value [${s}] for routingStatus is invalid. Allowed values: ${ROUTING_STATUSES.join(', ')}`,
            { details: [{ errorCode: 'invalid.value', fieldName: 'routingStatus' }] },
          );
      }
      const presences = new Set(ctx.queryList('presence').map((s) => s.toLowerCase()));

      const keep = (m: MemberRecord): boolean => {
        const user = state.users.get(m.userId);
        if (!user) return false;
        if (joined !== undefined && m.joined !== joined) return false;
        if (memberBy && m.memberBy !== memberBy) return false;
        if (name && !user.name.toLowerCase().includes(name)) return false;
        const live = liveStatus(state, user);
        if (statuses.size > 0 && !statuses.has(live.routingStatus.status)) return false;
        if (presences.size > 0 && !presences.has(live.presence.systemPresence.toLowerCase())) return false;
        if (skillFilters.length > 0) {
          const held = [...state.skillsOf(m.userId).keys()].map((id) => ({
            id: id.toLowerCase(),
            name: state.activeSkill(id)?.name.toLowerCase(),
          }));
          if (!skillFilters.every((f) => held.some((h) => h.id === f || (h.name !== undefined && h.name.includes(f)))))
            return false;
        }
        return true;
      };
      const nameOf = (m: MemberRecord) => state.users.get(m.userId)?.name ?? '';
      const members = [...state.membersOf(queueId).values()]
        .filter(keep)
        .sort((a, b) => (order === 'asc' ? 1 : -1) * nameOf(a).localeCompare(nameOf(b)));
      const expand = ctx.expands();
      ctx.json(
        200,
        ctx.paging(members, {
          maxPageSize: MAX_MEMBERS_PAGE,
          withTotals: false,
          map: (m) => memberView(state, m, expand),
        }),
      );
    },
  },
];
