// The SDK's error tree. Dependency-free on purpose: the pure optimizer entry point shares it
// without pulling in any transport code.

const BRAND = Symbol.for('genesys-routing-sdk.error');

type Branded = { [BRAND]?: readonly string[] };

function kindsOf(value: unknown): readonly string[] {
  if (typeof value !== 'object' || value === null) return [];
  return (value as Branded)[BRAND] ?? [];
}

/**
 * An error class's stable name. Constructor names are not stable: bundlers rename classes (esbuild turns
 * `ValidationError` into `_ValidationError`) and minifiers mangle them, so every class states its own.
 */
function errorNameOf(ctor: unknown): string {
  const c = ctor as { errorName?: string; name: string };
  return Object.hasOwn(c, 'errorName') && c.errorName ? c.errorName : c.name;
}

/**
 * `instanceof` that also works when two copies of the package are loaded (CJS + ESM, or two versions):
 * every error carries the names of its class chain under a global symbol.
 */
function brandedHasInstance(this: unknown, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(this, value)) return true;
  return kindsOf(value).includes(errorNameOf(this));
}

/** Fields every `GenesysError` carries (also the constructor options of the SDK's errors). */
export interface GenesysErrorOptions {
  /** The underlying error, redacted. */
  cause?: unknown;
  /** The `ININ-Correlation-Id` of the response, when there was one. */
  correlationId?: string | undefined;
  /** Operation id, e.g. `routing.userSkills.patchBulk`. */
  operation?: string | undefined;
  /** HTTP method of the request. */
  method?: string | undefined;
  /** Request URL without query secrets. */
  url?: string | undefined;
}

/** Base class of every error this SDK throws. */
export class GenesysError extends Error {
  /** Stable class name, used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static readonly errorName: string = 'GenesysError';
  /** The `ININ-Correlation-Id` of the response that failed, when there was one (quote it to Genesys support). */
  readonly correlationId: string | undefined;
  /** Operation id, e.g. `routing.userSkills.patchBulk`. */
  readonly operation: string | undefined;
  /** HTTP method of the request. */
  readonly method: string | undefined;
  /** Request URL, with secrets in its query redacted. */
  readonly url: string | undefined;

  constructor(message: string, options: GenesysErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.correlationId = options.correlationId;
    this.operation = options.operation;
    this.method = options.method;
    this.url = options.url;
    const chain: string[] = [];
    for (
      let proto: unknown = new.target;
      typeof proto === 'function' && proto !== Error;
      proto = Object.getPrototypeOf(proto)
    ) {
      chain.push(errorNameOf(proto));
    }
    this.name = chain[0] ?? 'GenesysError';
    Object.defineProperty(this, BRAND, { value: chain, enumerable: false });
  }

  /**
   * `instanceof` for this class and every subclass, true also for an error thrown by another copy of the package
   * (its CommonJS and ES module builds loaded side by side, or two versions).
   */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return brandedHasInstance.call(this, value);
  }
}

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
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
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
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'BadRequestError';
}
/** HTTP 401 after the one forced token refresh: the client id or secret is wrong, or the token was revoked. */
export class AuthenticationError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'AuthenticationError';
}
/** HTTP 403: the OAuth client's roles lack a permission the call needs. */
export class PermissionDeniedError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'PermissionDeniedError';
}
/** HTTP 404: no such entity (or the path does not exist on this platform). */
export class NotFoundError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'NotFoundError';
}
/** HTTP 409: the entity changed meanwhile (a stale version) or already exists. */
export class ConflictError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'ConflictError';
}
/**
 * HTTP 429 after the retries, or with a `Retry-After` longer than `maxRetryAfterMs`; `retryAfterMs` says how long to
 * wait.
 */
export class RateLimitError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'RateLimitError';
}
/** HTTP 5xx after the retries (a 500 on a non-idempotent call is not retried). */
export class ServerError extends GenesysApiError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
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

/** The request never got an HTTP answer (DNS, refused, reset). */
export class ConnectionError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'ConnectionError';
}

/** An attempt, or the whole call, ran past its time limit. */
export class TimeoutError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'TimeoutError';
  /** The limit that was passed, in ms; undefined when the thrower did not know it. */
  readonly timeoutMs: number | undefined;
  constructor(message: string, options: GenesysErrorOptions & { timeoutMs?: number } = {}) {
    super(message, options);
    this.timeoutMs = options.timeoutMs;
  }
}

/** The response body passed the client's `maxResponseBytes`; reading stopped there. */
export class ResponseTooLargeError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'ResponseTooLargeError';
  /** The client's `maxResponseBytes`: bytes read before reading stopped. */
  readonly limitBytes: number;
  constructor(message: string, options: GenesysErrorOptions & { limitBytes: number }) {
    super(message, options);
    this.limitBytes = options.limitBytes;
  }
}

/** The caller's AbortSignal fired; `cause` is the signal's reason. */
export class RequestAbortedError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'RequestAbortedError';
}

/** One bad field of a `ValidationError`. */
export interface ValidationIssue {
  /** Dotted field path, e.g. `forecasts[3].traffic` or `clientId`. Empty for the whole value. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** Input (options, arguments) or a response failed validation. The message names every bad field. */
export class ValidationError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'ValidationError';
  /** Every bad field, with its path and what is wrong with it. */
  readonly issues: readonly ValidationIssue[];

  constructor(context: string, issues: readonly ValidationIssue[], options: GenesysErrorOptions = {}) {
    const list = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    super(`${context}: ${list}`, options);
    this.issues = issues;
  }

  /** Converts a failed zod parse; `prefix` is prepended to every path (e.g. the argument name). */
  static fromZod(context: string, error: IssueList, prefix = '', options: GenesysErrorOptions = {}): ValidationError {
    const issues = closestIssues(error.issues, []).map((issue) => ({
      path: formatPath(prefix, issue.path),
      message: issue.message,
    }));
    return new this(context, issues, options); // `this`, not the class name: bundlers then keep the class named ValidationError
  }
}

/**
 * A success status whose body is not the JSON the operation returns: an HTML page (a proxy's login page),
 * truncated JSON, an empty body, an array where an object is expected, or JSON of the wrong shape (a listing
 * without `entities` or with `entities: null`, a queue whose `id` is a number). Thrown in every validation mode
 * (the lax modes relax unknown fields and enum values, never the body itself): such a body is never read as an
 * empty result. A ValidationError whose issue path is `response`; the message names the first wrong fields.
 */
export class UnexpectedResponseError extends ValidationError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'UnexpectedResponseError';
  /** The HTTP status of the answer (a 2xx). */
  readonly status: number;
  /** The response's Content-Type header, if any. */
  readonly contentType: string | undefined;
  constructor(
    context: string,
    problem: string,
    options: GenesysErrorOptions & { status: number; contentType?: string | undefined },
  ) {
    super(context, [{ path: 'response', message: problem }], options);
    this.status = options.status;
    this.contentType = options.contentType;
  }
}

/**
 * The issues of a failed zod parse (`ZodError` or `$ZodError`), as `ValidationError.fromZod` reads them: structural,
 * so errors.ts needs no zod import.
 */
export interface IssueList {
  /** The issues, in zod's order. */
  readonly issues: readonly ZodIssueLike[];
}
/** One issue of a failed zod parse: where (`path`) and what (`message`), with the options of a failed union. */
export interface ZodIssueLike {
  /** Zod's issue code (`invalid_type`, `too_big`, `invalid_union`...); absent on hand-built issues. */
  readonly code?: string;
  /** Keys and indexes from the parsed root to the failing value; empty for the root itself. */
  readonly path: readonly PropertyKey[];
  /** Zod's human-readable message. */
  readonly message: string;
  /** `invalid_union`: the issues of each option (paths relative to the union). */
  readonly errors?: readonly (readonly ZodIssueLike[])[];
}

/**
 * Flattens zod's `invalid_union` into the issues of the first option that accepted the value's type and failed
 * inside it (`queues[0].agents: ...` says more than "Invalid input"); a union no option came close to stays one issue.
 */
function closestIssues(
  issues: readonly ZodIssueLike[],
  base: readonly PropertyKey[],
): { path: PropertyKey[]; message: string }[] {
  return issues.flatMap((issue) => {
    const path = [...base, ...issue.path];
    const closest =
      issue.code === 'invalid_union'
        ? issue.errors?.find((option) => option.length > 0 && option.every((i) => i.path.length > 0))
        : undefined;
    return closest ? closestIssues(closest, path) : [{ path, message: issue.message }];
  });
}

/** `['a', 0, 'b']` -> `a[0].b`. */
export function formatPath(prefix: string, path: readonly PropertyKey[]): string {
  let out = prefix;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

function guard<T>(name: string): (value: unknown) => value is T {
  return (value: unknown): value is T => kindsOf(value).includes(name);
}

/** True when `value` is a `GenesysError` (or a subclass), also from another copy of the package. */
export const isGenesysError = guard<GenesysError>('GenesysError');
/** True when `value` is a `GenesysApiError` (or a subclass), also from another copy of the package. */
export const isGenesysApiError = guard<GenesysApiError>('GenesysApiError');
/** True when `value` is a `BadRequestError` (or a subclass), also from another copy of the package. */
export const isBadRequestError = guard<BadRequestError>('BadRequestError');
/** True when `value` is an `AuthenticationError` (or a subclass), also from another copy of the package. */
export const isAuthenticationError = guard<AuthenticationError>('AuthenticationError');
/** True when `value` is a `PermissionDeniedError` (or a subclass), also from another copy of the package. */
export const isPermissionDeniedError = guard<PermissionDeniedError>('PermissionDeniedError');
/** True when `value` is a `NotFoundError` (or a subclass), also from another copy of the package. */
export const isNotFoundError = guard<NotFoundError>('NotFoundError');
/** True when `value` is a `ConflictError` (or a subclass), also from another copy of the package. */
export const isConflictError = guard<ConflictError>('ConflictError');
/** True when `value` is a `RateLimitError` (or a subclass), also from another copy of the package. */
export const isRateLimitError = guard<RateLimitError>('RateLimitError');
/** True when `value` is a `ServerError` (or a subclass), also from another copy of the package. */
export const isServerError = guard<ServerError>('ServerError');
/** True when `value` is a `ConnectionError` (or a subclass), also from another copy of the package. */
export const isConnectionError = guard<ConnectionError>('ConnectionError');
/** True when `value` is a `TimeoutError` (or a subclass), also from another copy of the package. */
export const isTimeoutError = guard<TimeoutError>('TimeoutError');
/** True when `value` is a `RequestAbortedError` (or a subclass), also from another copy of the package. */
export const isRequestAbortedError = guard<RequestAbortedError>('RequestAbortedError');
/** True when `value` is a `ResponseTooLargeError` (or a subclass), also from another copy of the package. */
export const isResponseTooLargeError = guard<ResponseTooLargeError>('ResponseTooLargeError');
/** True when `value` is an `UnexpectedResponseError` (or a subclass), also from another copy of the package. */
export const isUnexpectedResponseError = guard<UnexpectedResponseError>('UnexpectedResponseError');
/** True when `value` is a `ValidationError` (or a subclass), also from another copy of the package. */
export const isValidationError = guard<ValidationError>('ValidationError');

/** Another worker holds the apply lease on this plan (see `ApplyJournal.acquire`); `owner` names it when known. */
export class PlanLockedError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'PlanLockedError';
  /** The plan whose lease is held. */
  readonly planId: string;
  /** The worker holding the lease, when the journal records it. */
  readonly owner: string | undefined;
  constructor(message: string, options: GenesysErrorOptions & { planId: string; owner?: string | undefined }) {
    super(message, options);
    this.planId = options.planId;
    this.owner = options.owner;
  }
}

/** True when `value` is a `PlanLockedError` (or a subclass), also from another copy of the package. */
export const isPlanLockedError = guard<PlanLockedError>('PlanLockedError');

/**
 * This worker lost its apply lease mid-run (it lapsed, e.g. the process was paused past its ttl, and another
 * worker took it over, or it could not be renewed): no new writes were started after it was noticed.
 * `holder` names the new holder when known.
 */
export class LeaseLostError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'LeaseLostError';
  /** The plan whose lease was lost. */
  readonly planId: string;
  /** This worker: the owner name it held the lease under. */
  readonly owner: string;
  /** The worker that holds the lease now, when known. */
  readonly holder: string | undefined;
  constructor(
    message: string,
    options: GenesysErrorOptions & { planId: string; owner: string; holder?: string | undefined },
  ) {
    super(message, options);
    this.planId = options.planId;
    this.owner = options.owner;
    this.holder = options.holder;
  }
}

/** True when `value` is a `LeaseLostError` (or a subclass), also from another copy of the package. */
export const isLeaseLostError = guard<LeaseLostError>('LeaseLostError');

/** The apply journal could not be written (an append failed or did not answer in time): the run stopped new writes. */
export class JournalUnavailableError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'JournalUnavailableError';
}

/** True when `value` is a `JournalUnavailableError` (or a subclass), also from another copy of the package. */
export const isJournalUnavailableError = guard<JournalUnavailableError>('JournalUnavailableError');

/**
 * A user would hold more skills than the platform allows (50 per user, Genesys help "Assign skills to multiple
 * users"). Thrown before any write, so nothing is half-applied.
 */
export class SkillLimitError extends ValidationError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'SkillLimitError';
  /** The user over the limit. */
  readonly userId: string;
  /** Skills the user would hold. */
  readonly count: number;
  /** Most skills a user may hold: `MAX_SKILLS_PER_USER` (50) unless the caller raised it. */
  readonly limit: number;
  constructor(
    context: string,
    details: { userId: string; userName?: string | undefined; count: number; limit: number; path?: string },
    options: GenesysErrorOptions = {},
  ) {
    const who = details.userName ? `${details.userName} (${details.userId})` : details.userId;
    super(
      context,
      [
        {
          path: details.path ?? 'items',
          message: `user ${who} would hold ${details.count} skills; a user can hold at most ${details.limit}`,
        },
      ],
      options,
    );
    this.userId = details.userId;
    this.count = details.count;
    this.limit = details.limit;
  }
}

/** True when `value` is a `SkillLimitError` (or a subclass), also from another copy of the package. */
export const isSkillLimitError = guard<SkillLimitError>('SkillLimitError');

/**
 * `optimizeRouting` could not load its MIP solver (HiGHS, WebAssembly): the `highs` package is missing, its
 * `highs.wasm` is not where the loader looks (a bundled function: copy it next to the bundle, or pass it with
 * `configureSolver({ wasm })`), or the build has no solver (browser, edge and neutral bundles). The message says
 * which; `cause` holds the loader's own error.
 */
export class SolverUnavailableError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'SolverUnavailableError';
}

/** True when `value` is a `SolverUnavailableError` (or a subclass), also from another copy of the package. */
export const isSolverUnavailableError = guard<SolverUnavailableError>('SolverUnavailableError');
