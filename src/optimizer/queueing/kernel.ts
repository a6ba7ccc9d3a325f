// The Erlang B kernel every other formula is built on: r(n) = 1 / B(n, A), by the stable forward recursion
//   r(0) = 1,  r(m) = 1 + (m / A) · r(m - 1)
// (the reciprocal of the textbook B(m) = A·B(m-1) / (m + A·B(m-1)); no factorials, no powers).
//
// Speed without loss of accuracy: r(n) = Σ_j n!/((n-j)!·A^j) is a sum of bell-shaped terms whose mass sits
// within a few √A of j = n − A. Starting the recursion at m0 = min(n, A) − 9√A − 10 with r(m0) = 1 drops
// only terms below e^(-40) of the largest one (relative error < 1e-17), so one evaluation costs
// O(max(n − A, 0) + √A) steps instead of O(n). Up to floor(A), four steps are fused per iteration to shorten
// the dependency chain; above it the staffing search needs every r(m), so those steps are single. Every caller
// follows this same schedule, so erlangC() and requiredAgents() agree to the last bit. and m/A is formed as m·hi + m·lo with hi + lo = 1/A to ~106 bits and m·hi exact, which rounds like a
// true division (a plain m·(1/A) has patterned rounding errors that bias a long recursion).

import { highPart, reciprocalParts } from './numeric.js';

/** First index of the truncated recursion for B(n, A); 0 for small traffic. */
export function recursionStart(n: number, a: number): number {
  const base = n < a ? n : a;
  const m0 = Math.floor(base - 9 * Math.sqrt(a) - 10);
  return m0 > 0 ? m0 : 0;
}

/**
 * Runs the recursion from r(m) = `r` up to r(n), four steps per iteration. `hi`, `lo`: 1/A split by
 * {@link highPart} / {@link reciprocalParts}. Returns Infinity once B underflows (r > ~1.8e308).
 */
export function advanceInverseB(m: number, r: number, n: number, hi: number, lo: number): number {
  while (m + 4 <= n) {
    const k1 = m + 1;
    const k2 = m + 2;
    const k3 = m + 3;
    const k4 = m + 4;
    const c1 = k1 * hi + k1 * lo;
    const c2 = k2 * hi + k2 * lo;
    const c3 = k3 * hi + k3 * lo;
    const c4 = k4 * hi + k4 * lo;
    const p43 = c4 * c3;
    const p432 = p43 * c2;
    // r(m+4) = 1 + c4(1 + c3(1 + c2(1 + c1·r(m))))
    r = 1 + c4 + p43 + p432 + p432 * c1 * r;
    if (r === Infinity) return r;
    m = k4;
  }
  while (m < n) {
    m++;
    r = 1 + (m * hi + m * lo) * r;
  }
  return r;
}

/** One step r(m) = 1 + (m/A)·r(m−1); m/A formed as in {@link advanceInverseB}. */
export function stepInverseB(m: number, r: number, hi: number, lo: number): number {
  return 1 + (m * hi + m * lo) * r;
}

/** r(n) = 1 / B(n, A) for integer n ≥ 0 and A > 0 (Infinity when B underflows). */
export function inverseErlangB(n: number, a: number): number {
  const hi = highPart(1 / a);
  const lo = reciprocalParts(a);
  const floorA = Math.floor(a);
  if (n <= floorA) return advanceInverseB(recursionStart(n, a), 1, n, hi, lo);
  let r = advanceInverseB(recursionStart(n, a), 1, floorA, hi, lo);
  for (let m = floorA + 1; m <= n && r !== Infinity; m++) r = stepInverseB(m, r, hi, lo);
  return r;
}

/**
 * Erlang C from r = 1/B(n, A) for n > A: C = n / (A + (n − A)·r), evaluated as n·B / (A·B + (n − A)) so that
 * (n − A)·r cannot overflow while B is still representable (C ≥ B always holds).
 */
export function erlangCFromInverseB(n: number, a: number, r: number): number {
  const b = 1 / r;
  return (n * b) / (a * b + (n - a));
}

/** SL(T) = 1 − C·e^(−(n−A)·T/AHT), clamped to [0, 1]; `excess` = n − A. The one SL formula of the package. */
export function serviceLevelFromC(c: number, excess: number, ahtSeconds: number, targetSeconds: number): number {
  if (c === 0) return 1;
  const sl = 1 - c * Math.exp((-excess * targetSeconds) / ahtSeconds);
  return sl < 0 ? 0 : sl;
}

/** ASA = C·AHT / (n − A) (mean wait over all calls), for n > A; `excess` = n − A. */
export function asaFromC(c: number, excess: number, ahtSeconds: number): number {
  return (c * ahtSeconds) / excess;
}
