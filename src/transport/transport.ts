// transport.request(op, input, options): p-retry around attempts; each attempt takes a limiter slot, waits
// on the shared gate, gets a token, sends once with its own timeout, and classifies the answer.
import type { EventEmitter } from 'eventemitter3';
import { GenesysApiError, GenesysError, RateLimitError, RequestAbortedError } from '../errors/index.js';
import type { ClientEvents, RateLimitInfo, SharedStateEvent } from '../client/events.js';
import type { ResolvedClientOptions } from '../client/config.js';
import { systemClock, type Clock } from '../internal/clock.js';
import { ClientCredentialsAuth } from './auth/auth.js';
import { createHttpSender, type HttpResult, type HttpSender } from './http.js';
import { RequestLimiter } from './rate-limit/limiter.js';
import type { QuotaTicket } from './rate-limit/quota.js';
import { readRateLimitHeaders } from './rate-limit/rate-limit-headers.js';
import type { Logger } from './redaction/log.js';
import { checkResponseBody } from './body-check.js';
import { parseAnswer, type AnswerSource } from './response-shape.js';
import {
  buildQuery,
  expandPath,
  isIdempotent,
  responseSchemaOf,
  type CallOptions,
  type Operation,
  type RequestInput,
} from './operation.js';
import { Redactor } from './redaction/redact.js';
import { RetryBudget, backoffDelay, isRetryable, parseRetryAfter, retryReason } from './retry.js';
import { MemoryTokenStore } from './auth/token-store.js';
import { loadPRetry } from '../internal/esm-only-deps.js';

/** A response with its metadata (what `.withResponse()` gives). */
export interface TransportResponse<T> {
  /** The (validated) response body. */
  data: T;
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The response's `ININ-Correlation-Id`. */
  correlationId: string | undefined;
  /** The response's `inin-ratelimit-*` window, when sent. */
  rateLimit: RateLimitInfo | undefined;
}

export class Transport {
  readonly options: ResolvedClientOptions;
  readonly redactor = new Redactor();
  readonly #emitter: EventEmitter<ClientEvents>;
  readonly #auth: ClientCredentialsAuth;
  readonly #send: HttpSender;
  readonly #limiter: RequestLimiter;
  readonly #clock: Clock;
  readonly #budget: RetryBudget;
  readonly #logger: Logger | undefined;
  readonly #apiOrigin: string;

  constructor(options: ResolvedClientOptions, emitter: EventEmitter<ClientEvents>) {
    this.options = options;
    this.#emitter = emitter;
    this.#logger = options.logger;
    this.#clock = options.clock ?? systemClock;
    this.#apiOrigin = new URL(options.apiBaseUrl).origin;
    const { capacity, retryCost, timeoutCost } = options.retryBudget;
    this.#budget = new RetryBudget(capacity, retryCost, timeoutCost, undefined, () => this.#clock.now());
    this.#send = createHttpSender({
      fetch: options.fetch,
      redact: (text) => this.redactor.text(text),
      maxResponseBytes: options.maxResponseBytes,
    });
    this.#limiter = new RequestLimiter(
      options.maxConcurrency,
      options.rateLimitHeadroom,
      this.#sharedQuota(),
      this.#clock,
    );
    this.#auth = new ClientCredentialsAuth({
      clientId: options.clientId,
      clientSecret: options.clientSecret,
      loginBaseUrl: options.loginBaseUrl,
      store: options.tokenStore ?? new MemoryTokenStore(),
      send: this.#send,
      redactor: this.redactor,
      timeoutMs: options.timeoutMs,
      now: () => this.#clock.now(),
      onRefreshed: (event) => {
        this.#emitter.emit('tokenRefreshed', event);
        this.#log('debug', `token ${event.reason === 'initial' ? 'obtained' : 'refreshed'}`, { reason: event.reason });
      },
      onSharedState: (event) => this.#onSharedState(event),
    });
  }

  /** Never the options object itself: the secret and token store are hidden, the rest is not worth printing. */
  toJSON(): { apiBaseUrl: string; clientId: string } {
    return { apiBaseUrl: this.options.apiBaseUrl, clientId: this.options.clientId };
  }

  [Symbol.for('nodejs.util.inspect.custom')](
    _depth: number,
    options: object,
    inspect: (value: unknown, options: object) => string,
  ): string {
    return `Transport ${inspect(this.toJSON(), options)}`;
  }

  /** Sends the operation and returns the (validated) response body. */
  async request<T>(op: Operation<T>, input: RequestInput = {}, options: CallOptions = {}): Promise<T> {
    return (await this.requestWithResponse(op, input, options)).data;
  }

  /** Like `request`, with status, headers and correlation id. */
  async requestWithResponse<T>(
    op: Operation<T>,
    input: RequestInput = {},
    options: CallOptions = {},
  ): Promise<TransportResponse<T>> {
    const url = this.#url(op, input);
    // Only query strings can carry secrets in a URL; skip the parse on the common path.
    const safeUrl = url.includes('?') ? this.redactor.url(url) : url;
    const signal = options.signal;
    const idempotent = isIdempotent(op);
    const timeoutMs = options.timeoutMs ?? this.options.timeoutMs;
    let refreshedAfter401 = false;

    const attempt = (attemptNumber: number) =>
      this.#limiter.run(async (ticket) => {
        if (this.#emitter.listenerCount('request') > 0) {
          this.#emitter.emit('request', {
            operation: op.id,
            method: op.method,
            url: safeUrl,
            path: op.path,
            attempt: attemptNumber,
          });
        }
        let token = await this.#token(signal, op, safeUrl);
        let result = await this.#sendApi(op, url, safeUrl, token, input.body, timeoutMs, signal);
        this.#afterResponse(op, safeUrl, attemptNumber, result, ticket);
        if (result.status === 401 && !refreshedAfter401) {
          // An expired or revoked token: one forced refresh and one resend, not counted as a retry.
          refreshedAfter401 = true;
          await this.#auth.invalidate(token);
          token = await this.#token(signal, op, safeUrl, true);
          result = await this.#sendApi(op, url, safeUrl, token, input.body, timeoutMs, signal);
          this.#afterResponse(op, safeUrl, attemptNumber, result, ticket);
        }
        if (result.status >= 400) throw this.#apiError(op, safeUrl, result);
        return result;
      }, signal);

    let result: HttpResult;
    const pRetry = await loadPRetry();
    try {
      // p-retry counts the attempts and stops after maxRetries; its own delay is off (minTimeout 0) because
      // #beforeRetry computes and waits out ours on the client's clock (jitter, Retry-After floor, budget).
      result = await pRetry(attempt, {
        retries: options.maxRetries ?? this.options.maxRetries,
        minTimeout: 0,
        signal,
        shouldRetry: ({ error, attemptNumber }) =>
          this.#beforeRetry(error, op, safeUrl, idempotent, attemptNumber, signal),
      });
    } catch (error) {
      throw this.#finalError(error, op, safeUrl, signal);
    }
    this.#budget.refund();
    const correlationId = result.headers.get('inin-correlation-id') ?? undefined;
    checkResponseBody(
      responseSchemaOf(op),
      result,
      { operation: op.id, method: op.method, url: safeUrl, correlationId },
      (text) => this.redactor.text(text),
    );
    const where = { operation: op.id, method: op.method, url: safeUrl, status: result.status, correlationId };
    const data = this.#validate(op, result.data, where, options.validation);
    return {
      data,
      status: result.status,
      headers: result.headers,
      correlationId,
      rateLimit: readRateLimitHeaders(result.headers),
    };
  }

  /** Waits until the shared rate-limit gate is open (used by long-running workflows between batches). */
  waitForGate(signal?: AbortSignal): Promise<void> {
    return this.#limiter.waitForGate(signal);
  }

  /** The client option `quota`, keyed by this OAuth client; undefined for the default in-process gate. */
  #sharedQuota() {
    const quota = this.options.quota;
    if (!quota) return undefined;
    const key = `${this.options.loginBaseUrl}|${this.options.clientId}`;
    return {
      quota,
      context: {
        key,
        maxWaitMs: this.options.maxRetryAfterMs,
        onSharedState: (event: SharedStateEvent) => this.#onSharedState(event),
      },
    };
  }

  #onSharedState(event: SharedStateEvent): void {
    const reason = event.reason === undefined ? undefined : this.redactor.text(event.reason);
    this.#emitter.emit('sharedState', { ...event, reason });
    const what = event.component === 'quota' ? 'rate-limit quota' : 'token store';
    if (event.state === 'fallback')
      this.#log('warn', `shared ${what} unavailable; this process goes on alone${reason ? ` (${reason})` : ''}`);
    else this.#log('info', `shared ${what} available again`);
  }

  /** Emits a client event (workflows report progress through this). */
  emit<K extends keyof ClientEvents>(event: K, ...args: ClientEvents[K]): void {
    // eventemitter3 cannot check a generic K's arguments against its event map; this signature does.
    const untyped = this.#emitter as unknown as EventEmitter;
    untyped.emit(event, ...args);
  }

  async #token(
    signal: AbortSignal | undefined,
    op: Operation<unknown>,
    safeUrl: string,
    afterRejection = false,
  ): Promise<string> {
    try {
      return this.#auth.peek() ?? (await this.#auth.token(signal, afterRejection ? 'rejected' : 'initial'));
    } catch (error) {
      if (signal?.aborted && !(error instanceof GenesysError)) {
        throw new RequestAbortedError(`${op.id}: aborted by the caller`, {
          operation: op.id,
          url: safeUrl,
          cause: signal.reason,
        });
      }
      throw error;
    }
  }

  #sendApi(
    op: Operation<unknown>,
    url: string,
    safeUrl: string,
    token: string,
    body: unknown,
    timeoutMs: number,
    signal?: AbortSignal,
  ) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, accept: 'application/json' };
    if (this.options.userAgent) headers['user-agent'] = this.options.userAgent;
    return this.#send({
      url,
      method: op.method,
      headers,
      body,
      timeoutMs,
      signal,
      operation: op.id,
      safeUrl,
    });
  }

  #afterResponse(
    op: Operation<unknown>,
    safeUrl: string,
    attempt: number,
    result: HttpResult,
    ticket?: QuotaTicket,
  ): void {
    const correlationId = result.headers.get('inin-correlation-id') ?? undefined;
    const rateLimit = readRateLimitHeaders(result.headers);
    if (this.#emitter.listenerCount('response') > 0)
      this.#emitter.emit('response', {
        operation: op.id,
        method: op.method,
        url: safeUrl,
        path: op.path,
        attempt,
        status: result.status,
        durationMs: result.durationMs,
        correlationId,
        rateLimit,
      });
    if (rateLimit && result.status < 400) {
      const paused = this.#limiter.observe(rateLimit, this.options.maxRetryAfterMs, ticket);
      if (paused > 0) {
        this.#emitter.emit('rateLimited', { operation: op.id, source: 'headroom', waitMs: paused, correlationId });
        this.#log('info', `rate-limit allowance nearly spent; pausing ${paused} ms`, {
          operation: op.id,
          ...rateLimit,
        });
      }
    }
  }

  #apiError(op: Operation<unknown>, safeUrl: string, result: HttpResult): GenesysApiError {
    const retryAfterMs = parseRetryAfter(result.headers.get('retry-after'), this.#clock.now());
    const correlationId = result.headers.get('inin-correlation-id') ?? undefined;
    const error = GenesysApiError.fromResponse({
      status: result.status,
      body: this.redactor.value(result.data),
      retryAfterMs,
      correlationId,
      operation: op.id,
      method: op.method,
      url: safeUrl,
    });
    // A Retry-After beyond maxRetryAfterMs fails this call (see #beforeRetry) and pauses nobody else: a hostile
    // or confused server must not stall the whole client for maxRetryAfterMs on one answer.
    if (
      error instanceof RateLimitError &&
      !(retryAfterMs !== undefined && retryAfterMs > this.options.maxRetryAfterMs)
    ) {
      // 429 without Retry-After still pauses everyone briefly.
      const waitMs = Math.min(retryAfterMs ?? 1_000, this.options.maxRetryAfterMs);
      this.#limiter.block(waitMs);
      this.#emitter.emit('rateLimited', { operation: op.id, source: '429', waitMs, correlationId });
    }
    return error;
  }

  /**
   * Whether the failed attempt `attemptNumber` is retried; if so, emits `retry` and waits out the delay first.
   * Retry n follows attempt n, so the backoff step is the attempt number.
   */
  async #beforeRetry(
    error: Error,
    op: Operation<unknown>,
    safeUrl: string,
    idempotent: boolean,
    attemptNumber: number,
    signal?: AbortSignal,
  ): Promise<boolean> {
    if (!(error instanceof GenesysError) || !isRetryable(error, idempotent)) return false;
    const retryAfterMs = error instanceof GenesysApiError ? error.retryAfterMs : undefined;
    if (error instanceof RateLimitError && retryAfterMs !== undefined && retryAfterMs > this.options.maxRetryAfterMs) {
      this.#log('warn', `Retry-After ${retryAfterMs} ms exceeds maxRetryAfterMs; not retrying`, { operation: op.id });
      return false;
    }
    if (!this.#budget.trySpend(error)) {
      this.#log('warn', 'client retry budget exhausted; not retrying', { operation: op.id });
      return false;
    }
    const { baseMs, maxMs } = this.options.retryBackoff;
    const delayMs = Math.max(backoffDelay(attemptNumber, baseMs, maxMs), retryAfterMs ?? 0);
    const status = error instanceof GenesysApiError ? error.status : undefined;
    this.#emitter.emit('retry', {
      operation: op.id,
      method: op.method,
      url: safeUrl,
      attempt: attemptNumber,
      reason: retryReason(error),
      status,
      delayMs,
      correlationId: error.correlationId,
      error,
    });
    this.#log('warn', `retrying ${op.id} after ${retryReason(error)} in ${delayMs} ms`, {
      attempt: attemptNumber,
      correlationId: error.correlationId,
    });
    await this.#clock.sleep(delayMs, signal);
    return true;
  }

  #finalError(error: unknown, op: Operation<unknown>, safeUrl: string, signal?: AbortSignal): unknown {
    if (error instanceof RequestAbortedError) return error;
    if (signal?.aborted) {
      return new RequestAbortedError(`${op.id}: aborted by the caller`, {
        operation: op.id,
        method: op.method,
        url: safeUrl,
        cause: signal.reason,
      });
    }
    return error;
  }

  /**
   * Parses the body in every mode: a wrong shape (a missing or null list, a number where the SDK reads a string)
   * always throws; the mode decides only on what a newer platform may add (unknown fields, new enum values).
   */
  #validate<T>(op: Operation<T>, data: unknown, where: AnswerSource, override?: CallOptions['validation']): T {
    const schema = responseSchemaOf(op);
    if (!schema) return data as T;
    const { data: value, relaxed } = parseAnswer(schema, data, where);
    const mode = override ?? this.options.validation;
    if (relaxed && mode === 'strict') throw relaxed;
    if (relaxed && mode === 'warn') {
      const correlationId = where.correlationId;
      this.#emitter.emit('validationIssue', { operation: op.id, issues: relaxed.issues, correlationId });
      this.#log('warn', relaxed.message, { correlationId });
    }
    return value as T;
  }

  #url(op: Operation<unknown>, input: RequestInput): string {
    if (input.url) {
      const resolved = new URL(input.url, this.options.apiBaseUrl);
      if (resolved.origin !== this.#apiOrigin) {
        throw new GenesysError(`${op.id}: refusing to follow a link to another origin (${resolved.origin})`, {
          operation: op.id,
        });
      }
      return resolved.toString();
    }
    return `${this.options.apiBaseUrl}${expandPath(op.path, input.params)}${buildQuery(input.query)}`;
  }

  #log(level: keyof Logger, message: string, data?: Record<string, unknown>): void {
    const fn = this.#logger?.[level];
    if (fn) fn.call(this.#logger, this.redactor.text(message), data ? this.redactor.value(data) : undefined);
  }
}
