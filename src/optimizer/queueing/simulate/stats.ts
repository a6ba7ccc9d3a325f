// Means and 95 % confidence half-widths across replications (Student t).
import type { Estimate } from './types.js';

// Two-sided 95 % quantiles t_{0.975, df} for df = 1..30.
const T975 = [
  12.706204736, 4.30265273, 3.182446305, 2.776445105, 2.570581836, 2.446911851, 2.364624252, 2.306004135, 2.262157163,
  2.228138852, 2.20098516, 2.17881283, 2.160368656, 2.144786688, 2.131449546, 2.119905299, 2.109815578, 2.10092204,
  2.093024054, 2.085963447, 2.079613845, 2.073873068, 2.06865761, 2.063898562, 2.059538553, 2.055529439, 2.051830516,
  2.048407142, 2.045229642, 2.042272456,
];

/** t_{0.975, df}: the table up to 30, then the Cornish–Fisher expansion around the normal quantile. */
export function studentT975(df: number): number {
  if (df <= 30) return T975[df - 1] as number;
  const z = 1.959963984540054;
  const z3 = z * z * z;
  const z5 = z3 * z * z;
  const z7 = z5 * z * z;
  return (
    z +
    (z3 + z) / (4 * df) +
    (5 * z5 + 16 * z3 + 3 * z) / (96 * df * df) +
    (3 * z7 + 19 * z5 + 17 * z3 - 15 * z) / (384 * df * df * df)
  );
}

/**
 * The standard normal quantile Φ⁻¹(p) for 0 < p < 1, by Acklam's rational approximation (relative error below
 * 1.2e-9): the one-sided test's number of standard errors for a confidence level.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`normalQuantile: p must be in (0, 1), received ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716, 2.506628277459239,
  ];
  const b = [-54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const poly = (k: number[], x: number): number => k.reduce((s, v) => s * x + v, 0);
  const tail = (q: number): number => poly(c, q) / (poly(d, q) * q + 1);
  const low = 0.02425;
  if (p < low) return tail(Math.sqrt(-2 * Math.log(p)));
  if (p > 1 - low) return -tail(Math.sqrt(-2 * Math.log(1 - p)));
  const q = p - 0.5;
  const r = q * q;
  return (poly(a, r) * q) / (poly(b, r) * r + 1);
}

/** Mean and 95 % half-width of the defined values (NaN entries = no data in that replication are skipped). */
export function estimate(values: readonly number[]): Estimate {
  let n = 0;
  let sum = 0;
  for (const v of values) {
    if (v === v) {
      n++;
      sum += v;
    }
  }
  if (n === 0) return { mean: 0, halfWidth: Infinity };
  const mean = sum / n;
  if (n < 2) return { mean, halfWidth: Infinity };
  let ss = 0;
  for (const v of values) if (v === v) ss += (v - mean) * (v - mean);
  return { mean, halfWidth: studentT975(n - 1) * Math.sqrt(ss / (n - 1) / n) };
}
