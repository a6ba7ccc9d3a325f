// warmUpOptimizer: optimizeRouting's worker threads started and its solver's branch-and-bound code compiled ahead
// of a call that must answer fast (a service's first request, each decision of the routing autopilot).

import type { WarmUpOptimizerOptions, WarmUpOptimizerResult } from './warm-up-types.js';

export type { WarmUpOptimizerOptions, WarmUpOptimizerResult } from './warm-up-types.js';

/**
 * Starts optimizeRouting's worker threads and runs its solver's branch-and-bound code once, so that a later call
 * (within `keepWarmMs`) skips the threads' start and the solver's load and compilation. Without it, the first
 * call whose screening needs more than the relaxation pays for them, and on a busy machine the compilation takes
 * the cores from its search. Under Node; elsewhere it does nothing and says so.
 *
 * @example
 * await warmUpOptimizer({ keepWarmMs: 600_000 });
 * const plan = await optimizeRouting(input, { keepWarmMs: 600_000, timeLimitMs: 5_000 });
 * @throws {ValidationError} naming the bad option; the signal's reason when aborted.
 */
export async function warmUpOptimizer(options?: WarmUpOptimizerOptions): Promise<WarmUpOptimizerResult> {
  const startedAt = performance.now();
  const { parseWarmUpOptions } = await import('./warm-up-options.js');
  const o = parseWarmUpOptions(options);
  o.signal?.throwIfAborted();
  const workers = await import('./worker-pool.js');
  if (!(await workers.workersAvailable())) return { workers: false, ms: performance.now() - startedAt };
  await workers.warmWorkers({ threads: o.threads, keepMs: o.keepWarmMs, signal: o.signal });
  return { workers: true, ms: performance.now() - startedAt };
}
