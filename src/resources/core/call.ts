// Shorthands for resource code: an operation from the table plus its inputs, sent through the client core.
// Resource methods take their own options out and pass the rest here: a key left over is one no method knows (a
// typo), refused before any request with the closest known key.
import { ValidationError } from '../../errors/index.js';
import { responseSchemaOf, type CallOptions, type Operation, type RequestInput } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import { deferredPaginator, type Paginator } from '../../transport/paging/paginator.js';
import { didYouMean } from '../../internal/did-you-mean.js';
import { keyPath, keysOf, unknownKeyMessage } from '../../internal/unknown-keys.js';
import { ApiPromise } from './api-promise.js';
import type { ClientCore, PagingStyle } from './client-core.js';

const CALL_KEYS = keysOf<CallOptions>({ signal: true, timeoutMs: true, maxRetries: true, validation: true });
const LIST_KEYS = keysOf<ListOptions>({
  signal: true,
  timeoutMs: true,
  maxRetries: true,
  validation: true,
  pageSize: true,
});

/** The ValidationError for keys of `options` outside `known` (suggestions also among the method's `own` keys). */
function unknownOptions(
  op: Operation<unknown>,
  options: object | undefined,
  known: readonly string[],
  own: readonly string[],
): ValidationError | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const allowed = new Set(known);
  const extra = Object.keys(options).filter((k) => !allowed.has(k));
  if (extra.length === 0) return undefined;
  const candidates = [...own, ...known];
  // Without the method's own option names the list of known keys would be incomplete: suggest, never list.
  const issues = extra.map((key) => ({
    path: keyPath('options', key),
    message:
      own.length > 0 || didYouMean(key, candidates) !== undefined
        ? unknownKeyMessage(key, candidates)
        : `unknown key; not an option of ${op.id}`,
  }));
  return new ValidationError(op.id, issues, { operation: op.id });
}

/** Sends `op` with `input` through `core`; `own` names the method's own options (for "did you mean"). */
export function send<T>(
  core: ClientCore,
  op: Operation<T>,
  input: RequestInput = {},
  options?: CallOptions,
  own: readonly string[] = [],
): ApiPromise<T> {
  const error = unknownOptions(op, options, CALL_KEYS, own);
  if (error) return new ApiPromise<T>(Promise.reject(error));
  return core.request<T>({ ...op, schema: responseSchemaOf(op), ...input }, options);
}

/** A Paginator over `op` with `input`, in the given paging style; an unknown option rejects its first page. */
export function paginate<T>(
  core: ClientCore,
  paging: PagingStyle,
  op: Operation<unknown>,
  input: RequestInput = {},
  options?: ListOptions,
  own: readonly string[] = [],
): Paginator<T> {
  const error = unknownOptions(op, options, LIST_KEYS, own);
  if (error) return deferredPaginator(Promise.reject(error));
  return core.paginate<T>({ ...op, schema: responseSchemaOf(op), ...input }, paging, options);
}
