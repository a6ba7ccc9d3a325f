// Typed events emitted by a GenesysClient. URLs are redacted; no event ever carries a token or secret.
import type { GenesysError, ValidationIssue } from './errors.js';

export interface RateLimitInfo {
  /** `inin-ratelimit-count`: requests counted in the current window. */
  count: number;
  /** `inin-ratelimit-allowed`: the window's allowance. */
  allowed: number;
  /** `inin-ratelimit-reset`: seconds until the window resets. */
  resetSeconds: number;
}

export interface RequestEvent {
  operation: string;
  method: string;
  url: string;
  /** Path template of the operation, e.g. `/api/v2/routing/queues/{queueId}`. */
  path?: string | undefined;
  /** 1 for the first attempt. */
  attempt: number;
}

export interface ResponseEvent extends RequestEvent {
  status: number;
  durationMs: number;
  correlationId: string | undefined;
  rateLimit: RateLimitInfo | undefined;
}

export interface RetryEvent extends RequestEvent {
  /** Why the attempt failed: `status 429`, `timeout`, `connection`, ... */
  reason: string;
  status: number | undefined;
  delayMs: number;
  correlationId: string | undefined;
  error: GenesysError;
}

export interface RateLimitedEvent {
  operation: string;
  /** `429`: the platform refused a request; `headroom`: the client paused itself before the allowance ran out. */
  source: '429' | 'headroom';
  /** How long every request of this client is paused. */
  waitMs: number;
  correlationId: string | undefined;
}

export interface TokenRefreshedEvent {
  reason: 'initial' | 'expiring' | 'rejected';
  /** Epoch ms. */
  expiresAt: number;
}

export interface ValidationIssueEvent {
  operation: string;
  issues: readonly ValidationIssue[];
  correlationId: string | undefined;
}

/**
 * Shared state (a quota or token store used by several processes, e.g. through Redis) became unavailable or
 * came back. While unavailable the client goes on alone: its own per-process rate-limit mirror, its own token.
 */
export interface SharedStateEvent {
  component: 'quota' | 'tokenStore';
  /** `fallback`: working per process from now on; `restored`: shared again. */
  state: 'fallback' | 'restored';
  /** Why it fell back (the store's error message, redacted). */
  reason?: string | undefined;
}

/** Progress of long-running work (pagination, workflows, async jobs). */
export interface ProgressEvent {
  operation: string;
  /** What is being counted: `items`, `pages`, `users`, `polls`... */
  unit: string;
  done: number;
  total: number | undefined;
  message?: string;
}

export interface ClientEvents {
  request: [RequestEvent];
  response: [ResponseEvent];
  retry: [RetryEvent];
  rateLimited: [RateLimitedEvent];
  tokenRefreshed: [TokenRefreshedEvent];
  validationIssue: [ValidationIssueEvent];
  progress: [ProgressEvent];
  sharedState: [SharedStateEvent];
}

export type ClientEventName = keyof ClientEvents;
