import { REQUIRED_AGENTS_KEYS } from '../input-keys.js';
import { objectArg } from '../checks.js';
import { checkTrafficAndAht, normalizeTargets, solveAgents, staffingResult } from './staffing-kernel.js';
import type { RequiredAgentsInput, StaffingResult } from '../types.js';

/**
 * Minimum agents for an Erlang C queue: the smallest integer N > A that meets every given target
 * (SL(T) ≥ serviceLevel, ASA ≤ maxAsaSeconds, A/N ≤ maxOccupancy, i.e. N ≥ ceil(A / maxOccupancy)).
 *
 * SL(T) = 1 − C·e^(−(N−A)·T/AHT), ASA = C·AHT/(N−A), C = Erlang C. Targets are inclusive.
 * scheduledAgents = ceil(N / (1 − shrinkage)). Ceilings are tolerant of binary rounding (161 agents at 30 %
 * shrinkage schedule 230, not 231). Traffic 0 needs 0 agents (no call can miss a target).
 * Cost: one Erlang B recursion from about A − 9√A up to the answer (no factorials, no O(N) restart).
 *
 * @example
 * // 360 calls in 30 minutes, AHT 240 s (48 Erlangs), 80 % answered within 20 s, 30 % shrinkage:
 * requiredAgents({ traffic: 48, ahtSeconds: 240, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 });
 * // → { agents: 54, scheduledAgents: 78, serviceLevel: 0.8172…, asaSeconds: 12.05…, occupancy: 0.8888…,
 * //     probabilityOfWait: 0.3013… }
 * @throws {ValidationError} naming the field: traffic < 0 or not finite, ahtSeconds ≤ 0, serviceLevel outside
 *   (0, 1) or without targetSeconds, shrinkage ≥ 1, maxOccupancy outside (0, 1], or no target at all.
 */
export function requiredAgents(input: RequiredAgentsInput): StaffingResult {
  const o = objectArg('requiredAgents', '', input, REQUIRED_AGENTS_KEYS);
  const traffic = o.traffic;
  const aht = o.ahtSeconds;
  checkTrafficAndAht('requiredAgents', traffic, aht);
  const targets = normalizeTargets('requiredAgents', o);
  const a = traffic as number;
  const h = aht as number;
  const n = solveAgents(a, h, targets);
  return staffingResult(a, h, targets, n);
}
