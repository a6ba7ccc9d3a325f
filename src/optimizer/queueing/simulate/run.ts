import { cycleTotals } from './arrivals.js';
import { compileModel, type CompiledModel } from './compile.js';
import { runReplication, type ReplicationStats } from './engine.js';
import type { SimulationModel } from './types.js';

/** Compiles and runs every replication (shared by `simulate` and `compareSimulations`). */
export function runAll(model: SimulationModel): { compiled: CompiledModel; runs: ReplicationStats[] } {
  const compiled = compileModel(model);
  const perCycle = cycleTotals(compiled);
  const runs: ReplicationStats[] = [];
  for (let r = 0; r < compiled.replications; r++) runs.push(runReplication(compiled, r, perCycle));
  return { compiled, runs };
}
