// A day in which two queues peak at different hours (A in the morning, B in the afternoon, each team one agent
// short of its peak) and the afternoon shift of a third queue (C, steady all day, its agents certified for C only)
// is thin. "Sizing each queue at its peak" is the single-hour plan: every queue at its own busiest interval at
// the same time, with every agent present. It sees A's and B's peaks together, so the agents it lends are busy
// with their own peak and it needs more of them; and it sees C's morning and afternoon agents together, so it
// finds nothing to fix there. Planning the day lends A's idle afternoon agents to B and C and B's idle morning
// agents to A: fewer changes, and every interval meets its target.
//
// Why the earlier version of this test could not meet the goal: it compared the day plan with the dedicated
// agents each queue lacks at its peak (an Erlang C count, 12 there), which is not a plan. An added skill makes a
// shared agent, who also carries its own queue's calls: six added holders per queue (the count's figure) left
// both queues at 0.74 in their worst interval (evaluateRouting, seed 99, 1,000,000 contacts), and the day plan
// needed seven per queue (14; the bound was 12). Now both sides are plans, judged by one independent simulation.
import { describe, expect, it } from 'vitest';
import {
  evaluateRouting,
  optimizeRouting,
  type OptimizeAgent,
  type OptimizeRoutingInput,
} from '../../src/optimizer/index.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };
const H = 16; // half-hours: 8 of morning shift, 8 of afternoon shift
const W = 1800;
const morning = (t: number) => t < 8;
const callsA = Array.from({ length: H }, (_, t) => (morning(t) ? 96 : 18)); // 16 Erlangs in the morning, 3 after
const callsB = Array.from({ length: H }, (_, t) => (morning(t) ? 18 : 96));
const callsC = Array.from({ length: H }, () => 36); // 6 Erlangs all day: 9 agents needed
const allDay = Array.from({ length: H }, () => true);
const shift = (inMorning: boolean) => Array.from({ length: H }, (_, t) => morning(t) === inMorning);
const team = (q: string, n: number, available: boolean[], eligible?: string[]): OptimizeAgent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${q}${i}`,
    skills: { [q.slice(0, 1)]: 3 },
    available,
    ...(eligible ? { eligible } : {}),
  }));
// 19 agents each for A and B (20 needed at 16 Erlangs); C: 9 in the morning, 7 in the afternoon (9 needed).
const agents = [
  ...team('A', 19, allDay),
  ...team('B', 19, allDay),
  ...team('C-m', 9, shift(true), ['C']),
  ...team('C-a', 7, shift(false), ['C']),
];
const queues = [
  { id: 'A', ahtSeconds: 300, target, demand: { intervalSeconds: W, calls: callsA } },
  { id: 'B', ahtSeconds: 300, target, demand: { intervalSeconds: W, calls: callsB } },
  { id: 'C', ahtSeconds: 300, target, demand: { intervalSeconds: W, calls: callsC } },
];
const day: OptimizeRoutingInput = { queues, agents, constraints: { maxSkillsPerAgent: 2 } };
// Limits far above the CPU this needs: a search cut short by the clock would depend on the machine's load.
const options = { seed: 3, timeLimitMs: 1_800_000, evaluation: { searchPatience: 6 } } as const;

/** An independent judge of a whole assignment over the day: other random numbers, a long run. */
const judge = (plan: { agents: Array<{ skills: Record<string, number> }> }) =>
  evaluateRouting(
    { queues, agents: agents.map((a, i) => ({ ...a, skills: plan.agents[i]!.skills })) },
    { seed: 99, contacts: 2_000_000 },
  );

describe('optimizeRouting over a day', () => {
  // The same input and options give the same plan: a second run of the day was dropped here, as
  // test/optimizer/routing/work-budget.scenario.test.ts (two runs, equal changes, agents and work) and
  // test/workflows/optimize/plan-routing.test.ts (day models: the plan's model re-run, and the same model planned
  // again) assert it.
  it('meets every interval with fewer changes than sizing each queue at its peak, which misses', async () => {
    // Sizing each queue at its peak: one steady hour, each queue at its busiest interval, everybody present.
    const hour = await optimizeRouting(
      {
        queues: queues.map((q) => ({
          id: q.id,
          ahtSeconds: 300,
          target,
          callsPerHour: (Math.max(...q.demand.calls) * 3600) / W,
        })),
        agents: agents.map(({ available: _, ...a }) => a),
        constraints: day.constraints,
      },
      options,
    );
    expect(hour.feasible).toBe(true);
    expect(hour.changes.length).toBeGreaterThan(0); // measured 6 (seed 3)
    expect(hour.changes.every((c) => c.queueId !== 'C')).toBe(true); // it sees 16 C agents for 6 Erlangs
    // ...and the day, simulated as it is staffed, misses C's afternoon (measured 0.456).
    const hourInDay = judge(hour);
    const c = hourInDay.queues.find((q) => q.id === 'C')!;
    expect(morning(c.worstInterval.index)).toBe(false);
    expect(c.worstInterval.serviceLevel).toBeLessThan(0.75);

    const plan = await optimizeRouting(day, options);
    expect(plan.feasible).toBe(true);
    expect(plan.shortfall).toEqual([]);
    for (const q of plan.queues) {
      expect(q.intervals).toHaveLength(H);
      for (const x of q.intervals) expect(x.after.serviceLevel).toBeGreaterThanOrEqual(0.8);
    }
    // Fewer changes than peak sizing (measured 5 vs 6, seed 3).
    expect(plan.changes.length).toBeLessThan(hour.changes.length);
    expect(plan.changes.length).toBeGreaterThanOrEqual(plan.lowerBound?.changes ?? 0);
    // C's thin afternoon is served by agents who hold another skill (C's own agents may not take another).
    expect(plan.changes.some((x) => x.queueId === 'C' && x.action === 'add')).toBe(true);

    // The independent judge: every interval of every queue at target (measured: lowest 0.811, B at 11).
    for (const q of judge(plan).queues) {
      for (const x of q.intervals) expect(x.serviceLevel, `${q.id} interval ${x.index}`).toBeGreaterThanOrEqual(0.8);
    }
  }, 1_800_000);
});
