// POST /api/v2/analytics/users/observations/query: per user, how many queues they are a member of
// (`oMemberQueues`) and how many they are active in (`oActiveQueues`: joined, and the user is on queue).
// Filter predicates may only name `userId`; the filter and metrics are required, as on the platform.
import type { RouteDef } from '../../pipeline/router.js';
import { compileFilter, valuesOf } from '../../traffic/query/filters.js';
import { FieldErrors, asObject } from '../../respond/validate.js';

const METRICS = new Set(['oActiveQueues', 'oMemberQueues']);

export const analyticsUserObservationRoutes: RouteDef[] = [
  {
    method: 'POST',
    path: '/api/v2/analytics/users/observations/query',
    permissions: { anyOf: ['analytics:userObservation:view'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      if (body['filter'] === undefined || body['filter'] === null)
        errors.add('filter', 'filter is required (predicates on userId)', 'required');
      else compileFilter(body['filter'], 'filter', errors, (d) => d === 'userId', 'userId');
      const metrics = body['metrics'];
      if (!Array.isArray(metrics) || metrics.length === 0)
        errors.add('metrics', 'metrics is required (oActiveQueues, oMemberQueues)', 'required');
      else
        metrics.forEach(
          (m, i) =>
            METRICS.has(m as string) ||
            errors.add(`metrics[${i}]`, `metrics[${i}] must be one of ${[...METRICS].join(', ')}`),
        );
      errors.throwIfAny();
      ctx.state.settleJoins();
      const results = valuesOf(body['filter'], 'userId')
        .filter((userId) => ctx.state.users.has(userId))
        .map((userId) => {
          const user = ctx.state.users.get(userId)!;
          const memberships = ctx.state.queuesOf(userId).map((queueId) => ctx.state.members.get(queueId)?.get(userId));
          const active = user.routingStatus.status === 'OFF_QUEUE' ? 0 : memberships.filter((m) => m?.joined).length;
          const counts: Record<string, number> = { oMemberQueues: memberships.length, oActiveQueues: active };
          return {
            group: { userId },
            data: (metrics as string[]).map((metric) => ({
              metric,
              stats: { count: counts[metric] ?? 0 },
              truncated: false,
            })),
          };
        });
      ctx.json(200, { results });
    },
  },
];
