// evaluateRouting: the optimizer's own evaluator, public, so planners and guards judge plans the same way.
import { evaluate, meets, runLength, toMeasures } from './evaluate.js';
import { normalizeOptions, normalizeProblem } from './input.js';
import type { OptimizeAgent, OptimizeQueue, QueueMeasures, ServiceTarget } from './types.js';

export interface EvaluateRoutingInput {
  queues: readonly OptimizeQueue[];
  agents: readonly OptimizeAgent[];
}

export interface EvaluateRoutingOptions {
  /** Same seed => same calls (common random numbers): compare two assignments with one seed. Default 1. */
  seed?: number;
  /** Simulated contacts (default 400,000). */
  contacts?: number;
  /** Replications (default 10). */
  replications?: number;
  routing?: 'bestAvailable' | 'longestIdle';
  acceptance?: 'lower95' | 'mean';
}

export interface EvaluatedQueue {
  id: string;
  target: ServiceTarget;
  trafficErlangs: number;
  measures: QueueMeasures;
  meetsTarget: boolean;
}

/**
 * Simulates a routing assignment (who holds which queue skill, at which proficiency) and reports each queue's
 * service level with its 95 % interval, ASA, abandonment, holders' occupancy, and whether it meets its target:
 * exactly the evaluator `optimizeRouting` uses. Pure and deterministic for a seed.
 * @example
 * const now = evaluateRouting({ queues, agents }, { seed: 1 });
 * const after = evaluateRouting({ queues, agents: changedAgents }, { seed: 1 }); // paired with `now`
 */
export function evaluateRouting(input: EvaluateRoutingInput, options: EvaluateRoutingOptions = {}): { queues: EvaluatedQueue[]; contacts: number } {
  const problem = normalizeProblem({ queues: input.queues, agents: input.agents });
  const opts = normalizeOptions({
    seed: options.seed,
    acceptance: options.acceptance,
    evaluation: { routing: options.routing, replications: options.replications ?? 10, contactsPerEvaluation: options.contacts ?? 400_000 },
  });
  const assignment = problem.agents.map((a) => a.held);
  const length = runLength(problem, opts.contactsPerEvaluation, opts.replications);
  const ev = evaluate(problem, opts, assignment, length, opts.seed);
  return {
    contacts: ev.contacts,
    queues: problem.queues.map((q, i) => ({
      id: q.id,
      target: { serviceLevel: q.sl, withinSeconds: q.within },
      trafficErlangs: q.load,
      measures: toMeasures(q, ev.queues[i]!),
      meetsTarget: meets(q, ev.queues[i]!, opts.acceptance),
    })),
  };
}
