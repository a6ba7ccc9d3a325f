import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeWeights, validateWeights } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

describe('validateWeights', () => {
  it('accepts a valid set', () => {
    expect(
      validateWeights({
        memberWeights: [
          { memberId: 'a', weight: 0.5 },
          { memberId: 'b', weight: 0.3 },
          { memberId: 'c', weight: 0.2 },
        ],
        overflowThreshold: 0.8,
        utilizationTarget: 0.85,
      }),
    ).toEqual([]);
  });

  it('reports every issue with its path', () => {
    const issues = validateWeights({
      memberWeights: [
        { memberId: 'a', weight: 1.2 },
        { memberId: 'b', weight: -0.1 },
        { memberId: 'a', weight: 0.4 },
      ],
      overflowThreshold: 1.5,
      utilizationTarget: -1,
    });
    expect(issues.map((i) => [i.path, i.code])).toEqual([
      ['memberWeights[0].weight', 'weightOutOfRange'],
      ['memberWeights[1].weight', 'weightOutOfRange'],
      ['memberWeights[2].memberId', 'duplicateMember'],
      ['memberWeights', 'sumExceedsOne'],
      ['overflowThreshold', 'thresholdOutOfRange'],
      ['utilizationTarget', 'thresholdOutOfRange'],
    ]);
    expect(issues[2]?.message).toContain('memberWeights[0]');
  });

  it('tolerates floating-point excess within the tolerance only', () => {
    const thirds = [0.1, 0.2, 0.7].map((weight, i) => ({ memberId: `m${i}`, weight }));
    expect(validateWeights({ memberWeights: thirds })).toEqual([]);
    const over = [0.5, 0.5005].map((weight, i) => ({ memberId: `m${i}`, weight }));
    expect(validateWeights({ memberWeights: over }).map((i) => i.code)).toEqual(['sumExceedsOne']);
    expect(validateWeights({ memberWeights: over, tolerance: 0.001 })).toEqual([]);
  });

  it('throws a ValidationError for malformed input', () => {
    expectValidationError(
      () => validateWeights({ memberWeights: [{ memberId: 'a', weight: Number.NaN }] }),
      'memberWeights[0].weight',
    );
    expectValidationError(
      () => validateWeights({ memberWeights: [{ memberId: '', weight: 0.1 }] }),
      'memberWeights[0].memberId',
    );
    expectValidationError(
      () => validateWeights({ memberWeights: [], overflowThreshold: Infinity }),
      'overflowThreshold',
    );
  });
});

describe('normalizeWeights', () => {
  it('rounds with the largest remainder so the total is exact', () => {
    expect(normalizeWeights([1, 1, 1])).toEqual([0.34, 0.33, 0.33]);
    expect(normalizeWeights([2, 1, 1], { total: 100, decimals: 0 })).toEqual([50, 25, 25]);
    expect(normalizeWeights([1, 1, 1], { total: 100, decimals: 0 })).toEqual([34, 33, 33]);
  });

  it('keeps the input shape (record, member rows with extra fields)', () => {
    expect(normalizeWeights({ x: 3, y: 1 })).toEqual({ x: 0.75, y: 0.25 });
    const rows = normalizeWeights([
      { memberId: 'a', weight: 1, ring: 2 },
      { memberId: 'b', weight: 2, ring: 1 },
    ]);
    expect(rows).toEqual([
      { memberId: 'a', weight: 0.33, ring: 2 },
      { memberId: 'b', weight: 0.67, ring: 1 },
    ]);
  });

  it('copes with weights whose sum would overflow', () => {
    expect(normalizeWeights([1e308, 1e308, 0])).toEqual([0.5, 0.5, 0]);
  });

  it('shares the total equally when every weight is 0', () => {
    expect(normalizeWeights([0, 0, 0, 0])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('rejects bad input with paths', () => {
    expectValidationError(() => normalizeWeights([0.5, -1]), 'weights[1]');
    expectValidationError(() => normalizeWeights([]), 'weights');
    expectValidationError(() => normalizeWeights({}), 'weights');
    expectValidationError(() => normalizeWeights([1], { total: 0.005, decimals: 2 }), 'options.total');
    expectValidationError(() => normalizeWeights([1], { decimals: 11 }), 'options.decimals');
    expectValidationError(
      () =>
        normalizeWeights([
          { memberId: 'a', weight: 1 },
          { memberId: 'a', weight: 1 },
        ]),
      'weights[1].memberId',
    );
  });

  const weightsArb = fc.array(
    fc.integer({ min: 0, max: 1_000_000 }).map((x) => x / 1000),
    { minLength: 1, maxLength: 40 },
  );
  const optionsArb = fc.record({
    decimals: fc.integer({ min: 0, max: 6 }),
    totalUnits: fc.integer({ min: 1, max: 100_000 }),
  });

  it('sums to the total exactly, each value within one unit of its exact share, order kept (property)', () => {
    fc.assert(
      fc.property(weightsArb, optionsArb, (weights, { decimals, totalUnits }) => {
        const scale = 10 ** decimals;
        const total = totalUnits / scale;
        const out = normalizeWeights(weights, { total, decimals });
        expect(out).toHaveLength(weights.length);
        const units = out.map((v) => Math.round(v * scale));
        // Every value is a whole number of units, printed exactly with `decimals` decimals.
        out.forEach((v, i) => expect(v).toBe(Number(((units[i] ?? 0) / scale).toFixed(decimals))));
        expect(units.reduce((s, u) => s + u, 0)).toBe(totalUnits);
        expect(Number(out.reduce((s, v) => s + v, 0).toFixed(decimals))).toBe(total);
        const sum = weights.reduce((s, w) => s + w, 0);
        weights.forEach((w, i) => {
          const exact = sum > 0 ? (w / sum) * totalUnits : totalUnits / weights.length;
          expect(Math.abs((units[i] ?? 0) - exact)).toBeLessThan(1 + 1e-6);
        });
        for (let i = 0; i < weights.length; i++) {
          for (let j = 0; j < weights.length; j++) {
            if ((weights[i] ?? 0) > (weights[j] ?? 0)) expect(out[i]).toBeGreaterThanOrEqual(out[j] ?? 0);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is idempotent: normalising a normalised set changes nothing (property)', () => {
    fc.assert(
      fc.property(weightsArb, (weights) => {
        const once = normalizeWeights(weights, { decimals: 4 });
        expect(normalizeWeights(once, { decimals: 4 })).toEqual(once);
      }),
    );
  });
});
