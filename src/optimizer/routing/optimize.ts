// optimizeRouting's public contract. The implementation (model, solver, search: about a third of the optimizer's
// code) loads on the first call, so `require('genesys-routing-sdk/optimizer')` stays cheap for Erlang users.
import type { OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from './types.js';

/**
 * Default `timeLimitMs` (also of `planRoutingOptimization` and the CLI's `--time-limit`): a safety cap far above
 * what the work budget takes on a steady hour of up to about fifteen queues, even with other work on the machine
 * (docs/optimizer.md, "The work budget"), so a default call there stops on its work budget and gives the same plan
 * on any machine.
 */
export const DEFAULT_TIME_LIMIT_MS = 300_000;

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
 * take its calls first. Deterministic for a given seed (and time limit not reached).
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
  const { runOptimizeRouting } = await import('./optimize-run.js');
  return runOptimizeRouting(input, options);
}
