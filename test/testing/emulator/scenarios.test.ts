// Emulator scenarios: validated, deterministic per seed, and shaped as documented (the fast checks; the
// optimizer over them is in test/scenarios/emulator-scenarios.scenario.test.ts).
import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import { clientFor, emulator } from '../../transport/helpers.js';

describe('emulator scenarios', () => {
  it('rejects an unknown scenario naming the option', async () => {
    await expect(startEmulator({ scenario: 'busy' as never })).rejects.toThrow(
      /option "scenario" must be 'understaffed', 'surge', 'balanced'/,
    );
  });

  it('are deterministic per seed and shape the org as documented', async () => {
    const a = await emulator({ seed: 5, scenario: 'understaffed', org: { users: 120, skills: 8, queues: 4 } });
    const b = await emulator({ seed: 5, scenario: 'understaffed', org: { users: 120, skills: 8, queues: 4 } });
    expect(JSON.stringify(a.state.toJSON())).toBe(JSON.stringify(b.state.toJSON()));
    expect(a.state.analytics.trafficScale).toBe(4);
    const share = (emu: typeof a, queueId: string) => {
      const skillId = emu.state.queueSkill.get(queueId)!;
      const joined = [...emu.state.membersOf(queueId).values()].filter(
        (m) => m.joined && emu.state.users.get(m.userId)?.state === 'active',
      );
      return joined.filter((m) => emu.state.userSkills.get(m.userId)?.has(skillId)).length / joined.length;
    };
    const byName = [...a.state.queues.values()].sort((x, y) => x.name.localeCompare(y.name));
    byName.forEach((q, i) => (i % 2 === 0 ? expect(share(a, q.id)).toBeLessThan(0.4) : expect(share(a, q.id)).toBe(1)));

    const balanced = await emulator({ seed: 5, scenario: 'balanced', org: { users: 120, skills: 8, queues: 4 } });
    expect(balanced.state.analytics.trafficScale).toBe(2);
    for (const q of balanced.state.queues.values()) expect(share(balanced, q.id)).toBe(1);
    // An explicit traffic scale wins over the scenario's.
    const scaled = await emulator({ scenario: 'balanced', analytics: { trafficScale: 3 } });
    expect(scaled.state.analytics.trafficScale).toBe(3);
  });

  it("surge: the busiest queue's demand is well above its WFM forecast for two hours from the start", async () => {
    const anchor = '2025-03-05T10:00:00.000Z';
    const emu = await emulator({ seed: 3, scenario: 'surge', anchor, org: { users: 120, skills: 8, queues: 4 } });
    const surge = emu.state.scenario.surge!;
    expect(surge.to - surge.from).toBe(2 * 3_600_000);
    expect(surge.from).toBe(Date.parse(anchor));
    // Two hours later, the history of the surge window against the forecast of the same intervals.
    emu.state.now = () => new Date(surge.to + 4 * 3_600_000 + 60_000);
    const client = clientFor(emu);
    const res = await client.analytics.aggregates.query({
      interval: { from: new Date(surge.from), to: new Date(surge.to) },
      groupBy: ['queueId'],
      metrics: ['nOffered'],
    });
    const offered = (queueId: string) =>
      (res.results ?? [])
        .filter((r) => r.group?.['queueId'] === queueId)
        .flatMap((r) => r.data ?? [])
        .flatMap((d) => d.metrics ?? [])
        .reduce((s, m) => s + (m.stats?.count ?? 0), 0);
    const [mu] = await client.workforce.managementUnits.list().toArray();
    const buId = mu!.businessUnit!.id;
    const [forecast] = await client.workforce.forecasts.list(buId, '2025-03-03');
    const week = await client.workforce.forecasts.weekByPlanningGroup(buId, '2025-03-03', forecast!.id);
    const first = (surge.from - Date.parse(week.start)) / 900_000;
    const expected = (queueId: string) =>
      week.planningGroups
        .find((g) => g.queueIds.includes(queueId))!
        .offered.slice(first, first + 8)
        .reduce((s, x) => s + x, 0);
    expect(offered(surge.queueId)).toBeGreaterThan(2 * expected(surge.queueId));
    const other = [...emu.state.queues.keys()].find((id) => id !== surge.queueId)!;
    expect(offered(other)).toBeLessThan(1.6 * expected(other) + 10);
  });

  it('surge with queues: 2 surges the two busiest queues at once, each staffed to its forecast', async () => {
    const anchor = '2025-03-05T10:00:00.000Z';
    const org = { users: 120, skills: 8, queues: 4 };
    await expect(startEmulator({ scenario: 'surge', surge: { queues: 0 } })).rejects.toThrow(/surge\.queues/);
    const start = (surge: { factor: number; queues?: number }) =>
      emulator({ seed: 3, scenario: 'surge', anchor, org, surge });
    const [two, one, calm] = await Promise.all([
      start({ factor: 2, queues: 2 }),
      start({ factor: 2 }),
      start({ factor: 1, queues: 2 }),
    ]);
    const surges = two.state.scenario.surges;
    expect(surges.map((s) => s.factor)).toEqual([2, 2]);
    expect(new Set(surges.map((s) => s.queueId)).size).toBe(2);
    expect(two.state.scenario.surge).toEqual(surges[0]);
    // The first is the one queue a single surge picks; a single surge lists itself.
    expect(surges[0]!.queueId).toBe(one.state.scenario.surge!.queueId);
    expect(one.state.scenario.surges).toEqual([one.state.scenario.surge]);
    const offered = async (emu: typeof two, queueId: string) => {
      emu.state.now = () => new Date(surges[0]!.to + 4 * 3_600_000);
      const res = await clientFor(emu).analytics.aggregates.query({
        interval: { from: new Date(surges[0]!.from), to: new Date(surges[0]!.to) },
        groupBy: ['queueId'],
        metrics: ['nOffered'],
        filter: { type: 'or', predicates: [{ dimension: 'queueId', value: queueId }] },
      });
      return (res.results ?? [])
        .flatMap((r) => r.data ?? [])
        .flatMap((d) => d.metrics ?? [])
        .reduce((n, m) => n + (m.stats?.count ?? 0), 0);
    };
    for (const { queueId } of surges) {
      // Staffed to its forecast: some joined members lost its skill.
      const skillId = two.state.queueSkill.get(queueId)!;
      const joined = [...two.state.membersOf(queueId).values()].filter((m) => m.joined);
      expect(joined.filter((m) => two.state.userSkills.get(m.userId)?.has(skillId)).length).toBeLessThan(joined.length);
      expect(await offered(two, queueId)).toBeGreaterThan(1.5 * (await offered(calm, queueId)));
    }
    // `surge` stays writable (before the history is read): setting it replaces the surges, and the traffic follows.
    const late = await start({ factor: 1 });
    late.state.scenario.surge = { ...one.state.scenario.surge! };
    expect(late.state.scenario.surges).toEqual([one.state.scenario.surge]);
    const queueId = one.state.scenario.surge!.queueId;
    expect(await offered(late, queueId)).toBe(await offered(one, queueId));
    late.state.scenario.surge = undefined;
    expect(late.state.scenario.surges).toEqual([]);
  });
});
