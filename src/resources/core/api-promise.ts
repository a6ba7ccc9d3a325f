// ApiPromise<T>: what every resource method returns. Awaiting it gives the data; `.withResponse()` gives
// the data with the HTTP metadata of the call (status, headers, correlation id, rate-limit window).
import type { RateLimitInfo } from '../../client/events.js';

/** The data of a call plus what the platform said about it. */
export interface ApiResponse<T> {
  /** The parsed response body (checked per the client's `validation` mode). */
  data: T;
  /**
   * `ININ-Correlation-Id` of the response (what Genesys support asks for). For a method that sends several
   * requests, the id of its last write (or of its last request when it only reads).
   */
  correlationId: string | undefined;
  /** Every correlation id of the writes the method sent, in order (of its reads when it only reads). */
  correlationIds: string[];
  /** HTTP status of the response (0 when the method sent no request). */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** The `inin-ratelimit-*` window of the response, when the platform sent one. */
  rateLimit: RateLimitInfo | undefined;
}

/**
 * A Promise of the data that also exposes the response. The request starts when the method is called, like
 * any promise. The data promise is derived only when awaited (`then`), so calling `.withResponse()` alone
 * leaves no second, unobserved promise behind to reject unhandled.
 *
 * @example
 * const skill = await client.routing.skills.get(skillId);
 * const { data, correlationId, rateLimit } = await client.routing.skills.get(skillId).withResponse();
 */
export class ApiPromise<T> implements Promise<T> {
  readonly #response: Promise<ApiResponse<T>>;
  #data: Promise<T> | undefined;

  /** Wraps the promise of a response; built by the resources' methods. */
  constructor(response: Promise<ApiResponse<T>>) {
    this.#response = response;
  }

  /** The data with `{ correlationId, correlationIds, status, headers, rateLimit }`. */
  withResponse(): Promise<ApiResponse<T>> {
    return this.#response;
  }

  /** A new ApiPromise of `fn(data)` that keeps this call's response metadata. */
  thenUnwrap<U>(fn: (data: T) => U): ApiPromise<U> {
    return new ApiPromise(this.#response.then((res) => ({ ...res, data: fn(res.data) })));
  }

  #parsed(): Promise<T> {
    return (this.#data ??= this.#response.then((res) => res.data));
  }

  /** As `Promise.then`, on the data; the data promise is derived on the first call. */
  then<R1 = T, R2 = never>(
    onfulfilled?: ((value: T) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: any) => R2 | PromiseLike<R2>) | null, // eslint-disable-line @typescript-eslint/no-explicit-any -- Promise's own signature
  ): Promise<R1 | R2> {
    return this.#parsed().then(onfulfilled, onrejected);
  }

  /** As `Promise.catch`, on the data. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- Promise's own signature
  catch<R = never>(onrejected?: ((reason: any) => R | PromiseLike<R>) | null): Promise<T | R> {
    return this.#parsed().catch(onrejected);
  }

  /** As `Promise.finally`, on the data. */
  finally(onfinally?: (() => void) | null): Promise<T> {
    return this.#parsed().finally(onfinally);
  }

  /** `ApiPromise` (what `Object.prototype.toString` shows). */
  get [Symbol.toStringTag](): string {
    return 'ApiPromise';
  }
}
