// simulate without holding the calling thread: the same replications in slices, the event loop free between them.
import { signalOnly } from '../../signal-option.js';
import { compileModel } from './compile.js';
import { runSliced } from './run.js';
import { summarize } from './summary.js';
import type { SimulationModel, SimulationResult } from './types.js';

/** Options of {@link simulateAsync}. */
export interface SimulateAsyncOptions {
  /** Gives the run up between two slices: the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/**
 * {@link simulate} without holding the calling thread: the same result to the digit, its replications run in
 * slices of about 50 ms with a turn of the event loop between them, so a service's requests and timers go on
 * meanwhile. `options.signal` gives it up between two slices.
 * @example
 * const result = await simulateAsync(model, { signal: AbortSignal.timeout(30_000) });
 */
export async function simulateAsync(
  model: SimulationModel,
  options: SimulateAsyncOptions = {},
): Promise<SimulationResult> {
  const stopIfAborted = signalOnly('simulateAsync', options);
  const compiled = compileModel(model);
  return summarize(compiled, await runSliced(compiled, stopIfAborted));
}
