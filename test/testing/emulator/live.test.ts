// The live day (startEmulator({ live })): deterministic, routed by the org's configuration at each instant, and
// changed by API writes from the instant they are applied. Manual clock: nothing sleeps.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startEmulator,
  type Emulator,
  type EmulatorOptions,
  type LiveIntervalSummary,
} from '../../../src/testing/index.js';
import { onQueueAt } from '../../../src/testing/emulator/state/shifts.js';
import { api, getToken } from './helpers.js';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = '2026-11-24'; // a Tuesday
const at = (hhmm: string) => Date.parse(`${DAY}T${hhmm}:00Z`);

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function live(options: EmulatorOptions = {}): Promise<Emulator> {
  const emu = await startEmulator({
    seed: 7,
    scenario: 'balanced',
    anchor: `${DAY}T09:00:00Z`,
    live: { clock: 'manual' },
    rateLimit: false,
    ...options,
  });
  running.push(emu);
  return emu;
}

/** What happened to every call, in a comparable form. */
function outcomes(emu: Emulator): string[] {
  const out: string[] = [];
  for (const queueId of [...emu.state.queues.keys()].sort()) {
    const stats = emu.live!.queueStats(queueId, { from: emu.live!.startedAt, to: emu.live!.now(), intervalMinutes: 5 });
    out.push(
      `${queueId}:${stats.map((s) => `${s.offered}/${s.answered}/${s.abandoned}/${s.answeredWithin}`).join(',')}`,
    );
  }
  return out;
}

/** The answered calls of the live day: queue, agent, when answered. */
function answered(emu: Emulator): Array<{ queueId: string; userId: string; at: number }> {
  return emu
    .live!.calls()
    .filter((c) => c.status === 'answered')
    .map((c) => ({ queueId: c.queueId, userId: c.userId!, at: c.leftAt! }));
}

describe('live emulator: determinism', () => {
  it('the same seed and writes give the same calls and outcomes, however advance() is chunked', async () => {
    const a = await live();
    const b = await live();
    const tokenA = await getToken(a);
    const tokenB = await getToken(b);
    const queueId = [...a.state.queues.keys()].sort()[0]!;
    const skillId = a.state.queueSkill.get(queueId)!;
    const userId = [...a.state.membersOf(queueId).values()].find(
      (m) => m.joined && a.state.userSkills.get(m.userId)?.has(skillId),
    )!.userId;

    await a.live!.advance(HOUR);
    for (const step of [1, 7 * MIN, 13 * MIN, 40 * MIN - 1]) await b.live!.advance(step);
    expect(b.live!.now()).toBe(a.live!.now());
    // The same write at the same instant in both.
    for (const [emu, token] of [
      [a, tokenA],
      [b, tokenB],
    ] as const) {
      const res = await api(emu, token, `/api/v2/users/${userId}/routingskills/${skillId}`, { method: 'DELETE' });
      expect(res.status).toBe(204);
    }
    await a.live!.advance(HOUR);
    for (let i = 0; i < 12; i++) await b.live!.advance(5 * MIN);

    expect(a.live!.counters().calls).toBeGreaterThan(100);
    expect(outcomes(b)).toEqual(outcomes(a));
    expect(b.live!.calls()).toEqual(a.live!.calls());
  });
});

describe('live emulator: callSeed', () => {
  const arrivals = (emu: Emulator) => emu.live!.calls().map((c) => `${c.queueId}@${c.arrival}:${c.mediaType}`);

  it('draws other calls on the same org, and the emulator seed when left out', async () => {
    const [plain, same, other] = await Promise.all([
      live(),
      live({ live: { clock: 'manual', callSeed: 7 } }),
      live({ live: { clock: 'manual', callSeed: 8 } }),
    ]);
    for (const emu of [plain, same, other]) await emu.live!.advance(HOUR);
    expect(arrivals(plain).length).toBeGreaterThan(20);
    expect(arrivals(same)).toEqual(arrivals(plain));
    const drawn = new Set(arrivals(plain));
    const shared = arrivals(other).filter((a) => drawn.has(a)).length;
    expect(shared).toBeLessThan(arrivals(other).length / 10);
    // The org is the same: its users and their skills do not depend on the calls.
    expect([...other.state.userSkills.keys()]).toEqual([...plain.state.userSkills.keys()]);
  });

  it('refuses a callSeed that is not a whole number in range', async () => {
    await expect(live({ live: { clock: 'manual', callSeed: -1 } })).rejects.toThrow(/live\.callSeed/);
    await expect(live({ live: { clock: 'manual', callSeed: 1.5 } })).rejects.toThrow(/live\.callSeed/);
  });
});

describe('live emulator: advance()', () => {
  it('runs calls made without awaiting one after the other', async () => {
    const emu = await live();
    const start = emu.live!.now();
    await Promise.all([emu.live!.advance(10 * MIN), emu.live!.advance(5 * MIN), emu.live!.advance(MIN)]);
    expect(emu.live!.now()).toBe(start + 16 * MIN);
    expect(emu.now().getTime()).toBe(start + 16 * MIN);
  });
});

describe('live emulator: interval summaries', () => {
  it('emits every queue figures at each 15-minute boundary, as queueStats gives them then', async () => {
    const emu = await live();
    const summaries: LiveIntervalSummary[] = [];
    const expected: string[] = [];
    emu.live!.on('interval', (s) => {
      summaries.push(s);
      const [first] = emu.live!.queueStats(s.queues[0]!.queueId, { from: s.start, to: s.end });
      expected.push(JSON.stringify(first));
    });
    await emu.live!.advance(HOUR);
    expect(summaries.map((s) => s.end - s.start)).toEqual([15 * MIN, 15 * MIN, 15 * MIN, 15 * MIN]);
    expect(summaries[0]!.start).toBe(emu.live!.startedAt);
    for (const [i, s] of summaries.entries()) {
      expect(s.queues.map((q) => q.queueId)).toEqual([...emu.state.queues.keys()].sort());
      const { queueId: _, waiting: __, agentsOnQueue, ...first } = s.queues[0]!;
      expect(JSON.stringify(first)).toBe(expected[i]);
      expect(agentsOnQueue).toBeGreaterThan(0);
    }
    const offered = summaries.reduce((n, s) => n + s.queues.reduce((m, q) => m + q.offered, 0), 0);
    expect(offered).toBe(emu.live!.calls({ to: emu.live!.now() }).length);
  });
});

describe('live emulator: routing by the current configuration', () => {
  it('routes a call only to a joined member holding the queue skill, on shift and on queue', async () => {
    const emu = await live();
    await emu.live!.advance(3 * HOUR);
    const calls = answered(emu);
    expect(calls.length).toBeGreaterThan(200);
    for (const c of calls) {
      const skillId = emu.state.queueSkill.get(c.queueId)!;
      expect(emu.state.userSkills.get(c.userId)?.has(skillId)).toBe(true);
      expect(emu.state.membersOf(c.queueId).get(c.userId)?.joined).toBe(true);
      expect(onQueueAt(emu.state.seed, c.userId, c.at)).toBe(true);
    }
  });

  it('a skill removed through the API stops that agent receiving the queue calls from that instant', async () => {
    const emu = await live();
    const token = await getToken(emu);
    await emu.live!.advance(HOUR);
    // The agent who answered the most calls of one queue in the first hour, still on shift for two more hours.
    const counts = new Map<string, number>();
    for (const c of answered(emu))
      counts.set(`${c.queueId} ${c.userId}`, (counts.get(`${c.queueId} ${c.userId}`) ?? 0) + 1);
    const [key, before] = [...counts]
      .filter(([k]) => onQueueAt(emu.state.seed, k.split(' ')[1]!, emu.live!.now() + HOUR))
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0]!;
    const [queueId, userId] = key.split(' ') as [string, string];
    expect(before).toBeGreaterThanOrEqual(3);
    const skillId = emu.state.queueSkill.get(queueId)!;
    const removedAt = emu.live!.now();
    const res = await api(emu, token, `/api/v2/users/${userId}/routingskills/${skillId}`, { method: 'DELETE' });
    expect(res.status).toBe(204);
    await emu.live!.advance(2 * HOUR);
    const after = answered(emu).filter((c) => c.queueId === queueId && c.at >= removedAt);
    expect(after.length).toBeGreaterThan(10); // the queue kept being served...
    expect(after.filter((c) => c.userId === userId)).toEqual([]); // ...by others
  });

  it('joining an agent to a queue lets them take its calls from that instant', async () => {
    const emu = await live();
    const token = await getToken(emu);
    const t0 = emu.live!.now();
    // An unjoined member of a queue, on queue for the next two hours, given the queue's skill.
    let pick: { queueId: string; userId: string } | undefined;
    for (const queueId of [...emu.state.queues.keys()].sort()) {
      const m = [...emu.state.membersOf(queueId).values()].find(
        (m) => !m.joined && [0, 30, 60, 90, 119].every((min) => onQueueAt(emu.state.seed, m.userId, t0 + min * MIN)),
      );
      if (m) {
        pick = { queueId, userId: m.userId };
        break;
      }
    }
    expect(pick).toBeDefined();
    const { queueId, userId } = pick!;
    const skillId = emu.state.queueSkill.get(queueId)!;
    const skill = await api(emu, token, `/api/v2/users/${userId}/routingskills/bulk`, {
      method: 'PATCH',
      json: [{ id: skillId, proficiency: 4 }],
    });
    expect(skill.status).toBe(200);
    await emu.live!.advance(HOUR);
    expect(answered(emu).filter((c) => c.queueId === queueId && c.userId === userId)).toEqual([]);
    const joinedAt = emu.live!.now();
    const join = await api(emu, token, `/api/v2/routing/queues/${queueId}/members/${userId}`, {
      method: 'PATCH',
      json: { joined: true },
    });
    expect(join.status).toBeLessThan(300);
    await emu.live!.advance(HOUR);
    const taken = answered(emu).filter((c) => c.queueId === queueId && c.userId === userId);
    expect(taken.length).toBeGreaterThan(0);
    expect(taken.every((c) => c.at >= joinedAt)).toBe(true);
  });
});

describe('live emulator: a surge and the agents that absorb it', () => {
  const surgeDay = {
    scenario: 'surge' as const,
    anchor: `${DAY}T11:00:00Z`,
    surge: { factor: 2, from: `${DAY}T11:00:00Z`, minutes: 120 },
  };

  /** The surge queue's service level over [from, to). */
  function serviceLevel(emu: Emulator, from: number, to: number): number {
    const [s] = emu.live!.queueStats(emu.state.scenario.surge!.queueId, {
      from,
      to,
      intervalMinutes: (to - from) / MIN,
    });
    return s!.serviceLevel!;
  }

  it('the surge queue misses its target with no change, and meets it a few minutes after agents are added', async () => {
    const still = await live(surgeDay);
    const helped = await live(surgeDay);
    const queueId = helped.state.scenario.surge!.queueId;
    const skillId = helped.state.queueSkill.get(queueId)!;
    const target = helped.state.queues.get(queueId)!.mediaSettings.call.serviceLevel.percentage;
    await still.live!.advance(3 * HOUR);

    await helped.live!.advance(15 * MIN);
    // Six agents on queue for the rest of the surge who do not serve this queue: join them and give the skill.
    const t = helped.live!.now();
    const spare = [...helped.state.users.values()]
      .filter((u) => u.state === 'active' && !helped.state.membersOf(queueId).has(u.id))
      .filter((u) => [0, 60, 105].every((min) => onQueueAt(helped.state.seed, u.id, t + min * MIN)))
      .map((u) => u.id)
      .sort()
      .slice(0, 6);
    expect(spare).toHaveLength(6);
    const token = await getToken(helped);
    for (const userId of spare) {
      const skill = await api(helped, token, `/api/v2/users/${userId}/routingskills/bulk`, {
        method: 'PATCH',
        json: [{ id: skillId, proficiency: 3 }],
      });
      expect(skill.status).toBe(200);
    }
    const add = await api(helped, token, `/api/v2/routing/queues/${queueId}/members`, {
      method: 'POST',
      json: spare.map((id) => ({ id })),
    });
    expect(add.status).toBe(204);
    await helped.live!.advance(3 * HOUR - 15 * MIN);

    const surge = [at('11:00'), at('13:00')] as const;
    const without = serviceLevel(still, ...surge);
    const withAgents = serviceLevel(helped, at('11:30'), at('13:00'));
    expect(without).toBeLessThan(target);
    expect(serviceLevel(still, at('11:30'), at('13:00'))).toBeLessThan(target);
    expect(withAgents).toBeGreaterThanOrEqual(target);
    expect(withAgents - serviceLevel(still, at('11:30'), at('13:00'))).toBeGreaterThan(0.15);
    // After the surge, the queue staffed to its forecast meets its target on its own.
    expect(serviceLevel(still, at('13:15'), at('14:00'))).toBeGreaterThanOrEqual(target);
  });
});
