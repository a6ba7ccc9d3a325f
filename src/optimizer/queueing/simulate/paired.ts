// Paired comparison of two models under common random numbers: the per-replication differences, and how much
// pairing shrank their variance compared with two independent runs.
import { ValidationError } from '../../../errors/index.js';
import { signalOnly } from '../../signal-option.js';
import { compileModel, type CompiledModel } from './compile.js';
import { runHere, runSliced } from './run.js';
import { estimate } from './stats.js';
import { serviceLevelOf, summarize } from './summary.js';
import type { ReplicationStats } from './engine.js';
import type { QueueDifference, SimulationComparison, SimulationModel } from './types.js';

function sampleVariance(xs: readonly number[]): number {
  const ok = xs.filter((x) => x === x);
  if (ok.length < 2) return NaN;
  const mean = ok.reduce((s, x) => s + x, 0) / ok.length;
  return ok.reduce((s, x) => s + (x - mean) * (x - mean), 0) / (ok.length - 1);
}

const rate = (num: Float64Array, den: Float64Array, q: number): number =>
  (den[q] as number) > 0 ? (num[q] as number) / (den[q] as number) : NaN;

/** Runs `fn`, prefixing the fields of its ValidationError with the argument's name (`variant.agents[2].id`). */
function labelled<T>(call: string, name: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.map((i) => ({ ...i, path: i.path === '' ? name : `${name}.${i.path}` }));
    throw new ValidationError(call, issues, { cause: error });
  }
}

/**
 * Simulates `base` and `variant` with the same seed (common random numbers: both see the same calls) and
 * reports, per queue, the variant's change with a paired 95 % interval and the variance reduction pairing gave.
 * The two models must have the same queue ids (in order), replications and seed.
 * @example
 * const cmp = compareSimulations(model, { ...model, agents: model.agents.slice(1) }); // one agent fewer
 * cmp.queues[0]?.serviceLevel; // 12 -> 11 agents at 10 Erlangs: { mean: -0.247, halfWidth: 0.027 }
 */
export function compareSimulations(base: SimulationModel, variant: SimulationModel): SimulationComparison {
  const [a, b] = compiledPair('compareSimulations', base, variant);
  return compared(
    { compiled: a, runs: runHere([{ compiled: a }])[0] ?? [] },
    { compiled: b, runs: runHere([{ compiled: b }])[0] ?? [] },
  );
}

/** Options of {@link compareSimulationsAsync}. */
export interface CompareSimulationsAsyncOptions {
  /** Gives the runs up between two slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * {@link compareSimulations} without holding the calling thread: the same comparison to the digit, both models'
 * replications run in slices of about 50 ms with a turn of the event loop between them. `options.signal` gives it
 * up between two slices.
 * @example
 * const cmp = await compareSimulationsAsync(model, variant, { signal: AbortSignal.timeout(60_000) });
 */
export async function compareSimulationsAsync(
  base: SimulationModel,
  variant: SimulationModel,
  options: CompareSimulationsAsyncOptions = {},
): Promise<SimulationComparison> {
  const stopIfAborted = signalOnly('compareSimulationsAsync', options);
  const [a, b] = compiledPair('compareSimulationsAsync', base, variant);
  const aRuns = await runSliced(a, stopIfAborted);
  return compared({ compiled: a, runs: aRuns }, { compiled: b, runs: await runSliced(b, stopIfAborted) });
}

/** Both models compiled (errors name `base.` or `variant.`), checked to share queues, replications and seed. */
function compiledPair(call: string, base: SimulationModel, variant: SimulationModel): [CompiledModel, CompiledModel] {
  const a = labelled(call, 'base', () => compileModel(base));
  const b = labelled(call, 'variant', () => compileModel(variant));
  const issue = (path: string, message: string) => new ValidationError(call, [{ path, message }]);
  if (a.queueIds.join('\u0000') !== b.queueIds.join('\u0000'))
    throw issue('variant.queues', 'must have the same queue ids, in the same order, as base');
  if (a.replications !== b.replications) throw issue('variant.replications', 'must equal base.replications');
  if (a.seed !== b.seed) throw issue('variant.seed', 'must equal base.seed (pairing needs the same random numbers)');
  return [a, b];
}

type Runs = { compiled: CompiledModel; runs: ReplicationStats[] };

/** Each side summarized, and per queue the variant's paired differences and the variance pairing removed. */
function compared(a: Runs, b: Runs): SimulationComparison {
  const diff = (f: (s: ReplicationStats) => number): number[] =>
    a.runs.map((s, r) => f(b.runs[r] as ReplicationStats) - f(s));
  return {
    base: summarize(a.compiled, a.runs),
    variant: summarize(b.compiled, b.runs),
    queues: a.compiled.queueIds.map((id, q): QueueDifference => {
      const sl = (s: ReplicationStats) => serviceLevelOf(s, q);
      const paired = sampleVariance(diff(sl));
      const independent = sampleVariance(a.runs.map(sl)) + sampleVariance(b.runs.map(sl));
      return {
        id,
        serviceLevel: estimate(diff(sl)),
        asaSeconds: estimate(diff((s) => rate(s.waitSum, s.answered, q))),
        abandonRate: estimate(diff((s) => rate(s.abandoned, s.offered, q))),
        varianceReduction: paired > 0 && Number.isFinite(independent) ? independent / paired : null,
      };
    }),
  };
}
