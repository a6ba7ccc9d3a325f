import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../../src/optimizer/queueing/simulate/stats.js';
import { judged } from '../../../src/optimizer/routing/evaluate/evaluate.js';
import { acceptanceRule, normalizeOptions } from '../../../src/optimizer/routing/input.js';
import { evaluateRouting } from '../../../src/optimizer/index.js';
import { ValidationError } from '../../../src/errors/index.js';

describe('normalQuantile', () => {
  it('matches the standard normal quantiles in the centre and both tails', () => {
    expect(normalQuantile(0.5)).toBeCloseTo(0, 12);
    expect(normalQuantile(0.95)).toBeCloseTo(1.6448536, 6);
    expect(normalQuantile(0.975)).toBeCloseTo(1.959964, 6);
    expect(normalQuantile(0.99)).toBeCloseTo(2.3263479, 6);
    expect(normalQuantile(0.001)).toBeCloseTo(-3.0902323, 6);
    expect(normalQuantile(0.9999)).toBeCloseTo(3.7190165, 5);
  });

  it('rejects levels outside (0, 1)', () => {
    for (const p of [0, 1, -0.1, Number.NaN]) expect(() => normalQuantile(p)).toThrow(RangeError);
  });
});

/** What normalizeOptions reads of a problem: its queue count and whether it is a day. */
const shape = (queues: number, timeVarying = false) =>
  ({
    queues: Array.from({ length: queues }, () => ({})),
    horizon: { timeVarying, intervals: timeVarying ? 48 : 1, intervalSeconds: timeVarying ? 1800 : 3600 },
  }) as unknown as Parameters<typeof normalizeOptions>[1];

describe('acceptance rules', () => {
  it('joint95 tests each of n queues at 0.95^(1/n), lower95 each alone at 0.95', () => {
    const z = (rule: ReturnType<typeof acceptanceRule>): number => (rule === 'mean' ? 0 : rule.z);
    expect(z(acceptanceRule('lower95', 10))).toBeCloseTo(1.645, 3);
    expect(z(acceptanceRule('joint95', 1))).toBeCloseTo(1.645, 3);
    expect(z(acceptanceRule('joint95', 6))).toBeCloseTo(2.386, 3);
    expect(z(acceptanceRule('joint95', 10))).toBeCloseTo(2.568, 3);
    expect(z(acceptanceRule('joint95', 50))).toBeCloseTo(3.083, 3);
    expect(acceptanceRule('mean', 10)).toBe('mean');
  });

  it('a queue a little above target passes each-alone on ten queues but not jointly', () => {
    const figure = { mean: 0.81, halfWidth: 0.01 };
    expect(judged(figure, acceptanceRule('lower95', 10))).toBeGreaterThanOrEqual(0.8);
    expect(judged(figure, acceptanceRule('joint95', 10))).toBeLessThan(0.8);
    expect(judged(figure, 'mean')).toBe(0.81);
  });

  it('joint95 is the default on a steady hour of up to 15 queues, and passes no queue lower95 fails', () => {
    expect(normalizeOptions({}, shape(6)).acceptance).toEqual(acceptanceRule('joint95', 6));
    expect(normalizeOptions({}, shape(15)).acceptance).toEqual(acceptanceRule('joint95', 15));
    expect(normalizeOptions({}, shape(16)).acceptance).toEqual(acceptanceRule('lower95', 16));
    expect(normalizeOptions({}, shape(4, true)).acceptance).toEqual(acceptanceRule('lower95', 4)); // a day
    expect(normalizeOptions({ acceptance: 'joint95' }, shape(50)).acceptance).toEqual(acceptanceRule('joint95', 50));
    expect(normalizeOptions({ acceptance: 'joint95' }, shape(4, true)).acceptance).toEqual(
      acceptanceRule('joint95', 4),
    );
    // Six like queues of 10 Erlangs on 14 agents each, on short runs: wide intervals around 0.84-0.90.
    const target = { serviceLevel: 0.8, withinSeconds: 20 };
    const queues = Array.from({ length: 6 }, (_, k) => ({ id: `q${k}`, callsPerHour: 120, ahtSeconds: 300, target }));
    const agents = queues.flatMap((q) =>
      Array.from({ length: 14 }, (_, i) => ({ id: `${q.id}-${i}`, skills: { [q.id]: 3 } })),
    );
    const opts = { seed: 2, contacts: 30_000, replications: 4 };
    const verdicts = (acceptance?: 'joint95' | 'lower95'): boolean[] =>
      evaluateRouting({ queues, agents }, { ...opts, acceptance }).queues.map((q) => q.meetsTarget);
    const byDefault = verdicts();
    const joint = verdicts('joint95');
    const alone = verdicts('lower95');
    expect(byDefault).toEqual(joint);
    joint.forEach((passes, i) => expect(!passes || alone[i]).toBe(true));
    expect(joint.filter(Boolean).length).toBeLessThan(alone.filter(Boolean).length);
  });

  it('an unknown rule is a typed error naming options.acceptance and the allowed values', () => {
    const bad = { acceptance: 'lower99' } as unknown as Parameters<typeof normalizeOptions>[0];
    expect(() => normalizeOptions(bad, shape(3))).toThrow(ValidationError);
    expect(() => normalizeOptions(bad, shape(3))).toThrow(/options\.acceptance.*'joint95', 'lower95' or 'mean'/);
    const queues = [{ id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 20 } }];
    const agents = [{ id: 'a', skills: { q: 3 } }];
    const badEval = { acceptance: 'lower99' } as unknown as Parameters<typeof evaluateRouting>[1];
    expect(() => evaluateRouting({ queues, agents }, badEval)).toThrow(/options\.acceptance.*'joint95'/);
    const badObjective = { objective: 'peak' } as unknown as Parameters<typeof evaluateRouting>[1];
    expect(() => evaluateRouting({ queues, agents }, badObjective)).toThrow(/options\.objective/);
  });
});
