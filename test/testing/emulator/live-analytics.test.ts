// What the live day shows the outside: the observations and aggregates queries answer from its calls, and its
// status changes and queue counts arrive on the notification WebSocket. Also its clocks and option checks.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';
import { shiftsBetween } from '../../../src/testing/emulator/state/shifts.js';
import { api, getToken } from './helpers.js';

const MIN = 60_000;
const DAY = '2026-11-24';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

/** The surge day: the surge queue has calls waiting, so every metric has something to count. */
async function surgeDay(): Promise<Emulator> {
  const emu = await startEmulator({
    seed: 7,
    scenario: 'surge',
    anchor: `${DAY}T11:00:00Z`,
    surge: { factor: 2, from: `${DAY}T11:00:00Z` },
    live: { clock: 'manual' },
    rateLimit: false,
  });
  running.push(emu);
  return emu;
}

interface Observation {
  group: { queueId: string; mediaType?: string };
  data: Array<{ metric: string; qualifier?: string; stats: { count: number } }>;
}

const count = (results: Observation[], metric: string, qualifier?: string) =>
  results
    .flatMap((r) => r.data)
    .filter((d) => d.metric === metric && (qualifier === undefined || d.qualifier === qualifier))
    .reduce((s, d) => s + d.stats.count, 0);

describe('live emulator: analytics answer from the live calls', () => {
  it('queue observations count the calls waiting and talking now, and the agents on queue', async () => {
    const emu = await surgeDay();
    const queueId = emu.state.scenario.surge!.queueId;
    await emu.live!.advance(80 * MIN);
    const now = emu.live!.now();
    const calls = emu.live!.calls({ queueId });
    const waiting = calls.filter((c) => c.status === 'waiting').length;
    const talking = calls.filter((c) => c.status === 'answered' && c.talkEnd! > now).length;
    expect(waiting).toBeGreaterThan(0);
    const res = await api<{ results: Observation[] }>(
      emu,
      await getToken(emu),
      '/api/v2/analytics/queues/observations/query',
      {
        method: 'POST',
        json: {
          filter: { type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] },
          metrics: ['oWaiting', 'oInteracting', 'oOnQueueUsers'],
        },
      },
    );
    expect(res.status).toBe(200);
    expect(count(res.body.results, 'oWaiting')).toBe(waiting);
    expect(count(res.body.results, 'oInteracting')).toBe(talking);
    // Every member on a call is INTERACTING (talk or after-call work); waiting calls mean nobody eligible is IDLE.
    const busy = new Set(calls.filter((c) => c.status === 'answered' && c.freeAt! > now).map((c) => c.userId));
    expect(count(res.body.results, 'oOnQueueUsers', 'INTERACTING')).toBeGreaterThanOrEqual(busy.size);
  });

  it('conversation aggregates of the live intervals match what happened (offered, answered, abandoned, service level)', async () => {
    const emu = await surgeDay();
    const queueId = emu.state.scenario.surge!.queueId;
    await emu.live!.advance(2 * 60 * MIN);
    const from = emu.live!.startedAt;
    const to = from + 2 * 60 * MIN;
    const res = await api<{
      results: Array<{
        data: Array<{ interval: string; metrics: Array<{ metric: string; stats: Record<string, number> }> }>;
      }>;
    }>(emu, await getToken(emu), '/api/v2/analytics/conversations/aggregates/query', {
      method: 'POST',
      json: {
        interval: `${new Date(from).toISOString()}/${new Date(to).toISOString()}`,
        granularity: 'PT30M',
        filter: { type: 'and', predicates: [{ dimension: 'queueId', value: queueId }] },
        metrics: ['nOffered', 'tAnswered', 'tAbandon', 'oServiceLevel'],
      },
    });
    expect(res.status).toBe(200);
    const stats = emu.live!.queueStats(queueId, { from, to, intervalMinutes: 30 });
    const byInterval = new Map<number, Map<string, Record<string, number>>>();
    for (const result of res.body.results)
      for (const d of result.data) {
        const start = Date.parse(d.interval.split('/')[0]!);
        const metrics = byInterval.get(start) ?? new Map<string, Record<string, number>>();
        // Groups are per media type: sum them.
        for (const m of d.metrics) {
          const acc = metrics.get(m.metric) ?? {};
          for (const [k, v] of Object.entries(m.stats)) if (k !== 'ratio' && k !== 'target') acc[k] = (acc[k] ?? 0) + v;
          metrics.set(m.metric, acc);
        }
        byInterval.set(start, metrics);
      }
    expect(stats.reduce((s, x) => s + x.abandoned, 0)).toBeGreaterThan(0);
    for (const s of stats) {
      const m = byInterval.get(s.start)!;
      expect(m.get('nOffered')?.['count']).toBe(s.offered);
      expect(m.get('tAnswered')?.['count'] ?? 0).toBe(s.answered);
      expect(m.get('tAbandon')?.['count'] ?? 0).toBe(s.abandoned);
      expect(m.get('oServiceLevel')?.['numerator']).toBe(s.answeredWithin);
      expect(m.get('oServiceLevel')?.['denominator']).toBe(s.answered + s.abandoned);
    }
  });
});

describe('live emulator: notifications', () => {
  it('publishes presence, routing status and queue observations on the real topics', async () => {
    const emu = await surgeDay();
    const token = await getToken(emu);
    const queueId = emu.state.scenario.surge!.queueId;
    const start = emu.live!.startedAt;
    // An agent of the surge queue (joined, holding its skill) whose shift starts an hour into the live day.
    const skillId = emu.state.queueSkill.get(queueId)!;
    const userId = [...emu.state.membersOf(queueId).values()]
      .filter((m) => m.joined && emu.state.userSkills.get(m.userId)?.has(skillId))
      .map((m) => m.userId)
      .sort()
      .find((id) =>
        shiftsBetween(emu.state.seed, id, start, start + 61 * MIN).some((s) => s.start === start + 60 * MIN),
      )!;
    expect(userId).toBeDefined();
    const channel = await api<{ id: string; connectUri: string }>(emu, token, '/api/v2/notifications/channels', {
      method: 'POST',
    });
    const topics = [
      `v2.analytics.queues.${queueId}.observations`,
      `v2.users.${userId}.presence`,
      `v2.users.${userId}.routingStatus`,
    ];
    const sub = await api(emu, token, `/api/v2/notifications/channels/${channel.body.id}/subscriptions`, {
      method: 'PUT',
      json: topics.map((id) => ({ id })),
    });
    expect(sub.status).toBe(200);
    const messages: Array<{ topicName: string; eventBody: Record<string, unknown> }> = [];
    const ws = new WebSocket(channel.body.connectUri);
    ws.on('message', (data) => messages.push(JSON.parse(String(data))));
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));

    await emu.live!.advance(90 * MIN);
    // Everything was sent during advance(); wait until the socket has delivered every message the emulator counted
    // (a busy machine delays delivery), then until it goes quiet.
    const deadline = Date.now() + 15_000;
    while (messages.length < emu.live!.counters().published && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    for (let seen = -1; seen !== messages.length && Date.now() < deadline;) {
      seen = messages.length;
      await new Promise((r) => setTimeout(r, 100));
    }
    ws.close();
    const of = (topic: string) => messages.filter((m) => m.topicName === topic);

    const presence = of(topics[1]!).map((m) => m.eventBody as { presenceDefinition: { systemPresence: string } });
    expect(presence.map((p) => p.presenceDefinition.systemPresence)).toContain('On Queue');
    const statuses = of(topics[2]!).map(
      (m) => (m.eventBody as { routingStatus: { status: string } }).routingStatus.status,
    );
    expect(statuses[0]).toBe('IDLE'); // on queue at the shift start...
    expect(statuses).toContain('INTERACTING'); // ...then on calls
    const observations = of(topics[0]!).map((m) => m.eventBody as unknown as Observation);
    expect(observations.length).toBeGreaterThan(10);
    expect(observations.every((o) => o.group.queueId === queueId)).toBe(true);
    const waits = observations.filter((o) => o.group.mediaType === 'voice').map((o) => count([o], 'oWaiting'));
    expect(Math.max(...waits)).toBeGreaterThan(0);
    // The count covers every event sent to the channel: the live day's and the routing-status events.
    expect(emu.live!.counters().published).toBe(presence.length + observations.length + statuses.length);
  });
});

describe('live emulator: clocks and options', () => {
  it('the real clock runs at speed x real time; advance() is for the manual clock', async () => {
    const emu = await startEmulator({ seed: 7, anchor: `${DAY}T12:00:00Z`, live: { speed: 3_600 } });
    running.push(emu);
    const realStart = performance.now();
    // Ten simulated minutes take 1/6 s of real time; wait for them (the machine may be busy).
    while (emu.live!.now() - emu.live!.startedAt < 10 * MIN && performance.now() - realStart < 3_000)
      await new Promise((r) => setTimeout(r, 20));
    const simulated = emu.live!.now() - emu.live!.startedAt;
    const elapsed = performance.now() - realStart;
    expect(simulated).toBeGreaterThanOrEqual(10 * MIN);
    expect(simulated).toBeLessThanOrEqual(Math.ceil((elapsed + 50) * 3_600)); // its clock started just before ours
    expect(emu.now().getTime()).toBe(emu.live!.now());
    expect(emu.live!.counters().calls).toBeGreaterThan(0);
    await expect(emu.live!.advance(MIN)).rejects.toThrow(/clock: 'manual'/);
  });

  it('pause() holds the real clock, resume() runs it on without the time held; both refuse the manual clock', async () => {
    const emu = await startEmulator({ seed: 7, anchor: `${DAY}T12:00:00Z`, live: { speed: 3_600 } });
    running.push(emu);
    emu.live!.pause();
    emu.live!.pause(); // held already: nothing more
    const held = emu.live!.now();
    // 100 ms of real time would be six simulated minutes.
    await new Promise((r) => setTimeout(r, 100));
    expect(emu.live!.now()).toBe(held);
    const resumedAt = performance.now();
    emu.live!.resume();
    emu.live!.resume(); // running already: nothing more
    while (emu.live!.now() - held < MIN && performance.now() - resumedAt < 3_000)
      await new Promise((r) => setTimeout(r, 20));
    const since = emu.live!.now() - held;
    expect(since).toBeGreaterThanOrEqual(MIN);
    // Only the time since resume() counts (+50 ms for the tick that may be running late).
    expect(since).toBeLessThanOrEqual(Math.ceil((performance.now() - resumedAt + 50) * 3_600));
    const manual = await startEmulator({ seed: 7, anchor: `${DAY}T12:00:00Z`, live: { clock: 'manual' } });
    running.push(manual);
    expect(() => manual.live!.pause()).toThrow(/emu.live.pause: the live clock is 'manual'/);
    expect(() => manual.live!.resume()).toThrow(/emu.live.resume: the live clock is 'manual'/);
  });

  it('bad live and surge options fail naming the option', async () => {
    await expect(startEmulator({ live: { clock: 'fast' as 'real' } })).rejects.toThrow(/"live.clock"/);
    await expect(startEmulator({ live: { speed: 0 } })).rejects.toThrow(/"live.speed"/);
    await expect(startEmulator({ live: { pace: 2 } as never })).rejects.toThrow(/options.live.pace: unknown key/);
    await expect(startEmulator({ surge: { factor: 2 } })).rejects.toThrow(/"surge"/);
    await expect(startEmulator({ scenario: 'surge', surge: { from: 'soon' } })).rejects.toThrow(/"surge.from"/);
    const emu = await startEmulator({ seed: 7, anchor: `${DAY}T12:00:00Z`, live: { clock: 'manual' } });
    running.push(emu);
    const queueId = [...emu.state.queues.keys()][0]!;
    await expect(emu.live!.advance(-1)).rejects.toThrow(/"ms"/);
    expect(() => emu.live!.queueStats('nope', { from: 0, to: 1 })).toThrow(/"queueId"/);
    expect(() => emu.live!.queueStats(queueId, { from: 0, to: 1, intervalMinutes: 0 })).toThrow(/"intervalMinutes"/);
    expect(() => emu.live!.queueStats(queueId, { from: Number.NaN, to: 1 })).toThrow(/"from"/);
  });
});
