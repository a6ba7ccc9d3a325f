// Concurrency slots (p-limit) plus a shared gate: a 429, or a nearly spent allowance reported by the
// inin-ratelimit-* headers, closes the gate so every concurrent call pauses instead of stampeding.
import pLimit, { type LimitFunction } from 'p-limit';
import { sleep } from '../internal/sleep.js';
import type { RateLimitInfo } from '../events.js';

export class RequestLimiter {
  readonly #limit: LimitFunction;
  readonly #headroom: number;
  #blockedUntil = 0;

  constructor(maxConcurrency: number, headroom: number) {
    this.#limit = pLimit(maxConcurrency);
    this.#headroom = headroom;
  }

  /** Runs `fn` in a slot, after the gate opens. */
  run<T>(fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#limit(async () => {
      await this.waitForGate(signal);
      return fn();
    });
  }

  async waitForGate(signal?: AbortSignal): Promise<void> {
    for (let wait = this.#blockedUntil - Date.now(); wait > 0; wait = this.#blockedUntil - Date.now()) {
      await sleep(wait, signal);
    }
  }

  /** Pauses every request of this client for `ms`. */
  block(ms: number): void {
    this.#blockedUntil = Math.max(this.#blockedUntil, Date.now() + ms);
  }

  get blockedForMs(): number {
    return Math.max(0, this.#blockedUntil - Date.now());
  }

  get pending(): number {
    return this.#limit.pendingCount;
  }

  /**
   * Reads the platform's allowance; when the remaining requests in the window are within the headroom
   * (requests that may already be in flight), pauses until the window resets. Returns the pause in ms.
   */
  observe(info: RateLimitInfo, maxPauseMs: number): number {
    const remaining = info.allowed - info.count;
    if (remaining > this.#headroom) return 0;
    const pause = info.resetSeconds * 1000;
    if (pause <= 0 || pause > maxPauseMs) return 0;
    this.block(pause);
    return pause;
  }
}
