// A clock for tests: time moves only when something sleeps on it, so retry backoff, Retry-After and rate-limit
// waits take no real time. Share one with the emulator (`startEmulator({ clock })`) and the client
// (`new GenesysClient({ clock })`) and both see the same time: a 60 s rate-limit window passes at once.
import type { Clock } from '../internal/clock.js';

/** A `Clock` whose time moves only forward, when sleepers wake or `advance` is called. */
export interface VirtualClock extends Clock {
  /** Moves the time forward by `ms` and wakes every sleeper due by then. */
  advance(ms: number): void;
  /** Every `sleep(ms)` asked of this clock, in order (for assertions on backoff and pauses). */
  readonly sleeps: readonly number[];
}

interface Sleeper {
  at: number;
  wake: () => void;
}

/**
 * A virtual clock starting at `startMs` (default: the wall clock now). A sleep wakes on a later turn of the
 * event loop (after pending I/O callbacks), with the time moved to its wake-up instant: sleepers wake in
 * the order of their wake-up times, and sleepers due at the same instant see the same time.
 */
export function virtualClock(startMs: number = Date.now()): VirtualClock {
  let now = startMs;
  const sleeps: number[] = [];
  const queue: Sleeper[] = [];
  let scheduled = false;

  const wakeNext = () => {
    scheduled = false;
    queue.sort((a, b) => a.at - b.at);
    const next = queue.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  // setImmediate (not a microtask): HTTP answers already received are handled before time jumps ahead.
  const schedule = () => {
    if (scheduled || queue.length === 0) return;
    scheduled = true;
    setImmediate(wakeNext);
  };

  return {
    now: () => now,
    sleeps,
    advance(ms) {
      if (!(ms >= 0)) throw new RangeError(`virtualClock.advance: ms must be >= 0, got ${ms}`);
      now += ms;
      schedule();
    },
    sleep(ms, signal) {
      sleeps.push(ms);
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          const i = queue.indexOf(sleeper);
          if (i >= 0) queue.splice(i, 1);
          reject(signal?.reason);
        };
        const sleeper: Sleeper = {
          at: now + Math.max(0, ms),
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        queue.push(sleeper);
        schedule();
      });
    },
  };
}
