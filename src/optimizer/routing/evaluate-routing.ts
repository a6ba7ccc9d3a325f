// evaluateRouting: the optimizer's own evaluator, public, so planners and guards judge plans the same way.
import { evaluate, meets, runLength, toMeasures } from './evaluate.js';
import { normalizeOptions, normalizeProblem } from './input.js';
import { invalid } from '../invalid.js';
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

/** Checks evaluateRouting's own options, so errors name them as the caller wrote them (`options.contacts`). */
function checkOptions(options: unknown): EvaluateRoutingOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options)) invalid('optimizeRouting', 'options', 'must be an object');
  const o = options as Record<string, unknown>;
  const range = (key: string, min: number, max: number, integer: boolean): void => {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      invalid('optimizeRouting', `options.${key}`, `must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], received ${typeof v === 'number' ? v : typeof v}`);
    }
  };
  range('seed', -(2 ** 53), 2 ** 53, true);
  range('contacts', 1_000, 20_000_000, false);
  range('replications', 2, 200, true);
  if (o.routing !== undefined && o.routing !== 'bestAvailable' && o.routing !== 'longestIdle') invalid('optimizeRouting', 'options.routing', "must be 'bestAvailable' or 'longestIdle'");
  if (o.acceptance !== undefined && o.acceptance !== 'lower95' && o.acceptance !== 'mean') invalid('optimizeRouting', 'options.acceptance', "must be 'lower95' or 'mean'");
  return o as EvaluateRoutingOptions;
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
  if (typeof input !== 'object' || input === null || Array.isArray(input)) invalid('optimizeRouting', '', 'input must be an object { queues, agents }');
  const problem = normalizeProblem({ queues: input.queues, agents: input.agents });
  const o = checkOptions(options);
  const opts = normalizeOptions({
    seed: o.seed,
    acceptance: o.acceptance,
    evaluation: { routing: o.routing, replications: o.replications ?? 10, contactsPerEvaluation: o.contacts ?? 400_000 },
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
