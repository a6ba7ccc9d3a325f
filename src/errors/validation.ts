// Input or a response failed validation: every bad field with its path. Structural over zod's issues, so this
// module needs no zod import.
import { guard } from './brand.js';
import { GenesysError, type GenesysErrorOptions } from './base.js';

/** One bad field of a `ValidationError`. */
export interface ValidationIssue {
  /** Dotted field path, e.g. `forecasts[3].traffic` or `clientId`. Empty for the whole value. */
  path: string;
  /** What is wrong with it. */
  message: string;
}

/** Input (options, arguments) or a response failed validation. The message names every bad field. */
export class ValidationError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
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
  /** {@inheritDoc GenesysError.errorName} */
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
 * so this module needs no zod import.
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

/** True when `value` is an `UnexpectedResponseError` (or a subclass), also from another copy of the package. */
export const isUnexpectedResponseError = /* @__PURE__ */ guard<UnexpectedResponseError>('UnexpectedResponseError');
/** True when `value` is a `ValidationError` (or a subclass), also from another copy of the package. */
export const isValidationError = /* @__PURE__ */ guard<ValidationError>('ValidationError');
