// Shorthands for resource code: an operation from the table plus its inputs, sent through the client core.
import type { CallOptions, Operation, RequestInput } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import type { ApiPromise } from './api-promise.js';
import type { ClientCore, PagingStyle } from './client-core.js';

/** Sends `op` with `input` through `core`. */
export function send<T>(
  core: ClientCore,
  op: Operation<T>,
  input: RequestInput = {},
  options?: CallOptions,
): ApiPromise<T> {
  return core.request<T>({ ...op, ...input }, options);
}

/** A Paginator over `op` with `input`, in the given paging style. */
export function paginate<T>(
  core: ClientCore,
  paging: PagingStyle,
  op: Operation<unknown>,
  input: RequestInput = {},
  options?: ListOptions,
): Paginator<T> {
  return core.paginate<T>({ ...op, ...input }, paging, options);
}
