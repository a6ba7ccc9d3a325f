// planProficiencyRelevel (formerly planSkillOptimization): roster -> current skills -> history ->
// scoreProficiency -> constraints -> diffSkillMatrix -> whatIf -> a reviewable Plan. Reads only; nothing is
// written. The work is in plan-skills-run.ts, loaded on first call so importing the SDK does not compile it.
import type { GenesysClient } from '../client.js';
import { ValidationError } from '../errors.js';
import type { DiffMode, ProficiencyPolicyInput } from '../optimizer/index.js';
import type { Plan } from './plan.js';

export interface PlanProficiencyRelevelOptions {
  /** Queues whose members are re-levelled. Default: every queue. */
  queueIds?: string[];
  /** History window ending now, in days (1..366). Default 7. Ignored when `interval` is given. */
  days?: number;
  interval?: { from: Date; to: Date };
  /** Proficiency policy overrides (see ProficiencyPolicySchema). */
  policy?: ProficiencyPolicyInput;
  /** 'set' (default) never removes; 'upgradeOnly' never lowers; 'replace' also removes. */
  mode?: DiffMode;
  minDelta?: number;
  maxSkillsPerUser?: number;
  /** Per user facts the platform does not expose cheaply. Default: active users are routing-eligible. */
  eligibility?: Record<string, { hasRoutingRole?: boolean; hasRoutingLicense?: boolean; certifications?: string[] }>;
  /** Certifications a skill requires, by skill id. */
  skillCertifications?: Record<string, string[]>;
  /** Mean caller patience for the what-if (Erlang A); omitted = Erlang C. */
  patienceSeconds?: number;
  signal?: AbortSignal;
  onProgress?: (step: string) => void;
}

/** @deprecated Renamed {@link PlanProficiencyRelevelOptions}. */
export type PlanSkillOptimizationOptions = PlanProficiencyRelevelOptions;

/**
 * Re-levels the proficiencies of the skills agents already hold, from their history (handled contacts, handle
 * time, transfers, occupancy). Nothing is written: review the plan, then `applyPlan(client, plan)`. To decide
 * which agents should hold which queue skills so every queue meets its target, use `planRoutingOptimization`.
 * @example
 * const plan = await planProficiencyRelevel(client, { queueIds: [billingQueueId], days: 14 });
 * for (const c of plan.changes) console.log(c.userName, c.skillName, c.before, '->', c.after, c.reasons[0]);
 * @throws {ValidationError} naming `days` when it is not a whole number of days in 1..366, or `interval`
 * when it does not end after it starts.
 */
export async function planProficiencyRelevel(client: GenesysClient, options: PlanProficiencyRelevelOptions = {}): Promise<Plan> {
  checkWindow(options);
  const run = await import('./run.js');
  return run.planSkillOptimization(client, options);
}

let warned = false;

/**
 * @deprecated Renamed {@link planProficiencyRelevel} (the name said "optimization"; the optimizer is
 * `planRoutingOptimization`). Warns once per process when called; removed in the next minor version.
 */
export async function planSkillOptimization(client: GenesysClient, options: PlanProficiencyRelevelOptions = {}): Promise<Plan> {
  if (!warned) {
    warned = true;
    process.emitWarning('planSkillOptimization is deprecated: use planProficiencyRelevel (same options and result)', { type: 'DeprecationWarning', code: 'GENESYS_ROUTING_PLAN_SKILL_OPTIMIZATION' });
  }
  return planProficiencyRelevel(client, options);
}

/** The history window's options, checked by the names the caller used (not the analytics query's fields). */
function checkWindow(options: PlanProficiencyRelevelOptions): void {
  const { days, interval } = options as { days?: unknown; interval?: { from?: unknown; to?: unknown } };
  if (interval === undefined && days !== undefined && (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)) {
    throw new ValidationError('planProficiencyRelevel', [{ path: 'days', message: `expected a whole number of days between 1 and 366, got ${String(days)}` }]);
  }
  if (interval !== undefined) {
    const ok = interval !== null && typeof interval === 'object' && interval.from instanceof Date && interval.to instanceof Date && interval.to.getTime() > interval.from.getTime();
    if (!ok) throw new ValidationError('planProficiencyRelevel', [{ path: 'interval', message: 'expected { from: Date, to: Date } with to after from' }]);
  }
}
