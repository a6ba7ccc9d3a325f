// The org clock (`anchor`, `emu.now()`) and the weekly-repeating synthetic history: plans computed over
// reproducibleHistoryWindow(emu.now()) are identical whatever time the emulator was started at.
import { afterEach, describe, expect, it } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import { planProficiencyRelevel, recommendRoutingChanges } from '../../../src/workflows/index.js';
import {
  reproducibleHistoryWindow,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../../src/testing/index.js';
import { api, getToken } from './helpers.js';

const DAY = 86_400_000;
const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

async function start(options: EmulatorOptions): Promise<Emulator> {
  const emu = await startEmulator({ rateLimit: false, ...options });
  running.push(emu);
  return emu;
}

const clientFor = (emu: Emulator) =>
  new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
  });

/** Aggregates of every queue over `interval`, each bucket named by its place in the UTC week (windows may start on any weekday). */
async function weekAggregates(emu: Emulator, interval: { from: Date; to: Date }): Promise<unknown> {
  const token = await getToken(emu);
  const res = await api<{ results?: Array<{ data: Array<{ interval: string }> }> }>(
    emu,
    token,
    '/api/v2/analytics/conversations/aggregates/query',
    {
      method: 'POST',
      json: {
        interval: `${interval.from.toISOString()}/${interval.to.toISOString()}`,
        granularity: 'PT30M',
        groupBy: ['queueId', 'userId', 'requestedRoutingSkillId'],
        metrics: ['nOffered', 'tHandle', 'tTalk', 'tAcw', 'nTransferred', 'oServiceLevel'],
        filter: {
          type: 'or',
          predicates: [...emu.state.queues.keys()].map((value) => ({ dimension: 'queueId', value })),
        },
      },
    },
  );
  expect(res.status).toBe(200);
  const results = res.body.results ?? [];
  expect(results.length).toBeGreaterThan(0);
  const inWeek = (i: string) => Date.parse(i.split('/')[0] as string) % (7 * DAY);
  return results.map((r) => ({
    ...r,
    data: r.data.map((d) => ({ ...d, interval: inWeek(d.interval) })).sort((x, y) => x.interval - y.interval),
  }));
}

describe('emulator clock and reproducible history', () => {
  it('anchor starts the org clock at the given instant; mutations are stamped by it; emu.now() reads it', async () => {
    const anchored = await start({ anchor: '2025-03-12T15:37:00Z', org: { users: 20, skills: 4, queues: 2 } });
    const t0 = anchored.now().getTime();
    expect(t0).toBeGreaterThanOrEqual(Date.parse('2025-03-12T15:37:00Z'));
    expect(t0).toBeLessThan(Date.parse('2025-03-12T15:38:00Z'));
    const skill = anchored.state.addSkill({ name: 'Clock check' });
    expect(Date.parse(skill.dateModified)).toBeGreaterThanOrEqual(t0);
    expect(Date.parse(skill.dateModified)).toBeLessThan(t0 + 60_000);

    const wall = await start({ org: 'empty' });
    expect(Math.abs(wall.now().getTime() - Date.now())).toBeLessThan(5_000);
    const epoch = await start({ org: 'empty', anchor: new Date(0) });
    expect(epoch.now().getTime()).toBeLessThan(60_000);
  });

  it('rejects a bad anchor, naming it', async () => {
    await expect(startEmulator({ anchor: 'yesterday' })).rejects.toThrow(/"anchor"/);
    await expect(startEmulator({ anchor: new Date('nope') })).rejects.toThrow(/"anchor"/);
    await expect(startEmulator({ anchor: {} as never })).rejects.toThrow(/"anchor"/);
  });

  it('reproducibleHistoryWindow: whole weeks ending at the last UTC midnight at least 4 hours ago', () => {
    expect(reproducibleHistoryWindow(new Date('2025-03-12T15:37:00Z'))).toEqual({
      from: new Date('2025-03-05T00:00:00Z'),
      to: new Date('2025-03-12T00:00:00Z'),
    });
    // 03:59 is too early: conversations started just before midnight may still be in wrap-up.
    expect(reproducibleHistoryWindow(new Date('2025-03-12T03:59:00Z'), 2)).toEqual({
      from: new Date('2025-02-25T00:00:00Z'),
      to: new Date('2025-03-11T00:00:00Z'),
    });
    expect(() => reproducibleHistoryWindow(new Date('2025-03-12T00:00:00Z'), 0)).toThrow(/"weeks"/);
    expect(() => reproducibleHistoryWindow(new Date('2025-03-12T00:00:00Z'), 1.5)).toThrow(/"weeks"/);
    expect(() => reproducibleHistoryWindow(new Date('x'))).toThrow(/"now"/);
  });

  it('the synthetic history repeats weekly: any settled week has the same aggregates; conversation ids differ', async () => {
    const emu = await start({ seed: 11, org: { users: 60, skills: 8, queues: 3 } });
    // Three windows: different weekdays, weeks and months of the past.
    const ends = ['2025-02-04T00:00:00Z', '2025-09-19T00:00:00Z', '2026-01-11T00:00:00Z'].map((t) => Date.parse(t));
    const [a, ...others] = await Promise.all(
      ends.map((to) => weekAggregates(emu, { from: new Date(to - 7 * DAY), to: new Date(to) })),
    );
    for (const b of others) expect(b).toEqual(a);

    const token = await getToken(emu);
    const ids = async (from: string, to: string) => {
      const res = await api<{ conversations?: Array<{ conversationId: string; conversationStart: string }> }>(
        emu,
        token,
        '/api/v2/analytics/conversations/details/query',
        {
          method: 'POST',
          json: { interval: `${from}/${to}`, paging: { pageSize: 100, pageNumber: 1 } },
        },
      );
      expect(res.status).toBe(200);
      return res.body.conversations ?? [];
    };
    const [w1, w2] = await Promise.all([
      ids('2025-02-04T13:00:00Z', '2025-02-04T13:15:00Z'),
      ids('2025-02-11T13:00:00Z', '2025-02-11T13:15:00Z'),
    ]);
    expect(w1.length).toBeGreaterThan(0);
    expect(w2.map((c) => Date.parse(c.conversationStart) - 7 * DAY)).toEqual(
      w1.map((c) => Date.parse(c.conversationStart)),
    );
    expect(new Set([...w1, ...w2].map((c) => c.conversationId)).size).toBe(w1.length + w2.length);
  });

  it("historyWeeks 'independent': each week draws its own calls, counted back from the start day on every run", async () => {
    const options: EmulatorOptions = {
      seed: 11,
      org: { users: 60, skills: 8, queues: 3 },
      analytics: { historyWeeks: 'independent' },
    };
    // Two runs started on other weekdays, hours and years.
    const emus = await Promise.all(
      ['2025-03-12T15:37:00Z', '2026-01-09T08:05:00Z'].map((anchor) => start({ ...options, anchor })),
    );
    /** The whole week that ends `back` weeks before the start day's history window ends. */
    const weekBack = (emu: Emulator, back: number) => {
      const { from } = reproducibleHistoryWindow(emu.now(), back + 1);
      return { from, to: new Date(from.getTime() + 7 * DAY) };
    };
    const [runA, runB] = await Promise.all(
      emus.map((emu) => Promise.all([0, 1].map((back) => weekAggregates(emu, weekBack(emu, back))))),
    );
    expect(runA![0]).not.toEqual(runA![1]);
    expect(runB![0]).toEqual(runA![0]);
    expect(runB![1]).toEqual(runA![1]);
  });

  it('rejects an unknown historyWeeks, naming it', async () => {
    await expect(startEmulator({ analytics: { historyWeeks: 'weekly' as never } })).rejects.toThrow(
      /analytics\.historyWeeks/,
    );
  });

  it('history does not change when the roster does: skills and memberships changed now leave the past as it was', async () => {
    const emu = await start({ seed: 5, anchor: '2025-03-12T15:37:00Z', org: { users: 30, skills: 5, queues: 3 } });
    const window = reproducibleHistoryWindow(emu.now());
    const before = await weekAggregates(emu, window);
    // Give every user the first queue's skill (proficiency 5) and make them joined members of that queue: today's
    // roster would route its history to other agents at other handle times.
    const [queueId] = [...emu.state.queues.keys()];
    const skillId = emu.state.queueSkill.get(queueId!)!;
    const client = clientFor(emu);
    const users = [...emu.state.users.keys()];
    for (const userId of users) await client.routing.userSkills.add(userId, { id: skillId, proficiency: 5 });
    await client.routing.members.add(queueId!, users);
    for (const userId of users) expect(emu.state.membersOf(queueId!).has(userId)).toBe(true);
    expect(await weekAggregates(emu, window)).toEqual(before);
  });

  it('the same seed gives the same plans over reproducibleHistoryWindow(emu.now()), whenever the emulator started', async () => {
    // The demo org, started at two different times: an anchored clock (another weekday, hour and year) and the wall clock.
    // At a third of the demo's traffic (trafficScale 2, not 6): the history repeats weekly whatever its volume, and
    // both plans still change something (measured: 174 re-levels, 25 recommendations), in 7 s of CPU per org, not 13.
    const demo = { seed: 42, analytics: { trafficScale: 2 } };
    const emus = await Promise.all([start({ ...demo, anchor: '2025-03-12T15:37:00Z' }), start(demo)]);
    const windows = emus.map((emu) => reproducibleHistoryWindow(emu.now()));
    expect(windows[0]!.to.getTime()).not.toBe(windows[1]!.to.getTime());

    const runs = await Promise.all(
      emus.map(async (emu, i) => {
        const client = clientFor(emu);
        const interval = windows[i]!;
        const plan = await planProficiencyRelevel(client, { interval });
        const rec = await recommendRoutingChanges(client, { interval });
        return {
          plan: { changes: plan.changes, impact: plan.impact, summary: plan.summary },
          rec: { changes: rec.changes, impact: rec.impact, skipped: rec.skipped },
        };
      }),
    );
    const [first, ...rest] = runs;
    expect(first!.plan.changes.length).toBeGreaterThan(0);
    expect(first!.rec.changes.length).toBeGreaterThan(0);
    for (const run of rest) expect(run).toEqual(first);
  }, 120_000);
});
