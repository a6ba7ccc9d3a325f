// Concurrency slots (p-limit) in front of a quota gate. The gate mirrors the platform's quota (see
// in-process-quota.ts); a shared quota (the client option `quota`) makes several processes draw from one budget.
import type { LimitFunction } from 'p-limit';
import { loadPLimit } from '../../internal/esm-only-deps.js';
import type { RateLimitInfo } from '../../client/events.js';
import type { Clock } from '../../internal/clock.js';
import { InProcessQuotaGate } from './in-process-quota.js';
import type { QuotaContext, QuotaGate, QuotaTicket, SharedQuota } from './quota.js';

export class RequestLimiter {
  /** Made at the first request (p-limit is loaded then); the calls of that first moment keep their order. */
  #limit: LimitFunction | undefined;
  readonly #maxConcurrency: number;
  readonly #gate: QuotaGate;

  /** `headroom`: requests kept in reserve (default 0); false = ignore the rate-limit headers. */
  constructor(
    maxConcurrency: number,
    headroom: number | false | undefined,
    shared: { quota: SharedQuota; context: Omit<QuotaContext, 'headroom'> } | undefined,
    clock: Clock,
  ) {
    this.#maxConcurrency = maxConcurrency;
    this.#gate = shared ? shared.quota.gate({ ...shared.context, headroom }) : new InProcessQuotaGate(headroom, clock);
  }

  /** Calls waiting for a concurrency slot. */
  get pending(): number {
    return this.#limit?.pendingCount ?? 0;
  }

  /**
   * Runs `fn` in a slot, once the gate lets it through; `fn` gets the ticket to pass to `observe`. A call whose
   * signal aborted while it waited for its slot passes the slot on at its turn and rejects with the signal's
   * reason (no abort listener per waiter: many queued calls often share one signal, and Node warns past 10
   * listeners); an abort while waiting on the gate rejects at once.
   */
  async run<T>(fn: (ticket: QuotaTicket) => Promise<T>, signal?: AbortSignal): Promise<T> {
    signal?.throwIfAborted();
    const makeLimit = await loadPLimit();
    // After the await: every call of the first moment must share the one limit the first of them makes.
    const limit = (this.#limit ??= makeLimit(this.#maxConcurrency));
    return limit(async () => {
      signal?.throwIfAborted();
      const ticket = await this.#gate.take(signal);
      try {
        return await fn(ticket);
      } finally {
        this.#gate.release(ticket);
      }
    });
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
