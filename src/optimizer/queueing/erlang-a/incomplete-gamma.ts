// Regularized incomplete gamma functions P(s, y) = γ(s, y)/Γ(s) and Q(s, y) = 1 − P(s, y), s > 0, y ≥ 0.
// Series below the transition (y < s + 1), Lentz's continued fraction above; the prefactor
// y^s e^-y / Γ(s+1) comes from Loader's saddle-point form, so there is no overflow and no cancellation in
// the exponent for any size of s and y. Cost O(√max(s, y)) near the transition, O(1)–O(log) elsewhere.
import { logPoissonDensity } from './special.js';

const TINY = 1e-300;
const EPS = 1e-17;

/**
 * Hard cap on the terms of any series or continued fraction here: a hang guard, never reached for the
 * arguments the public functions accept (at most ~10·√1e11 ≈ 3e6 terms; see erlang-a-limits.ts). Beyond it the
 * partial sum is returned.
 */
export const MAX_SERIES_TERMS = 20_000_000;

/**
 * H(s, y) = Σ_{k≥0} y^k / ((s+1)(s+2)…(s+k)) = P(s, y) / (y^s e^-y / Γ(s+1)), for y < s + 2 where the
 * terms decrease from the first one (so H ≥ 1 and no scaling is needed).
 */
export function lowerSeries(s: number, y: number): number {
  let sum = 1;
  let term = 1;
  for (let k = 1; k < MAX_SERIES_TERMS; k++) {
    const ratio = y / (s + k);
    term *= ratio;
    sum += term;
    // Terms keep shrinking by at least `ratio`: the rest is below term·ratio/(1−ratio).
    if (ratio < 1 && term * ratio < EPS * sum * (1 - ratio)) break;
  }
  return sum;
}

/** Continued fraction (modified Lentz) for Γ(s, y)·e^y·y^(−s), used for y ≥ s + 1. */
function upperFraction(s: number, y: number): number {
  let b = y + 1 - s;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < MAX_SERIES_TERMS; i++) {
    const an = -i * (i - s);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return h;
}

/** Regularized lower incomplete gamma P(s, y), s > 0, y ≥ 0. */
export function regularizedGammaP(s: number, y: number): number {
  if (y <= 0) return 0;
  if (y < s + 1) return Math.exp(logPoissonDensity(s, y)) * lowerSeries(s, y);
  return 1 - regularizedGammaQ(s, y);
}

/** Regularized upper incomplete gamma Q(s, y) = 1 − P(s, y), s > 0, y ≥ 0. */
export function regularizedGammaQ(s: number, y: number): number {
  if (y <= 0) return 1;
  if (y < s + 1) return 1 - regularizedGammaP(s, y);
  // y^s e^-y / Γ(s) = s · y^s e^-y / Γ(s+1)
  return s * Math.exp(logPoissonDensity(s, y)) * upperFraction(s, y);
}
