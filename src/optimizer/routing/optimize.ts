// optimizeRouting's public contract. The implementation (model, solver, search: about a third of the optimizer's
// code) loads on the first call, so `require('genesys-routing-sdk/optimizer')` stays cheap for Erlang users.
import type { OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from './types.js';

export { DEFAULT_TIME_LIMIT_MS } from './types.js';

/**
 * Decides which agents hold which queue skills so that every queue meets its service-level target with the
 * fewest changes. See docs/optimizer.md ("optimizeRouting") for the model, its assumptions and its limits.
 *
 * 1. Screening: a fluid mixed-integer model over groups of interchangeable agents (HiGHS): agent time covers
 *    each queue's load plus square-root safety staffing (scaled by the pooling benefit), each queue keeps as
 *    many holders as it would need dedicated agents, within the skill, change and lock limits; fewest changes.
 * 2. Simulation of the whole system with common random numbers; queues still below target raise their
 *    requirement and the model is solved again (a few rounds).
 * 3. Local search: add / move / swap skills toward the queue furthest below target, then undo changes the
 *    targets do not need.
 * 4. Confirmation by a longer simulation on fresh random numbers, before and after.
 * New skills enter at `addProficiency` (default 1), so under best-available routing a queue's own specialists
 * take its calls first. Deterministic for a given seed (and time limit not reached), on any number of threads.
 * Under Node the run happens on worker threads (`threads`), so the caller's event loop stays free.
 *
 * @example
 * const result = await optimizeRouting({
 *   queues: [{ id: 'billing', callsPerHour: 120, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }],
 *   agents: [{ id: 'a1', skills: { billing: 5, sales: 2 } }],
 *   constraints: { maxSkillsPerAgent: 2, maxChanges: 40 },
 * }, { seed: 1, timeLimitMs: 30_000 });
 * @throws {ValidationError} naming the bad field; the signal's reason when aborted.
 */
export async function optimizeRouting(
  input: OptimizeRoutingInput,
  options?: OptimizeRoutingOptions,
): Promise<OptimizeRoutingResult> {
  // timeLimitMs counts from this call: loading the optimizer and starting its worker are part of the caller's wait.
  const calledAt = performance.now();
  const workers = await import('./worker-pool.js');
  if (await workers.workersAvailable()) {
    // Checked here, so a bad input or option throws the same error on the caller's thread before any worker starts.
    const { normalizeOptions, normalizeProblem } = await import('./input.js');
    normalizeOptions(options, normalizeProblem(input));
    return workers.optimizeOnWorkers(input, options ?? {}, calledAt);
  }
  const { runOptimizeRouting } = await import('./run/run-optimize.js');
  return runOptimizeRouting(input, options, undefined, calledAt);
}
