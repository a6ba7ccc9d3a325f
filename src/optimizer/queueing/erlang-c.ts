// Erlang C (M/M/N, infinite patience) performance measures.
import { integerAtLeast, nonNegative, objectArg, positive, trafficValue } from './checks.js';
import { asaFromC, erlangCFromInverseB, inverseErlangB, serviceLevelFromC } from './kernel.js';
import { ASA_KEYS, ERLANG_KEYS, SERVICE_LEVEL_KEYS } from './input-keys.js';
import type { AsaInput, ErlangInput, ServiceLevelInput } from './types.js';

function agentsAndTraffic(
  context: string,
  input: unknown,
  known: readonly string[],
): { agents: number; traffic: number; o: Record<string, unknown> } {
  const o = objectArg(context, '', input, known);
  return {
    agents: integerAtLeast(context, 'agents', o.agents, 0),
    traffic: trafficValue(context, 'traffic', o.traffic),
    o,
  };
}

/** P(wait) for a stable queue (0 < A < N). */
function probabilityOfWaitStable(agents: number, traffic: number): number {
  return erlangCFromInverseB(agents, traffic, inverseErlangB(agents, traffic));
}

/**
 * Erlang C: the probability that a call has to wait (M/M/N, callers never abandon).
 *
 * C = N·B / (N − A·(1 − B)) with B = Erlang B, evaluated as N / (A + (N − A)/B) (no cancellation).
 * For agents ≤ traffic the queue is unstable and every call waits: returns 1. Traffic 0 returns 0.
 *
 * @example
 * erlangC({ agents: 11, traffic: 10 }); // ≈ 0.6821
 * @throws {ValidationError} naming `agents` or `traffic` on bad input.
 */
export function erlangC(input: ErlangInput): number {
  const { agents, traffic } = agentsAndTraffic('erlangC', input, ERLANG_KEYS);
  if (traffic === 0) return 0;
  if (agents <= traffic) return 1;
  return probabilityOfWaitStable(agents, traffic);
}

/**
 * Service level: the share of ALL calls answered within `targetSeconds` (Erlang C, no abandonment).
 *
 * SL(T) = 1 − C·e^(−(N − A)·T / AHT). Unstable queue (agents ≤ traffic): 0. Traffic 0: 1.
 * Never negative, never NaN.
 *
 * @example
 * serviceLevel({ agents: 55, traffic: 48, ahtSeconds: 240, targetSeconds: 20 }); // ≈ 0.8668
 * @throws {ValidationError} naming the bad field.
 */
export function serviceLevel(input: ServiceLevelInput): number {
  const { agents, traffic, o } = agentsAndTraffic('serviceLevel', input, SERVICE_LEVEL_KEYS);
  const aht = positive('serviceLevel', 'ahtSeconds', o.ahtSeconds);
  const t = nonNegative('serviceLevel', 'targetSeconds', o.targetSeconds);
  if (traffic === 0) return 1;
  if (agents <= traffic) return 0;
  return serviceLevelFromC(probabilityOfWaitStable(agents, traffic), agents - traffic, aht, t);
}

/**
 * Average speed of answer in seconds: the mean wait over all calls, including those answered at once.
 *
 * ASA = C·AHT / (N − A). Unstable queue (agents ≤ traffic): Infinity. Traffic 0: 0.
 *
 * @example
 * averageSpeedOfAnswer({ agents: 11, traffic: 10, ahtSeconds: 180 }); // ≈ 122.8 s
 * @throws {ValidationError} naming the bad field.
 */
export function averageSpeedOfAnswer(input: AsaInput): number {
  const { agents, traffic, o } = agentsAndTraffic('averageSpeedOfAnswer', input, ASA_KEYS);
  const aht = positive('averageSpeedOfAnswer', 'ahtSeconds', o.ahtSeconds);
  if (traffic === 0) return 0;
  if (agents <= traffic) return Infinity;
  return asaFromC(probabilityOfWaitStable(agents, traffic), agents - traffic, aht);
}

/**
 * Occupancy: the share of time agents are busy, A / N.
 *
 * Capped at 1: with agents ≤ traffic every agent is always busy (the queue grows without bound).
 * Traffic 0 gives 0 (also for 0 agents).
 *
 * @example
 * occupancy({ agents: 55, traffic: 48 }); // ≈ 0.8727
 * @throws {ValidationError} naming `agents` or `traffic` on bad input.
 */
export function occupancy(input: ErlangInput): number {
  const { agents, traffic } = agentsAndTraffic('occupancy', input, ERLANG_KEYS);
  if (traffic === 0) return 0;
  if (agents <= traffic) return 1;
  return traffic / agents;
}
