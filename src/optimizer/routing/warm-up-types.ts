// warmUpOptimizer's public contract (see warm-up.ts).

/** Options of `warmUpOptimizer`. */
export interface WarmUpOptimizerOptions {
  /** The `threads` of the calls to come (a call on another number restarts the helpers). Default: the cores. */
  threads?: number | undefined;
  /** How long the warmed workers wait for a call (ms, default 60,000); each call's own `keepWarmMs` then applies. */
  keepWarmMs?: number | undefined;
  /** Ends the warm-up (and its workers); the promise rejects with the signal's reason. */
  signal?: AbortSignal | undefined;
}

/** What `warmUpOptimizer` did. */
export interface WarmUpOptimizerResult {
  /** False where optimizeRouting runs on the calling thread (browser, edge, a one-file bundle): nothing to keep. */
  workers: boolean;
  /** How long the warm-up took (ms). */
  ms: number;
}
