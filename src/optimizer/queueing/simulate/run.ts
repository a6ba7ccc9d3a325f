import { cycleTotals } from './arrivals.js';
import { compileModel, type CompiledModel } from './compile.js';
import { runReplication, type ReplicationStats } from './engine.js';
import type { SimulationModel } from './types.js';

/**
 * Runs every replication of a compiled model and returns their stats in replication order. Replication r draws
 * from (seed, r) only, so a runner may share the replications among threads: the results are the same.
 */
export type ReplicationRunner = (model: SimulationModel, compiled: CompiledModel) => ReplicationStats[];

/**
 * Replications `from` (inclusive) to `to` (exclusive) of a compiled model, in order, on this thread; `checkpoint`
 * is called as they run and throws to give them up (see runReplication).
 */
export function runRange(
  compiled: CompiledModel,
  from: number,
  to: number,
  checkpoint?: () => void,
): ReplicationStats[] {
  const perCycle = cycleTotals(compiled);
  const runs: ReplicationStats[] = [];
  for (let r = from; r < to; r++) runs.push(runReplication(compiled, r, perCycle, checkpoint));
  return runs;
}

/** Every replication on this thread. */
export const runHere: ReplicationRunner = (_model, compiled) => runRange(compiled, 0, compiled.replications);

/** Compiles and runs every replication (shared by `simulate` and `compareSimulations`). */
export function runAll(
  model: SimulationModel,
  runner: ReplicationRunner = runHere,
): { compiled: CompiledModel; runs: ReplicationStats[] } {
  const compiled = compileModel(model);
  return { compiled, runs: runner(model, compiled) };
}
