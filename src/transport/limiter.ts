// Concurrency slots in front of a quota gate. The gate mirrors the platform's quota (see
// in-process-quota.ts); a shared quota (the client option `quota`) makes several processes draw from one budget.
import type { RateLimitInfo } from '../events.js';
import { InProcessQuotaGate } from './in-process-quota.js';
import { Slots } from './slots.js';
import type { QuotaContext, QuotaGate, QuotaTicket, SharedQuota } from './quota.js';

export class RequestLimiter {
  readonly #slots: Slots;
  readonly #gate: QuotaGate;

  /** `headroom`: requests kept in reserve (default 0); false = ignore the rate-limit headers. */
  constructor(maxConcurrency: number, headroom: number | false | undefined, shared?: { quota: SharedQuota; context: Omit<QuotaContext, 'headroom'> }) {
    this.#slots = new Slots(maxConcurrency);
    this.#gate = shared ? shared.quota.gate({ ...shared.context, headroom }) : new InProcessQuotaGate(headroom);
  }

  /**
   * Runs `fn` in a slot, once the gate lets it through; `fn` gets the ticket to pass to `observe`. An abort
   * while waiting for the slot or the gate rejects with the signal's reason.
   */
  run<T>(fn: (ticket: QuotaTicket) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return this.#slots.run(async () => {
      const ticket = await this.#gate.take(signal);
      try {
        return await fn(ticket);
      } finally {
        this.#gate.release(ticket);
      }
    }, signal);
  }

  /** Waits until a request could be sent now (used by workflows between batches). */
  waitForGate(signal?: AbortSignal): Promise<void> {
    return this.#gate.waitForGate(signal);
  }

  /** Pauses every request of this client for `ms` (after a 429), then probes with one request. */
  block(ms: number): void {
    this.#gate.block(ms);
  }

  get blockedForMs(): number {
    return this.#gate.blockedForMs;
  }

  /**
   * Refreshes the quota mirror from a response's headers (`ticket`: the one `run` gave the request).
   * Returns the pause it causes in ms (0 when requests may go on).
   */
  observe(info: RateLimitInfo, maxPauseMs: number, ticket?: QuotaTicket): number {
    return this.#gate.observe(info, maxPauseMs, ticket);
  }
}
