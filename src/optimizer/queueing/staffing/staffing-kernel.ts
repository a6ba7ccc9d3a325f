// The staffing search: one pass of the Erlang B recursion from just below the traffic up to the answer.
import { invalid } from '../../field-error.js';
import { MAX_TRAFFIC, nonNegative, openFraction, optional, positive, trafficValue } from '../checks.js';
import {
  advanceInverseB,
  asaFromC,
  erlangCFromInverseB,
  recursionStart,
  serviceLevelFromC,
  stepInverseB,
} from '../kernel.js';
import { highPart, reciprocalParts, tolerantCeil } from '../numeric.js';
import type { StaffingResult } from '../types.js';

/** Targets after validation; absent targets are encoded so the search needs no branches on undefined. */
export interface NormalizedTargets {
  /** T used for the SL target and for the reported service level (0 when not given). */
  targetSeconds: number;
  /** 1 − serviceLevel target, or -1 when there is no SL target. */
  slMiss: number;
  /** Service level target (for the exact check), or 0. */
  serviceLevel: number;
  /** Max ASA in seconds, or Infinity. */
  maxAsaSeconds: number;
  /** Max occupancy, or 1. */
  maxOccupancy: number;
  /** 1 − shrinkage. */
  available: number;
}

/** Validates staffing targets; `prefix` is prepended to field paths (e.g. `targets.`). */
export function normalizeTargets(context: string, o: Record<string, unknown>, prefix = ''): NormalizedTargets {
  const t = optional(o.targetSeconds, nonNegative, context, `${prefix}targetSeconds`);
  const sl = optional(o.serviceLevel, openFraction, context, `${prefix}serviceLevel`);
  const asa = optional(o.maxAsaSeconds, positive, context, `${prefix}maxAsaSeconds`);
  const occ = optional(o.maxOccupancy, positive, context, `${prefix}maxOccupancy`);
  const shrink = optional(o.shrinkage, nonNegative, context, `${prefix}shrinkage`);
  if (occ !== undefined && occ > 1) invalid(context, `${prefix}maxOccupancy`, `must be in (0, 1], received ${occ}`);
  if (shrink !== undefined && shrink >= 1)
    invalid(context, `${prefix}shrinkage`, `must be in [0, 1), received ${shrink}`);
  if (sl !== undefined && t === undefined) {
    invalid(context, `${prefix}targetSeconds`, 'is required with serviceLevel (the answer-time target T in seconds)');
  }
  if (sl === undefined && asa === undefined && occ === undefined) {
    invalid(
      context,
      `${prefix}serviceLevel`,
      'no target given: set serviceLevel (with targetSeconds), maxAsaSeconds or maxOccupancy',
    );
  }
  return {
    targetSeconds: t ?? 0,
    slMiss: sl === undefined ? -1 : 1 - sl,
    serviceLevel: sl ?? 0,
    maxAsaSeconds: asa ?? Infinity,
    maxOccupancy: occ ?? 1,
    available: 1 - (shrink ?? 0),
  };
}

/** Checks traffic and AHT of one staffing problem (hot path: no allocation). */
export function checkTrafficAndAht(context: string, traffic: unknown, aht: unknown, prefix = ''): void {
  if (!(typeof traffic === 'number' && traffic >= 0 && traffic <= MAX_TRAFFIC))
    trafficValue(context, `${prefix}traffic`, traffic);
  if (!(typeof aht === 'number' && aht > 0 && aht < Infinity)) positive(context, `${prefix}ahtSeconds`, aht);
}

/** Scratch output of {@link solveAgents}: r = 1/B at the returned agents. */
let lastInverseB = 1;

/**
 * Smallest integer N > A (and ≥ ceil(A / maxOccupancy)) meeting every target. Cheap division-free tests pick
 * candidates; every candidate is confirmed with the same formulas that {@link serviceLevel} and
 * {@link averageSpeedOfAnswer} use, bit for bit.
 */
export function solveAgents(a: number, aht: number, t: NormalizedTargets): number {
  if (a === 0) {
    lastInverseB = Infinity;
    return 0;
  }
  let lower = Math.floor(a) + 1;
  if (t.maxOccupancy < 1) {
    const byOccupancy = tolerantCeil(a / t.maxOccupancy);
    if (byOccupancy > lower) lower = byOccupancy;
  }
  const hi = highPart(1 / a);
  const lo = reciprocalParts(a);
  let m = Math.floor(a);
  let r = advanceInverseB(recursionStart(lower, a), 1, m, hi, lo);
  while (m < lower - 1 && r !== Infinity) r = stepInverseB(++m, r, hi, lo);
  const hasSl = t.slMiss >= 0;
  const hasAsa = t.maxAsaSeconds < Infinity;
  const target = t.targetSeconds;
  const slSlack = t.slMiss * (1 + 1e-9);
  const asaSlack = t.maxAsaSeconds * (1 + 1e-9);
  const stepDecay = Math.exp(-target / aht);
  let decay = hasSl ? Math.exp((-(lower - a) * target) / aht) : 0;
  while (r !== Infinity) {
    r = stepInverseB(++m, r, hi, lo);
    if (r === Infinity) break; // C underflows to 0: SL = 1, ASA = 0
    const excess = m - a;
    const d = a + excess * r; // C = m / d
    if ((!hasSl || m * decay <= slSlack * d) && (!hasAsa || m * aht <= asaSlack * excess * d)) {
      const c = erlangCFromInverseB(m, a, r);
      if (
        (!hasSl || serviceLevelFromC(c, excess, aht, target) >= t.serviceLevel) &&
        (!hasAsa || asaFromC(c, excess, aht) <= t.maxAsaSeconds)
      )
        break;
    }
    decay *= stepDecay;
  }
  if (r === Infinity && m < lower) m = lower;
  lastInverseB = r;
  return m;
}

/** Builds the result for N agents; `r` = 1/B(N, A) (Infinity allowed). */
export function staffingResult(
  a: number,
  aht: number,
  t: NormalizedTargets,
  n: number,
  r: number = lastInverseB,
): StaffingResult {
  if (a === 0) {
    return { agents: 0, scheduledAgents: 0, serviceLevel: 1, asaSeconds: 0, occupancy: 0, probabilityOfWait: 0 };
  }
  const excess = n - a;
  const c = erlangCFromInverseB(n, a, r);
  return {
    agents: n,
    scheduledAgents: t.available === 1 ? n : tolerantCeil(n / t.available),
    serviceLevel: serviceLevelFromC(c, excess, aht, t.targetSeconds),
    asaSeconds: asaFromC(c, excess, aht),
    occupancy: a / n,
    probabilityOfWait: c,
  };
}
