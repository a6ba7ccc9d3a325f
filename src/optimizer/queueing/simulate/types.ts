// Public types of the skills-based routing simulator.

/** A queue (Genesys: a routing queue with one required skill). */
export interface SimulationQueue {
  /** Queue id (unique in the model). */
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
  /**
   * Time-varying arrivals instead of one rate: calls per consecutive interval (piecewise-constant Poisson rates,
   * e.g. 96 quarter-hours of a day), starting at simulated time 0 and repeating after the last interval.
   */
  arrivals?: ArrivalProfile;
  /** Answer-time target T in seconds for this queue's service level. Default: the model's `targetSeconds`. */
  targetSeconds?: number;
  /**
   * Priority (default 0): an agent who frees up takes the longest-waiting call of the highest-priority queue
   * among the queues it serves that have a call it may take.
   */
  priority?: number;
  /**
   * Bullseye-style widening: `ringSeconds[k - 2]` is the wait after which ring k's agents may take the call
   * (ring 1 at once). Non-decreasing, at most 5 values (6 rings). Agents' rings come from `agents[].rings`.
   */
  ringSeconds?: number[];
}

/** Piecewise-constant arrival rates: `callsPerInterval[i]` calls expected in interval i. */
export interface ArrivalProfile {
  /** Interval length in seconds (> 0). */
  intervalSeconds: number;
  /** Expected calls per interval (≥ 0), interval 0 first. */
  callsPerInterval: number[];
  /** Mean handle time of the calls arriving in each interval (same length); omitted: the queue's `ahtSeconds`. */
  ahtSeconds?: number[];
}

/**
 * When an agent is on queue: per consecutive interval (repeating after the last, like arrival profiles), the
 * share of the interval on queue, 0..1 (1 = the whole interval, 0 = off shift). A share below 1 is one
 * contiguous spell inside the interval, placed at an offset that differs from agent to agent (so breaks are
 * spread, not simultaneous). An agent who goes off queue during a call finishes it first.
 */
export interface AgentAvailability {
  /** Interval length in seconds (> 0). */
  intervalSeconds: number;
  /** Share of each interval on queue, 0..1, interval 0 first. */
  share: number[];
}

/** An agent with skill proficiencies 0..5 (0 = does not serve the skill). */
export interface SimulationAgent {
  /** Agent id (unique in the model). */
  id: string;
  /** Skill -> proficiency 0..5 (0 = does not serve the skill). */
  skills: Record<string, number>;
  /** Handle-time factor (default 1): a call's service time is its work, drawn at its arrival, ÷ speed. */
  speed?: number;
  /** Ring (1..6) of this agent per queue id for queues with `ringSeconds`; default ring 1. */
  rings?: Record<string, number>;
  /** Shifts and breaks; omitted: on queue throughout. */
  availability?: AgentAvailability;
}

/**
 * Routing rule for a call that finds idle agents: `bestAvailable` picks the highest proficiency among idle
 * agents with the skill, ties by longest idle; `longestIdle` ignores proficiency.
 */
export type RoutingRule = 'bestAvailable' | 'longestIdle';

/** Input of {@link simulate}. */
export interface SimulationModel {
  /** The queues, each with its arrivals and skill. */
  queues: SimulationQueue[];
  /** The agents and their skills. */
  agents: SimulationAgent[];
  /** Default `bestAvailable`. */
  routing?: RoutingRule;
  /** Measured length of each replication in seconds (after the warm-up). */
  durationSeconds: number;
  /** Simulated time before measuring starts (the system starts empty), excluded from statistics. Default 0. */
  warmupSeconds?: number;
  /** Independent replications (≥ 2) for confidence intervals. Default 10. */
  replications?: number;
  /** Answer-time target T in seconds for the service level (queues may override it; required unless all do). */
  targetSeconds?: number;
  /** Seed of the pseudo-random generator: the same model and seed give the same result. Default 1. */
  seed?: number;
  /**
   * Cap on simulated work, checked before running: expected contacts over all replications (warm-up and, with
   * priorities or rings, the tail included), plus queues, agents and arrival intervals once per replication.
   * Default 50,000,000 (roughly 25-35 CPU-seconds). A model above the cap is rejected with a ValidationError.
   */
  maxContacts?: number;
}

/** Mean across replications and the half-width of its 95 % confidence interval (Student t). */
export interface Estimate {
  /** Mean across replications. */
  mean: number;
  /** Infinity when fewer than two replications had data for this measure. */
  halfWidth: number;
}

/** Per-queue results (calls arriving during the measured window, followed to their outcome). */
export interface SimulatedQueueResult {
  /** Queue id. */
  id: string;
  /** Calls offered per replication. */
  offered: Estimate;
  /** Calls answered per replication. */
  answered: Estimate;
  /** Calls abandoned per replication. */
  abandoned: Estimate;
  /** Answered within T ÷ offered. */
  serviceLevel: Estimate;
  /** Mean wait of answered calls (those answered at once count as 0), seconds. */
  asaSeconds: Estimate;
  /** Abandoned ÷ offered. */
  abandonRate: Estimate;
  /** This queue's answer-time target (seconds) used for `serviceLevel`. */
  targetSeconds: number;
  /** Queues with `arrivals` only: per interval of the profile (by arrival time, folded onto one cycle). */
  intervals?: SimulatedIntervalResult[];
}

/** One interval of an arrival profile: calls that arrived in it. */
export interface SimulatedIntervalResult {
  /** Calls that arrived in the interval, per replication. */
  offered: Estimate;
  /** Of those, calls answered, per replication. */
  answered: Estimate;
  /** Answered within T ÷ offered, for the calls that arrived in this interval. */
  serviceLevel: Estimate;
}

/** Per-agent results. */
export interface SimulatedAgentResult {
  /** Agent id. */
  id: string;
  /** Busy time ÷ measured window length. */
  occupancy: Estimate;
}

/** Result of {@link simulate}. */
export interface SimulationResult {
  /** Replications run. */
  replications: number;
  /** The routing rule used. */
  routing: RoutingRule;
  /** Per queue, in model order. */
  queues: SimulatedQueueResult[];
  /** Per agent, in model order. */
  agents: SimulatedAgentResult[];
  /** Calls simulated in all replications, warm-up included (for throughput figures). */
  contacts: number;
}

/** Variant minus base for one queue, from paired replications. */
export interface QueueDifference {
  /** Queue id. */
  id: string;
  /** Service level of the variant − the base: mean and 95 % half-width of the paired differences. */
  serviceLevel: Estimate;
  /** ASA of the variant − the base, seconds. */
  asaSeconds: Estimate;
  /** Abandon rate of the variant − the base. */
  abandonRate: Estimate;
  /**
   * Variance of an independent difference ÷ variance of the paired one (Var(A) + Var(B)) ÷ Var(A − B), for
   * the service level; null when the paired differences do not vary (e.g. identical models).
   */
  varianceReduction: number | null;
}

/**
 * What `compareSimulations` returns: two models simulated on the same random numbers, and each queue's paired difference.
 */
export interface SimulationComparison {
  /** The run of the first configuration. */
  base: SimulationResult;
  /** The run of the second configuration. */
  variant: SimulationResult;
  /** Per queue: the variant minus the base (mean and 95 % half-width). */
  queues: QueueDifference[];
}
