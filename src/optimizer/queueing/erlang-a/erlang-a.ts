// Erlang A (M/M/N+M): Poisson arrivals, exponential handle times, exponential patience.
import { ERLANG_A_KEYS, REQUIRED_AGENTS_A_KEYS } from '../input-keys.js';
import { integerAtLeast, nonNegative, objectArg, openFraction, optional, positive, trafficValue } from '../checks.js';
import { erlangACore } from './erlang-a-core.js';
import { checkErlangAScale } from './erlang-a-limits.js';
import type {
  ErlangAInput,
  ErlangAResult,
  RequiredAgentsErlangAInput,
  RequiredAgentsErlangAResult,
} from './erlang-a-types.js';

/**
 * Erlang A (Palm's M/M/N+M queue): like Erlang C, but each waiting caller abandons after an exponentially
 * distributed patience with mean `patienceSeconds`. Valid for any agents ≥ 1, also at or below the traffic
 * (abandonment keeps the queue stable).
 *
 * Steady state of the birth–death chain with birth rate λ = A/AHT and death rates min(k, N)/AHT +
 * max(k − N, 0)/patience. With b = N·patience/AHT, g = A·patience/AHT and P the regularized lower incomplete
 * gamma function:
 * - probabilityOfWait = Σ_{k≥N} π_k; probabilityOfAbandon = θ·E[queue]/λ = P(wait)·(1 − (b/g)·P(b+1, g)/P(b, g));
 * - serviceLevel = P(no wait) + P(wait)·(b/g)·(P(b+1, g) − P(b+1, g·e^(−T/patience))) / P(b, g)
 *   (calls answered within T ÷ all offered calls);
 * - asaSeconds = E[wait · 1{answered}] / P(answered); meanWaitSeconds = P(abandon) × patience (Little's law,
 *   over all arrivals including those who abandon); occupancy = A·(1 − P(abandon))/N.
 * Evaluated with scaled sums and a self-contained incomplete gamma, so long targets and large loads stay
 * exact (no e^(−Λt) underflow). As patience grows the results tend to Erlang C.
 *
 * @example
 * erlangA({ agents: 10, traffic: 8, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 });
 * // → { probabilityOfWait: 0.2624…, probabilityOfAbandon: 0.0621…, serviceLevel: 0.8297…,
 * //     asaSeconds: 6.26…, meanWaitSeconds: 7.45…, occupancy: 0.7503… }
 * Bounds (so every call returns in bounded time): patienceSeconds / ahtSeconds within [1e-9, 1e12] and
 * traffic × patienceSeconds / ahtSeconds ≤ 1e11 (the work grows with its square root). Beyond them callers
 * either never abandon (use Erlang C) or the input is absurd; the field furthest from a typical size is named.
 *
 * @throws {ValidationError} naming the field: agents not an integer ≥ 1, traffic < 0, ahtSeconds or
 *   patienceSeconds ≤ 0 or not finite, targetSeconds < 0, or a combination beyond the bounds above.
 */
export function erlangA(input: ErlangAInput): ErlangAResult {
  const o = objectArg('erlangA', '', input, ERLANG_A_KEYS);
  const agents = integerAtLeast('erlangA', 'agents', o.agents, 1);
  const traffic = trafficValue('erlangA', 'traffic', o.traffic);
  const aht = positive('erlangA', 'ahtSeconds', o.ahtSeconds);
  const patience = positive('erlangA', 'patienceSeconds', o.patienceSeconds);
  const target = nonNegative('erlangA', 'targetSeconds', o.targetSeconds);
  checkErlangAScale('erlangA', traffic, aht, patience);
  return erlangACore(agents, traffic, aht, patience, target);
}

/**
 * Minimum agents for an Erlang A queue: the smallest N ≥ 1 with serviceLevel ≥ the target (answered within
 * `targetSeconds` ÷ offered) and, if given, probabilityOfAbandon ≤ `maxAbandonRate`. The answer may be below
 * the traffic. Both measures improve with every added agent, so an exponential-then-binary search over N
 * finds the minimum in O(log N) evaluations. Traffic 0 returns 0 agents.
 *
 * @example
 * requiredAgentsErlangA({ traffic: 10, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20, serviceLevel: 0.8 });
 * // → { agents: 12, serviceLevel: 0.8603…, probabilityOfAbandon: 0.0759…, asaSeconds: 3.52…, … }
 * // (Erlang C, which ignores abandonment, asks for 14)
 * @throws {ValidationError} naming the field (serviceLevel and maxAbandonRate must be in (0, 1); the same
 *   patience bounds as {@link erlangA}).
 */
export function requiredAgentsErlangA(input: RequiredAgentsErlangAInput): RequiredAgentsErlangAResult {
  const ctx = 'requiredAgentsErlangA';
  const o = objectArg(ctx, '', input, REQUIRED_AGENTS_A_KEYS);
  const traffic = trafficValue(ctx, 'traffic', o.traffic);
  const aht = positive(ctx, 'ahtSeconds', o.ahtSeconds);
  const patience = positive(ctx, 'patienceSeconds', o.patienceSeconds);
  const target = nonNegative(ctx, 'targetSeconds', o.targetSeconds);
  const sl = openFraction(ctx, 'serviceLevel', o.serviceLevel);
  const maxAbandon = optional(o.maxAbandonRate, openFraction, ctx, 'maxAbandonRate') ?? 1;
  checkErlangAScale(ctx, traffic, aht, patience);
  if (traffic === 0) return { agents: 0, ...erlangACore(1, 0, aht, patience, target) };

  const cache = new Map<number, ErlangAResult>();
  const evaluate = (n: number): ErlangAResult => {
    let r = cache.get(n);
    if (r === undefined) {
      r = erlangACore(n, traffic, aht, patience, target);
      cache.set(n, r);
    }
    return r;
  };
  const meets = (n: number): boolean => {
    const r = evaluate(n);
    return r.serviceLevel >= sl && r.probabilityOfAbandon <= maxAbandon;
  };
  // Invariant: lo fails (0 agents always fails), hi meets.
  let lo = 0;
  let hi = Math.max(1, Math.round(traffic));
  while (!meets(hi)) {
    lo = hi;
    hi *= 2;
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (meets(mid)) hi = mid;
    else lo = mid;
  }
  return { agents: hi, ...evaluate(hi) };
}
