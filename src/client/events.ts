// Typed events emitted by a GenesysClient. URLs are redacted; no event ever carries a token or secret.
import type { GenesysError, ValidationIssue } from '../errors/index.js';

/** The rate-limit window the platform reported in a response's `inin-ratelimit-*` headers. */
export interface RateLimitInfo {
  /** `inin-ratelimit-count`: requests counted in the current window. */
  count: number;
  /** `inin-ratelimit-allowed`: the window's allowance. */
  allowed: number;
  /** `inin-ratelimit-reset`: seconds until the window resets. */
  resetSeconds: number;
}

/** The `request` event: an attempt is about to be sent (one per attempt, retries included). */
export interface RequestEvent {
  /** Operation id, e.g. `routing.queues.list`. */
  operation: string;
  /** HTTP method. */
  method: string;
  /** The request URL, with secrets in its query redacted. */
  url: string;
  /** Path template of the operation, e.g. `/api/v2/routing/queues/{queueId}`. */
  path?: string | undefined;
  /** 1 for the first attempt. */
  attempt: number;
}

/** The `response` event: an attempt got an answer (any status). */
export interface ResponseEvent extends RequestEvent {
  /** HTTP status of the answer. */
  status: number;
  /** Time from sending to the whole body read, in ms. */
  durationMs: number;
  /** The response's `ININ-Correlation-Id` (quote it to Genesys support). */
  correlationId: string | undefined;
  /** The rate-limit window from the response headers, when sent. */
  rateLimit: RateLimitInfo | undefined;
}

/** The `retry` event: an attempt failed and will be retried after `delayMs`. */
export interface RetryEvent extends RequestEvent {
  /** Why the attempt failed: `status 429`, `timeout`, `connection`, ... */
  reason: string;
  /** HTTP status of the failed attempt; undefined for a timeout or network error. */
  status: number | undefined;
  /** How long the client waits before the next attempt (backoff, or the `Retry-After` floor). */
  delayMs: number;
  /** The response's `ININ-Correlation-Id`, when there was one. */
  correlationId: string | undefined;
  /** The error of the failed attempt. */
  error: GenesysError;
}

/** The `rateLimited` event: every request of this client pauses for `waitMs`. */
export interface RateLimitedEvent {
  /** Operation id, e.g. `routing.queues.list`. */
  operation: string;
  /** `429`: the platform refused a request; `headroom`: the client paused itself before the allowance ran out. */
  source: '429' | 'headroom';
  /** How long every request of this client is paused. */
  waitMs: number;
  /** The response's `ININ-Correlation-Id`, when there was one. */
  correlationId: string | undefined;
}

/** The `tokenRefreshed` event: the client obtained an access token. */
export interface TokenRefreshedEvent {
  /** `initial`: the first token; `expiring`: refreshed before expiry; `rejected`: after a 401. */
  reason: 'initial' | 'expiring' | 'rejected';
  /** Epoch ms. */
  expiresAt: number;
}

/**
 * The `validationIssue` event (validation mode `warn`): a response did not match its schema; the data was returned
 * anyway.
 */
export interface ValidationIssueEvent {
  /** Operation id, e.g. `routing.queues.list`. */
  operation: string;
  /** Each field that did not match, with its path. */
  issues: readonly ValidationIssue[];
  /** The response's `ININ-Correlation-Id`, when there was one. */
  correlationId: string | undefined;
}

/**
 * Shared state (a quota or token store used by several processes, e.g. through Redis) became unavailable or
 * came back. While unavailable the client goes on alone: its own per-process rate-limit mirror, its own token.
 */
export interface SharedStateEvent {
  /** Which shared component changed state. */
  component: 'quota' | 'tokenStore';
  /** `fallback`: working per process from now on; `restored`: shared again. */
  state: 'fallback' | 'restored';
  /** Why it fell back (the store's error message, redacted). */
  reason?: string | undefined;
}

/** Progress of long-running work (pagination, workflows, async jobs). */
export interface ProgressEvent {
  /** Operation id, e.g. `routing.queues.list`. */
  operation: string;
  /** What is being counted: `items`, `pages`, `users`, `polls`... */
  unit: string;
  /** Units done so far. */
  done: number;
  /** Units in all, when known. */
  total: number | undefined;
  /** A human-readable note on the current step. */
  message?: string;
}

/** The events of a `GenesysClient` and their arguments: `client.on(name, listener)`. */
export interface ClientEvents {
  /** An HTTP attempt is about to be sent. */
  request: [RequestEvent];
  /** An HTTP attempt got a response (any status). */
  response: [ResponseEvent];
  /** A failed attempt will be retried after a delay. */
  retry: [RetryEvent];
  /** Every request of this client pauses: a 429, or the client pausing itself before the allowance runs out. */
  rateLimited: [RateLimitedEvent];
  /** A new access token was obtained. */
  tokenRefreshed: [TokenRefreshedEvent];
  /** A response did not match its schema (validation mode `warn`). */
  validationIssue: [ValidationIssueEvent];
  /** Progress of long-running work (pagination, workflows, async jobs). */
  progress: [ProgressEvent];
  /** The shared quota or token store fell back to per-process state, or was restored. */
  sharedState: [SharedStateEvent];
}

/** The name of a client event. */
export type ClientEventName = keyof ClientEvents;
