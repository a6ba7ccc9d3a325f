// Public types of the skills-based routing simulator.

/** A queue (Genesys: a routing queue with one required skill). */
export interface SimulationQueue {
  id: string;
  /** The skill an agent needs (with proficiency > 0) to take this queue's calls. */
  skill: string;
  /** Mean handle time in seconds; handle times are exponential. */
  ahtSeconds: number;
  /** Mean patience in seconds; waiting callers abandon after an exponential time. Omit: nobody abandons. */
  patienceSeconds?: number;
  /** Poisson arrival rate in calls per hour. Give this or callsPerInterval + intervalSeconds. */
  arrivalRatePerHour?: number;
  /** Calls per interval (rate = callsPerInterval / intervalSeconds). */
  callsPerInterval?: number;
  /** Interval length in seconds for callsPerInterval. */
  intervalSeconds?: number;
}

/** An agent with skill proficiencies 0..5 (0 = does not serve the skill). */
export interface SimulationAgent {
  id: string;
  skills: Record<string, number>;
}

/**
 * Routing rule for a call that finds idle agents: `bestAvailable` picks the highest proficiency among idle
 * agents with the skill, ties by longest idle; `longestIdle` ignores proficiency.
 */
export type RoutingRule = 'bestAvailable' | 'longestIdle';

/** Input of {@link simulate}. */
export interface SimulationModel {
  queues: SimulationQueue[];
  agents: SimulationAgent[];
  /** Default `bestAvailable`. */
  routing?: RoutingRule;
  /** Measured length of each replication in seconds (after the warm-up). */
  durationSeconds: number;
  /** Simulated time before measuring starts (the system starts empty), excluded from statistics. Default 0. */
  warmupSeconds?: number;
  /** Independent replications (≥ 2) for confidence intervals. Default 10. */
  replications?: number;
  /** Answer-time target T in seconds for the service level. */
  targetSeconds: number;
  /** Seed of the pseudo-random generator: the same model and seed give the same result. Default 1. */
  seed?: number;
}

/** Mean across replications and the half-width of its 95 % confidence interval (Student t). */
export interface Estimate {
  mean: number;
  /** Infinity when fewer than two replications had data for this measure. */
  halfWidth: number;
}

/** Per-queue results (calls arriving during the measured window, followed to their outcome). */
export interface SimulatedQueueResult {
  id: string;
  offered: Estimate;
  answered: Estimate;
  abandoned: Estimate;
  /** Answered within T ÷ offered. */
  serviceLevel: Estimate;
  /** Mean wait of answered calls (those answered at once count as 0), seconds. */
  asaSeconds: Estimate;
  /** Abandoned ÷ offered. */
  abandonRate: Estimate;
}

/** Per-agent results. */
export interface SimulatedAgentResult {
  id: string;
  /** Busy time ÷ measured window length. */
  occupancy: Estimate;
}

/** Result of {@link simulate}. */
export interface SimulationResult {
  replications: number;
  routing: RoutingRule;
  queues: SimulatedQueueResult[];
  agents: SimulatedAgentResult[];
  /** Calls simulated in all replications, warm-up included (for throughput figures). */
  contacts: number;
}
