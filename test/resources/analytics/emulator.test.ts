// The emulator's analytics endpoints themselves: determinism, 400s naming fields, permissions, roster effects.
import { describe, expect, it } from 'vitest';
import { BadRequestError, PermissionDeniedError, type GenesysErrorBody } from '../../../src/errors/index.js';
import { anyOfFilter } from '../../../src/resources/analytics/index.js';
import { clientFor } from '../../transport/helpers.js';
import { NOW, setup } from './helpers.js';

const INTERVAL = '2025-03-03T00:00:00.000Z/2025-03-04T00:00:00.000Z';

describe('emulator: analytics endpoints', () => {
  it('the synthetic stream is a pure function of seed and roster', async () => {
    const [a, b, c] = await Promise.all([setup({ seed: 5 }), setup({ seed: 5 }), setup({ seed: 6 })]);
    const query = {
      interval: INTERVAL,
      granularity: 'PT1H',
      groupBy: ['queueId', 'wrapUpCode'] as const,
      metrics: ['nOffered', 'tHandle', 'tAcw'] as const,
    };
    const [ra, rb, rc] = await Promise.all([a, b, c].map((s) => s.analytics.aggregates.query(query)));
    expect(ra).toEqual(rb);
    expect(ra).not.toEqual(rc);
    const [da, db] = await Promise.all(
      [a, b].map((s) => s.analytics.details.query({ interval: INTERVAL }, { pageSize: 5 }).first()),
    );
    expect(da).toEqual(db);
    // Asking twice gives the same answer (nothing is stored, everything is regenerated or cached).
    expect(await a.analytics.aggregates.query(query)).toEqual(ra);
  });

  it('answers 400 naming the field for bad bodies', async () => {
    const { client, queueIds } = await setup();
    const post = async (path: string, body: unknown) => {
      const error = await client.request({ method: 'POST', path, body }, { maxRetries: 0 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(BadRequestError);
      return ((error as BadRequestError).body as GenesysErrorBody).details?.map((d) => d.fieldName);
    };
    const aggregates = '/api/v2/analytics/conversations/aggregates/query';
    expect(await post(aggregates, { metrics: ['nOffered'] })).toEqual(['interval']);
    expect(await post(aggregates, { interval: INTERVAL })).toEqual(['metrics']);
    expect(await post(aggregates, { interval: INTERVAL, metrics: ['nOffered', 'oops'] })).toEqual(['metrics[1]']);
    expect(await post(aggregates, { interval: INTERVAL, granularity: 'hourly', metrics: ['nOffered'] })).toEqual([
      'granularity',
    ]);
    expect(await post(aggregates, { interval: INTERVAL, timeZone: 'Nowhere/City', metrics: ['nOffered'] })).toEqual([
      'timeZone',
    ]);
    expect(await post(aggregates, { interval: INTERVAL, groupBy: ['skill'], metrics: ['nOffered'] })).toEqual([
      'groupBy[0]',
    ]);
    expect(
      await post(aggregates, { interval: '2025-03-04T00:00:00Z/2025-03-03T00:00:00Z', metrics: ['nOffered'] }),
    ).toEqual(['interval']);
    const observations = '/api/v2/analytics/queues/observations/query';
    expect(await post(observations, { metrics: ['oWaiting'] })).toEqual(['filter']);
    expect(
      await post(observations, {
        filter: { type: 'or', predicates: [{ dimension: 'userId', value: 'u' }] },
        metrics: ['oWaiting'],
      }),
    ).toContain('filter.predicates[0].dimension');
    const details = '/api/v2/analytics/conversations/details/query';
    expect(await post(details, { interval: INTERVAL, paging: { pageSize: 101, pageNumber: 1 } })).toEqual([
      'paging.pageSize',
    ]);
    expect(
      await post(details, {
        interval: INTERVAL,
        segmentFilters: [{ type: 'or', predicates: [{ dimension: 'flavour', value: 'x' }] }],
      }),
    ).toEqual(['segmentFilters[0].predicates[0].dimension']);
    expect(
      await post('/api/v2/analytics/users/aggregates/query', {
        interval: INTERVAL,
        metrics: ['tAgentRoutingStatus'],
        groupBy: ['queueId'],
      }),
    ).toEqual(['groupBy[0]']);
    expect(
      await post('/api/v2/analytics/conversations/details/jobs', {
        interval: '2025-01-01T00:00:00Z/2025-03-01T00:00:00Z',
      }),
    ).toEqual(['interval']);
    expect(queueIds.length).toBeGreaterThan(0);
  });

  it('enforces its queues-per-observation-query limit (an SDK told a larger chunk size gets a 400)', async () => {
    const { emu, analytics, queueIds } = await setup();
    emu.state.analytics.maxObservationQueues = 2;
    await expect(analytics.observations.query({ queueIds, metrics: ['oWaiting'] })).rejects.toThrow(/at most 2 queues/);
    const ok = await analytics.observations.query({ queueIds, metrics: ['oWaiting'] }, { maxQueuesPerQuery: 2 });
    expect(new Set((ok.results ?? []).map((r) => r.group?.['queueId']))).toEqual(new Set(queueIds));
  });

  it('checks the analytics permissions of each route', async () => {
    const { emu } = await setup({
      clients: [{ clientId: 'observer', clientSecret: 's', permissions: ['analytics:queueObservation:view'] }],
    });
    const analytics = clientFor(emu, { clientId: 'observer', clientSecret: 's' }).analytics;
    const day = { from: new Date('2025-03-03T00:00:00Z'), to: new Date('2025-03-04T00:00:00Z') };
    await expect(
      analytics.observations.query({ queueIds: [...emu.state.queues.keys()], metrics: ['oWaiting'] }),
    ).resolves.toBeTruthy();
    await expect(analytics.aggregates.query({ interval: day, metrics: ['nOffered'] })).rejects.toThrow(
      PermissionDeniedError,
    );
    await expect(analytics.details.query({ interval: day }).first()).rejects.toThrow(
      /analytics:conversationDetail:view/,
    );
    await expect(analytics.detailsJobs.availability()).rejects.toThrow(PermissionDeniedError);
    await expect(analytics.userAggregates.query({ interval: day, metrics: ['tAgentRoutingStatus'] })).rejects.toThrow(
      /analytics:userAggregate:view/,
    );
    await expect(analytics.users.observations({ userIds: [...emu.state.users.keys()].slice(0, 1) })).rejects.toThrow(
      /analytics:userObservation:view/,
    );
    const routes = emu.routes().filter((r) => r.path.startsWith('/api/v2/analytics/'));
    expect(routes).toHaveLength(10);
  });

  it('the roster drives outcomes: a queue without joined agents abandons everything; trafficScale 0 means no traffic', async () => {
    const { emu, analytics, queueIds } = await setup();
    const queueId = queueIds[3]!;
    for (const member of emu.state.membersOf(queueId).values()) member.joined = false;
    const day = { from: new Date('2025-03-03T00:00:00Z'), to: new Date('2025-03-04T00:00:00Z') };
    const res = await analytics.aggregates.query({
      interval: day,
      filter: anyOfFilter('queueId', [queueId]),
      metrics: ['nOffered', 'nConnected', 'tAbandon'],
    });
    const names = (res.results ?? []).flatMap((r) => r.data ?? []).flatMap((d) => d.metrics ?? []);
    const count = (metric: string) =>
      names.filter((m) => m.metric === metric).reduce((s, m) => s + (m.stats?.count ?? 0), 0);
    expect(count('nOffered')).toBeGreaterThan(0);
    expect(count('nConnected')).toBe(0);
    expect(count('tAbandon')).toBe(count('nOffered'));
    emu.state.analytics.trafficScale = 0;
    expect(await analytics.aggregates.query({ interval: day, metrics: ['nOffered'] })).toEqual({});
    expect(await analytics.details.query({ interval: day }).toArray()).toEqual([]);
    expect(NOW.getTime()).toBeGreaterThan(day.to.getTime());
  });
});
