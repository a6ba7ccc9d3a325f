// An operation is data: method, path template, retry class and response schema (octokit's endpoint table idea).
import type * as z from 'zod/mini';
import { ValidationError } from '../errors/index.js';

/** Any zod 4 schema (`zod` or `zod/mini`): what an operation parses its response with. */
export type SchemaLike<T> = z.core.$ZodType<T>;

/** An HTTP method an operation uses. */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'HEAD';

export interface Operation<T = unknown> {
  /** Stable id used in events, errors and logs, e.g. `routing.skills.list`. */
  id: string;
  method: HttpMethod;
  /** Path template relative to the API base, e.g. `/api/v2/users/{userId}/routingskills/bulk`. */
  path: string;
  /**
   * Safe to repeat after an ambiguous failure (500). Defaults: GET/HEAD/PUT/DELETE yes, POST/PATCH no.
   * Query POSTs (analytics, audit) and desired-state PATCH/PUT bulk calls set this to true.
   */
  idempotent?: boolean | undefined;
  /** Loose schema for the response body (unknown fields pass through), or a function that builds it once. */
  schema?: SchemaLike<T> | (() => SchemaLike<T>) | undefined;
}

/** The operation's response schema; one given as a function is built on the first call that needs it. */
export function responseSchemaOf<T>(op: Operation<T>): SchemaLike<T> | undefined {
  return typeof op.schema === 'function' ? op.schema() : op.schema;
}

/**
 * A query parameter value: arrays repeat the key (`id=a&id=b`), Dates are sent as ISO text, null and undefined are
 * left out.
 */
export type QueryValue = string | number | boolean | Date | undefined | null | readonly (string | number | boolean)[];

/** The parts of one request an operation fills in: path parameters, query, body, or a full URL to follow. */
export interface RequestInput {
  /** Values for `{name}` placeholders in the path; URL-encoded. */
  params?: Record<string, string> | undefined;
  /** Query parameters (see {@link QueryValue}). */
  query?: Record<string, QueryValue> | undefined;
  /** JSON body (serialized by the client). */
  body?: unknown | undefined;
  /** A full or relative URL to call instead of the path (following a `nextUri`). Must be on the API origin. */
  url?: string | undefined;
}

/** Per-call options, accepted by every resource method. */
export interface CallOptions {
  /**
   * Aborts the call: the request in flight is cancelled, no retry starts, and it rejects with `RequestAbortedError`.
   */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout; overrides the client's `timeoutMs`. */
  timeoutMs?: number | undefined;
  /** Overrides the client's `maxRetries`. */
  maxRetries?: number | undefined;
  /** Overrides the client's `validation` mode. */
  validation?: 'strict' | 'warn' | 'off' | undefined;
}

export function isIdempotent(op: Operation<unknown>): boolean {
  return (
    op.idempotent ?? (op.method === 'GET' || op.method === 'HEAD' || op.method === 'PUT' || op.method === 'DELETE')
  );
}

/** Expands `{name}` placeholders; throws on a missing or empty value (never calls a wrong URL). */
export function expandPath(template: string, params: Record<string, string> = {}): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined || value === '')
      throw new ValidationError('Invalid request', [{ path: name, message: 'is required (path parameter)' }]);
    return encodeURIComponent(value);
  });
}

/** Arrays become repeated keys (`id=a&id=b`), the platform's `multi` collection format. */
export function buildQuery(query: Record<string, QueryValue> = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) for (const v of value) params.append(key, String(v));
    else params.append(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}
