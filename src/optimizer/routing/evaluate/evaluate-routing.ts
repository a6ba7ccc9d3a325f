// evaluateRouting: the optimizer's own evaluator, public, so planners and guards judge plans the same way.
import { evaluate, evaluateAsync, meets, runLength, toMeasures } from './evaluate.js';
import { normalizeOptions, normalizeProblem, type NormOptions, type NormProblem } from '../input.js';
import { invalid } from '../../field-error.js';
import { checkSignal, stopWhenAborted } from '../../signal-option.js';
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';
import type { Evaluation } from './evaluation.js';
import type { OptimizeAgent, OptimizeQueue, QueueMeasures, ServiceTarget } from '../types.js';

/** Input of {@link evaluateRouting}: the queues and one assignment of skills to judge. */
export interface EvaluateRoutingInput {
  /** Queues with their demand and targets (as for optimizeRouting). */
  queues: readonly OptimizeQueue[];
  /** Agents and the queue skills they hold in the assignment to judge. */
  agents: readonly OptimizeAgent[];
}

/** Simulation settings of {@link evaluateRouting}; every field is optional. */
export interface EvaluateRoutingOptions {
  /** Same seed => same calls (common random numbers): compare two assignments with one seed. Default 1. */
  seed?: number;
  /** Simulated contacts (default 400,000). */
  contacts?: number;
  /** Replications (default 10). */
  replications?: number;
  /** Routing rule: `bestAvailable` (default, as skillEvaluationMethod BEST) or `longestIdle`. */
  routing?: 'bestAvailable' | 'longestIdle';
  /**
   * When a queue counts as meeting its target, as in `optimizeRouting`: `joint95` (every queue at once with 95 %
   * confidence: each queue's one-sided test at level 0.95^(1/queues); the default on a steady hour of up to 15
   * queues), `lower95` (each queue alone: mean − 1.645 standard errors ≥ target; the default on more queues and
   * over a day) or `mean`.
   */
  acceptance?: 'joint95' | 'lower95' | 'mean';
  /** Over a horizon (queues with `demand`): every interval with calls (default) or the whole horizon. */
  objective?: 'every-interval' | 'weighted';
}

/** One queue's simulated service under the judged assignment. */
export interface EvaluatedQueue {
  /** Queue id. */
  id: string;
  /** The queue's service-level target, as given. */
  target: ServiceTarget;
  /** Offered load in Erlangs (with `demand`: at the queue's busiest interval). */
  trafficErlangs: number;
  /** Over a horizon: the whole horizon's service level. */
  measures: QueueMeasures;
  /** Under `objective` (default every interval that has calls) and `acceptance`. */
  meetsTarget: boolean;
  /**
   * Per interval of the horizon (one without `demand`): offered calls (simulated mean) and the service level
   * (share 0..1) with its 95 % confidence bounds `low`..`high`.
   */
  intervals: Array<{ index: number; offered: number; serviceLevel: number; low: number; high: number }>;
  /** The interval with calls whose service level (share 0..1) is lowest. */
  worstInterval: { index: number; serviceLevel: number };
}

const INPUT_KEYS = keysOf<EvaluateRoutingInput>({ queues: true, agents: true });
const OPTION_KEYS = keysOf<EvaluateRoutingOptions>({
  seed: true,
  contacts: true,
  replications: true,
  routing: true,
  acceptance: true,
  objective: true,
});
/** evaluateRoutingAsync's keys: evaluateRouting's, and its signal. */
const ASYNC_OPTION_KEYS: readonly string[] = [...OPTION_KEYS, 'signal' satisfies keyof EvaluateRoutingAsyncOptions];
/** The call whose input is checked: its errors name it. */
type Call = 'evaluateRouting' | 'evaluateRoutingAsync';

/** Options of {@link evaluateRoutingAsync}: evaluateRouting's, and a signal. */
export interface EvaluateRoutingAsyncOptions extends EvaluateRoutingOptions {
  /** Gives the run up between two slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** Checks the call's own options, so errors name them as the caller wrote them (`options.contacts`). */
function checkOptions(options: unknown, call: Call): EvaluateRoutingOptions {
  if (options === undefined) return {};
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    invalid(call, 'options', 'must be an object');
  const o = options as Record<string, unknown>;
  rejectUnknownKeys(call, o, call === 'evaluateRouting' ? OPTION_KEYS : ASYNC_OPTION_KEYS, 'options');
  const range = (key: string, min: number, max: number, integer: boolean): void => {
    const v = o[key];
    if (v === undefined) return;
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max || (integer && !Number.isInteger(v))) {
      invalid(
        call,
        `options.${key}`,
        `must be ${integer ? 'an integer' : 'a number'} in [${min}, ${max}], received ${typeof v === 'number' ? v : typeof v}`,
      );
    }
  };
  range('seed', -(2 ** 53), 2 ** 53, true);
  range('contacts', 1_000, 20_000_000, false);
  range('replications', 2, 200, true);
  if (o.routing !== undefined && o.routing !== 'bestAvailable' && o.routing !== 'longestIdle')
    invalid(call, 'options.routing', "must be 'bestAvailable' or 'longestIdle'");
  checkSignal(call, o.signal);
  // acceptance and objective are checked by normalizeOptions, as for optimizeRouting (same paths and messages).
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
export function evaluateRouting(
  input: EvaluateRoutingInput,
  options: EvaluateRoutingOptions = {},
): { queues: EvaluatedQueue[]; contacts: number } {
  const { problem, opts, assignment, length } = prepared(input, options, 'evaluateRouting');
  return reported(problem, opts, evaluate(problem, opts, assignment, length, opts.seed));
}

/**
 * {@link evaluateRouting} without holding the calling thread: the same figures to the digit, simulated in slices of
 * about 50 ms with a turn of the event loop between them, so a service's requests and timers go on meanwhile.
 * `options.signal` gives it up between two slices.
 * @example
 * const now = await evaluateRoutingAsync({ queues, agents }, { seed: 1, signal: AbortSignal.timeout(10_000) });
 */
export async function evaluateRoutingAsync(
  input: EvaluateRoutingInput,
  options: EvaluateRoutingAsyncOptions = {},
): Promise<{ queues: EvaluatedQueue[]; contacts: number }> {
  const { problem, opts, assignment, length } = prepared(input, options, 'evaluateRoutingAsync');
  const stopIfAborted = stopWhenAborted(options.signal);
  stopIfAborted();
  const sliced = { ...opts, checkpoint: stopIfAborted };
  const [ev] = await evaluateAsync(problem, sliced, assignment, length, [opts.seed]);
  return reported(problem, opts, ev as Evaluation);
}

/** The input and options checked and normalized, the assignment to judge and the simulation's length. */
function prepared(input: EvaluateRoutingInput, options: EvaluateRoutingOptions, call: Call) {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    invalid(call, '', 'input must be an object { queues, agents }');
  rejectUnknownKeys(call, input, INPUT_KEYS, '');
  const problem = normalizeProblem({ queues: input.queues, agents: input.agents });
  const o = checkOptions(options, call);
  const opts = normalizeOptions(
    {
      seed: o.seed,
      acceptance: o.acceptance,
      objective: o.objective,
      evaluation: {
        routing: o.routing,
        replications: o.replications ?? 10,
        contactsPerEvaluation: o.contacts ?? 400_000,
      },
    },
    problem,
  );
  const assignment = problem.agents.map((a) => a.held);
  return { problem, opts, assignment, length: runLength(problem, opts.contactsPerEvaluation, opts.replications) };
}

/** Each queue's figures and verdict from one evaluation. */
function reported(
  problem: NormProblem,
  opts: NormOptions,
  ev: Evaluation,
): { queues: EvaluatedQueue[]; contacts: number } {
  return {
    contacts: ev.contacts,
    queues: problem.queues.map((q, i) => {
      const e = ev.queues[i]!;
      const intervals = (e.intervals ?? [{ offered: e.offered, mean: e.mean, halfWidth: e.halfWidth }]).map(
        (x, index) => ({
          index,
          offered: x.offered,
          serviceLevel: x.mean,
          low: Math.max(0, x.mean - x.halfWidth),
          high: Math.min(1, x.mean + x.halfWidth),
        }),
      );
      const worst = intervals.reduce(
        (w, x) => (x.offered > 0 && (w.offered <= 0 || x.serviceLevel < w.serviceLevel) ? x : w),
        intervals[0]!,
      );
      return {
        id: q.id,
        target: { serviceLevel: q.sl, withinSeconds: q.within },
        trafficErlangs: q.load,
        measures: toMeasures(q, e),
        meetsTarget: meets(q, e, opts.acceptance),
        intervals,
        worstInterval: { index: worst.index, serviceLevel: worst.serviceLevel },
      };
    }),
  };
}
