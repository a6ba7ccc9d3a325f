// Per-queue staffing facts for the screening model: dedicated requirement, service level at a head count,
// and the "equivalent dedicated agents" behind a simulated service level (to turn a gap into agents).
import { erlangACore } from '../../queueing/erlang-a/erlang-a-core.js';
import { serviceLevel } from '../../queueing/erlang-c.js';
import { requiredAgents } from '../../queueing/staffing/staffing.js';
import { requiredAgentsErlangA } from '../../queueing/erlang-a/erlang-a.js';
import type { NormQueue } from '../input.js';

/** The queue as it is in interval t of the horizon (its load, handle time and rate there). */
export function atInterval(q: NormQueue, t: number, intervalSeconds: number): NormQueue {
  const calls = q.calls[t] ?? 0;
  return { ...q, load: q.loads[t] ?? 0, aht: q.ahts[t] ?? q.aht, callsPerHour: (calls * 3600) / intervalSeconds };
}

/** Service level of the queue served by `n` dedicated agents (whole number ≥ 0). */
export function dedicatedServiceLevel(q: NormQueue, n: number): number {
  if (q.load === 0) return 1;
  if (n <= 0) return 0;
  if (q.patience === undefined) {
    if (n <= q.load) return 0;
    return serviceLevel({ agents: n, traffic: q.load, ahtSeconds: q.aht, targetSeconds: q.within });
  }
  return erlangACore(n, q.load, q.aht, q.patience, q.within).serviceLevel;
}

/** Fewest dedicated agents meeting the queue's target (Erlang C, or Erlang A with patience). */
export function dedicatedRequirement(q: NormQueue): number {
  if (q.load === 0) return 0;
  if (q.patience === undefined) {
    return requiredAgents({ traffic: q.load, ahtSeconds: q.aht, targetSeconds: q.within, serviceLevel: q.sl }).agents;
  }
  return requiredAgentsErlangA({
    traffic: q.load,
    ahtSeconds: q.aht,
    patienceSeconds: q.patience,
    targetSeconds: q.within,
    serviceLevel: q.sl,
  }).agents;
}

/**
 * The (fractional) number of dedicated agents that would give service level `sl`: the inverse of
 * {@link dedicatedServiceLevel}, interpolated between whole head counts. Used to express a simulated gap to
 * the target in agents.
 */
export function equivalentAgents(q: NormQueue, sl: number, upTo: number): number {
  if (q.load === 0) return upTo;
  let lo = 0;
  let hi = Math.max(1, upTo);
  while (dedicatedServiceLevel(q, hi) < sl && hi < 4 * upTo + 1_000) hi *= 2;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (dedicatedServiceLevel(q, mid) < sl) lo = mid;
    else hi = mid;
  }
  const a = dedicatedServiceLevel(q, lo);
  const b = dedicatedServiceLevel(q, hi);
  return b > a ? lo + Math.min(1, Math.max(0, (sl - a) / (b - a))) : hi;
}

/**
 * Share of the per-queue safety staffing that full pooling keeps: (N_pooled − ΣA) ÷ Σ(n_q − A_q), where
 * N_pooled staffs all queues as one (mean handle time, the strictest target). 1 = no pooling benefit.
 */
export function poolingFactor(queues: readonly NormQueue[], dedicated: readonly number[]): number {
  const load = queues.reduce((s, q) => s + q.load, 0);
  if (load === 0) return 1;
  const safety = queues.reduce((s, q, i) => s + Math.max(0, (dedicated[i] as number) - q.load), 0);
  if (safety <= 0) return 1;
  const aht = queues.reduce((s, q) => s + q.load * q.aht, 0) / load;
  const sl = queues.reduce((m, q) => Math.max(m, q.sl), 0);
  const within = queues.reduce((m, q) => Math.min(m, q.within), Infinity);
  const pooled = requiredAgents({ traffic: load, ahtSeconds: aht, targetSeconds: within, serviceLevel: sl }).agents;
  return Math.min(1, Math.max(0.05, (pooled - load) / safety));
}
