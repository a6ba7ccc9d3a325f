// The small public surface resources and workflows build on: request, paginate, emit, org. GenesysClient
// implements it; nothing outside the client touches the transport.
import type { ClientEvents } from '../../client/events.js';
import type { SchemaLike } from '../../transport/operation.js';
import type { CallOptions, HttpMethod, RequestInput } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from './api-promise.js';

/** One API call: an operation (method, path template, retry class, response schema) plus its inputs. */
export interface ClientRequest<T = unknown> extends RequestInput {
  /** HTTP method. */
  method: HttpMethod;
  /** Path under the API base, e.g. `/api/v2/routing/skills/{skillId}` (`{name}` filled from `params`). */
  path: string;
  /** Stable id used in events, errors and logs (default `raw.<METHOD> <path>`). */
  id?: string;
  /** Whether repeating the call after an ambiguous failure is safe (default by method: GET/HEAD/PUT/DELETE). */
  idempotent?: boolean;
  /** Schema of the response body (checked per the client's `validation` mode). */
  schema?: SchemaLike<T>;
}

/** How a listing pages: the platform's four styles. */
export type PagingStyle =
  /** `entities` + `pageNumber`/`pageCount`/`nextUri` (most GET listings). */
  | { style: 'pageNumber'; itemsKey?: string }
  /** POST queries paged in the body (`paging: {pageSize, pageNumber}` or top-level). */
  | { style: 'body'; itemsKey: string; placement: 'paging' | 'topLevel'; totalKey?: string }
  /** `?cursor=` (async job and audit results). */
  | { style: 'cursor'; itemsKey: string }
  /** `after=` carried by `nextUri`. */
  | { style: 'after' };

/** Where the client sends its calls. */
export interface OrgInfo {
  /** e.g. `https://api.mypurecloud.ie` */
  readonly apiBaseUrl: string;
  /** e.g. `https://login.mypurecloud.ie` */
  readonly loginBaseUrl: string;
  /** The region name or domain the client was given, when it was given one. */
  readonly region: string | undefined;
}

/** The client core every resource and workflow uses. */
export interface ClientCore {
  /** Sends one call with the client's auth, retries, limits, validation and events. */
  request<T = unknown>(req: ClientRequest<T>, options?: CallOptions): ApiPromise<T>;
  /** A Paginator over a listing. */
  paginate<T>(req: ClientRequest, paging: PagingStyle, options?: ListOptions): Paginator<T>;
  /** Emits a client event (workflows report `progress` through this). */
  emit<K extends keyof ClientEvents>(event: K, ...args: ClientEvents[K]): void;
  /** The org the client talks to. */
  readonly org: OrgInfo;
}
