// The `signal` option of the optimizer's async twins (evaluateRoutingAsync, simulateAsync): checked by hand as the
// optimizer's other fields are, and read between two slices of a run.
import { invalid } from './field-error.js';

/** Throws a ValidationError on `options.signal` unless it is undefined or an AbortSignal. */
export function checkSignal(call: string, signal: unknown): void {
  if (signal !== undefined && !(typeof signal === 'object' && signal !== null && 'aborted' in signal))
    invalid(call, 'options.signal', 'must be an AbortSignal');
}

/** A checkpoint for a sliced run: it throws the signal's reason once the signal is aborted. */
export function stopWhenAborted(signal: AbortSignal | undefined): () => void {
  return () => {
    if (signal?.aborted) throw signal.reason;
  };
}
