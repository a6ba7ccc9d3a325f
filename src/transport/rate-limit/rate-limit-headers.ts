// Reads the platform's inin-ratelimit-* response headers.
import type { RateLimitInfo } from '../../client/events.js';

/** Reads inin-ratelimit-count/allowed/reset; undefined unless all three are numbers. */
export function readRateLimitHeaders(headers: Headers): RateLimitInfo | undefined {
  const count = Number(headers.get('inin-ratelimit-count'));
  const allowed = Number(headers.get('inin-ratelimit-allowed'));
  const reset = Number(headers.get('inin-ratelimit-reset'));
  if (
    !headers.has('inin-ratelimit-allowed') ||
    !Number.isFinite(count) ||
    !Number.isFinite(allowed) ||
    !Number.isFinite(reset)
  ) {
    return undefined;
  }
  return { count, allowed, resetSeconds: reset };
}
