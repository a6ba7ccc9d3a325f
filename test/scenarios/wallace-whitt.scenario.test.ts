// Six queues in the style of Wallace & Whitt (2005): loads 5, 10, 15, 20, 20, 20 Erlangs, AHT 300 s, target 80 %
// in 30 s, 100 agents who start as specialists staffed in proportion to load, at most 2 skills each, at most 100
// changes. Exact Erlang C: specialists alone reach 0.52 overall and 0.38 on the worst queue. Plus a ten-queue
// instance with impatient callers, so the method is not tuned to one case. Every plan is checked by a long
// independent simulation (other random numbers, 10 x 48 h) of the assignment the optimizer returned.
import { describe, expect, it } from 'vitest';
import {
  erlangC,
  optimizeRouting,
  requiredAgentsErlangA,
  serviceLevel,
  simulate,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
} from '../../src/optimizer/index.js';

const LOADS = [5, 10, 15, 20, 20, 20];
const STAFF = [6, 11, 17, 22, 22, 22];
const TARGET = { serviceLevel: 0.8, withinSeconds: 30 };
const queues = LOADS.map((load, i) => ({
  id: `q${i + 1}`,
  callsPerHour: (load * 3600) / 300,
  ahtSeconds: 300,
  target: TARGET,
}));
const agents = STAFF.flatMap((n, i) =>
  Array.from({ length: n }, (_, k) => ({ id: `q${i + 1}-${k}`, skills: { [`q${i + 1}`]: 3 } })),
);

/** Service level per queue of the returned assignment in a long run on random numbers the optimizer never saw. */
function independentCheck(
  input: OptimizeRoutingInput,
  result: OptimizeRoutingResult,
  seed: number,
): { sl: number[]; overall: number } {
  const check = simulate({
    queues: input.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      arrivalRatePerHour: q.callsPerHour,
      ahtSeconds: q.ahtSeconds,
      ...(q.patienceSeconds === undefined ? {} : { patienceSeconds: q.patienceSeconds }),
    })),
    agents: result.agents,
    durationSeconds: 48 * 3600,
    warmupSeconds: 3600,
    replications: 10,
    targetSeconds: input.queues[0]!.target.withinSeconds,
    seed,
  });
  const offered = check.queues.reduce((s, q) => s + q.offered.mean, 0);
  const within = check.queues.reduce((s, q) => s + q.serviceLevel.mean * q.offered.mean, 0);
  return { sl: check.queues.map((q) => q.serviceLevel.mean), overall: within / offered };
}

function expectWithinLimits(result: OptimizeRoutingResult, maxSkills: number, maxChanges: number): void {
  expect(result.feasible).toBe(true);
  expect(result.shortfall).toEqual([]);
  expect(result.changes.length).toBeLessThanOrEqual(maxChanges);
  expect(result.lowerBound?.changes).toBeGreaterThan(0);
  expect(result.lowerBound!.changes).toBeLessThanOrEqual(result.changes.length);
  for (const a of result.agents) expect(Object.keys(a.skills).length).toBeLessThanOrEqual(maxSkills);
  for (const q of result.queues) {
    expect(q.meetsTarget).toBe(true);
    // Accepted by a one-sided 95 % test on the pooled confirmation runs: the mean reaches the target.
    expect(q.after.serviceLevel).toBeGreaterThanOrEqual(q.target.serviceLevel);
  }
}

describe('optimizeRouting on a Wallace & Whitt style instance', () => {
  it('checks the starting point against exact Erlang C', () => {
    const sl = LOADS.map((a, i) =>
      serviceLevel({ agents: STAFF[i] as number, traffic: a, ahtSeconds: 300, targetSeconds: 30 }),
    );
    const overall = sl.reduce((s, x, i) => s + x * (LOADS[i] as number), 0) / 90;
    expect(overall).toBeCloseTo(0.521, 2);
    expect(Math.min(...sl)).toBeCloseTo(0.38, 2);
    expect(erlangC({ agents: 100, traffic: 90 })).toBeGreaterThan(0);
  });

  it('meets every target within the limits, confirmed by an independent long simulation', async () => {
    const input = { queues, agents, constraints: { maxSkillsPerAgent: 2, maxChanges: 100 } };
    // The search stops on its work (effort 1: at most 640 evaluations on a steady hour of six queues, 640.3 on this
    // seed); the default time limit is only a safety cap that scales with the run's pace, so the plan does not
    // depend on the machine or its load.
    const result = await optimizeRouting(input, { seed: 1 });
    expect(result.stats.stoppedBy).toBe('work');
    expectWithinLimits(result, 2, 100);
    // Best known 52 (every queue at 0.80 under an independent judge; 51 fails); within 10 % of it.
    // Measured (npm run bench:quality -- --seeds=1,2,3,4,5): 54 changes on each seed, judge minimum 0.8039 or
    // more; only seed 1 runs here (CI time).
    expect(result.changes.length).toBeLessThanOrEqual(57);
    for (const c of result.changes) {
      expect(c.action).toBe('add');
      expect(c.before).toBeNull();
      // The reason names the queue served, its move, and where the agent's time comes from.
      expect(c.reason).toMatch(new RegExp(`^serves ${c.queueId}: .* -> .*this agent because its time comes from`));
    }
    for (const q of result.queues) expect(q.before.serviceLevel).toBeLessThan(0.8);
    const check = independentCheck(input, result, 987_654);
    for (const sl of check.sl) expect(sl).toBeGreaterThanOrEqual(0.8);
    expect(check.overall).toBeGreaterThan(0.8); // specialists alone: 0.52 by Erlang C
  }, 600_000);

  it('generalizes: ten queues with impatient callers, each specialist team one agent short of its Erlang A requirement', async () => {
    const loads = [3, 5, 7, 9, 11, 13, 15, 17, 19, 21];
    const target = { serviceLevel: 0.8, withinSeconds: 20 };
    const ten = loads.map((load, i) => ({
      id: `p${i}`,
      callsPerHour: (load * 3600) / 240,
      ahtSeconds: 240,
      patienceSeconds: 120,
      target,
    }));
    const staff = loads.map(
      (traffic) =>
        requiredAgentsErlangA({
          traffic,
          ahtSeconds: 240,
          patienceSeconds: 120,
          targetSeconds: 20,
          serviceLevel: 0.8,
        }).agents - 1,
    );
    const team = staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `p${i}-${k}`, skills: { [`p${i}`]: 4 } })),
    );
    const input = { queues: ten, agents: team, constraints: { maxSkillsPerAgent: 2, maxChanges: 80 } };
    const result = await optimizeRouting(input, { seed: 5, timeLimitMs: 300_000 });
    expect(result.queues.filter((q) => q.before.ci95[0] < 0.8).length).toBeGreaterThan(0);
    expectWithinLimits(result, 2, 80);
    for (const q of result.queues) expect(typeof q.after.abandonRate).toBe('number');
    const check = independentCheck(input, result, 4_242);
    for (const sl of check.sl) expect(sl).toBeGreaterThanOrEqual(0.8);
  }, 600_000);

  it('starts the search again when its first start ends short of its targets early, and keeps the smaller plan', async () => {
    // Ten queues of 4..22 Erlangs (AHT 300 s, 80 % in 30 s), 145 specialists in proportion to load: 1.05 times the
    // pooled Erlang C need of 138 (npm run bench:quality -- --instance=ten). On seed 5 the first start's greedy
    // leaves three queues short of their search targets at work 263.4 of 800, so ruin and rebuild never ran and
    // the acceptance mended that plan to 84 changes; the second start meets its targets with fewer, 81 in all (the
    // acceptance's repair adds one, and its take-back, which tries at least one change a queue, gives one back).
    const loads = [4, 6, 8, 10, 12, 14, 16, 18, 20, 22];
    const staff = [4, 7, 9, 11, 13, 16, 18, 20, 22, 25];
    const input: OptimizeRoutingInput = {
      queues: loads.map((load, i) => ({
        id: `q${i + 1}`,
        callsPerHour: (load * 3600) / 300,
        ahtSeconds: 300,
        target: TARGET,
      })),
      agents: staff.flatMap((n, i) =>
        Array.from({ length: n }, (_, k) => ({ id: `q${i + 1}-${k}`, skills: { [`q${i + 1}`]: 3 } })),
      ),
      constraints: { maxSkillsPerAgent: 2, maxChanges: 200 },
    };
    const result = await optimizeRouting(input, { seed: 5 });
    expect(result.stats.stoppedBy).toBe('work');
    // The second start spent the rest of the budget (one start alone ended at 263.4 of 800).
    const work = result.stats.work ?? { used: 0, budget: 1 };
    expect(work.used).toBeGreaterThan(0.9 * work.budget);
    expectWithinLimits(result, 2, 200);
    expect(result.changes.length).toBeLessThanOrEqual(81);
    const check = independentCheck(input, result, 987_654);
    for (const sl of check.sl) expect(sl).toBeGreaterThanOrEqual(0.8);
  }, 600_000);
});
