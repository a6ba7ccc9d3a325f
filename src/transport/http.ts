// One HTTP attempt through ofetch (its own retry off), with a fresh per-attempt timeout composed with the
// caller's signal. Never throws for an HTTP status: the caller classifies responses.
import { createFetch } from 'ofetch';
import { ConnectionError, RequestAbortedError, TimeoutError } from '../errors.js';
import { attemptSignal } from '../internal/attempt-signal.js';

export interface HttpAttempt {
  url: string;
  method: string;
  headers: Record<string, string>;
  /** JSON-serializable value, or a pre-encoded string. */
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

/** Builds a sender bound to one fetch implementation (global fetch unless the caller injects one). */
export function createHttpSender(fetchImpl?: typeof globalThis.fetch): HttpSender {
  const $fetch = createFetch({ fetch: fetchImpl ?? ((...args) => globalThis.fetch(...args)) });

  return async function send(attempt: HttpAttempt): Promise<HttpResult> {
    const { signal: callerSignal, timeoutMs } = attempt;
    callerSignal?.throwIfAborted();
    const attemptAbort = attemptSignal(timeoutMs, callerSignal);
    const started = performance.now();
    try {
      const response = await $fetch.raw(attempt.url, {
        method: attempt.method,
        headers: attempt.headers,
        body: attempt.body as BodyInit | Record<string, unknown> | undefined,
        signal: attemptAbort.signal,
        retry: false,
        ignoreResponseError: true,
        // Parse JSON leniently; a non-JSON error page stays a string.
        parseResponse: (text: string) => parseJson(text),
      });
      return {
        status: response.status,
        headers: response.headers,
        data: response._data,
        durationMs: performance.now() - started,
      };
    } catch (error) {
      const where = { operation: attempt.operation, method: attempt.method, url: attempt.safeUrl, cause: error };
      if (callerSignal?.aborted) {
        throw new RequestAbortedError(`${attempt.operation}: aborted by the caller`, { ...where, cause: callerSignal.reason });
      }
      if (attemptAbort.timedOut()) {
        throw new TimeoutError(`${attempt.operation}: no response within ${timeoutMs} ms`, { ...where, timeoutMs });
      }
      throw new ConnectionError(`${attempt.operation}: connection failed (${describe(error)})`, where);
    } finally {
      attemptAbort.dispose();
    }
  };
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
