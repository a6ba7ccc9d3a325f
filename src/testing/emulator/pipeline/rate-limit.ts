// Fixed-window limiter per OAuth client, reporting what the platform's inin-ratelimit-* headers report.

/** A fixed-window rate limit per OAuth client: this many requests per window of this many seconds. */
export interface RateLimitConfig {
  /** Requests allowed per window (≥ 1). */
  requests: number;
  /** Window length, seconds. */
  windowSeconds: number;
}

export interface RateDecision {
  allowed: boolean;
  /** Requests counted in the current window (including this one). */
  count: number;
  limit: number;
  /** Whole seconds until the window resets (>= 1). */
  resetSeconds: number;
}

interface Window {
  start: number;
  count: number;
}

export class FixedWindowLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    public config: RateLimitConfig | false,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one request of `key`; undefined when limiting is off. */
  hit(key: string): RateDecision | undefined {
    if (!this.config) return undefined;
    const window = this.current(key, this.config);
    window.count += 1;
    return this.describe(window, this.config);
  }

  /** Current numbers without counting (for responses to unauthenticated requests). */
  peek(key: string): RateDecision | undefined {
    if (!this.config) return undefined;
    return this.describe(this.windows.get(key) ?? { start: this.now(), count: 0 }, this.config);
  }

  reset(): void {
    this.windows.clear();
  }

  private current(key: string, config: RateLimitConfig): Window {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.start >= config.windowSeconds * 1000) {
      window = { start: now, count: 0 };
      this.windows.set(key, window);
    }
    return window;
  }

  private describe(window: Window, config: RateLimitConfig): RateDecision {
    const remainingMs = window.start + config.windowSeconds * 1000 - this.now();
    return {
      allowed: window.count <= config.requests,
      count: window.count,
      limit: config.requests,
      resetSeconds: Math.max(1, Math.ceil(remainingMs / 1000)),
    };
  }
}

export function rateLimitHeaders(decision: RateDecision | undefined): Record<string, string> {
  if (!decision) return {};
  return {
    'inin-ratelimit-count': String(decision.count),
    'inin-ratelimit-allowed': String(decision.limit),
    'inin-ratelimit-reset': String(decision.resetSeconds),
  };
}
