// The contract of planRoutingOptimization: its options and the plan it returns. The day reader and the
// planner both use it, so neither imports the other for its types.
import type { OptimizeConstraints, OptimizeProgress, OptimizeRoutingResult } from '../../optimizer/index.js';
import type { Plan, PlannedMembership } from '../plan.js';
import type { QueueLanguages } from './languages-as-skills.js';

/**
 * Options of `planRoutingOptimization`: the queues, the history window, service targets, who may move, language
 * requirements and solver settings.
 */
export interface PlanRoutingOptimizationOptions {
  /** Queues to optimize (ids or exact names). Default: every queue with traffic in the window. */
  queueIds?: string[];
  /** History window ending at the last whole hour, in days. Default 7. Give this or `interval`, not both. */
  days?: number;
  /** History window. Give this or `days`, not both. */
  interval?: { from: Date; to: Date };
  /**
   * Where the day's demand and staffing come from:
   * - `'history'` (default): a day of intervals from the window: for the planned day's weekday, the mean offered
   *   calls per interval over the window's days of that weekday, and each agent's mean on-queue share per
   *   interval from their routing-status history.
   * - `'forecast'`: the WFM short-term forecast (offered and handle time per interval, by planning group) and the
   *   published WFM schedule (each agent's on-queue activities) of the planned day's week. See `forecast`.
   * - `'peak'` / `'mean'`: one steady hour sized for the busiest interval of the window (or its mean), with every
   *   agent present (the single-interval model).
   */
  demand?: 'history' | 'forecast' | 'peak' | 'mean';
  /**
   * The day to plan (its UTC date). Default with `'history'`: the window's busiest day (so a whole-week window
   * always plans the same weekday); with `'forecast'`: tomorrow (UTC).
   */
  day?: Date | string;
  /** Length of the day's intervals in minutes: 15, 30 (default) or 60. */
  intervalMinutes?: 15 | 30 | 60;
  /** With `demand: 'forecast'`: which WFM business unit, management units and activity codes to read. */
  forecast?: {
    /** Default: the business unit of the first management unit listed. */
    businessUnitId?: string;
    /** Management units whose agents' schedules count. Default: every unit of the business unit. */
    managementUnitIds?: string[];
    /** Activity codes that mean "on queue". Default ['0'] (the business unit's default On Queue Work code). */
    onQueueActivityCodeIds?: string[];
  };
  /** Limits on the plan (skills per agent, changes, holders per queue, locked pairs); default none. */
  constraints?: OptimizeConstraints;
  /** Mean caller patience in seconds for every queue (Erlang A style abandonment); default none. */
  patienceSeconds?: number;
  /** May the plan make an agent a member of a queue whose skill it gains? Default true. */
  allowMembershipChanges?: boolean;
  /**
   * Queue id -> the routing language its conversations require (an id, or `{ languageId, minProficiency }`): an
   * agent serves the queue only while holding it, and the plan gives it where needed (`plan.languageChanges`).
   * Default: read from the window's conversations (their `requestedLanguageId`, see `languageShare`); `{}` for none.
   */
  queueLanguages?: QueueLanguages;
  /**
   * Without `queueLanguages`: a queue requires a language when at least this share (0..1] of its offered
   * conversations in the window request it (minimum proficiency 1). Default 0.5.
   */
  languageShare?: number;
  /** Seed of the optimizer's random streams (default 1): the same org, demand and seed give the same plan. */
  seed?: number;
  /**
   * Work budget of the optimizer's search (default 1; see `OptimizeRoutingOptions.effort`): the same org, demand
   * and options give the same plan on any machine. Lower it for a quicker plan.
   */
  effort?: number;
  /**
   * Safety cap on the optimizer's wall-clock time in ms (see `OptimizeRoutingOptions.timeLimitMs`). Default: one
   * that scales with the run's own pace, so the work budget decides on any machine.
   */
  timeLimitMs?: number;
  /** Threads that run the optimizer's simulations (default: available parallelism); the plan is the same. */
  threads?: number;
  /** Proficiency given to a newly added skill (default 1). */
  addProficiency?: number;
  /**
   * Default true: first simulate the current configuration (one long run of the day, 1,500,000 contacts, the
   * plan's seed); when every queue meets its target on the mean in every interval with calls, and no constraint
   * forces a change, the plan is empty and the optimizer does not run. So a re-plan right after applying a plan
   * proposes nothing. `false`: always optimize (the optimizer's own acceptance rule decides).
   */
  keepWhenMeetingTargets?: boolean;
  /** Aborts the reads and the optimization: the call rejects with the signal's reason. */
  signal?: AbortSignal;
  /** Called as the solver works (see `OptimizeProgress`). */
  onProgress?: (progress: OptimizeProgress) => void;
}

export type { PlannedMembership } from '../plan.js';

/** The day the plan was made for (absent for the single-interval `'peak'`/`'mean'` demand). */
export interface PlannedDay {
  /** yyyy-MM-dd (UTC) of the planned day. */
  date: string;
  /** Length of the day's intervals in minutes (15, 30 or 60). */
  intervalMinutes: number;
  /** Where the demand and availability came from. */
  source: string;
  /** Agents on queue at some point of the day (only they are in the model). */
  agentsOnShift: number;
}

/** What `planRoutingOptimization` adds to a Plan. */
export interface RoutingOptimizationPlan extends Plan {
  /** Queue memberships the skill changes need (applied before the skills by `applyPlan`). */
  memberships: PlannedMembership[];
  /**
   * The optimizer's verdict: feasibility, shortfall, the queues out of reach (with their names), lower bound,
   * per-queue outcome, stats and warnings (queue and agent ids in the text replaced by their names).
   */
  optimization: Pick<
    OptimizeRoutingResult,
    'feasible' | 'shortfall' | 'unreachable' | 'lowerBound' | 'stats' | 'warnings' | 'queues'
  >;
  /** The day optimized (per-interval demand and shifts); undefined for the single-interval demand. */
  day?: PlannedDay | undefined;
}
