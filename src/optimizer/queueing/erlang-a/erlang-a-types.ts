// Public types of the Erlang A functions.

/** Input of {@link erlangA}. */
export interface ErlangAInput {
  /** Agents N: an integer ≥ 1 (may be below the traffic: abandonment keeps the queue stable). */
  agents: number;
  /** Offered traffic A in Erlangs (≥ 0). */
  traffic: number;
  /** Average handle time in seconds (> 0). */
  ahtSeconds: number;
  /** Mean patience in seconds (> 0, finite): callers abandon after an exponential time with this mean. */
  patienceSeconds: number;
  /** Answer-time target T in seconds (≥ 0). */
  targetSeconds: number;
}

/** Result of {@link erlangA}. */
export interface ErlangAResult {
  /** Probability that an arriving call has to wait (finds all agents busy). */
  probabilityOfWait: number;
  /** Probability that an arriving call abandons before it is answered. */
  probabilityOfAbandon: number;
  /** Calls answered within T ÷ all offered calls (abandoned calls count as missed). */
  serviceLevel: number;
  /** Mean wait of answered calls in seconds (calls answered at once count as 0). */
  asaSeconds: number;
  /** Mean time in queue over all arrivals, including those who abandon, in seconds. */
  meanWaitSeconds: number;
  /** Agent occupancy A·(1 − P(abandon)) / N. */
  occupancy: number;
}

/** Input of {@link requiredAgentsErlangA}. */
export interface RequiredAgentsErlangAInput {
  /** Offered traffic A in Erlangs (≥ 0). */
  traffic: number;
  /** Mean handle time in seconds (> 0). */
  ahtSeconds: number;
  /** Mean caller patience in seconds (> 0): waiting callers abandon after an exponential time. */
  patienceSeconds: number;
  /** Answer-time target T in seconds (≥ 0). */
  targetSeconds: number;
  /** Required share of offered calls answered within T, strictly between 0 and 1. */
  serviceLevel: number;
  /** Optional maximum share of calls that abandon, strictly between 0 and 1. */
  maxAbandonRate?: number | undefined;
}

/** Result of {@link requiredAgentsErlangA}: the agents and the {@link ErlangAResult} measures there. */
export interface RequiredAgentsErlangAResult extends ErlangAResult {
  /** Fewest agents that meet the service level (and the abandon cap, when given). */
  agents: number;
}
