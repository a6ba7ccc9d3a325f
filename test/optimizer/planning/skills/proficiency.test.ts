import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  schemas,
  defaultProficiencyPolicy,
  resolveProficiencyPolicy,
  scoreProficiency,
} from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const p = defaultProficiencyPolicy;
const linear = (value: number, best: number, worst: number): number =>
  Math.min(1, Math.max(0, (value - worst) / (best - worst)));

/** The documented formula, written out independently of the implementation. */
function expectedTarget(resolution: number, transfer: number, ratio: number): number {
  const w = p.weights;
  const total = w.resolution + w.transfer + w.handleTime;
  const score =
    (w.resolution * linear(resolution, p.resolutionRate.best, p.resolutionRate.worst) +
      w.transfer * linear(transfer, p.transferRate.best, p.transferRate.worst) +
      w.handleTime * linear(ratio, p.handleTimeRatio.best, p.handleTimeRatio.worst)) /
    total;
  return p.bounds.min + score * (p.bounds.max - p.bounds.min);
}

const typical = {
  handled: 200,
  resolutionRate: 0.8,
  transferRate: 0.1,
  avgHandleSeconds: 300,
  queueMedianHandleSeconds: 300,
};

describe('defaultProficiencyPolicy', () => {
  it('is a valid policy and is frozen', () => {
    expect(schemas.ProficiencyPolicySchema.safeParse(p).success).toBe(true);
    expect(Object.isFrozen(p)).toBe(true);
    expect(Object.isFrozen(p.weights)).toBe(true);
  });

  it('merges overrides one level deep', () => {
    const merged = resolveProficiencyPolicy({ minContacts: 50, weights: { transfer: 0 } });
    expect(merged.minContacts).toBe(50);
    expect(merged.weights).toEqual({ ...p.weights, transfer: 0 });
    expect(merged.step).toBe(p.step);
  });

  it('rejects inconsistent policies with the field path', () => {
    expectValidationError(() => resolveProficiencyPolicy({ bounds: { min: 4, max: 2 } }), 'bounds.min');
    expectValidationError(() => resolveProficiencyPolicy({ step: 0.5, bounds: { min: 1.25 } }), 'bounds.min');
    expectValidationError(
      () => resolveProficiencyPolicy({ weights: { resolution: 0, transfer: 0, handleTime: 0 } }),
      'weights',
    );
    expectValidationError(
      () => resolveProficiencyPolicy({ transferRate: { best: 0.5, worst: 0.1 } }),
      'transferRate.best',
    );
    expectValidationError(() => resolveProficiencyPolicy({ bounds: { max: 6 } }), 'bounds.max');
  });
});

describe('scoreProficiency', () => {
  it('applies the documented weighted score to a typical agent', () => {
    const target = expectedTarget(0.8, 0.1, 1);
    const result = scoreProficiency(typical);
    expect(result.proficiency).toBe(Math.round(target));
    expect(result.previousProficiency).toBeUndefined();
    expect(result.changed).toBe(true);
    const scoreReason = result.reasons.find((r) => r.factor === 'score');
    expect(scoreReason?.value).toBeCloseTo(target, 10);
  });

  it('explains every component with numbers whose contributions add up to the target', () => {
    const result = scoreProficiency({ ...typical, currentProficiency: 3 });
    const components = result.reasons.filter((r) => ['resolution', 'transfer', 'handleTime'].includes(r.factor));
    expect(components.map((c) => c.factor)).toEqual(['resolution', 'transfer', 'handleTime']);
    const sumWeights = components.reduce((s, c) => s + (c.weight ?? 0), 0);
    expect(sumWeights).toBeCloseTo(1, 12);
    const sumContrib = components.reduce((s, c) => s + (c.contribution ?? 0), 0);
    expect(p.bounds.min + sumContrib).toBeCloseTo(expectedTarget(0.8, 0.1, 1), 10);
    expect(components[0]?.message).toContain('80%');
    for (const c of components) expect(c.message).toMatch(/score [\d.]+ x weight [\d.]+/);
  });

  it('keeps the current proficiency below the noise floor', () => {
    const result = scoreProficiency({ ...typical, handled: p.minContacts - 1, currentProficiency: 2 });
    expect(result.proficiency).toBe(2);
    expect(result.changed).toBe(false);
    expect(result.score).toBeUndefined();
    expect(result.reasons[0]?.factor).toBe('noiseFloor');
    expect(result.reasons[0]?.message).toContain(String(p.minContacts));
  });

  it('gives a new assignment below the noise floor the initial proficiency', () => {
    const result = scoreProficiency({ handled: 0 });
    expect(result.proficiency).toBe(p.initialProficiency);
    expect(result.changed).toBe(true);
  });

  it('keeps the current value when no quality metric is supplied', () => {
    const result = scoreProficiency({ handled: 500, currentProficiency: 4 });
    expect(result.proficiency).toBe(4);
    expect(result.changed).toBe(false);
    expect(result.reasons.some((r) => r.factor === 'score' && r.message.includes('nothing to score'))).toBe(true);
  });

  it('renormalises weights over the metrics that are present', () => {
    const result = scoreProficiency({ handled: 100, resolutionRate: 0.95 }, { step: 0.5 });
    // Resolution alone at its best scores 1 -> bounds.max.
    expect(result.score).toBe(1);
    expect(result.proficiency).toBe(p.bounds.max);
  });

  it('limits the change per run and says so', () => {
    const best = {
      handled: 500,
      resolutionRate: 1,
      transferRate: 0,
      avgHandleSeconds: 100,
      queueMedianHandleSeconds: 300,
    };
    const result = scoreProficiency({ ...best, currentProficiency: 1 });
    expect(result.proficiency).toBe(1 + p.maxChangePerRun);
    expect(result.reasons.some((r) => r.factor === 'maxChange')).toBe(true);
    const down = scoreProficiency({ handled: 500, resolutionRate: 0, transferRate: 1, currentProficiency: 5 });
    expect(down.proficiency).toBe(5 - p.maxChangePerRun);
  });

  it('withholds increases for an agent at or above the occupancy ceiling, but not decreases', () => {
    const best = { handled: 500, resolutionRate: 1, transferRate: 0 };
    const up = scoreProficiency({ ...best, currentProficiency: 3, occupancy: p.occupancyCeiling });
    expect(up.proficiency).toBe(3);
    expect(up.reasons.some((r) => r.factor === 'occupancy')).toBe(true);
    const down = scoreProficiency({ handled: 500, resolutionRate: 0, currentProficiency: 3, occupancy: 0.99 });
    expect(down.proficiency).toBe(3 - p.maxChangePerRun);
  });

  it('adds a capped certification bonus', () => {
    const base = scoreProficiency({ handled: 100, resolutionRate: 0.5 + 0.45 * 0.25 }, { step: 0.5 });
    const certs = scoreProficiency(
      { handled: 100, resolutionRate: 0.5 + 0.45 * 0.25, certifications: ['a', 'b', 'c', 'd'] },
      { step: 0.5 },
    );
    expect(certs.proficiency - base.proficiency).toBe(p.maxCertificationBonus);
    expect(certs.reasons.find((r) => r.factor === 'certifications')?.contribution).toBe(p.maxCertificationBonus);
  });

  it('clamps to the bounds even when the current value is outside them', () => {
    const result = scoreProficiency(
      { handled: 100, resolutionRate: 0, currentProficiency: 0 },
      { bounds: { min: 2 }, maxChangePerRun: 1 },
    );
    expect(result.proficiency).toBe(2);
    expect(result.reasons.some((r) => r.factor === 'bounds')).toBe(true);
  });

  it('scores to a multiple of step within bounds and the max change, or keeps the current value (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          handled: fc.integer({ min: 0, max: 1000 }),
          resolutionRate: fc.option(
            fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
            { nil: undefined },
          ),
          transferRate: fc.option(
            fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
            { nil: undefined },
          ),
          occupancy: fc.option(
            fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
            { nil: undefined },
          ),
          currentProficiency: fc.option(
            fc.integer({ min: 2, max: 8 }).map((x) => x / 2),
            { nil: undefined },
          ),
        }),
        fc.constantFrom(0.5, 1),
        (metrics, step) => {
          const policy = { step, bounds: { min: 1, max: 4 }, maxChangePerRun: 1 };
          const result = scoreProficiency(metrics, policy);
          const { proficiency } = result;
          if (result.score === undefined) {
            // Noise floor or no metrics: the current value is kept verbatim.
            expect(proficiency).toBe(metrics.currentProficiency ?? p.initialProficiency);
            return;
          }
          // On the step grid, unless a guard kept an off-grid current value unchanged.
          if (proficiency !== metrics.currentProficiency) expect(Number.isInteger(proficiency / step)).toBe(true);
          expect(proficiency).toBeGreaterThanOrEqual(1);
          expect(proficiency).toBeLessThanOrEqual(4);
          const current = metrics.currentProficiency;
          if (current !== undefined && current >= 1 && current <= 4) {
            expect(Math.abs(proficiency - current)).toBeLessThanOrEqual(1 + 1e-9);
          }
        },
      ),
    );
  });

  it('never lowers the result when resolution improves (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 60 }),
        (r1, r2, t) => {
          const [lo, hi] = r1 <= r2 ? [r1, r2] : [r2, r1];
          const base = { handled: 100, transferRate: t / 100 };
          const a = scoreProficiency({ ...base, resolutionRate: lo / 100 }, { step: 0.5 });
          const b = scoreProficiency({ ...base, resolutionRate: hi / 100 }, { step: 0.5 });
          expect(b.proficiency).toBeGreaterThanOrEqual(a.proficiency);
        },
      ),
    );
  });

  it('reports bad metrics and policies with their paths', () => {
    expectValidationError(() => scoreProficiency({ handled: -1 }), 'metrics.handled');
    expectValidationError(() => scoreProficiency({ handled: 10, resolutionRate: 1.2 }), 'metrics.resolutionRate');
    expectValidationError(
      () => scoreProficiency({ handled: 10, avgHandleSeconds: 200 }),
      'metrics.queueMedianHandleSeconds',
    );
    expectValidationError(
      () => scoreProficiency({ handled: 10, currentProficiency: Number.NaN }),
      'metrics.currentProficiency',
    );
    expectValidationError(() => scoreProficiency({ handled: 10 }, { step: 0 }), 'policy.step');
    expect(
      expectValidationError(() => scoreProficiency({ handled: 10 }, { minContact: 3 } as never), 'policy.minContact')
        .message,
    ).toContain('did you mean minContacts?');
  });
});
