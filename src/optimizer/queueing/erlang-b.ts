import { ERLANG_KEYS } from './input-keys.js';
import { integerAtLeast, objectArg, trafficValue } from './checks.js';
import { inverseErlangB } from './kernel.js';
import type { ErlangInput } from './types.js';

/**
 * Erlang B: the probability that a call is blocked (lost) when `agents` servers carry `traffic` Erlangs and
 * there is no queue (M/M/N/N).
 *
 * B(0, A) = 1,  B(n, A) = A·B(n−1, A) / (n + A·B(n−1, A)); computed as the reciprocal recursion started where
 * the neglected terms are below 1e-17, so it costs O(|N − A| + √A) steps and never overflows. Relative error
 * about 1e-14 for traffic 0.01 … 100,000 Erlangs and agents up to 100,000+; values below ~1e-300 round to 0.
 * Traffic 0 gives 0 (1 for 0 agents).
 *
 * @example
 * erlangB({ agents: 11, traffic: 10 }); // ≈ 0.1632
 * @throws {ValidationError} when agents is not an integer ≥ 0 or traffic is not a finite number in [0, 1e9].
 */
export function erlangB(input: ErlangInput): number {
  const o = objectArg('erlangB', '', input, ERLANG_KEYS);
  const agents = integerAtLeast('erlangB', 'agents', o.agents, 0);
  const traffic = trafficValue('erlangB', 'traffic', o.traffic);
  if (agents === 0) return 1;
  if (traffic === 0) return 0;
  return 1 / inverseErlangB(agents, traffic);
}
