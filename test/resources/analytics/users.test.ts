import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/index.js';
import { agentOccupancy, aggregateStats } from '../../../src/resources/analytics/index.js';
import type { UserAggregateQueryResponse } from '../../../src/resources/schemas/analytics.js';
import { DAY, USER_AGGREGATES, byGroup, calls, setup } from './helpers.js';

const TWO_DAYS = { from: new Date('2025-03-10T00:00:00.000Z'), to: new Date('2025-03-12T00:00:00.000Z') };

/** ms of `metric` with `qualifier` for `userId`, summed over buckets. */
function sum(res: UserAggregateQueryResponse, userId: string, metric: string, qualifier: string): number {
  return (res.results ?? [])
    .filter((r) => r.group?.['userId'] === userId)
    .flatMap((r) => r.data ?? [])
    .flatMap((d) => d.metrics ?? [])
    .filter((m) => m.metric === metric && m.qualifier === qualifier)
    .reduce((s, m) => s + (m.stats?.sum ?? 0), 0);
}

describe('analytics.userAggregates / agentOccupancy', () => {
  it('reports routing-status and presence time per user, and occupancy = interacting / on-queue time', async () => {
    const { emu, analytics } = await setup();
    const userIds = [...emu.state.users.values()]
      .filter((u) => u.state === 'active')
      .slice(0, 6)
      .map((u) => u.id);
    const res = await analytics.userAggregates.query({
      interval: TWO_DAYS,
      granularity: 'P1D',
      userIds,
      metrics: ['tAgentRoutingStatus', 'tSystemPresence'],
    });
    const groups = (res.results ?? []).map((r) => r.group?.['userId']);
    expect(new Set(groups)).toEqual(new Set(userIds));
    for (const r of res.results ?? []) {
      for (const bucket of r.data ?? []) {
        // Presence time covers the whole (past) day.
        const presence = (bucket.metrics ?? [])
          .filter((m) => m.metric === 'tSystemPresence')
          .reduce((s, m) => s + (m.stats?.sum ?? 0), 0);
        expect(presence).toBe(DAY);
      }
    }
    const occupancy = agentOccupancy(res);
    expect(occupancy.map((o) => o.userId).sort()).toEqual([...userIds].sort());
    for (const o of occupancy) {
      const interacting = sum(res, o.userId!, 'tAgentRoutingStatus', 'INTERACTING');
      const idle = sum(res, o.userId!, 'tAgentRoutingStatus', 'IDLE');
      expect(o.interactingMs).toBe(interacting);
      expect(o.onQueueMs).toBe(interacting + idle);
      expect(o.offQueueMs).toBe(sum(res, o.userId!, 'tAgentRoutingStatus', 'OFF_QUEUE'));
      if (interacting + idle > 0) expect(o.occupancy).toBeCloseTo(interacting / (interacting + idle), 12);
      else expect(o.occupancy).toBeUndefined();
    }
    expect(agentOccupancy(res, { perInterval: true }).length).toBeGreaterThan(occupancy.length);
  });

  it('agents who handled conversations show INTERACTING time that day', async () => {
    const { analytics } = await setup();
    const day = { from: new Date('2025-03-11T00:00:00.000Z'), to: new Date('2025-03-12T00:00:00.000Z') };
    const handled = aggregateStats(
      await analytics.aggregates.query({ interval: day, groupBy: ['userId'], metrics: ['tHandle'] }),
    ).filter((r) => r.group['userId'] && (r.count ?? 0) >= 3);
    const busy = [...new Set(handled.map((r) => r.group['userId']!))];
    expect(busy.length).toBeGreaterThan(0);
    const res = await analytics.userAggregates.query({
      interval: day,
      userIds: busy,
      metrics: ['tAgentRoutingStatus'],
    });
    for (const userId of busy) expect(sum(res, userId, 'tAgentRoutingStatus', 'INTERACTING')).toBeGreaterThan(0);
  });

  it('splits long intervals and long user lists, merging to the same answer as one query', async () => {
    const { emu, analytics } = await setup();
    const userIds = [...emu.state.users.values()]
      .filter((u) => u.state === 'active')
      .slice(0, 3)
      .map((u) => u.id);
    const query = {
      interval: { from: new Date('2025-03-01T00:00:00.000Z'), to: new Date('2025-03-11T00:00:00.000Z') },
      granularity: 'P1D',
      userIds,
      metrics: ['tAgentRoutingStatus'] as const,
    };
    const split = await analytics.userAggregates.query(query, { maxUsersPerQuery: 2 });
    expect(calls(emu, USER_AGGREGATES)).toBe(2 * 2);
    emu.state.analytics.maxIntervalDays = 10;
    const single = await analytics.userAggregates.query(query, { maxIntervalDays: 10 });
    expect(byGroup(split.results)).toEqual(byGroup(single.results));
  });

  it('validates metrics and user ids', async () => {
    const { emu, analytics } = await setup();
    const issues = async (query: unknown) =>
      ((await analytics.userAggregates.query(query as never).catch((e: unknown) => e)) as ValidationError).issues.map(
        (i) => i.path,
      );
    expect(await issues({ interval: TWO_DAYS, metrics: ['tAgentRoutingStatus', 'tHandle'] })).toEqual(['metrics[1]']);
    expect(await issues({ interval: TWO_DAYS, metrics: ['tSystemPresence'], userIds: ['u1', ''] })).toEqual([
      'userIds[1]',
    ]);
    expect(await issues({ interval: TWO_DAYS, granularity: '1 day', metrics: ['tSystemPresence'] })).toEqual([
      'granularity',
    ]);
    expect(calls(emu, USER_AGGREGATES)).toBe(0);
  });
});
