// Resource: the one base class of every resource group (routing.skills, analytics.detailsJobs, ...). A method
// is a call on the client core; methods that send several requests run through `_run`, which records their
// responses so `.withResponse()` reports the write that mattered.
import type { CallOptions } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import { ApiPromise, type ApiResponse } from './api-promise.js';
import type { ClientCore, ClientRequest, PagingStyle } from './client-core.js';

const READS = new Set(['GET', 'HEAD']);

/** A ClientCore that remembers the responses of the calls made through it. */
class RecordingCore implements ClientCore {
  readonly #base: ClientCore;
  #last: ApiResponse<unknown> | undefined;
  #lastWrite: ApiResponse<unknown> | undefined;
  readonly #readIds: string[] = [];
  readonly #writeIds: string[] = [];

  constructor(base: ClientCore) {
    this.#base = base;
  }

  get org() {
    return this.#base.org;
  }

  request<T = unknown>(req: ClientRequest<T>, options?: CallOptions): ApiPromise<T> {
    const response = this.#base
      .request(req, options)
      .withResponse()
      .then((res) => {
        const write = !READS.has(req.method);
        if (write) this.#lastWrite = res;
        this.#last = res;
        if (res.correlationId) (write ? this.#writeIds : this.#readIds).push(res.correlationId);
        return res;
      });
    return new ApiPromise(response);
  }

  paginate<T>(req: ClientRequest, paging: PagingStyle, options?: ListOptions): Paginator<T> {
    return this.#base.paginate<T>(req, paging, options);
  }

  emit: ClientCore['emit'] = (event, ...args) => this.#base.emit(event, ...args);

  result<T>(data: T): ApiResponse<T> {
    const main = this.#lastWrite ?? this.#last;
    if (!main)
      return {
        data,
        correlationId: undefined,
        correlationIds: [],
        status: 0,
        headers: new Headers(),
        rateLimit: undefined,
      };
    const correlationIds = this.#writeIds.length > 0 ? [...this.#writeIds] : [...this.#readIds];
    return {
      data,
      correlationId: main.correlationId,
      correlationIds,
      status: main.status,
      headers: main.headers,
      rateLimit: main.rateLimit,
    };
  }
}

/**
 * Runs a method that sends one or more calls through `core`. A throw (bad input) becomes a rejection. The
 * response is the method's last write, or its last request when it only reads; status 0 if it sent none.
 */
export function runRecorded<T>(client: ClientCore, fn: (core: ClientCore) => T | Promise<T>): ApiPromise<T> {
  const core = new RecordingCore(client);
  return new ApiPromise((async () => core.result(await fn(core)))());
}

/** Base of every resource group: holds the client core. */
export abstract class Resource {
  /** The client core every request of the resource goes through. */
  protected readonly _client: ClientCore;

  /** Created by the client's resource groups; not constructed by users. */
  constructor(client: ClientCore) {
    this._client = client;
  }

  /** A method body that may send several requests (or check its input first); see `runRecorded`. */
  protected _run<T>(fn: (core: ClientCore) => T | Promise<T>): ApiPromise<T> {
    return runRecorded(this._client, fn);
  }
}
