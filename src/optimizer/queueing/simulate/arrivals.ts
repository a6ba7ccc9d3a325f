// Arrival times of one queue from its own stream: constant rate, or piecewise-constant rates (a profile of
// intervals repeating from time 0) by inversion of the cumulative rate — exact, one uniform per arrival.
import type { CompiledModel } from './compile.js';
import type { Xoshiro128 } from './rng.js';

/** Cumulative expected calls of one profile cycle, per queue (computed once per model). */
export function cycleTotals(m: CompiledModel): Float64Array {
  const totals = new Float64Array(m.queueIds.length);
  for (let q = 0; q < totals.length; q++) {
    const start = m.profileStart[q] as number;
    const end = start + (m.profileLength[q] as number);
    let s = 0;
    for (let i = start; i < end; i++) s += (m.profileRates[i] as number) * (m.profileInterval[q] as number);
    totals[q] = s;
  }
  return totals;
}

/**
 * The next arrival after `now` on a profile queue, or Infinity when the profile has no calls. Inverts
 * Λ(t) − Λ(now) = E with E ~ Exp(1): whole cycles are skipped arithmetically, then at most one pass over the
 * intervals, so the cost is bounded whatever the rates.
 */
export function nextProfileArrival(
  m: CompiledModel,
  q: number,
  now: number,
  perCycle: number,
  rng: Xoshiro128,
): number {
  let e = rng.exponential(1);
  if (!(perCycle > 0)) return Infinity;
  const len = m.profileLength[q] as number;
  const width = m.profileInterval[q] as number;
  const period = width * len;
  const start = m.profileStart[q] as number;
  let cycleStart = Math.floor(now / period) * period;
  let i = Math.min(len - 1, Math.floor((now - cycleStart) / width));
  let t = now;
  const whole = Math.floor(e / perCycle);
  if (whole > 0) {
    e -= whole * perCycle;
    cycleStart += whole * period;
    t += whole * period;
  }
  // At most two passes over the intervals: the rest of this cycle and part of the next.
  for (let step = 0; step <= 2 * len; step++) {
    const rate = m.profileRates[start + i] as number;
    const end = cycleStart + (i + 1) * width;
    const room = end > t ? rate * (end - t) : 0;
    if (rate > 0 && room >= e) return t + e / rate;
    if (rate > 0) e -= room;
    t = end;
    if (++i === len) {
      i = 0;
      cycleStart += period;
    }
  }
  return t; // unreachable in exact arithmetic; rounding leaves a sliver of E
}
