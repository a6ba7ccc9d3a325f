// Six queues in the style of Wallace & Whitt (2005): loads 5, 10, 15, 20, 20, 20 Erlangs, AHT 300 s, target 80 %
// in 30 s, 100 agents who start as specialists staffed in proportion to load, at most 2 skills each, at most 100
// changes. Exact Erlang C: specialists alone reach 0.52 overall and 0.38 on the worst queue.
import { describe, expect, it } from 'vitest';
import { erlangC, optimizeRouting, serviceLevel, simulate } from '../../../src/optimizer/index.js';

const LOADS = [5, 10, 15, 20, 20, 20];
const STAFF = [6, 11, 17, 22, 22, 22];
const queues = LOADS.map((load, i) => ({
  id: `q${i + 1}`,
  callsPerHour: (load * 3600) / 300,
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 30 },
}));
const agents = STAFF.flatMap((n, i) => Array.from({ length: n }, (_, k) => ({ id: `q${i + 1}-${k}`, skills: { [`q${i + 1}`]: 3 } })));

describe('optimizeRouting on a Wallace & Whitt style instance', () => {
  it('checks the starting point against exact Erlang C', () => {
    const sl = LOADS.map((a, i) => serviceLevel({ agents: STAFF[i] as number, traffic: a, ahtSeconds: 300, targetSeconds: 30 }));
    const overall = sl.reduce((s, x, i) => s + x * (LOADS[i] as number), 0) / 90;
    expect(overall).toBeCloseTo(0.521, 2);
    expect(Math.min(...sl)).toBeCloseTo(0.38, 2);
    expect(erlangC({ agents: 100, traffic: 90 })).toBeGreaterThan(0);
  });

  it('meets every target within the limits, confirmed by an independent long simulation', async () => {
    const result = await optimizeRouting({ queues, agents, constraints: { maxSkillsPerAgent: 2, maxChanges: 100 } }, { seed: 1, timeLimitMs: 60_000 });
    expect(result.feasible).toBe(true);
    expect(result.shortfall).toEqual([]);
    expect(result.changes.length).toBeLessThanOrEqual(100);
    expect(result.lowerBound?.changes).toBeGreaterThan(0);
    expect(result.lowerBound!.changes).toBeLessThanOrEqual(result.changes.length);
    for (const a of result.agents) expect(Object.keys(a.skills).length).toBeLessThanOrEqual(2);
    for (const c of result.changes) {
      expect(c.action).toBe('add');
      expect(c.before).toBeNull();
      expect(c.reason).toMatch(/service level/);
    }
    for (const q of result.queues) {
      expect(q.before.serviceLevel).toBeLessThan(0.8);
      expect(q.after.serviceLevel).toBeGreaterThanOrEqual(0.8);
      expect(q.after.ci95[0]).toBeLessThanOrEqual(q.after.serviceLevel);
    }
    // Independent check: a long run on other random numbers, with the assignment the optimizer returned.
    const check = simulate({
      queues: queues.map((q) => ({ id: q.id, skill: q.id, arrivalRatePerHour: q.callsPerHour, ahtSeconds: 300 })),
      agents: result.agents,
      durationSeconds: 24 * 3600,
      warmupSeconds: 3600,
      replications: 10,
      targetSeconds: 30,
      seed: 987_654,
    });
    for (const q of check.queues) expect(q.serviceLevel.mean).toBeGreaterThanOrEqual(0.79);
    // Specialists alone: 0.52 overall by Erlang C; the plan lifts every queue.
    const offered = check.queues.reduce((s, q) => s + q.offered.mean, 0);
    const within = check.queues.reduce((s, q) => s + q.serviceLevel.mean * q.offered.mean, 0);
    expect(within / offered).toBeGreaterThan(0.8);
  }, 120_000);
});
