import { runAll } from './run.js';
import { summarize } from './summary.js';
import type { SimulationModel, SimulationResult } from './types.js';

export type * from './types.js';
export { compareSimulations, compareSimulationsAsync, type CompareSimulationsAsyncOptions } from './paired.js';
export { simulateAsync, type SimulateAsyncOptions } from './simulate-async.js';

/**
 * Discrete-event simulation of skills-based routing, deterministic for a given `seed`.
 *
 * Model: Poisson arrivals per queue (`arrivalRatePerHour`, `callsPerInterval / intervalSeconds`, or a
 * time-varying `arrivals` profile), exponential work (mean `ahtSeconds`; service time = work ÷ the agent's
 * `speed`), exponential patience (mean `patienceSeconds`; omitted = never abandons). An agent serves a queue if
 * it has the queue's skill with proficiency > 0 and, with bullseye `ringSeconds`, once the call has waited past
 * the agent's ring time. A call finding eligible idle agents goes to the one chosen by `routing`
 * (`bestAvailable`: highest proficiency, ties by longest idle; `longestIdle`: longest idle). Otherwise it waits
 * FIFO in its queue; an agent who frees up takes, among the calls it may take, the longest-waiting call of the
 * highest `priority` queue. Calls arriving in [warmupSeconds, warmupSeconds + durationSeconds) are measured and
 * followed to their outcome; service level = answered within the queue's target ÷ offered. Common random
 * numbers: each queue has its own stream, and a call's gap, work and patience are drawn at its arrival, so runs
 * with the same seed see the same calls (see `compareSimulations`). Work above `maxContacts` (default 50 M) is
 * rejected before running. Results are means with 95 % Student-t half-widths across replications.
 *
 * @example
 * const result = simulate({
 *   queues: [{ id: 'sales', skill: 'sales', arrivalRatePerHour: 200, ahtSeconds: 180 }],
 *   agents: Array.from({ length: 12 }, (_, i) => ({ id: `a${i}`, skills: { sales: 3 } })),
 *   durationSeconds: 86_400, warmupSeconds: 3_600, replications: 10, targetSeconds: 20, seed: 42,
 * });
 * result.queues[0]?.serviceLevel; // { mean: 0.643, halfWidth: 0.044 } (Erlang C: 0.640)
 * @throws {ValidationError} naming the field, e.g. `queues[0].ahtSeconds`, `agents[3].skills.sales`, or
 * `durationSeconds` when the work cap is exceeded.
 */
export function simulate(model: SimulationModel): SimulationResult {
  const { compiled, runs } = runAll(model);
  return summarize(compiled, runs);
}
