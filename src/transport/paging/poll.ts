// Polls an async job (analytics details jobs, audit queries) with growing intervals until it settles.
import { RequestAbortedError, TimeoutError } from '../../errors/index.js';
import { sleep } from '../../internal/sleep.js';

export interface PollOptions {
  signal?: AbortSignal | undefined;
  /** First wait between polls (default 1,000 ms); grows by `factor` up to `maxIntervalMs`. */
  intervalMs?: number;
  maxIntervalMs?: number;
  factor?: number;
  /** Give up after this long (default 10 minutes) with a TimeoutError. */
  timeoutMs?: number;
  /** Called after each poll with the poll number (1-based) and the latest status. */
  onPoll?: (poll: number, status: unknown) => void;
}

/**
 * Calls `check` until `isDone(result)`; returns the final result. Errors from `check` propagate (the
 * transport already retried them). Aborting the signal rejects at once with RequestAbortedError.
 */
export async function pollUntil<T>(
  operation: string,
  check: (signal?: AbortSignal) => Promise<T>,
  isDone: (result: T) => boolean,
  options: PollOptions = {},
): Promise<T> {
  const { signal, factor = 1.5, maxIntervalMs = 10_000, timeoutMs = 600_000 } = options;
  let interval = options.intervalMs ?? 1_000;
  const deadline = Date.now() + timeoutMs;
  for (let poll = 1; ; poll++) {
    const result = await check(signal);
    options.onPoll?.(poll, result);
    if (isDone(result)) return result;
    const left = deadline - Date.now();
    if (left <= 0)
      throw new TimeoutError(`${operation}: not finished after ${timeoutMs} ms of polling`, { operation, timeoutMs });
    try {
      await sleep(Math.min(interval, left), signal);
    } catch (error) {
      throw new RequestAbortedError(`${operation}: aborted by the caller while polling`, {
        operation,
        cause: signal?.reason ?? error,
      });
    }
    interval = Math.min(maxIntervalMs, interval * factor);
  }
}
