import { sleep } from './sleep.js';

/**
 * Where the client reads the time and waits: retry backoff, Retry-After, rate-limit pauses, the retry budget's
 * refill and token expiry. The client option `clock` replaces it, so tests (yours and the SDK's) need not wait in
 * real time: see `virtualClock()` in 'genesys-routing-sdk/testing'. Attempt timeouts stay on real timers: they
 * bound real I/O.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
  /** Resolves after `ms`; rejects with the signal's reason as soon as it aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

/** The wall clock and real timers. */
export const systemClock: Clock = { now: () => Date.now(), sleep };
