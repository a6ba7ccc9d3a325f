// GET /api/v2/routing/skillgroups (after/before cursor paging) and /{skillGroupId}.
import { notFound } from '../error-body.js';
import type { RouteDef } from '../router.js';
import { skillGroupView } from '../views.js';

const VIEW = { anyOf: ['routing:skillGroup:view'] };

export const skillGroupRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups',
    permissions: VIEW,
    handle(ctx) {
      const name = ctx.queryValue('name')?.toLowerCase();
      const groups = [...ctx.state.skillGroups.values()]
        .filter((g) => !name || g.name.toLowerCase().startsWith(name))
        .sort((a, b) => a.name.localeCompare(b.name));
      ctx.json(200, ctx.cursorPaging(groups, { maxPageSize: 100, map: (g) => skillGroupView(ctx.state, g) }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups/{skillGroupId}',
    permissions: VIEW,
    handle(ctx) {
      const group = ctx.state.skillGroups.get(ctx.params['skillGroupId'] ?? '');
      if (!group) throw notFound(ctx.params['skillGroupId'], 'skill group');
      ctx.json(200, skillGroupView(ctx.state, group));
    },
  },
];
