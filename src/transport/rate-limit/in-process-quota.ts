// The default quota gate: mirrors the platform's quota inside one process.
// - the inin-ratelimit-* headers tell how many requests are left in the window and when it resets; each
//   request spends one, and when none are left every call waits for the reset instead of being refused;
// - a 429 closes the gate for Retry-After, then lets ONE request through as a probe: its headers refill
//   the mirror before the others go, so a reopened gate does not release a stampede.
import { systemClock, type Clock } from '../../internal/clock.js';
import type { RateLimitInfo } from '../../client/events.js';
import type { QuotaGate, QuotaTicket, SharedQuota } from './quota.js';

interface Quota {
  remaining: number;
  resetAt: number;
}

const PLAIN: QuotaTicket = { window: 0, probe: false };
const PROBE: QuotaTicket = { window: 0, probe: true };

export class InProcessQuotaGate implements QuotaGate {
  readonly #headroom: number | false | undefined;
  #blockedUntil = 0;
  #quota: Quota | undefined;
  /** Last window seen: a new window is assumed to hold `allowed` requests until headers say otherwise. */
  #lastWindow: { allowed: number; ms: number } | undefined;
  /** Requests sent and not yet answered. */
  #inFlight = 0;
  /** Highest inin-ratelimit-count seen in the current window (a lower one means a new window began). */
  #windowCount = 0;
  /** Set after a 429: the next request goes alone. */
  #needsProbe = false;
  #probe: Promise<void> | undefined;
  #probeDone: (() => void) | undefined;

  readonly #clock: Clock;

  /** `headroom`: requests kept in reserve (default 0); false = ignore the rate-limit headers. */
  constructor(headroom: number | false | undefined, clock: Clock = systemClock) {
    this.#headroom = headroom;
    this.#clock = clock;
  }

  async take(signal?: AbortSignal): Promise<QuotaTicket> {
    for (;;) {
      const wait = this.#waitMs();
      if (wait > 0) {
        await this.#clock.sleep(wait, signal);
        continue;
      }
      if (this.#probe) {
        await raceSignal(this.#probe, signal);
        continue;
      }
      this.#inFlight++;
      if (this.#needsProbe) {
        this.#needsProbe = false;
        this.#probe = new Promise<void>((resolve) => (this.#probeDone = resolve));
        return PROBE;
      }
      if (this.#quota) this.#quota.remaining--;
      return PLAIN;
    }
  }

  release(ticket: QuotaTicket): void {
    this.#inFlight--;
    if (ticket.probe) {
      this.#probe = undefined;
      this.#probeDone?.();
      this.#probeDone = undefined;
    }
  }

  async waitForGate(signal?: AbortSignal): Promise<void> {
    for (;;) {
      const wait = this.#waitMs();
      if (wait <= 0 && !this.#probe) return;
      if (this.#probe) await raceSignal(this.#probe, signal);
      else await this.#clock.sleep(wait, signal);
    }
  }

  /** ms until the gate opens: a 429 pause, or an exhausted quota until its window resets. */
  #waitMs(): number {
    const now = this.#clock.now();
    if (this.#blockedUntil > now) return this.#blockedUntil - now;
    const q = this.#quota;
    if (!q) return 0;
    if (now >= q.resetAt) {
      const w = this.#lastWindow;
      this.#quota = w
        ? { remaining: w.allowed - (typeof this.#headroom === 'number' ? this.#headroom : 0), resetAt: now + w.ms }
        : undefined;
      return 0;
    }
    return q.remaining > 0 ? 0 : q.resetAt - now;
  }

  block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, this.#clock.now() + ms);
    this.#quota = undefined;
    this.#needsProbe = true;
  }

  get blockedForMs(): number {
    return Math.max(0, this.#waitMs());
  }

  /** Requests still in flight were already counted as spent when they started. */
  observe(info: RateLimitInfo, maxPauseMs: number): number {
    if (this.#headroom === false) return 0;
    const resetMs = info.resetSeconds * 1000;
    if (resetMs <= 0 || resetMs > maxPauseMs) return 0;
    const inFlightOthers = Math.max(0, this.#inFlight - 1);
    const remaining = info.allowed - info.count - inFlightOthers - (this.#headroom ?? 0);
    // `reset` is whole seconds rounded up, so "now + reset" overshoots the window's end by up to a second.
    // Within one window (count still rising) keep the earliest end seen: the response that opened the
    // window reports the full window length, which pins its end to within one round trip.
    const now = this.#clock.now();
    const q = this.#quota;
    const sameWindow = q !== undefined && now < q.resetAt && info.count > this.#windowCount;
    const resetAt = sameWindow ? Math.min(q.resetAt, now + resetMs) : now + resetMs;
    this.#windowCount = info.count;
    this.#quota = { remaining: sameWindow ? Math.min(q.remaining, remaining) : remaining, resetAt };
    this.#lastWindow = { allowed: info.allowed, ms: Math.max(resetMs, this.#lastWindow?.ms ?? 0) };
    return remaining > 0 ? 0 : resetMs;
  }
}

/** The default `quota` option: each client keeps its own mirror of the platform's quota, in this process. */
export class InProcessQuota implements SharedQuota {
  gate(context: { headroom: number | false | undefined }): InProcessQuotaGate {
    return new InProcessQuotaGate(context.headroom);
  }
}

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
