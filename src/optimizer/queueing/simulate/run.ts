import { cycleTotals } from './arrivals.js';
import { compileModel, type CompiledModel } from './compile.js';
import { replicationSteps, runReplication, type ReplicationStats } from './engine.js';
import type { SimulationModel } from './types.js';

/** A model to simulate, compiled (flat arrays a runner can send to another thread as they are). */
export interface ReplicationJob {
  compiled: CompiledModel;
}

/**
 * Runs every replication of each job and returns each job's stats in replication order. Replication r of a job
 * draws from (its seed, r) only, so a runner may share the replications among threads, across jobs too: the
 * results are the same. Several jobs at once let it share them evenly (one job's 5 replications on 2 threads
 * leave one thread idle a fifth of the time).
 */
export type ReplicationRunner = (jobs: readonly ReplicationJob[]) => ReplicationStats[][];

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
export const runHere: ReplicationRunner = (jobs) =>
  jobs.map(({ compiled }) => runRange(compiled, 0, compiled.replications));

/** Compiles and runs every replication on this thread, or on `runner` (`simulate`). */
export function runAll(
  model: SimulationModel,
  runner: ReplicationRunner = runHere,
): { compiled: CompiledModel; runs: ReplicationStats[] } {
  const compiled = compileModel(model);
  return { compiled, runs: runner([{ compiled }])[0] as ReplicationStats[] };
}

/** How long a run on the calling thread simulates before it gives the event loop a turn. */
export const SLICE_MS = 50;

/** A turn for the event loop: timers, I/O, the caller's abort signal and progress listeners run. */
export const turn = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * When this thread's event loop last had a turn from a sliced run. Shared by every run, so work between two
 * simulations counts towards the next slice instead of adding a whole slice to the stall. It starts at 0, not
 * performance.now(): reading `performance` while the module loads costs every import of the optimizer.
 */
let lastTurn = 0;

/** Gives the event loop a turn once `sliceMs` has passed since the last one. */
async function turnIfDue(sliceMs: number): Promise<void> {
  if (performance.now() - lastTurn < sliceMs) return;
  await turn();
  lastTurn = performance.now();
}

/**
 * Every replication of a compiled model on this thread without holding it: the replications pause every
 * thousand events or so, and once `sliceMs` has passed since the last turn the event loop gets one. The results are
 * runRange's; `checkpoint` is called at every pause and throws to give the run up.
 */
export async function runSliced(
  compiled: CompiledModel,
  checkpoint?: () => void,
  sliceMs = SLICE_MS,
): Promise<ReplicationStats[]> {
  const perCycle = cycleTotals(compiled);
  const runs: ReplicationStats[] = [];
  await turnIfDue(sliceMs);
  for (let r = 0; r < compiled.replications; r++) {
    const steps = replicationSteps(compiled, r, perCycle);
    let step = steps.next();
    while (!step.done) {
      checkpoint?.();
      await turnIfDue(sliceMs);
      step = steps.next();
    }
    runs.push(step.value);
    await turnIfDue(sliceMs);
  }
  return runs;
}
