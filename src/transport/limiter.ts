// Concurrency slots (p-limit) plus a shared gate that mirrors the platform's quota:
// - the inin-ratelimit-* headers tell how many requests are left in the window and when it resets; each
//   request spends one, and when none are left every call waits for the reset instead of being refused;
// - a 429 closes the gate for Retry-After, then lets ONE request through as a probe: its headers refill
//   the mirror before the others go, so a reopened gate does not release a stampede.
import pLimit, { type LimitFunction } from 'p-limit';
import { sleep } from '../internal/sleep.js';
import type { RateLimitInfo } from '../events.js';

interface Quota {
  remaining: number;
  resetAt: number;
}

export class RequestLimiter {
  readonly #limit: LimitFunction;
  readonly #headroom: number | false | undefined;
  #blockedUntil = 0;
  #quota: Quota | undefined;
  /** Last window seen: a new window is assumed to hold `allowed` requests until headers say otherwise. */
  #lastWindow: { allowed: number; ms: number } | undefined;
  /** Requests sent and not yet answered (p-limit's activeCount also counts calls waiting at the gate). */
  #inFlight = 0;
  /** Highest inin-ratelimit-count seen in the current window (a lower one means a new window began). */
  #windowCount = 0;
  /** Set after a 429: the next request goes alone. */
  #needsProbe = false;
  #probe: Promise<void> | undefined;

  /** `headroom`: requests kept in reserve (default 0); false = ignore the rate-limit headers. */
  constructor(maxConcurrency: number, headroom: number | false | undefined) {
    this.#limit = pLimit(maxConcurrency);
    this.#headroom = headroom;
  }

  /** Runs `fn` in a slot, once the gate lets it through. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#limit(async () => {
      const release = await this.#acquire(signal);
      this.#inFlight++;
      try {
        return await fn();
      } finally {
        this.#inFlight--;
        release();
      }
    });
  }

  /** Waits until a request could be sent now (used by workflows between batches). */
  async waitForGate(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#waitMs();
      if (wait <= 0 && !this.#probe) return;
      if (this.#probe) await raceSignal(this.#probe, signal);
      else await sleep(wait, signal);
    }
  }

  async #acquire(signal?: AbortSignal): Promise<() => void> {
    for (;;) {
      const wait = this.#waitMs();
      if (wait > 0) {
        await sleep(wait, signal);
        continue;
      }
      if (this.#probe) {
        await raceSignal(this.#probe, signal);
        continue;
      }
      if (this.#needsProbe) {
        this.#needsProbe = false;
        let done!: () => void;
        this.#probe = new Promise<void>((resolve) => (done = resolve));
        return () => {
          this.#probe = undefined;
          done();
        };
      }
      if (this.#quota) this.#quota.remaining--;
      return noop;
    }
  }

  /** ms until the gate opens: a 429 pause, or an exhausted quota until its window resets. */
  #waitMs(): number {
    const now = Date.now();
    if (this.#blockedUntil > now) return this.#blockedUntil - now;
    const q = this.#quota;
    if (!q) return 0;
    if (now >= q.resetAt) {
      const w = this.#lastWindow;
      this.#quota = w ? { remaining: w.allowed - (typeof this.#headroom === 'number' ? this.#headroom : 0), resetAt: now + w.ms } : undefined;
      return 0;
    }
    return q.remaining > 0 ? 0 : q.resetAt - now;
  }

  /** Pauses every request of this client for `ms` (after a 429), then probes with one request. */
  block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, Date.now() + ms);
    this.#quota = undefined;
    this.#needsProbe = true;
  }

  get blockedForMs(): number {
    return Math.max(0, this.#waitMs());
  }

  /**
   * Refreshes the quota mirror from a response's headers. Requests still in flight were already
   * counted as spent when they started. Returns the pause it causes in ms (0 when requests may go on).
   */
  observe(info: RateLimitInfo, maxPauseMs: number): number {
    if (this.#headroom === false) return 0;
    const resetMs = info.resetSeconds * 1000;
    if (resetMs <= 0 || resetMs > maxPauseMs) return 0;
    const inFlightOthers = Math.max(0, this.#inFlight - 1);
    const remaining = info.allowed - info.count - inFlightOthers - (this.#headroom ?? 0);
    // `reset` is whole seconds rounded up, so "now + reset" overshoots the window's end by up to a second.
    // Within one window (count still rising) keep the earliest end seen: the response that opened the
    // window reports the full window length, which pins its end to within one round trip.
    const now = Date.now();
    const q = this.#quota;
    const sameWindow = q !== undefined && now < q.resetAt && info.count > this.#windowCount;
    const resetAt = sameWindow ? Math.min(q.resetAt, now + resetMs) : now + resetMs;
    this.#windowCount = info.count;
    this.#quota = { remaining: sameWindow ? Math.min(q.remaining, remaining) : remaining, resetAt };
    this.#lastWindow = { allowed: info.allowed, ms: Math.max(resetMs, this.#lastWindow?.ms ?? 0) };
    return remaining > 0 ? 0 : resetMs;
  }
}

function noop(): void {}

/** Waits for `promise` or the signal, whichever is first; leaves no timer and no listener behind either way. */
function raceSignal(promise: Promise<void>, signal?: AbortSignal): Promise<void> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
