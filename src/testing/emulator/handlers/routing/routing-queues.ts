// GET /api/v2/routing/queues and /{queueId}. Writes are in routing-queue-writes.ts.
import { notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import { queueView } from '../../respond/views.js';

/** The platform's queue name filter: exact (case-insensitive) unless it has a leading/trailing '*'. */
export function nameMatcher(pattern: string | undefined): (name: string) => boolean {
  if (!pattern) return () => true;
  const lead = pattern.startsWith('*');
  const trail = pattern.endsWith('*') && pattern.length > 1;
  const core = pattern.slice(lead ? 1 : 0, trail ? -1 : undefined).toLowerCase();
  return (name) => {
    const n = name.toLowerCase();
    if (lead && trail) return n.includes(core);
    if (lead) return n.endsWith(core);
    if (trail) return n.startsWith(core);
    return n === core;
  };
}

export const routingQueueRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/queues',
    permissions: { anyOf: ['routing:queue:view'] },
    handle(ctx) {
      ctx.state.settleJoins(); // joinedMemberCount reflects due delayed joins
      const order = ctx.queryEnum('sortOrder', ['asc', 'desc'] as const, 'asc');
      const matchName = nameMatcher(ctx.queryValue('name'));
      const ids = new Set(ctx.queryList('id'));
      const divisions = new Set(ctx.queryList('divisionId'));
      const queues = [...ctx.state.queues.values()]
        .filter((q) => matchName(q.name))
        .filter((q) => ids.size === 0 || ids.has(q.id))
        .filter((q) => divisions.size === 0 || divisions.has(q.divisionId))
        .sort((a, b) => (order === 'asc' ? 1 : -1) * a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(queues, { map: (q) => queueView(ctx.state, q) }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/queues/{queueId}',
    permissions: { allOf: ['routing:queue:view'] },
    handle(ctx) {
      ctx.state.settleJoins();
      const queue = ctx.state.queues.get(ctx.params['queueId'] ?? '');
      if (!queue) throw notFound(ctx.params['queueId'], 'queue');
      ctx.json(200, queueView(ctx.state, queue));
    },
  },
];
