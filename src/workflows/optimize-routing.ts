// planRoutingOptimization: demand from analytics + skills and memberships from the org -> optimizeRouting ->
// a reviewable Plan (skill changes, the queue memberships new skills need, the model that was optimized).
// The work is in optimize-routing-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { OptimizeConstraints, OptimizeProgress, OptimizeRoutingResult } from '../optimizer/index.js';
import type { Plan, PlannedMembership } from './plan.js';

export interface PlanRoutingOptimizationOptions {
  /** Queues to optimize (ids or exact names). Default: every queue with traffic in the window. */
  queueIds?: string[];
  /** History window ending now, in days. Default 7. Give this or `interval`, not both. */
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
  constraints?: OptimizeConstraints;
  /** Mean caller patience in seconds for every queue (Erlang A style abandonment); default none. */
  patienceSeconds?: number;
  /** May the plan make an agent a member of a queue whose skill it gains? Default true. */
  allowMembershipChanges?: boolean;
  seed?: number;
  timeLimitMs?: number;
  addProficiency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: OptimizeProgress) => void;
}

export type { PlannedMembership } from './plan.js';

/** The day the plan was made for (absent for the single-interval `'peak'`/`'mean'` demand). */
export interface PlannedDay {
  /** yyyy-MM-dd (UTC) of the planned day. */
  date: string;
  intervalMinutes: number;
  /** Where the demand and availability came from. */
  source: string;
  /** Agents on queue at some point of the day (only they are in the model). */
  agentsOnShift: number;
}

/** What `planRoutingOptimization` adds to a Plan. */
export interface RoutingOptimizationPlan extends Plan {
  memberships: PlannedMembership[];
  optimization: Pick<OptimizeRoutingResult, 'feasible' | 'shortfall' | 'lowerBound' | 'stats' | 'warnings' | 'queues'>;
  /** The day optimized (per-interval demand and shifts); undefined for the single-interval demand. */
  day?: PlannedDay | undefined;
}

/**
 * Plans which agents should hold which queue skills so every queue meets its service-level target in every
 * interval of a day, with the fewest changes (see `optimizeRouting`). The day comes from history (default) or
 * from the WFM forecast and schedule (`demand: 'forecast'`); AHT and each queue's service-level target come
 * from history and its call media settings. An agent serves a queue when it is a member and holds the skill
 * the queue's conversations request most. The plan's `inputs.model` holds the exact optimizer input and
 * options, so anyone can reproduce its numbers.
 * @throws ValidationError naming both options when `interval` and `days` are given together.
 * @example
 * const plan = await planRoutingOptimization(client, { days: 7, constraints: { maxSkillsPerAgent: 3, maxChanges: 40 } });
 * for (const q of plan.optimization.queues) console.log(q.id, q.before.serviceLevel, '->', q.after.serviceLevel);
 */
export async function planRoutingOptimization(client: GenesysClient, options: PlanRoutingOptimizationOptions = {}): Promise<RoutingOptimizationPlan> {
  const run = await import('./run.js');
  return run.planRoutingOptimization(client, options);
}
