// Which failures are retried, how long to wait, and the client-wide budget that stops retry storms.
import { ConnectionError, GenesysApiError, GenesysError, TimeoutError } from '../errors/index.js';

/**
 * Retry rule: network errors, attempt timeouts, 429 and 502/503/504 always; 500 only when the
 * operation is idempotent (a non-idempotent write may have happened before the 500).
 */
export function isRetryable(error: unknown, idempotent: boolean): boolean {
  if (error instanceof ConnectionError || error instanceof TimeoutError) return true;
  if (error instanceof GenesysApiError) {
    const s = error.status;
    if (s === 429 || s === 502 || s === 503 || s === 504) return true;
    if (s === 500) return idempotent;
  }
  return false;
}

/** A short label for events and logs. */
export function retryReason(error: GenesysError): string {
  if (error instanceof GenesysApiError) return `status ${error.status}`;
  if (error instanceof TimeoutError) return 'timeout';
  if (error instanceof ConnectionError) return 'connection';
  return error.name;
}

/** Parses `Retry-After` as delta-seconds or an HTTP date; undefined when absent or unparsable. */
export function parseRetryAfter(value: string | null | undefined, now = Date.now()): number | undefined {
  if (value == null) return undefined;
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Exponential backoff with "equal jitter": uniform in [step/2, step], step = min(max, base * 2^(n-1)). */
export function backoffDelay(retryNumber: number, baseMs: number, maxMs: number, random = Math.random): number {
  const step = Math.min(maxMs, baseMs * 2 ** Math.max(0, retryNumber - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/**
 * Client-wide retry quota (as in the AWS SDK): each retry spends tokens, each success refunds one, and the
 * quota also refills with time (`refillPerSecond`, default a tenth of the capacity per second). When a
 * dependency is down, calls fail fast instead of multiplying load with retries; under sustained partial
 * faults the budget recovers as time passes, so long jobs slow down and finish instead of starving.
 */
export class RetryBudget {
  #tokens: number;
  #at: number;
  readonly #capacity: number;
  readonly #retryCost: number;
  readonly #timeoutCost: number;
  readonly #refillPerMs: number;
  readonly #now: () => number;

  constructor(
    capacity: number,
    retryCost: number,
    timeoutCost: number,
    refillPerSecond = capacity / 10,
    now: () => number = () => performance.now(),
  ) {
    this.#capacity = capacity;
    this.#tokens = capacity;
    this.#retryCost = retryCost;
    this.#timeoutCost = timeoutCost;
    this.#refillPerMs = Math.max(0, refillPerSecond) / 1000;
    this.#now = now;
    this.#at = now();
  }

  get available(): number {
    this.#refill();
    return this.#tokens;
  }

  /** Spends the cost of retrying `error`; false when the budget cannot pay for it. */
  trySpend(error: unknown): boolean {
    this.#refill();
    const cost =
      error instanceof TimeoutError || error instanceof ConnectionError ? this.#timeoutCost : this.#retryCost;
    if (cost > this.#tokens) return false;
    this.#tokens -= cost;
    return true;
  }

  refund(): void {
    this.#refill();
    this.#tokens = Math.min(this.#capacity, this.#tokens + 1);
  }

  #refill(): void {
    const now = this.#now();
    this.#tokens = Math.min(this.#capacity, this.#tokens + (now - this.#at) * this.#refillPerMs);
    this.#at = now;
  }
}
