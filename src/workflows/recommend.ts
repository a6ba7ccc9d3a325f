// recommendRoutingChanges: who should gain or lose a skill, from aggregates by user and requested skill,
// with the what-if impact, as a reviewable Plan. The work is in recommend-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { RecommendationThresholds } from '../optimizer/index.js';
import type { Plan } from './plan.js';

export interface RecommendRoutingChangesOptions {
  /** History window ending now. Default 7 days. */
  days?: number;
  interval?: { from: Date; to: Date };
  /** Queues to consider. Default: every queue. */
  queueIds?: string[];
  /** Overrides of the recommendation thresholds (see docs/planning.md). */
  thresholds?: Partial<RecommendationThresholds>;
  patienceSeconds?: number;
  /** Drop removals the what-if predicts would take a queue below its service-level target. Default true. */
  guardServiceLevel?: boolean;
  signal?: AbortSignal;
}

/**
 * Suggests ADD / REMOVE skill changes from how agents actually handled each skill's contacts, and what they
 * would do to each queue's service level.
 * @example
 * const plan = await recommendRoutingChanges(client, { days: 14, thresholds: { maxChanges: 10 } });
 * console.table(plan.changes.map((c) => ({ user: c.userName, skill: c.skillName, action: c.action, why: c.reasons[0] })));
 */
export async function recommendRoutingChanges(client: GenesysClient, options: RecommendRoutingChangesOptions = {}): Promise<Plan> {
  const run = await import('./run.js');
  return run.recommendRoutingChanges(client, options);
}
