import { describe, expect, it } from 'vitest';
import { PermissionDeniedError, ValidationError } from '../../../src/errors/index.js';
import type { QueueObservationQueryResponse } from '../../../src/resources/schemas/analytics.js';
import { liveStatus } from '../../../src/testing/emulator/state/live-status.js';
import { clientFor } from '../../transport/helpers.js';
import { NOW, OBSERVATIONS, byGroup, calls, setup } from './helpers.js';

/** Sum of stats.count of `metric` for `queueId` over every result group (media types, qualifiers). */
function total(res: QueueObservationQueryResponse, queueId: string, metric: string): number {
  return (res.results ?? [])
    .filter((r) => r.group?.['queueId'] === queueId)
    .flatMap((r) => r.data ?? [])
    .filter((d) => d.metric === metric)
    .reduce((s, d) => s + (d.stats?.count ?? 0), 0);
}

describe('analytics.queueObservations / queueLoad', () => {
  it('answers per queue (user metrics) and per queue x media type (conversation metrics), matching the roster', async () => {
    const { emu, analytics, queueIds } = await setup();
    const res = await analytics.observations.query({
      queueIds,
      metrics: ['oWaiting', 'oInteracting', 'oMemberUsers', 'oActiveUsers', 'oOnQueueUsers'],
    });
    for (const queueId of queueIds) {
      const members = [...emu.state.membersOf(queueId).values()];
      const active = members.filter((m) => m.joined && emu.state.users.get(m.userId)?.state === 'active');
      // Live status: the agent's shift at the org clock, unless set since (state/live-status.ts).
      const onQueue = active.filter(
        (m) => liveStatus(emu.state, emu.state.users.get(m.userId)!).routingStatus.status !== 'OFF_QUEUE',
      );
      expect(total(res, queueId, 'oMemberUsers')).toBe(members.length);
      expect(total(res, queueId, 'oActiveUsers')).toBe(active.length);
      expect(total(res, queueId, 'oOnQueueUsers')).toBe(onQueue.length);
      const media = (res.results ?? [])
        .filter((r) => r.group?.['queueId'] === queueId && r.group['mediaType'])
        .map((r) => r.group!['mediaType']);
      expect(media.sort()).toEqual(['callback', 'chat', 'email', 'message', 'voice']);
    }
    expect(queueIds.reduce((s, q) => s + total(res, q, 'oInteracting'), 0)).toBeGreaterThan(0);
  });

  it('splits long queue lists into several queries and merges them into the same answer', async () => {
    const { emu, analytics, queueIds } = await setup();
    const query = {
      queueIds,
      metrics: ['oWaiting', 'oInteracting', 'oUserRoutingStatuses', 'oUserPresences'] as const,
    };
    const single = await analytics.observations.query(query);
    const split = await analytics.observations.query(query, { maxQueuesPerQuery: 1 });
    expect(calls(emu, OBSERVATIONS)).toBe(1 + queueIds.length);
    expect(byGroup(split.results)).toEqual(byGroup(single.results));
    expect(split.systemToOrganizationMappings).toEqual(single.systemToOrganizationMappings);
    // oUserPresences qualifiers are organization presence ids that the mappings know.
    const known = new Set(Object.values(single.systemToOrganizationMappings ?? {}).flat());
    const qualifiers = (single.results ?? [])
      .flatMap((r) => r.data ?? [])
      .filter((d) => d.metric === 'oUserPresences')
      .map((d) => d.qualifier);
    expect(qualifiers.length).toBeGreaterThan(0);
    for (const q of qualifiers) expect(known.has(q!)).toBe(true);
  });

  it('restricts conversation metrics to the requested media types and returns detail observations', async () => {
    const { emu, analytics, queueIds } = await setup();
    const res = await analytics.observations.query({
      queueIds,
      metrics: ['oInteracting'],
      mediaTypes: ['voice', 'chat'],
      detailMetrics: ['oInteracting'],
    });
    const media = new Set((res.results ?? []).map((r) => r.group?.['mediaType']));
    expect(media).toEqual(new Set(['voice', 'chat']));
    for (const r of res.results ?? []) {
      for (const d of r.data ?? []) {
        expect(d.observations).toHaveLength(d.stats?.count ?? -1);
        for (const o of d.observations ?? []) {
          expect(Date.parse(o.observationDate!)).toBeLessThanOrEqual(NOW.getTime());
          expect(emu.state.membersOf(r.group!['queueId']!).has(o.userId!)).toBe(true);
        }
      }
    }
  });

  it('queueLoad sums the observations per queue', async () => {
    const { analytics, queueIds } = await setup();
    const metrics = [
      'oWaiting',
      'oAlerting',
      'oInteracting',
      'oOnQueueUsers',
      'oOffQueueUsers',
      'oActiveUsers',
      'oMemberUsers',
    ] as const;
    const raw = await analytics.observations.query({ queueIds, metrics: [...metrics] });
    const load = await analytics.observations.queueLoad(queueIds);
    expect(load.map((l) => l.queueId)).toEqual(queueIds);
    for (const l of load) {
      expect(l.waiting).toBe(total(raw, l.queueId, 'oWaiting'));
      expect(l.alerting).toBe(total(raw, l.queueId, 'oAlerting'));
      expect(l.interacting).toBe(total(raw, l.queueId, 'oInteracting'));
      expect(l.onQueueUsers).toBe(total(raw, l.queueId, 'oOnQueueUsers'));
      expect(l.offQueueUsers + l.onQueueUsers).toBe(l.activeUsers);
      expect(l.memberUsers).toBe(total(raw, l.queueId, 'oMemberUsers'));
      expect(Object.values(l.onQueueByStatus).reduce((a, b) => a + b, 0)).toBe(l.onQueueUsers);
      expect(Object.values(l.byMediaType).reduce((a, m) => a + m.interacting, 0)).toBe(l.interacting);
      if (l.waiting > 0) expect(Date.parse(l.longestWaitingSince!)).toBeLessThanOrEqual(NOW.getTime());
    }
  });

  it('validates queue ids, metric names and media types before sending', async () => {
    const { emu, analytics, queueIds } = await setup();
    const issues = async (query: unknown, options?: object) =>
      (
        (await analytics.observations.query(query as never, options).catch((e: unknown) => e)) as ValidationError
      ).issues.map((i) => i.path);
    expect(await issues({ queueIds: [], metrics: ['oWaiting'] })).toEqual(['queueIds']);
    expect(await issues({ queueIds: [queueIds[0], ''], metrics: ['oWaiting'] })).toEqual(['queueIds[1]']);
    expect(await issues({ queueIds, metrics: ['oWaiting', 'nOffered'] })).toEqual(['metrics[1]']);
    expect(await issues({ queueIds, metrics: ['oWaiting'], detailMetrics: ['oLongestWaiting'] })).toEqual([
      'detailMetrics[0]',
    ]);
    expect(await issues({ queueIds, metrics: ['oWaiting'], mediaTypes: ['call'] })).toEqual(['mediaTypes[0]']);
    expect(await issues({ queueIds, metrics: ['oWaiting'] }, { maxQueuesPerQuery: 0 })).toEqual(['maxQueuesPerQuery']);
    await expect(analytics.observations.query({ queueIds, metrics: ['oWaiting'] })).resolves.toBeTruthy();
    expect(calls(emu, OBSERVATIONS)).toBe(1);
  });

  it('needs analytics:queueObservation:view', async () => {
    const { emu, queueIds } = await setup({
      clients: [{ clientId: 'routing-only', clientSecret: 's', permissions: ['routing:*:*'] }],
    });
    const client = clientFor(emu, { clientId: 'routing-only', clientSecret: 's' });
    const error = await client.analytics.observations
      .query({ queueIds, metrics: ['oWaiting'] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PermissionDeniedError);
    expect((error as Error).message).toMatch(/analytics:queueObservation:view/);
  });
});
