// The emulator's agents work seeded shifts: deterministic per seed; only agents on queue answer; no calls at
// night; live routing status / presence follow the rota unless set since; status history matches the rota.
import { describe, expect, it } from 'vitest';
import { onQueueAt, shiftOn, shiftStateAt, shiftsBetween } from '../../../src/testing/emulator/state/shifts.js';
import { conversationsStartedIn } from '../../../src/testing/emulator/traffic/synthetic/stream.js';
import { buildTrafficModel } from '../../../src/testing/emulator/traffic/synthetic/model.js';
import { liveStatus } from '../../../src/testing/emulator/state/live-status.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const DAY = 86_400_000;
const TUE = Date.parse('2025-03-04T00:00:00Z');

describe('emulator shifts', () => {
  it('are a pure function of seed, agent and weekday: 8 hours with a 30-minute break, inside 06:00-22:00 UTC', () => {
    for (const user of ['u1', 'u2', 'u3', 'u4', 'u5', 'u6']) {
      const a = shiftOn(1, user, TUE);
      expect(shiftOn(1, user, TUE)).toEqual(a);
      expect(shiftOn(1, user, TUE + 7 * DAY)?.start).toBe(a === undefined ? undefined : a.start + 7 * DAY);
      if (!a) continue;
      expect(a.end - a.start).toBe(8 * 3_600_000);
      expect(a.pause[1] - a.pause[0]).toBe(30 * 60_000);
      expect(a.start).toBeGreaterThanOrEqual(TUE + 6 * 3_600_000);
      expect(a.end).toBeLessThanOrEqual(TUE + 22 * 3_600_000);
      expect(shiftStateAt(1, user, a.pause[0] + 1).state).toBe('break');
      expect(shiftStateAt(1, user, a.start + 1)).toEqual({ state: 'onQueue', since: a.start });
      expect(shiftStateAt(1, user, a.end + 1)).toEqual({ state: 'off', since: a.end });
    }
    // Different seeds give different rotas.
    const starts = (seed: number) => ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((u) => shiftOn(seed, u, TUE)?.start);
    expect(starts(1)).not.toEqual(starts(2));
    expect(shiftsBetween(1, 'u1', TUE, TUE + 7 * DAY).length).toBeGreaterThan(0);
  });

  it('only agents on queue answer, and no call arrives while the centre is closed', async () => {
    const emu = await emulator({ anchor: '2025-03-06T00:00:00Z', org: { users: 80, skills: 6, queues: 3 } });
    const model = buildTrafficModel(emu.state);
    const day = conversationsStartedIn(model, TUE, TUE + DAY, Date.parse('2025-03-06T00:00:00Z'));
    expect(day.length).toBeGreaterThan(50);
    for (const c of day) {
      const hour = new Date(c.start).getUTCHours();
      expect(hour >= 7 && hour < 21, `call at ${new Date(c.start).toISOString()}`).toBe(true);
      for (const leg of c.legs)
        expect(onQueueAt(emu.state.seed, leg.userId, Math.floor(c.start / 900_000) * 900_000 + 450_000)).toBe(true);
    }
  });

  it("live status follows the rota, until someone sets it; status history is the rota's on-queue time", async () => {
    const emu = await emulator({ anchor: '2025-03-04T10:07:00Z', org: { users: 40, skills: 6, queues: 3 } });
    const client = clientFor(emu);
    const now = emu.now().getTime();
    const users = [...emu.state.users.values()].filter((u) => u.state === 'active');
    let onQueue = 0;
    for (const u of users) {
      const status = await client.routing.users.routingStatus.get(u.id);
      const rota = shiftStateAt(emu.state.seed, u.id, now).state;
      expect(status.status === 'OFF_QUEUE', u.id).toBe(rota !== 'onQueue');
      if (rota === 'onQueue') onQueue++;
    }
    expect(onQueue).toBeGreaterThan(0);
    expect(onQueue).toBeLessThan(users.length);

    // Set by the agent after the rota's last transition: the latest event wins.
    const off = users.find((u) => shiftStateAt(emu.state.seed, u.id, now).state !== 'onQueue')!;
    emu.state.setRoutingStatus(off.id, 'IDLE');
    expect(liveStatus(emu.state, off).routingStatus.status).toBe('IDLE');

    // A past day: on-queue time (IDLE + INTERACTING) per agent is the rota's on-queue time.
    const interval = { from: new Date(TUE - DAY), to: new Date(TUE) };
    const res = await client.analytics.userAggregates.query({
      interval,
      userIds: users.slice(0, 10).map((u) => u.id),
      metrics: ['tAgentRoutingStatus'],
    });
    for (const r of res.results ?? []) {
      const userId = r.group?.['userId'] as string;
      const onQueueMs = (r.data ?? [])
        .flatMap((d) => d.metrics ?? [])
        .filter((m) => m.qualifier === 'IDLE' || m.qualifier === 'INTERACTING')
        .reduce((s, m) => s + (m.stats?.sum ?? 0), 0);
      const expected = shiftsBetween(emu.state.seed, userId, TUE - DAY, TUE).reduce(
        (s, sh) => s + sh.onQueue.reduce((t, [a, b]) => t + Math.min(b, TUE) - Math.max(a, TUE - DAY), 0),
        0,
      );
      expect(onQueueMs).toBe(expected);
    }
  });
});
