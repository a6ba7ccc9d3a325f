// One HTTP attempt through ofetch (over the global fetch or the `fetch` option), with a fresh per-attempt
// timeout composed with the caller's signal. Never throws for an HTTP status: the caller classifies responses.
// Defends against a hostile or broken server: the body is streamed and refused past `maxResponseBytes`, and
// redirects are followed only to the same origin and only for GET/HEAD (a token or a write body never goes
// elsewhere).
import {
  ConnectionError,
  GenesysApiError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from '../errors/index.js';
import { FetchError, ofetch } from 'ofetch';
import { sanitizeCause } from '../internal/sanitize-cause.js';
import { attemptSignal } from '../internal/attempt-signal.js';

export interface HttpAttempt {
  url: string;
  method: string;
  headers: Record<string, string>;
  /**
   * A JSON value, sent as JSON; or, with `content-type: application/x-www-form-urlencoded`, a flat object sent
   * as a form (the token request).
   */
  body?: unknown;
  timeoutMs: number;
  signal?: AbortSignal | undefined;
  /** For error messages only (already redacted). */
  operation: string;
  safeUrl: string;
}

export interface HttpResult {
  status: number;
  headers: Headers;
  data: unknown;
  durationMs: number;
}

export type HttpSender = (attempt: HttpAttempt) => Promise<HttpResult>;

export interface HttpSenderOptions {
  fetch?: typeof globalThis.fetch | undefined;
  /** Cleans every string of a low-level error before it becomes an error's cause. */
  redact?: (text: string) => string;
  /** Largest response body read, in bytes (after decompression). */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const MAX_REDIRECTS = 5;

/** Builds a sender bound to one fetch implementation (global fetch unless the caller injects one). */
export function createHttpSender(options: HttpSenderOptions = {}): HttpSender {
  const redact = options.redact ?? ((t: string) => t);
  const maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  // ofetch with its own behaviours that the transport owns turned off: retries (p-retry owns them), throwing
  // on 4xx/5xx (the transport classifies statuses) and body parsing (the body is read under a byte cap).
  // fetch is looked up per call, not bound once: a test or polyfill may replace globalThis.fetch later.
  const $fetch = ofetch.create(
    { retry: 0, ignoreResponseError: true, responseType: 'stream', redirect: 'manual' },
    { fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)) },
  );

  return async function send(attempt: HttpAttempt): Promise<HttpResult> {
    const { signal: callerSignal, timeoutMs } = attempt;
    callerSignal?.throwIfAborted();
    // ofetch's own `timeout` applies only when no signal is given; the attempt needs both, so one signal
    // carries the caller's abort and this attempt's timeout.
    const attemptAbort = attemptSignal(timeoutMs, callerSignal);
    const started = performance.now();
    const where = { operation: attempt.operation, method: attempt.method, url: attempt.safeUrl };
    try {
      let url = attempt.url;
      for (let hop = 0; ; hop++) {
        const response = await $fetch.raw<ReadableStream<Uint8Array> | undefined, 'stream'>(url, {
          method: attempt.method,
          headers: attempt.headers,
          body: encodeBody(attempt.body),
          signal: attemptAbort.signal,
        });
        const location = response.status >= 300 && response.status < 400 ? response.headers.get('location') : null;
        if (location !== null) {
          await response.body?.cancel().catch(() => undefined);
          url = followRedirect(url, location, attempt, response.status, hop);
          continue;
        }
        const text = await readCapped(response, maxBytes, where);
        return {
          status: response.status,
          headers: response.headers,
          data: parseJson(text),
          durationMs: performance.now() - started,
        };
      }
    } catch (error) {
      if (error instanceof ResponseTooLargeError || error instanceof GenesysApiError) throw error;
      // ofetch wraps a failed fetch in a FetchError whose cause is the runtime's error; either may carry the URL
      // or, from an injected fetch, the request options (the Authorization header): keep only a redacted copy.
      const failure = error instanceof FetchError && error.cause !== undefined ? error.cause : error;
      const clean = (text: string) => redact(text.split(attempt.url).join(attempt.safeUrl));
      const withCause = { ...where, cause: sanitizeCause(failure, clean) };
      if (callerSignal?.aborted) {
        throw new RequestAbortedError(`${attempt.operation}: aborted by the caller`, {
          ...where,
          cause: callerSignal.reason,
        });
      }
      if (attemptAbort.timedOut()) {
        throw new TimeoutError(
          `${attempt.operation}: no response from ${hostOf(attempt.safeUrl)} within ${timeoutMs} ms`,
          { ...withCause, timeoutMs },
        );
      }
      throw new ConnectionError(
        `${attempt.operation}: cannot connect to ${hostOf(attempt.safeUrl)} (${clean(describe(failure))})`,
        withCause,
      );
    } finally {
      attemptAbort.dispose();
    }
  };
}

/**
 * ofetch encodes plain objects and arrays itself (JSON, or a form when the content type says so). Other values
 * it would send as they are: a string unquoted, a null-prototype object or a class instance without toJSON as
 * "[object Object]". Those are JSON-encoded here, so every body is JSON whatever its prototype.
 */
function encodeBody(body: unknown): Record<string, unknown> | unknown[] | string | undefined {
  if (body === undefined) return undefined;
  if (Array.isArray(body)) return body;
  if (typeof body === 'object' && body !== null && Object.getPrototypeOf(body) === Object.prototype)
    return body as Record<string, unknown>;
  return JSON.stringify(body);
}

/** The next URL of a redirect, or a GenesysApiError (carrying the 3xx status) when it is not safe to follow. */
function followRedirect(from: string, location: string, attempt: HttpAttempt, status: number, hop: number): string {
  const target = URL.canParse(location, from) ? new URL(location, from) : undefined;
  const where = { status, operation: attempt.operation, method: attempt.method, url: attempt.safeUrl };
  const refuse = (why: string) =>
    new GenesysApiError(`${attempt.operation}: HTTP ${status} redirect not followed: ${why}`, where);
  if (!target) throw refuse('the Location header is not a URL');
  if (target.origin !== new URL(from).origin)
    throw refuse(
      `it points to another origin (${target.origin}); credentials are only sent to ${new URL(from).origin}`,
    );
  if (attempt.method !== 'GET' && attempt.method !== 'HEAD')
    throw refuse(`a ${attempt.method} is never re-sent to another URL`);
  if (hop + 1 >= MAX_REDIRECTS) throw refuse(`more than ${MAX_REDIRECTS - 1} redirects`);
  return target.toString();
}

/** Reads the body as text, stopping (and cancelling the stream) as soon as it passes `maxBytes`. */
async function readCapped(
  response: Response,
  maxBytes: number,
  where: { operation: string; method: string; url: string },
): Promise<string> {
  const tooLarge = (seen: string) =>
    new ResponseTooLargeError(
      `${where.operation}: response body ${seen} exceeds maxResponseBytes (${maxBytes} bytes); not read`,
      { ...where, limitBytes: maxBytes },
    );
  const body = response.body as ReadableStream<Uint8Array> | null;
  if (!body) return '';
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) {
    await body.cancel().catch(() => undefined);
    throw tooLarge(`of ${declared} bytes (content-length)`);
  }
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let total = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(`passed ${total} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the server';
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
