import { describe, expect, it } from 'vitest';
import { averageSpeedOfAnswer, erlangA, serviceLevel, simulate } from '../../../src/optimizer/index.js';
import type { Estimate, SimulationModel } from '../../../src/optimizer/index.js';
import { expectValidationError } from './helpers.js';

const agents = (n: number, skills: Record<string, number>) =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i}`, skills }));

/** The exact value lies inside the simulation's 95 % confidence interval, and the interval is tight. */
function expectWithin(e: Estimate, exact: number, maxHalfWidth: number): void {
  expect(e.halfWidth).toBeLessThan(maxHalfWidth);
  expect(Math.abs(e.mean - exact), `mean ${e.mean} ± ${e.halfWidth} vs ${exact}`).toBeLessThanOrEqual(e.halfWidth);
}

describe('simulate', () => {
  it('one queue, one skill: converges to Erlang C within its confidence interval', () => {
    const result = simulate({
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: (8 / 100) * 3600, ahtSeconds: 100 }],
      agents: agents(10, { s: 1 }),
      durationSeconds: 100_000,
      warmupSeconds: 2_000,
      replications: 20,
      targetSeconds: 20,
      seed: 11,
    });
    const q = result.queues[0];
    expect(q).toBeDefined();
    if (!q) return;
    expectWithin(q.serviceLevel, serviceLevel({ agents: 10, traffic: 8, ahtSeconds: 100, targetSeconds: 20 }), 0.03);
    expectWithin(q.asaSeconds, averageSpeedOfAnswer({ agents: 10, traffic: 8, ahtSeconds: 100 }), 3);
    expectWithin(q.offered, 0.08 * 100_000, 100);
    expect(q.abandoned.mean).toBe(0);
    const occupancy = result.agents.reduce((s, a) => s + a.occupancy.mean, 0) / 10;
    expect(occupancy).toBeCloseTo(0.8, 2);
  });

  it('with patience: converges to Erlang A within its confidence interval (also above capacity)', () => {
    for (const [n, a, seed] of [
      [10, 8, 3],
      [10, 12, 4],
    ] as const) {
      const result = simulate({
        queues: [{ id: 'q', skill: 's', arrivalRatePerHour: (a / 100) * 3600, ahtSeconds: 100, patienceSeconds: 60 }],
        agents: agents(n, { s: 2 }),
        durationSeconds: 100_000,
        warmupSeconds: 2_000,
        replications: 20,
        targetSeconds: 20,
        seed,
      });
      const exact = erlangA({ agents: n, traffic: a, ahtSeconds: 100, patienceSeconds: 60, targetSeconds: 20 });
      const q = result.queues[0];
      if (!q) throw new Error('missing queue');
      expectWithin(q.serviceLevel, exact.serviceLevel, 0.02);
      expectWithin(q.abandonRate, exact.probabilityOfAbandon, 0.01);
      expectWithin(q.asaSeconds, exact.asaSeconds, 1.5);
    }
  });

  it('two queues sharing every agent behave as one pooled Erlang C queue (longest-waiting call first)', () => {
    const result = simulate({
      queues: [
        { id: 'billing', skill: 'billing', arrivalRatePerHour: 108, ahtSeconds: 200 },
        { id: 'sales', skill: 'sales', callsPerInterval: 54, intervalSeconds: 900, ahtSeconds: 200 },
      ],
      agents: agents(21, { billing: 2, sales: 4 }),
      routing: 'longestIdle',
      durationSeconds: 100_000,
      warmupSeconds: 2_000,
      replications: 20,
      targetSeconds: 30,
      seed: 5,
    });
    // (108 + 216) calls/h × 200 s = 18 Erlangs on 21 agents.
    const sl = serviceLevel({ agents: 21, traffic: 18, ahtSeconds: 200, targetSeconds: 30 });
    const asa = averageSpeedOfAnswer({ agents: 21, traffic: 18, ahtSeconds: 200 });
    for (const q of result.queues) {
      expectWithin(q.serviceLevel, sl, 0.03);
      expectWithin(q.asaSeconds, asa, 4);
    }
    expect(result.queues.map((q) => q.id)).toEqual(['billing', 'sales']);
    expect(result.queues[1]?.offered.mean).toBeGreaterThan(1.8 * (result.queues[0]?.offered.mean ?? 0));
  });

  it('bestAvailable sends calls to the most proficient idle agent; longestIdle spreads them', () => {
    const model: SimulationModel = {
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 18, ahtSeconds: 100 }],
      agents: [
        { id: 'junior', skills: { s: 1 } },
        { id: 'senior', skills: { s: 5 } },
      ],
      durationSeconds: 50_000,
      replications: 5,
      targetSeconds: 20,
      seed: 9,
    };
    const best = simulate(model);
    const [junior, senior] = best.agents;
    expect(best.routing).toBe('bestAvailable');
    // 0.5 Erlang on 2 agents: the senior takes every call that finds it idle (about 1/3 of the time busy,
    // by Erlang B with one server), the junior only the overflow (about 1/6).
    expect(senior?.occupancy.mean).toBeGreaterThan(1.6 * (junior?.occupancy.mean ?? 1));
    expect(senior?.occupancy.mean).toBeCloseTo(1 / 3, 1);
    const spread = simulate({ ...model, routing: 'longestIdle' });
    const [j2, s2] = spread.agents;
    expect(Math.abs((s2?.occupancy.mean ?? 0) - (j2?.occupancy.mean ?? 0))).toBeLessThan(0.05);
  });

  it('an agent without the skill (proficiency 0) never serves the queue', () => {
    const result = simulate({
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: 60 }],
      agents: [
        { id: 'yes', skills: { s: 3 } },
        { id: 'zero', skills: { s: 0 } },
        { id: 'other', skills: { t: 5 } },
      ],
      durationSeconds: 20_000,
      replications: 3,
      targetSeconds: 20,
      seed: 2,
    });
    expect(result.agents.map((a) => a.occupancy.mean)).toEqual([expect.any(Number), 0, 0]);
    expect(result.agents[0]?.occupancy.mean).toBeGreaterThan(0.2);
  });

  it('is deterministic for a seed, and the seed matters', () => {
    const model: SimulationModel = {
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 300, ahtSeconds: 120, patienceSeconds: 90 }],
      agents: agents(9, { s: 3 }),
      durationSeconds: 20_000,
      warmupSeconds: 1_000,
      replications: 4,
      targetSeconds: 20,
      seed: 123,
    };
    expect(simulate(model)).toEqual(simulate(model));
    expect(simulate({ ...model, seed: 124 }).queues[0]?.offered.mean).not.toBe(simulate(model).queues[0]?.offered.mean);
  });

  it('callsPerInterval and arrivalRatePerHour describe the same arrivals', () => {
    const base = { agents: agents(5, { s: 1 }), durationSeconds: 10_000, replications: 3, targetSeconds: 20, seed: 8 };
    const byRate = simulate({ ...base, queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 120, ahtSeconds: 90 }] });
    const byInterval = simulate({
      ...base,
      queues: [{ id: 'q', skill: 's', callsPerInterval: 60, intervalSeconds: 1800, ahtSeconds: 90 }],
    });
    expect(byInterval).toEqual(byRate);
  });

  it('excludes the warm-up from the statistics and counts every measured call once', () => {
    const r = simulate({
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 3600, ahtSeconds: 5, patienceSeconds: 10 }],
      agents: agents(6, { s: 1 }),
      durationSeconds: 5_000,
      warmupSeconds: 50_000,
      replications: 6,
      targetSeconds: 5,
      seed: 4,
    });
    const q = r.queues[0];
    if (!q) throw new Error('missing queue');
    expectWithin(q.offered, 5_000, 150); // 1 call/s over the measured 5,000 s only
    expect(q.answered.mean + q.abandoned.mean).toBeCloseTo(q.offered.mean, 10);
    expect(r.contacts).toBeGreaterThan(6 * 50_000); // the warm-up was simulated
  });

  it('a queue nobody can serve: calls wait forever, no NaN, no hang', () => {
    const r = simulate({
      queues: [
        { id: 'orphan', skill: 'x', arrivalRatePerHour: 60, ahtSeconds: 60 },
        { id: 'quiet', skill: 's', arrivalRatePerHour: 0, ahtSeconds: 60 },
      ],
      agents: agents(2, { s: 1 }),
      durationSeconds: 10_000,
      replications: 2,
      targetSeconds: 20,
      seed: 1,
    });
    const [orphan, quiet] = r.queues;
    expect(orphan?.offered.mean).toBeGreaterThan(100);
    expect(orphan?.answered.mean).toBe(0);
    expect(orphan?.serviceLevel.mean).toBe(0);
    expect(orphan?.asaSeconds).toEqual({ mean: 0, halfWidth: Infinity }); // no answered call to average
    expect(quiet?.offered).toEqual({ mean: 0, halfWidth: 0 });
    expect(quiet?.serviceLevel).toEqual({ mean: 0, halfWidth: Infinity });
  });

  it('rejects bad models with errors that name the field', () => {
    const good: SimulationModel = {
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: 60 }],
      agents: agents(2, { s: 1 }),
      durationSeconds: 1000,
      targetSeconds: 20,
    };
    expectValidationError(
      () => simulate({ ...good, queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: -1 }] }),
      'queues[0].ahtSeconds',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ id: 'q', skill: 's', ahtSeconds: 60 }] }),
      'queues[0].arrivalRatePerHour',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ id: 'q', skill: 's', callsPerInterval: 5, ahtSeconds: 60 }] }),
      'queues[0].intervalSeconds',
    );
    expectValidationError(() => simulate({ ...good, agents: [{ id: 'a', skills: { s: 6 } }] }), 'agents[0].skills.s');
    expectValidationError(
      () =>
        simulate({
          ...good,
          agents: [
            { id: 'a', skills: {} },
            { id: 'a', skills: {} },
          ],
        }),
      'agents[1].id',
    );
    expectValidationError(() => simulate({ ...good, replications: 1 }), 'replications');
    expectValidationError(() => simulate({ ...good, durationSeconds: Infinity }), 'durationSeconds');
    expectValidationError(() => simulate({ ...good, routing: 'random' as 'longestIdle' }), 'routing');
    expectValidationError(
      () =>
        simulate({
          ...good,
          queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: 60, patienceSeconds: Number.NaN }],
        }),
      'queues[0].patienceSeconds',
    );
  });
});
