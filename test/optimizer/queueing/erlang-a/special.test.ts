// The special functions behind Erlang A (internal modules, tested directly).
import { describe, expect, it } from 'vitest';
import { regularizedGammaP, regularizedGammaQ } from '../../../../src/optimizer/queueing/erlang-a/incomplete-gamma.js';
import {
  bd0,
  digammaDifference,
  logPoissonDensity,
  stirlingError,
} from '../../../../src/optimizer/queueing/erlang-a/special.js';
import { ratioToNumber } from '../exact.js';

const rel = (x: number, y: number) => Math.abs(x - y) / Math.abs(y);

/**
 * Σ_{k<n} Poisson(k; y) for integer y: e^(−y) · Σ y^k/k! with the sum as an exact BigInt fraction, so the
 * only roundings are the final conversion and e^(−y) (independent of the code under test).
 */
function poissonCdfBelow(n: number, y: number): number {
  const Y = BigInt(y);
  let num = 0n; // Σ_{k<n} y^k (n−1)!/k!  over  (n−1)!
  let term = 1n; // y^k · (n−1)!/k!, built downward from k = n − 1
  for (let k = n - 1; k >= 0; k--) {
    num += term * Y ** BigInt(k);
    term *= BigInt(k);
  }
  let den = 1n;
  for (let k = 2n; k < BigInt(n); k++) den *= k;
  return ratioToNumber(num, den) * Math.exp(-y);
}

describe('regularized incomplete gamma', () => {
  it('P(1, y) = 1 − e^(−y)', () => {
    for (const y of [1e-8, 0.01, 0.5, 1, 1.99, 2, 7, 40]) {
      expect(rel(regularizedGammaP(1, y), -Math.expm1(-y))).toBeLessThan(1e-14);
      expect(rel(regularizedGammaQ(1, y), Math.exp(-y))).toBeLessThan(1e-14);
    }
  });

  it('integer shape: Q(n, y) is the Poisson probability of fewer than n events', () => {
    for (const n of [2, 5, 17, 60, 250]) {
      for (const f of [0.3, 0.8, 1, 1.2, 2]) {
        const y = Math.round(n * f);
        const below = poissonCdfBelow(n, y);
        expect(Math.abs(regularizedGammaQ(n, y) - below)).toBeLessThan(1e-14);
        expect(Math.abs(regularizedGammaP(n, y) - (1 - below))).toBeLessThan(1e-14);
        if (below > 1e-300) expect(rel(regularizedGammaQ(n, y), below)).toBeLessThan(1e-12);
      }
    }
  });

  it('matches 40-digit values (mpmath 1.3) near the transition and for large shapes', () => {
    const table: [number, number, number, number][] = [
      [1000.5, 1000.5, 0.5042041932516276, 0.4957958067483724],
      [1000.5, 1032.12, 0.8413041359252573, 0.15869586407474265],
      [100000, 99500, 0.05674182321279226, 0.9432581767872077],
      [100000, 100316, 0.8411711708725476, 0.15882882912745247],
      [1000000, 1000000, 0.5001329807608725, 0.4998670192391274],
      [33.3, 20, 0.004002264226002015, 0.995997735773998],
      [0.25, 3.5, 0.9972349480055199, 0.002765051994480116],
      [2.5, 0.01, 2.987601531906594e-6, 0.999997012398468],
    ];
    for (const [s, y, p, q] of table) {
      expect(Math.abs(regularizedGammaP(s, y) - p), `P(${s}, ${y})`).toBeLessThan(1e-14);
      expect(Math.abs(regularizedGammaQ(s, y) - q), `Q(${s}, ${y})`).toBeLessThan(1e-14);
      expect(rel(Math.min(regularizedGammaP(s, y), regularizedGammaQ(s, y)), Math.min(p, q))).toBeLessThan(1e-12);
    }
  });

  it('P(s+1, y) = P(s, y) − y^s e^(−y)/Γ(s+1), and P + Q = 1', () => {
    for (const s of [0.7, 4.2, 99.5, 5000.25]) {
      for (const y of [s / 2, s, s + Math.sqrt(s), 2 * s]) {
        const lhs = regularizedGammaP(s + 1, y);
        const rhs = regularizedGammaP(s, y) - Math.exp(logPoissonDensity(s, y));
        expect(Math.abs(lhs - rhs)).toBeLessThan(1e-14);
        expect(regularizedGammaP(s, y) + regularizedGammaQ(s, y)).toBeCloseTo(1, 15);
      }
    }
  });

  it('stays in [0, 1] at the extremes', () => {
    expect(regularizedGammaP(1e7, 1e6)).toBe(0);
    expect(regularizedGammaQ(10, 1e5)).toBe(0);
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
  });
});

describe('Stirling error, bd0, digamma differences', () => {
  it('stirlingError(s) = lnΓ(s+1) − (s+½)ln s + s − ½ln 2π: factorials and 40-digit values (mpmath 1.3)', () => {
    let logFactorial = 0;
    for (let n = 1; n <= 60; n++) {
      logFactorial += Math.log(n);
      const direct = logFactorial - (n + 0.5) * Math.log(n) + n - 0.5 * Math.log(2 * Math.PI);
      expect(Math.abs(stirlingError(n) - direct)).toBeLessThan(1e-13);
    }
    const table: [number, number][] = [
      [0.01, 1.4340079537031842],
      [0.5, 0.15342640972002736],
      [1, 0.08106146679532726],
      [7.5, 0.011104559758206917],
      [19.9, 0.004187252460871504],
      [20, 0.004166319691996922],
      [55, 0.001515134820843603],
      [10_000, 8.333333330555555e-6],
      [123_456.75, 6.75000219373595e-7],
    ];
    for (const [s, value] of table) expect(rel(stirlingError(s), value), `δ(${s})`).toBeLessThan(1e-13);
  });

  it('bd0(x, m) = x ln(x/m) + m − x, accurate when x ≈ m', () => {
    expect(bd0(10, 10)).toBe(0);
    for (const [x, m] of [
      [5, 20],
      [100, 37],
      [1e6, 1e6 + 3000],
    ] as const) {
      expect(rel(bd0(x, m), x * Math.log(x / m) + m - x)).toBeLessThan(1e-9);
    }
    // x ≈ m: the series keeps full relative accuracy; ≈ (x − m)²/(2m) for small differences.
    const d = 2 ** -10; // exactly representable, so x − m is exact
    expect(rel(bd0(1e6 + d, 1e6), (d * d) / 2e6)).toBeLessThan(1e-9);
  });

  it('digammaDifference(x, gap) = Σ_{i<gap} 1/(x+i) for integer gaps, with no cancellation', () => {
    for (const [x, gap] of [
      [0.5, 3],
      [2.25, 64],
      [7, 1000],
      [1e6, 150],
      [0.01, 5000],
    ] as const) {
      let direct = 0;
      for (let i = gap - 1; i >= 0; i--) direct += 1 / (x + i);
      expect(rel(digammaDifference(x, gap), direct)).toBeLessThan(1e-13);
    }
    expect(digammaDifference(3, 0)).toBe(0);
  });
});
