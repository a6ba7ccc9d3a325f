// Public input and result types of optimizeRouting.

/** Service-level target: `serviceLevel` of offered calls answered within `withinSeconds`. */
export interface ServiceTarget {
  /** Share in (0, 1), e.g. 0.8. */
  serviceLevel: number;
  /** Answer-time threshold in seconds (≥ 0), e.g. 30. */
  withinSeconds: number;
}

/**
 * Offered calls per interval over the planning horizon (a day, a week): piecewise-constant Poisson arrivals.
 * Every queue with `demand` in one input uses the same `intervalSeconds` and the same number of intervals, and
 * agents' `available` arrays have that length too.
 */
export interface QueueDemand {
  /** Interval length in seconds (e.g. 900 or 1800). */
  intervalSeconds: number;
  /** Offered calls per interval (≥ 0), interval 0 first. */
  calls: number[];
  /** Mean handle time per interval in seconds (> 0); omitted: the queue's `ahtSeconds` in every interval. */
  ahtSeconds?: number[] | undefined;
}

/** A queue to optimize: its demand (one steady hour, or per interval of a horizon) and its target. */
export interface OptimizeQueue {
  /** Queue id; also the key of the queue's skill in `agents[].skills`. */
  id: string;
  /**
   * Offered calls per hour (Poisson arrivals), ≥ 0: one steady interval. Required without `demand`; with
   * `demand` it is ignored.
   */
  callsPerHour?: number | undefined;
  /** Mean handle time in seconds (> 0); with `demand`, the default of intervals without their own AHT. */
  ahtSeconds: number;
  /** Offered calls per interval of the horizon; omitted: `callsPerHour` in every interval. */
  demand?: QueueDemand | undefined;
  /** Service-level target the queue must meet. */
  target: ServiceTarget;
  /** Mean caller patience in seconds; omitted: callers never abandon (Erlang C). */
  patienceSeconds?: number | undefined;
  /** Weight of this queue's shortfall when not every target can be met (default 1). */
  weight?: number | undefined;
  /** Queue priority for the simulator (higher first when an agent frees up; default 0). */
  priority?: number | undefined;
}

/** An agent and the queue skills it holds. */
export interface OptimizeAgent {
  /** Agent (user) id. */
  id: string;
  /**
   * Queue id -> proficiency 0..5. A key present means the skill is held (proficiency 0 included, as on the
   * platform); absent means not held. Keys that are not queue ids are kept as they are and never counted.
   */
  skills: Record<string, number>;
  /** Queue ids this agent may be given (certified / allowed). Omitted: every queue. Skills already held may stay. */
  eligible?: readonly string[] | undefined;
  /** Relative speed (handle time ÷ speed), default 1. */
  speed?: number | undefined;
  /**
   * Per interval of the horizon: on shift (`true`/`false`) or the share of the interval spent on queue (0..1).
   * Same length as the queues' `demand.calls` (one value without `demand`). Omitted: on queue throughout.
   */
  available?: boolean[] | number[] | undefined;
}

/** A pair that must not change (neither its presence nor its proficiency). */
export interface LockedPair {
  /** Agent (user) id. */
  agentId: string;
  /** Queue id (the queue's skill key in `agents[].skills`). */
  queueId: string;
}

/** Limits on the plan. Every field is optional. */
export interface OptimizeConstraints {
  /** Most queue skills an agent may hold after the changes (default: no limit). */
  maxSkillsPerAgent?: number | undefined;
  /** Most changes in total (default: no limit). */
  maxChanges?: number | undefined;
  /** Most changes per agent (default: no limit). */
  maxChangesPerAgent?: number | undefined;
  /** Fewest agents holding each queue's skill (default 0). */
  minHoldersPerQueue?: number | undefined;
  /** Agent–queue pairs the plan must leave as they are. */
  locked?: readonly LockedPair[] | undefined;
}

/** Input of {@link optimizer!optimizeRouting | optimizeRouting}. */
export interface OptimizeRoutingInput {
  /** Queues to plan for, with their demand and targets. */
  queues: readonly OptimizeQueue[];
  /** Agents and the queue skills they hold now. */
  agents: readonly OptimizeAgent[];
  /** Limits on the plan (default: none). */
  constraints?: OptimizeConstraints | undefined;
}

/** Progress of a running optimization. */
export interface OptimizeProgress {
  /**
   * Current step: `screen` (solver model of agent groups), `simulate` (search by simulation), `repair` (fixing
   * queues below target), `prune` (dropping changes not needed), `confirm` (final before/after runs), `done`.
   */
  phase: 'screen' | 'simulate' | 'repair' | 'prune' | 'confirm' | 'done';
  /** Changes in the current candidate. */
  changes: number;
  /** Queues currently below target (by the last simulation). */
  queuesBelowTarget: number;
  /** Wall-clock time since the optimization started, in ms. */
  elapsedMs: number;
  /**
   * The search's work so far and its budget, in evaluations (the figures of `stats.work`): `used / budget` is the
   * search's share done. The search ends at the budget, or before it when ruin and rebuild stops finding smaller
   * plans; the confirmation that follows (phase `confirm`) is not counted in it.
   */
  work: { used: number; budget: number };
}

/** Simulation settings of the evaluator. */
export interface EvaluationSettings {
  /** Replications per evaluation (default 8 while searching). */
  replications?: number | undefined;
  /**
   * Simulated contacts per evaluation while searching; sets the run length (default 300,000). Never derived from
   * the time limit, so the plan does not depend on the machine.
   */
  contactsPerEvaluation?: number | undefined;
  /**
   * Simulated contacts of one confirmation, its runs together (default 1,500,000, and 150,000 per queue above ten
   * queues, at most 50,000,000, so each queue's verdict rests on as many calls as on ten).
   */
  confirmContacts?: number | undefined;
  /**
   * Ruin-and-rebuild rounds in a row without a smaller plan before the search stops (default 40, and 80 on a
   * steady hour of up to 15 queues, whose work budget is twice as large; 0: none).
   */
  searchPatience?: number | undefined;
  /** Routing rule (default `bestAvailable`, as skillEvaluationMethod BEST). */
  routing?: 'bestAvailable' | 'longestIdle' | undefined;
}

/**
 * The safety cap's floor in ms (`timeLimitMs` when given is the cap itself): far above what the work budget takes
 * on a steady hour of up to about fifteen queues, so a default call there stops on its work budget.
 */
export const DEFAULT_TIME_LIMIT_MS = 300_000;

/** Options of {@link optimizer!optimizeRouting | optimizeRouting}. */
export interface OptimizeRoutingOptions {
  /** Seed of every random stream (default 1): the same input and seed give the same result. */
  seed?: number | undefined;
  /**
   * Work budget of the search, as a multiple of the default (default 1). The search is measured in simulated
   * evaluations, not in time, so the same input and options give the same plan on any machine and under any
   * load: it may run `effort` × (200 + 20 × queues, queues counted up to 40) search evaluations of
   * `evaluation.contactsPerEvaluation` contacts each, twice that on a steady hour of up to 15 queues (at effort 1:
   * 640 on six queues, 1,000 on 40 queues or more), plus the
   * confirmation (`evaluation.confirmContacts` per run);
   * docs/optimizer.md says what that costs in CPU time. Lower it for quick plans (0.2: about a fifth of the work,
   * usually a few more changes); raise it for fewer changes.
   */
  effort?: number | undefined;
  /**
   * Safety cap on wall-clock time in ms, counted from the call (loading the optimizer and starting its worker
   * included). No decision of the search reads the clock: when the cap is reached
   * before the work budget, the search stops at 70 % of it and the rest goes to confirming (and mending) its best
   * plan on independent runs; `stats.stoppedBy` is then `'time-limit'` and a warning says so (that plan depends
   * on the machine's speed). Under Node the promise settles by the cap (plus 5 %) whatever the input: when a
   * single simulation outlasts it, it rejects with a `TimeoutError`. Default: no fixed cap but one that scales
   * with the run's own pace (at least 300,000 ms, and 4 times the time the work budget is projected to take at
   * the pace measured so far), so a busy machine gives the same plan later, not another plan.
   */
  timeLimitMs?: number | undefined;
  /**
   * Threads that run the simulations (default: the machine's available parallelism). Under Node the whole
   * optimization runs off the calling thread, whose event loop stays free, and each simulation's replications
   * are shared among the threads; the plan is the same whatever the number (each replication draws from its
   * own random stream, fixed by the seed). Browser and edge builds run on the calling thread.
   */
  threads?: number | undefined;
  /**
   * Under Node, how long (ms) the run's worker threads wait, warm, for another call once this one answered
   * (default 60,000; 0: they end with the call). A later call on a warm worker skips the threads' start, the
   * solver's load and the JIT warm-up (the autopilot's ten-queue re-plan in docs/guides/autopilot.md: 3.7 s cold,
   * 1.8 s warm). Waiting workers never keep the process alive; the plan is the same on a warm worker as on a new
   * one.
   */
  keepWarmMs?: number | undefined;
  /** Aborts the optimization: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
  /** Called as the optimization moves through its phases (see {@link OptimizeProgress}). */
  onProgress?: ((progress: OptimizeProgress) => void) | undefined;
  /** Proficiency given to a newly added skill (default 1: the queue's own specialists are preferred). */
  addProficiency?: number | undefined;
  /**
   * When a queue counts as meeting its target on the confirmation (independent runs pooled, never the search's
   * own runs), always against the plain target:
   * - `joint95` (the default on a steady hour of up to 15 queues): every queue at once with 95 % confidence.
   *   Each queue's one-sided test runs at level 0.95^(1/n) for n queues (Šidák): 2.39 standard errors on 6
   *   queues, 2.57 on 10. Over a horizon each queue is judged on its worst interval.
   * - `lower95` (the default on more queues, and over a day): each queue alone by a one-sided 95 % test (mean −
   *   1.645 standard errors ≥ target). A plan with fewest changes leaves many queues just at target, and then
   *   one of them gets through a little below it far more often than one time in twenty. On many queues the
   *   confirmation's runs spread their calls thin, and the joint margin (3.08 standard errors on 50 queues) costs
   *   many more changes (docs/optimizer.md). Over a day each queue is already judged on the lowest of its intervals' figures, and
   *   the joint margin on top made an applied plan fail on the next fresh runs.
   * - `mean`: when the mean reaches it.
   *
   * The search itself compares candidates on the mean.
   */
  acceptance?: 'joint95' | 'lower95' | 'mean' | undefined;
  /** Simulation settings (replications, run lengths, routing rule). */
  evaluation?: EvaluationSettings | undefined;
  /**
   * What "meets its target" means over a horizon of several intervals: `every-interval` (default) in every
   * interval that has calls; `weighted`: the horizon's service level (answered within target ÷ offered over all
   * its intervals, as the platform reports a day).
   */
  objective?: 'every-interval' | 'weighted' | undefined;
}

/** One planned change of one agent's queue skill. */
export interface RoutingChange {
  /** Agent (user) id. */
  agentId: string;
  /** Queue id whose skill changes. */
  queueId: string;
  /** `add` a skill not held, `remove` a held one, `update` a held skill's proficiency. */
  action: 'add' | 'remove' | 'update';
  /** Proficiency before; null when not held. */
  before: number | null;
  /** Proficiency after; null when removed. */
  after: number | null;
  /** Why the change is in the plan, in words. */
  reason: string;
}

/** Simulated measures of one queue. */
export interface QueueMeasures {
  /** Answered within the target time ÷ offered (abandoned calls count in the denominator). */
  serviceLevel: number;
  /** 95 % confidence interval of the service level. */
  ci95: [number, number];
  /** Mean wait of answered calls, seconds. */
  asa: number;
  /** Abandoned ÷ offered (only when the queue has patienceSeconds). */
  abandonRate?: number;
  /** Mean occupancy of the agents holding this queue's skill (busy on any queue). */
  occupancy: number;
  /** Agents holding the queue's skill. */
  holders: number;
}

/** Service level of one interval with its 95 % interval of confidence. */
export interface IntervalMeasure {
  /** Simulated service level, a share 0..1. */
  serviceLevel: number;
  /** Lower end of the 95 % interval of confidence. */
  low: number;
  /** Upper end of the 95 % interval of confidence. */
  high: number;
}

/** One interval of the horizon for one queue: offered calls (simulated mean) and service level before and after. */
export interface IntervalOutcome {
  /** Interval index in the horizon (0 first). */
  index: number;
  /** Offered calls in the interval (simulated mean). */
  offered: number;
  /** Service level with the current skills. */
  before: IntervalMeasure;
  /** Service level with the planned changes applied. */
  after: IntervalMeasure;
}

/** One queue's simulated service before and after the plan, against its target. */
export interface QueueOutcome {
  /** Queue id. */
  id: string;
  /** The queue's service-level target, as given. */
  target: ServiceTarget;
  /** Offered load in Erlangs. */
  trafficErlangs: number;
  /** Fewest dedicated agents that would meet the target alone (Erlang C, or Erlang A with patience). */
  requiredDedicated: number;
  /** Simulated measures with the current skills. */
  before: QueueMeasures;
  /** Simulated measures with the planned changes applied. */
  after: QueueMeasures;
  /**
   * Whether `after` meets the target under the chosen acceptance rule and objective: judged on the same runs as
   * `after`, `intervals` and `worstInterval` (by default a one-sided test, so it can read true while the
   * two-sided `ci95` reaches below the target, never while the mean is below it).
   */
  meetsTarget: boolean;
  /** Per interval of the horizon (one entry without `demand`). */
  intervals: IntervalOutcome[];
  /**
   * The interval with calls whose service level after the changes is lowest (index 0 without `demand`), with its
   * service levels (shares 0..1) before and after.
   */
  worstInterval: { index: number; before: number; after: number };
}

/** A queue that still misses its target after the plan, and by how many agents. */
export interface Shortfall {
  /** Queue id. */
  queueId: string;
  /** Dedicated agents the queue lacks to reach its target, estimated from its simulated service level. */
  agentsMissing: number;
  /** The intervals below target (by index) and the agents each lacks; one entry (index 0) without `demand`. */
  intervals: Array<{ index: number; agentsMissing: number }>;
}

/**
 * A queue below target after the plan that lacks agents, not skills: the agents who can take its calls (holding
 * its skill, or eligible for it), their time shared among the queues each can serve so that no queue keeps time
 * another one lacks, cover fewer agents than it needs as a dedicated team. No routing change closes that gap:
 * add `shortBy` agents or lower the target.
 */
export interface UnreachableQueue {
  /** Queue id. */
  queueId: string;
  /** Queue name, when the caller knows it (`planRoutingOptimization` sets it). */
  queueName?: string | undefined;
  /** The interval the figures describe, where it lacks most (index; 0 without `demand`). */
  interval: number;
  /** Its demand there: offered calls per hour, mean handle time (s) and load (Erlangs). */
  demand: { callsPerHour: number; ahtSeconds: number; trafficErlangs: number };
  /** Agents it needs there as a dedicated team to meet its target (Erlang C, or Erlang A with patience). */
  agentsNeeded: number;
  /** Agents' time it can get there (agent-equivalents, one decimal), shared with the other queues. */
  agentsAvailable: number;
  /** Agents to add (or target to lower): agentsNeeded − agentsAvailable, rounded up, ≥ 1. */
  shortBy: number;
}

/** Result of {@link optimizer!optimizeRouting | optimizeRouting}. */
export interface OptimizeRoutingResult {
  /** The planned skill changes, fewest the search found. */
  changes: RoutingChange[];
  /** The whole assignment after the changes, in input order (non-queue skills kept as they were). */
  agents: Array<{ id: string; skills: Record<string, number> }>;
  /** Each queue's service before and after, in input order. */
  queues: QueueOutcome[];
  /** True when every queue meets its target in the confirmation simulation. */
  feasible: boolean;
  /** Queues still below target after the plan (empty when `feasible`). */
  shortfall: Shortfall[];
  /**
   * The queues of `shortfall` that lack agents, not skills (see {@link UnreachableQueue}); empty when every
   * queue below target could be helped by routing alone. No plan removes a skill a queue below target holds.
   */
  unreachable: UnreachableQueue[];
  /**
   * Fewest changes any plan meeting the targets needs: at least the changes the constraints force (removals over
   * maxSkillsPerAgent), and the relaxation's optimum, or, when the relaxation is too large to finish in time, the
   * holders each queue lacks, summed (looser). `forced` counts the first; `note` says which bound was used and
   * how loose it may be. Always set by `optimizeRouting` (the field stays optional for results built elsewhere).
   */
  lowerBound?: { changes: number; forced?: number; note?: string };
  /** Notes: constraints that could not be honoured, limits hit (time, budget). */
  warnings: string[];
  /** Counters and timings of the run. */
  stats: {
    /** Candidate plans evaluated by simulation. */
    candidatesEvaluated: number;
    /**
     * Contacts simulated in total (search and confirmation). A centre that splits into independent parts (queues
     * that share no agent who holds or may be given their skills) simulates only the parts a candidate changes:
     * the parts it leaves as they were are not simulated again, and not counted here.
     */
    simulatedContacts: number;
    /** Time spent in the MIP solver, ms. */
    solverMs: number;
    /** Time spent simulating, ms. */
    simulateMs: number;
    /** Wall-clock time of the whole optimization, ms. */
    totalMs: number;
    /** Screening model size (agent groups x queues). */
    groups: number;
    /** Seed used. */
    seed: number;
    /** Intervals in the horizon (1 without `demand`). */
    intervals?: number;
    /**
     * What ended the search: `'work'` when it ended on its own (its work budget, `effort`, spent, or
     * `evaluation.searchPatience` rounds without a smaller plan; the plan is then reproducible on any machine),
     * the `timeLimitMs` safety cap, or the caller's signal.
     */
    stoppedBy?: 'work' | 'time-limit' | 'signal';
    /** Work done, in search evaluations of `contactsPerEvaluation` contacts, and the budget that `effort` gave. */
    work?: { used: number; budget: number };
  };
}
