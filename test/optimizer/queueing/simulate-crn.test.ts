// Common random numbers: two runs with the same seed see the same calls, so paired differences are precise.
import { describe, expect, it } from 'vitest';
import { compareSimulations, simulate, type SimulationModel } from '../../../src/optimizer/index.js';
import { expectValidationError } from './helpers.js';

const agents = (n: number, extra: object = {}) =>
  Array.from({ length: n }, (_, i) => ({ id: `a${i}`, skills: { s: 1 }, ...extra }));

// 50 Erlangs (600 calls/h × 300 s), 80/20-style target, 56 vs 55 agents.
const fifty: SimulationModel = {
  queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 600, ahtSeconds: 300 }],
  agents: agents(56),
  durationSeconds: 8 * 3600,
  warmupSeconds: 3600,
  replications: 30,
  targetSeconds: 20,
  seed: 7,
};

describe('simulate: common random numbers', () => {
  it('56 vs 55 agents at 50 Erlangs: pairing cuts the variance of the difference at least 10-fold', () => {
    const cmp = compareSimulations(fifty, { ...fifty, agents: agents(55) });
    const q = cmp.queues[0];
    if (!q) throw new Error('missing queue');
    // The estimate behind the figure: (Var(base) + Var(variant)) ÷ Var(paired difference), per replication.
    expect(q.varianceReduction).toBeGreaterThanOrEqual(10);
    // One agent fewer lowers the service level; the paired interval excludes 0 and matches the two runs' means.
    expect(q.serviceLevel.mean).toBeLessThan(0);
    expect(q.serviceLevel.halfWidth).toBeLessThan(Math.abs(q.serviceLevel.mean));
    const base = cmp.base.queues[0]?.serviceLevel.mean ?? NaN;
    const variant = cmp.variant.queues[0]?.serviceLevel.mean ?? NaN;
    expect(q.serviceLevel.mean).toBeCloseTo(variant - base, 12);
    // The paired interval is far narrower than either run's own interval.
    expect(q.serviceLevel.halfWidth).toBeLessThan((cmp.base.queues[0]?.serviceLevel.halfWidth ?? 0) / 2);
  });

  it('with patience the pairing holds as well (patience drawn at arrival)', () => {
    const impatient = { ...fifty, queues: [{ ...fifty.queues[0]!, patienceSeconds: 180 }] };
    const q = compareSimulations(impatient, { ...impatient, agents: agents(55) }).queues[0];
    expect(q?.varianceReduction).toBeGreaterThanOrEqual(10);
    expect(q?.abandonRate.mean).toBeGreaterThan(0);
  });

  it('every run with the same seed sees the same calls, whatever the staffing, skills, speed or priority', () => {
    const model: SimulationModel = {
      queues: [
        { id: 'q1', skill: 's', arrivalRatePerHour: 300, ahtSeconds: 240, patienceSeconds: 120 },
        { id: 'q2', skill: 't', arrivalRatePerHour: 200, ahtSeconds: 300 },
      ],
      agents: Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, skills: { s: 1 + (i % 5), t: i % 2 } })),
      durationSeconds: 20_000,
      warmupSeconds: 1_000,
      replications: 5,
      targetSeconds: 20,
      seed: 3,
    };
    const offered = (m: SimulationModel) => simulate(m).queues.map((q) => q.offered);
    const reference = offered(model);
    expect(offered({ ...model, agents: model.agents.slice(0, 24) })).toEqual(reference);
    expect(offered({ ...model, agents: model.agents.map((a) => ({ ...a, speed: 1.5 })) })).toEqual(reference);
    expect(offered({ ...model, routing: 'longestIdle' })).toEqual(reference);
    // Priorities keep arrivals going after the window (uncounted); the measured calls are the same.
    expect(offered({ ...model, queues: [{ ...model.queues[0]!, priority: 1 }, model.queues[1]!] })).toEqual(reference);
    // Another seed: other calls.
    expect(offered({ ...model, seed: 4 })).not.toEqual(reference);
  });

  it('identical models give identical results and no variance reduction figure (nothing varies)', () => {
    const small = { ...fifty, durationSeconds: 3600, replications: 3 };
    const cmp = compareSimulations(small, small);
    expect(cmp.base).toEqual(cmp.variant);
    expect(cmp.queues[0]?.serviceLevel).toEqual({ mean: 0, halfWidth: 0 });
    expect(cmp.queues[0]?.varianceReduction).toBeNull();
  });

  it('rejects models that cannot be paired, naming the field', () => {
    const small = { ...fifty, durationSeconds: 3600, replications: 3 };
    expectValidationError(() => compareSimulations(small, { ...small, seed: 8 }), 'variant.seed');
    expectValidationError(() => compareSimulations(small, { ...small, replications: 4 }), 'variant.replications');
    expectValidationError(
      () => compareSimulations(small, { ...small, queues: [{ ...small.queues[0]!, id: 'other' }] }),
      'variant.queues',
    );
  });
});
