// /api/v2/users list/get and /users/{id}/routingstatus. The official SDK purecloud-platform-client-v2 lists no permission for these.
import { notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { RequestContext } from '../../respond/context.js';
import type { UserRecord } from '../../state/types.js';
import { routingStatusView, userView } from '../../respond/views.js';

const STATES = ['active', 'inactive', 'deleted', 'any'] as const;

/** A user by id for sub-resources: deleted users are gone (404). */
export function requireUser(ctx: RequestContext): UserRecord {
  const userId = ctx.params['userId'] ?? '';
  const user = ctx.state.users.get(userId);
  if (!user || user.state === 'deleted') throw notFound(userId, 'user');
  return user;
}

/** Deterministic "best effort" choice: about half of the ids. */
function dropsExpand(id: string): boolean {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return h % 2 === 0;
}

export const userRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/users',
    handle(ctx) {
      const wanted = ctx.queryEnum('state', STATES, 'active');
      const order = ctx.queryEnum('sortOrder', ['ASC', 'DESC'] as const, 'ASC');
      const ids = new Set(ctx.queryList('id'));
      // The state filter applies to id bulk fetches too (an inactive id is omitted unless state=inactive|any).
      const users = [...ctx.state.users.values()]
        .filter((u) => wanted === 'any' || u.state === wanted)
        .filter((u) => ids.size === 0 || ids.has(u.id))
        .sort((a, b) => (order === 'ASC' ? 1 : -1) * a.name.localeCompare(b.name));
      const expand = ctx.expands();
      // Best-effort expand (quirk): some users come back without the expanded skills.
      const partial = ctx.options.quirks.partialExpand && expand.has('skills');
      const withoutSkills = new Set([...expand].filter((e) => e !== 'skills'));
      const view = (u: UserRecord) => userView(ctx.state, u, partial && dropsExpand(u.id) ? withoutSkills : expand);
      ctx.json(200, ctx.paging(users, { map: view }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/{userId}',
    handle(ctx) {
      const userId = ctx.params['userId'] ?? '';
      const user = ctx.state.users.get(userId);
      const wanted = ctx.queryEnum('state', ['active', 'inactive', 'deleted'] as const);
      // Without `state` any non-deleted user is found; with it, the user must be in that state.
      const found = user && (wanted ? user.state === wanted : user.state !== 'deleted');
      if (!user || !found) throw notFound(userId, 'user');
      ctx.json(200, userView(ctx.state, user, ctx.expands()));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/{userId}/routingstatus',
    handle(ctx) {
      ctx.json(200, routingStatusView(ctx.state, requireUser(ctx)));
    },
  },
];
