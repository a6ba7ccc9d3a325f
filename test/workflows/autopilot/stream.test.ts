// The autopilot's notification-stream source over a real WebSocket to the live emulator (manual clock): what it
// subscribes to, events -> picture (the picture equals the observations query at the same instant), who is on
// queue, and the fallback to the aggregates query when the stream is down or cannot open. Whole autopilot
// decisions on the stream are in autopilot-stream-loop.scenario.test.ts.
import { describe, expect, it } from 'vitest';
import { analyticsSource, streamSource, type StreamSource } from '../../../src/workflows/autopilot/index.js';
import { ANCHOR, liveDay, manualClock, request, until } from './stream-fixture.js';

describe('streamSource', () => {
  it('subscribes to every queue observation and agent presence and routing-status topic, on one channel within the limits', async () => {
    const { emu, client, queueIds, userIds } = await liveDay();
    const source = streamSource(client, { clock: { now: () => emu.live!.now(), sleep: async () => undefined } });
    await source.start!({ queueIds, userIds });
    const channels = emu.notifications.channels();
    expect(channels).toHaveLength(1);
    expect(new Set(channels[0]!.topics)).toEqual(
      new Set([
        ...queueIds.map((q) => `v2.analytics.queues.${q}.observations`),
        ...userIds.map((u) => `v2.users.${u}.presence`),
        ...userIds.map((u) => `v2.users.${u}.routingStatus`),
      ]),
    );
    expect(channels[0]!.topics.length).toBeLessThanOrEqual(1_000);
    expect(source.status!()).toEqual({
      kind: 'stream',
      topics: queueIds.length + 2 * userIds.length,
      channels: 1,
      agents: { available: 0, busy: 0, away: 0 }, // no word on anyone before the first event or seed
    });
    await source.close!();
  });

  it('splits topics at 1,000 per channel and leaves agents beyond its channel budget unwatched (said in status)', async () => {
    const { emu, client, queueIds } = await liveDay();
    const many = Array.from({ length: 1_500 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`);
    const source = streamSource(client, {
      maxChannels: 1,
      clock: { now: () => emu.live!.now(), sleep: async () => {} },
    });
    await source.start!({ queueIds, userIds: many });
    // Two topics per agent (presence and routing status), whole agents only, queues first.
    const fitOne = Math.floor((1_000 - queueIds.length) / 2);
    expect(source.subscriptions).toHaveLength(1);
    expect(source.subscriptions[0]).toHaveLength(queueIds.length + 2 * fitOne);
    expect(source.status!()).toMatchObject({ kind: 'stream', channels: 1, unwatchedAgents: 1_500 - fitOne });
    const watched = source.subscriptions.flat().filter((t) => t.startsWith('v2.users.'));
    for (const u of many.slice(0, fitOne))
      expect([watched.includes(`v2.users.${u}.presence`), watched.includes(`v2.users.${u}.routingStatus`)]).toEqual([
        true,
        true,
      ]);
    await source.close!();
    const two = streamSource(client, { maxChannels: 2, clock: { now: () => emu.live!.now(), sleep: async () => {} } });
    await two.start!({ queueIds, userIds: many });
    const fitTwo = Math.floor((2_000 - queueIds.length) / 2);
    const total = queueIds.length + 2 * fitTwo;
    expect(two.subscriptions.map((l) => l.length)).toEqual([1_000, total - 1_000]);
    expect(two.status!()).toMatchObject({ channels: 2, unwatchedAgents: 1_500 - fitTwo });
    expect(emu.notifications.channels().filter((c) => c.connected)).toHaveLength(2);
    await two.close!();
  });

  it('keeps a live picture equal to the observations query at the same instant, and who is on queue', async () => {
    const { emu, client, queueIds, userIds, surgeQueue } = await liveDay();
    const box: { source?: StreamSource } = {};
    const clock = manualClock(emu, box);
    const source = (box.source = streamSource(client, { clock }));
    await source.start!({ queueIds, userIds });
    await source.read(request(ANCHOR, clock.now(), queueIds)); // seeds the picture from the query
    const seenOnQueue = new Set<string>();
    const states = new Set<string>();
    for (let minute = 0; minute < 45; minute++) {
      await clock.sleep(60_000);
      const loads = await client.analytics.observations.queueLoad(queueIds);
      for (const load of loads) {
        const live = source.live!(load.queueId)!;
        expect({ q: load.queueId, waiting: live.waiting, interacting: live.interacting }).toEqual({
          q: load.queueId,
          waiting: load.waiting,
          interacting: load.interacting,
        });
        const since = load.longestWaitingSince ? Date.parse(load.longestWaitingSince) : undefined;
        expect(live.oldestWaitingSince).toBe(since);
      }
      const members = [...emu.state.membersOf(surgeQueue).values()].filter((m) => m.joined).map((m) => m.userId);
      const onQueue = source.onQueue!(members, new Set());
      for (const id of onQueue) seenOnQueue.add(id);
      // Routing status: every other agent the stream heard about is where the emulator has them (busy on a call,
      // available when idle, away off queue).
      for (const id of userIds) {
        const state = source.picture.agent(id);
        if (state === undefined || members.includes(id)) continue; // the members' picture was seeded (nobody) above
        const status = emu.state.users.get(id)!.routingStatus.status;
        const want =
          status === 'INTERACTING' || status === 'COMMUNICATING' ? 'busy' : status === 'IDLE' ? 'available' : 'away';
        expect({ id, state }).toEqual({ id, state: want });
        states.add(state);
      }
    }
    expect(states).toEqual(new Set(['available', 'busy', 'away']));
    // Presence events only (the seed said nobody): the agents on shift came on queue through the stream.
    expect(seenOnQueue.size).toBeGreaterThan(0);
    expect(source.messages).toBe(emu.live!.counters().published);
    const observed = await source.read(request(ANCHOR, clock.now(), queueIds));
    expect(observed[surgeQueue]!.live).toEqual(source.live!(surgeQueue));
    expect(observed[surgeQueue]!.offered.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    await source.close!();
  });

  it('applies hand-made observation and presence messages (several media types, the oldest wait, off queue)', async () => {
    const { emu, client, queueIds, userIds } = await liveDay();
    const source = streamSource(client, { clock: { now: () => emu.live!.now(), sleep: async () => {} } });
    await source.start!({ queueIds, userIds });
    const q = queueIds[0]!;
    const topic = `v2.analytics.queues.${q}.observations`;
    const t = emu.live!.now() - 90_000;
    emu.notifications.publish(topic, {
      group: { queueId: q, mediaType: 'voice' },
      data: [
        { metric: 'oWaiting', stats: { count: 2 } },
        { metric: 'oInteracting', stats: { count: 5 } },
        {
          metric: 'oLongestWaiting',
          stats: { count: 1, max: 90_000 },
          observations: [{ observationDate: new Date(t).toISOString() }],
        },
      ],
    });
    emu.notifications.publish(topic, {
      group: { queueId: q, mediaType: 'callback' },
      data: [{ metric: 'oWaiting', stats: { count: 1 } }],
    });
    emu.notifications.publish(topic, {
      group: { queueId: q },
      data: [
        { metric: 'oOnQueueUsers', qualifier: 'IDLE', stats: { count: 3 } },
        { metric: 'oOnQueueUsers', qualifier: 'INTERACTING', stats: { count: 5 } },
      ],
    });
    const user = userIds[0]!;
    emu.notifications.publish(`v2.users.${user}.presence`, { presenceDefinition: { systemPresence: 'Break' } });
    await until(() => source.messages === 4, 'four messages');
    expect(source.picture.queue(q)).toMatchObject({
      waiting: 3,
      interacting: 5,
      onQueueUsers: 8,
      oldestWaitingSince: t,
    });
    expect(source.onQueue!([user], new Set([user]))).toEqual(new Set()); // the stream says Break: not on queue
    emu.notifications.publish(`v2.users.${user}.presence`, { presenceDefinition: { systemPresence: 'ON_QUEUE' } });
    await until(() => source.messages === 5, 'the presence message');
    expect(source.onQueue!([user], new Set())).toEqual(new Set([user]));
    // Routing status: on queue by presence but NOT_RESPONDING (or OFF_QUEUE) takes no call; INTERACTING is busy.
    const status = (s: string) =>
      emu.notifications.publish(`v2.users.${user}.routingStatus`, { id: user, routingStatus: { status: s } });
    status('NOT_RESPONDING');
    await until(() => source.messages === 6, 'the routing-status message');
    expect(source.picture.agent(user)).toBe('away');
    expect(source.onQueue!([user], new Set([user]))).toEqual(new Set());
    status('INTERACTING');
    await until(() => source.messages === 7, 'the routing-status message');
    expect(source.picture.agent(user)).toBe('busy');
    expect(source.onQueue!([user], new Set())).toEqual(new Set([user]));
    status('IDLE');
    await until(() => source.messages === 8, 'the routing-status message');
    expect(source.picture.agent(user)).toBe('available');
    expect(source.status!()).toMatchObject({ agents: { available: 1, busy: 0, away: 0 } });
    status('OFF_QUEUE');
    await until(() => source.messages === 9, 'the routing-status message');
    expect(source.onQueue!([user], new Set([user]))).toEqual(new Set());
    await source.close!();
  });

  it('falls back to the aggregates query while the stream is down, and re-seeds the picture when it is back', async () => {
    const { emu, client, queueIds, userIds } = await liveDay();
    const box: { source?: StreamSource } = {};
    const clock = manualClock(emu, box);
    const source = (box.source = streamSource(client, { clock, reconnect: { baseMs: 200, maxMs: 200 } }));
    await source.start!({ queueIds, userIds });
    await clock.sleep(20 * 60_000);
    emu.notifications.dropConnections();
    await until(() => source.status!().kind === 'aggregates', 'the stream to go down');
    expect(source.status!().fallback).toMatch(/reconnecting/);
    const down = await source.read(request(ANCHOR, clock.now(), queueIds));
    expect(Object.values(down).every((o) => o.live === undefined)).toBe(true);
    expect(source.live!(queueIds[0]!)).toBeUndefined();
    // Events missed while down: the calls moved on (the simulation runs with nobody listening).
    await emu.live!.advance(10 * 60_000);
    await until(() => source.status!().kind === 'stream', 'the stream to come back');
    const back = await source.read(request(ANCHOR, clock.now(), queueIds));
    const loads = await client.analytics.observations.queueLoad(queueIds);
    for (const l of loads)
      expect(back[l.queueId]!.live).toMatchObject({ waiting: l.waiting, interacting: l.interacting });
    await source.close!();
  });

  it('reports why when no stream opens', async () => {
    const { emu, client, queueIds, userIds } = await liveDay({
      WebSocket: class {
        constructor() {
          throw new Error('sockets are blocked here');
        }
      },
    });
    const source = streamSource(client, {
      reconnect: false,
      clock: { now: () => emu.live!.now(), sleep: async () => {} },
    });
    await source.start!({ queueIds, userIds });
    expect(source.status!()).toMatchObject({ kind: 'aggregates' });
    expect(source.status!().fallback).toMatch(/could not open the notification stream/);
    const observed = await source.read(request(ANCHOR, emu.live!.now(), queueIds));
    expect(Object.keys(observed).sort()).toEqual(queueIds);
  });
});

describe('analyticsSource', () => {
  it("reads each interval's offered calls and service level over every media type, the current one partial", async () => {
    const { emu, client, surgeQueue } = await liveDay();
    await emu.live!.advance(40 * 60_000); // 10 minutes into the surge's second 15-minute interval
    const from = new Date(ANCHOR);
    const to = new Date(emu.live!.now());
    const seen = await analyticsSource(client).read({ from, to, intervalMinutes: 15, queueIds: [surgeQueue] });
    const q = seen[surgeQueue]!;
    const stats = emu.live!.queueStats(surgeQueue, { from: ANCHOR, to: ANCHOR + 45 * 60_000, intervalMinutes: 15 });
    // The live emulator's own counts, every media type: the aggregates give one row per media type and bucket.
    expect(q.offered).toEqual(stats.map((s) => s.offered));
    stats.forEach((s, i) => {
      const calls = s.answered + s.abandoned;
      expect(q.serviceLevel[i] ?? null).toEqual(calls > 0 ? expect.closeTo(s.answeredWithin / calls, 9) : null);
    });
  });

  it('counts the current interval up to `to`, not the calls that arrive while the read is under way', async () => {
    const { emu, client, surgeQueue } = await liveDay();
    await emu.live!.advance(40 * 60_000);
    const to = ANCHOR + 35 * 60_000; // a read due 5 minutes ago, answered now
    const seen = await analyticsSource(client).read({
      from: new Date(ANCHOR),
      to: new Date(to),
      intervalMinutes: 15,
      queueIds: [surgeQueue],
    });
    const upToDue = emu.live!.queueStats(surgeQueue, { from: ANCHOR, to, intervalMinutes: 15 });
    const upToNow = emu.live!.queueStats(surgeQueue, { from: ANCHOR, to: ANCHOR + 45 * 60_000, intervalMinutes: 15 });
    expect(seen[surgeQueue]!.offered).toEqual(upToDue.map((s) => s.offered));
    upToDue.forEach((s, i) => {
      const calls = s.answered + s.abandoned;
      expect(seen[surgeQueue]!.serviceLevel[i] ?? null).toEqual(
        calls > 0 ? expect.closeTo(s.answeredWithin / calls, 9) : null,
      );
    });
    expect(upToNow[2]!.offered).toBeGreaterThan(upToDue[2]!.offered); // calls came in between due time and now
  });
});
