// The `signal` option of the optimizer's async twins (evaluateRoutingAsync, simulateAsync): checked by hand as the
// optimizer's other fields are, and read between two slices of a run.
import { invalid } from './field-error.js';
import { rejectUnknownKeys } from '../internal/unknown-keys.js';

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

/**
 * The options of an async twin whose only option is `signal`, checked (an object, no other key, a signal), and
 * the checkpoint of its run; it throws at once when the signal is already aborted.
 */
export function signalOnly(call: string, options: unknown): () => void {
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    invalid(call, 'options', 'must be an object');
  rejectUnknownKeys(call, options, ['signal'], 'options');
  const { signal } = options as { signal?: unknown };
  checkSignal(call, signal);
  const stopIfAborted = stopWhenAborted(signal as AbortSignal | undefined);
  stopIfAborted();
  return stopIfAborted;
}
