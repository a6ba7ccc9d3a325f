// What a `timeLimitMs` the caller set means once a single simulation outlasts it: the call gives up at the limit
// plus a small grace with one TimeoutError, whether the run is on worker threads (the caller's thread terminates
// them) or on the calling thread (the simulator checks the deadline as it goes).
import { TimeoutError } from '../../../errors/index.js';

/** Grace past the caller's time limit before the run is given up: the run itself aims to end by the limit. */
const LIMIT_GRACE = 0.05;
const MIN_GRACE_MS = 250;

/** The instant (on the `calledAt` clock) the call gives up, for a limit of `limitMs`. */
export function giveUpAt(calledAt: number, limitMs: number): number {
  return calledAt + limitMs + Math.max(MIN_GRACE_MS, LIMIT_GRACE * limitMs);
}

/** The error of a call given up at its time limit, saying what to change. */
export function timeLimitError(limitMs: number): TimeoutError {
  return new TimeoutError(
    `optimizeRouting: no plan could be confirmed within timeLimitMs (${limitMs} ms): one simulation of this input takes longer than the limit allows; raise timeLimitMs, or lower evaluation.contactsPerEvaluation and evaluation.confirmContacts`,
    { timeoutMs: limitMs },
  );
}

/**
 * The checkpoint of a run on the calling thread: its simulations call it as they go, and it throws the signal's
 * reason once the caller aborts, or the TimeoutError once the time limit's deadline passes, so the call settles
 * when a worker-thread run would.
 */
export function callingThreadCheck(
  calledAt: number,
  limitMs: number | undefined,
  signal: AbortSignal | undefined,
): () => void {
  const deadline = limitMs === undefined ? Infinity : giveUpAt(calledAt, limitMs);
  return (): void => {
    signal?.throwIfAborted();
    if (performance.now() > deadline) throw timeLimitError(limitMs as number);
  };
}
