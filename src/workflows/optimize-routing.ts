// planRoutingOptimization: demand from analytics + skills and memberships from the org -> optimizeRouting ->
// a reviewable Plan (skill changes, the queue memberships new skills need, the model that was optimized).
// The work is in optimize-routing-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { OptimizeConstraints, OptimizeProgress, OptimizeRoutingResult } from '../optimizer/index.js';
import type { Plan, PlannedMembership } from './plan.js';

export interface PlanRoutingOptimizationOptions {
  /** Queues to optimize (ids or exact names). Default: every queue with traffic in the window. */
  queueIds?: string[];
  /** History window ending now (or at `interval.to`). Default 7 days. */
  days?: number;
  interval?: { from: Date; to: Date };
  /** Size for the busiest interval of the window (default) or the mean over the window. */
  demand?: 'peak' | 'mean';
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

/** What `planRoutingOptimization` adds to a Plan. */
export interface RoutingOptimizationPlan extends Plan {
  memberships: PlannedMembership[];
  optimization: Pick<OptimizeRoutingResult, 'feasible' | 'shortfall' | 'lowerBound' | 'stats' | 'warnings' | 'queues'>;
}

/**
 * Plans which agents should hold which queue skills so every queue meets its service-level target with the
 * fewest changes (see `optimizeRouting`). Demand per queue: offered calls in the busiest interval of the
 * window (or the mean), AHT and the queue's own service-level target from its call media settings. An agent
 * serves a queue when it is a member and holds the skill the queue's conversations request most. The plan's
 * `inputs.model` holds the exact optimizer input and options, so anyone can reproduce its numbers.
 * @example
 * const plan = await planRoutingOptimization(client, { days: 7, constraints: { maxSkillsPerAgent: 3, maxChanges: 40 } });
 * for (const q of plan.optimization.queues) console.log(q.id, q.before.serviceLevel, '->', q.after.serviceLevel);
 */
export async function planRoutingOptimization(client: GenesysClient, options: PlanRoutingOptimizationOptions = {}): Promise<RoutingOptimizationPlan> {
  const run = await import('./run.js');
  return run.planRoutingOptimization(client, options);
}
