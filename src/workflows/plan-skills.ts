// planSkillOptimization: roster -> current skills -> history -> scoreProficiency -> constraints ->
// diffSkillMatrix -> whatIf -> a reviewable Plan. Reads only; nothing is written. The work is in
// plan-skills-run.ts, loaded on first call so importing the SDK does not compile it.
import type { GenesysClient } from '../client.js';
import type { DiffMode, ProficiencyPolicyInput } from '../optimizer/index.js';
import type { Plan } from './plan.js';

export interface PlanSkillOptimizationOptions {
  /** Queues whose members are re-levelled. Default: every queue. */
  queueIds?: string[];
  /** History window ending now. Default 7 days. Ignored when `interval` is given. */
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

/**
 * Computes a skill plan from the org's live roster and history. Nothing is written: review the plan, then
 * `applyPlan(client, plan)`.
 * @example
 * const plan = await planSkillOptimization(client, { queueIds: [billingQueueId], days: 14 });
 * for (const c of plan.changes) console.log(c.userName, c.skillName, c.before, '->', c.after, c.reasons[0]);
 */
export async function planSkillOptimization(client: GenesysClient, options: PlanSkillOptimizationOptions = {}): Promise<Plan> {
  const run = await import('./run.js');
  return run.planSkillOptimization(client, options);
}
