import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../../src/optimizer/index.js';
import { weightsToProficiency, weightsToRings } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const members = (weights: readonly number[]): { memberId: string; weight: number }[] =>
  weights.map((weight, i) => ({ memberId: `m${i}`, weight }));
const weightsArb = fc.array(
  fc.integer({ min: 0, max: 1000 }).map((x) => x / 1000),
  { minLength: 1, maxLength: 30 },
);

describe('weightsToProficiency', () => {
  it('maps the largest weight to max, zero to min, the rest linearly relative to the largest', () => {
    const out = weightsToProficiency(members([0.4, 0.2, 0, 0.1]));
    // Relative to 0.4 on 0..5: 1 -> 5, 0.5 -> 2.5 -> 3 (round half up), 0 -> 0, 0.25 -> 1.25 -> 1.
    expect(out.map((o) => o.proficiency)).toEqual([5, 3, 0, 1]);
    expect(out[1]?.reason).toContain('50%');
  });

  it('never lets a positive weight collapse onto min', () => {
    const out = weightsToProficiency(members([1, 0.01, 0]));
    expect(out.map((o) => o.proficiency)).toEqual([5, 1, 0]);
  });

  it('honours min, max and step', () => {
    const out = weightsToProficiency(members([1, 0.5, 0]), { min: 1, max: 3, step: 0.5 });
    expect(out.map((o) => o.proficiency)).toEqual([3, 2, 1]);
  });

  it('keeps the order of the weights and stays on the grid (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.constantFrom(0.5, 1), (weights, step) => {
        const out = weightsToProficiency(members(weights), { step });
        out.forEach((o, i) => {
          expect(o.proficiency).toBeGreaterThanOrEqual(0);
          expect(o.proficiency).toBeLessThanOrEqual(5);
          expect(Number.isInteger(o.proficiency / step)).toBe(true);
          expect(o.proficiency === 0).toBe((weights[i] ?? 0) === 0);
          for (let j = 0; j < weights.length; j++) {
            if ((weights[i] ?? 0) > (weights[j] ?? 0))
              expect(o.proficiency).toBeGreaterThanOrEqual(out[j]?.proficiency ?? 0);
          }
        });
      }),
    );
  });

  it('validates input', () => {
    expectValidationError(() => weightsToProficiency(members([0.5, -0.1])), 'memberWeights[1].weight');
    expectValidationError(() => weightsToProficiency(members([0.5]), { min: 4, max: 2 }), 'options.min');
    expectValidationError(() => weightsToProficiency([...members([1]), ...members([1])]), 'memberWeights[1].memberId');
  });
});

describe('weightsToRings', () => {
  it('puts the largest weight in ring 1 and zero weight in the outermost ring', () => {
    const out = weightsToRings(members([0.6, 0.3, 0.05, 0]));
    // ring = 1 + floor((1 - w / 0.6) * 6): 1 -> 1, 0.5 -> 4, 0.0833 -> 6, 0 -> 6 (clamped).
    expect(out.map((o) => o.ringNumber)).toEqual([1, 4, 6, 6]);
  });

  it('uses only the configured rings', () => {
    const out = weightsToRings(members([1, 0.6, 0.2]), { rings: 2 });
    expect(out.map((o) => o.ringNumber)).toEqual([1, 1, 2]);
  });

  it('keeps the order of the weights within 1..rings (property)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: LIMITS.ringNumber.max }), (weights, rings) => {
        const out = weightsToRings(members(weights), { rings });
        const top = Math.max(...weights);
        out.forEach((o, i) => {
          expect(o.ringNumber).toBeGreaterThanOrEqual(1);
          expect(o.ringNumber).toBeLessThanOrEqual(rings);
          if (top > 0 && weights[i] === top) expect(o.ringNumber).toBe(1);
          for (let j = 0; j < weights.length; j++) {
            if ((weights[i] ?? 0) > (weights[j] ?? 0))
              expect(o.ringNumber).toBeLessThanOrEqual(out[j]?.ringNumber ?? 0);
          }
        });
      }),
    );
  });

  it('rejects ring counts outside 1..6', () => {
    expectValidationError(() => weightsToRings(members([1]), { rings: 7 }), 'options.rings');
    expectValidationError(() => weightsToRings(members([1]), { rings: 0 }), 'options.rings');
  });
});
