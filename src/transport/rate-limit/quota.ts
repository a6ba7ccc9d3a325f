// The rate-limit quota a client's limiter draws from. The platform's allowance belongs to the OAuth client, not
// to a process: the default gate mirrors it inside one process; a shared quota (e.g. RedisQuota from
// 'genesys-routing-sdk/redis') lets every process of one OAuth client draw from one budget.
import type { RateLimitInfo, SharedStateEvent } from '../../client/events.js';

/** What `take` granted: handed back with the response, so the quota can tell which window it was counted in. */
export interface QuotaTicket {
  /** The quota's window generation when the request was granted (stale answers are not merged). */
  readonly window: number;
  /** True for the single request let through after a 429 pause: its answer refills the quota. */
  readonly probe: boolean;
}

/** One client's view of a quota: the limiter calls these around every request. */
export interface QuotaGate {
  /** Waits until one request may be sent and counts it as spent. */
  take(signal?: AbortSignal): Promise<QuotaTicket>;
  /** The request of `ticket` is over (answered or failed); called after `observe`/`block` for its answer. */
  release(ticket: QuotaTicket): void;
  /**
   * Merges a response's inin-ratelimit-* headers. Returns the pause it causes in ms (0 when requests may go on).
   * Windows longer than `maxPauseMs` are not mirrored (the client would rather fail than sleep that long).
   */
  observe(info: RateLimitInfo, maxPauseMs: number, ticket?: QuotaTicket): number;
  /** A 429: pauses every request for `ms`, then lets one probe through. */
  block(ms: number): void;
  /** Waits until a request could be sent now, without taking one. */
  waitForGate(signal?: AbortSignal): Promise<void>;
  /** ms until this client's gate opens, as far as this process knows (0 when open). */
  readonly blockedForMs: number;
}

/** What a client tells a quota about itself when it starts using it. */
export interface QuotaContext {
  /** `<loginBaseUrl>|<clientId>`: the platform counts requests per OAuth client, so budgets are keyed by it. */
  key: string;
  /** Requests of each window kept in reserve; false: ignore the rate-limit headers (only 429s pause). */
  headroom: number | false | undefined;
  /**
   * The client's `maxRetryAfterMs`: the longest pause it accepts from the platform. A shared quota caps its waits
   * the same way and ignores shared state asking for longer (default 60,000).
   */
  maxWaitMs?: number | undefined;
  /** Reports that shared state became unavailable (the gate falls back to this process alone) or came back. */
  onSharedState(event: SharedStateEvent): void;
}

/**
 * A source of quota gates: the client option `quota`. The default keeps the quota in this process; pass a shared
 * implementation so several processes using one OAuth client stay under its limit together.
 */
export interface SharedQuota {
  /** The gate one client draws from; called once when the client starts. */
  gate(context: QuotaContext): QuotaGate;
}
