// The platform answered with an HTTP error status: one class per status family, chosen by `GenesysApiError.from`.
import { guard } from './brand.js';
import { GenesysError, type GenesysErrorOptions } from './base.js';

/** One item of the platform's `ErrorBody.details[]`. */
export interface GenesysErrorDetail {
  /** The detail's error code. */
  errorCode?: string;
  /** The request field it is about. */
  fieldName?: string;
  /** The entity it is about. */
  entityId?: string;
  /** That entity's name. */
  entityName?: string;
}

/**
 * The platform's `ErrorBody` (the model of the official SDK purecloud-platform-client-v2). `GenesysApiError.body`
 * is the body as received: fields not listed here are still on that object at run time.
 */
export interface GenesysErrorBody {
  /** The human-readable message. */
  message?: string;
  /** The dotted error code, e.g. `bad.request`. */
  code?: string;
  /** The HTTP status. */
  status?: number;
  /** The message with `{placeholders}` for `messageParams`. */
  messageWithParams?: string;
  /** Values of the placeholders in `messageWithParams`. */
  messageParams?: Record<string, string>;
  /** The request's correlation id. */
  contextId?: string;
  /** Details per field or entity. */
  details?: GenesysErrorDetail[];
  /** Nested errors (e.g. one per failed item). */
  errors?: GenesysErrorBody[];
  /** The entity the error is about. */
  entityId?: string;
  /** That entity's name. */
  entityName?: string;
  /** The limit that was hit, for a limit error (`namespace`, `key`, and its `value`). */
  limit?: { namespace?: string; key?: string; value?: number };
}

/** Constructor options of `GenesysApiError`: what the platform answered. */
export interface GenesysApiErrorOptions extends GenesysErrorOptions {
  /** HTTP status of the answer. */
  status: number;
  /** The platform's error code. */
  code?: string | undefined;
  /** The error body as received (redacted). */
  body?: unknown;
  /** The `Retry-After` header in ms, when sent. */
  retryAfterMs?: number | undefined;
}

/** The platform answered with an HTTP error status. */
export class GenesysApiError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'GenesysApiError';
  /** HTTP status of the answer. */
  readonly status: number;
  /** The platform's dotted error code, e.g. `invalid.value`, `too.many.requests.retry.after`. */
  readonly code: string | undefined;
  /** Parsed response body (the platform's ErrorBody where it sent one). */
  readonly body: unknown;
  /** Server-requested wait before retrying, from `Retry-After`, in ms. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: GenesysApiErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.code = options.code;
    this.body = options.body;
    this.retryAfterMs = options.retryAfterMs;
  }

  /** Builds the subclass that matches the status. */
  static fromResponse(options: GenesysApiErrorOptions & { message?: string }): GenesysApiError {
    const body = (typeof options.body === 'object' && options.body !== null ? options.body : {}) as GenesysErrorBody;
    const code = options.code ?? (typeof body.code === 'string' ? body.code : undefined);
    const correlationId = options.correlationId ?? (typeof body.contextId === 'string' ? body.contextId : undefined);
    const what = options.operation ? `${options.operation}: ` : '';
    const platformMessage = options.message ?? (typeof body.message === 'string' ? body.message : undefined);
    const message = `${what}HTTP ${options.status}${code ? ` ${code}` : ''}${platformMessage ? `: ${platformMessage}` : ''}${
      correlationId ? ` (correlation id ${correlationId})` : ''
    }`;
    const opts = { ...options, code, correlationId };
    const Class = errorClassForStatus(options.status);
    return new Class(message, opts);
  }
}

/** HTTP 400 or 422: the platform refused the request as malformed or invalid; `body` says which field. */
export class BadRequestError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'BadRequestError';
}
/** HTTP 401 after the one forced token refresh: the client id or secret is wrong, or the token was revoked. */
export class AuthenticationError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'AuthenticationError';
}
/** HTTP 403: the OAuth client's roles lack a permission the call needs. */
export class PermissionDeniedError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'PermissionDeniedError';
}
/** HTTP 404: no such entity (or the path does not exist on this platform). */
export class NotFoundError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'NotFoundError';
}
/** HTTP 409: the entity changed meanwhile (a stale version) or already exists. */
export class ConflictError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'ConflictError';
}
/**
 * HTTP 429 after the retries, or with a `Retry-After` longer than `maxRetryAfterMs`; `retryAfterMs` says how long to
 * wait.
 */
export class RateLimitError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'RateLimitError';
}
/** HTTP 5xx after the retries (a 500 on a non-idempotent call is not retried). */
export class ServerError extends GenesysApiError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'ServerError';
}

function errorClassForStatus(
  status: number,
): new (message: string, options: GenesysApiErrorOptions) => GenesysApiError {
  if (status === 400 || status === 422) return BadRequestError;
  if (status === 401) return AuthenticationError;
  if (status === 403) return PermissionDeniedError;
  if (status === 404) return NotFoundError;
  if (status === 409) return ConflictError;
  if (status === 429) return RateLimitError;
  if (status >= 500) return ServerError;
  return GenesysApiError;
}

/** True when `value` is a `GenesysApiError` (or a subclass), also from another copy of the package. */
export const isGenesysApiError = /* @__PURE__ */ guard<GenesysApiError>('GenesysApiError');
/** True when `value` is a `BadRequestError` (or a subclass), also from another copy of the package. */
export const isBadRequestError = /* @__PURE__ */ guard<BadRequestError>('BadRequestError');
/** True when `value` is an `AuthenticationError` (or a subclass), also from another copy of the package. */
export const isAuthenticationError = /* @__PURE__ */ guard<AuthenticationError>('AuthenticationError');
/** True when `value` is a `PermissionDeniedError` (or a subclass), also from another copy of the package. */
export const isPermissionDeniedError = /* @__PURE__ */ guard<PermissionDeniedError>('PermissionDeniedError');
/** True when `value` is a `NotFoundError` (or a subclass), also from another copy of the package. */
export const isNotFoundError = /* @__PURE__ */ guard<NotFoundError>('NotFoundError');
/** True when `value` is a `ConflictError` (or a subclass), also from another copy of the package. */
export const isConflictError = /* @__PURE__ */ guard<ConflictError>('ConflictError');
/** True when `value` is a `RateLimitError` (or a subclass), also from another copy of the package. */
export const isRateLimitError = /* @__PURE__ */ guard<RateLimitError>('RateLimitError');
/** True when `value` is a `ServerError` (or a subclass), also from another copy of the package. */
export const isServerError = /* @__PURE__ */ guard<ServerError>('ServerError');
