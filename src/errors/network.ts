// The request got no usable HTTP answer: no connection, out of time, a body too large, or the caller aborted.
import { guard } from './brand.js';
import { GenesysError, type GenesysErrorOptions } from './base.js';

/** The request never got an HTTP answer (DNS, refused, reset). */
export class ConnectionError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'ConnectionError';
}

/** An attempt, or the whole call, ran past its time limit. */
export class TimeoutError extends GenesysError {
  /** {@inheritDoc GenesysError.errorName} */
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
  /** {@inheritDoc GenesysError.errorName} */
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
  /** {@inheritDoc GenesysError.errorName} */
  static override readonly errorName: string = 'RequestAbortedError';
}

/** True when `value` is a `ConnectionError` (or a subclass), also from another copy of the package. */
export const isConnectionError = /* @__PURE__ */ guard<ConnectionError>('ConnectionError');
/** True when `value` is a `TimeoutError` (or a subclass), also from another copy of the package. */
export const isTimeoutError = /* @__PURE__ */ guard<TimeoutError>('TimeoutError');
/** True when `value` is a `RequestAbortedError` (or a subclass), also from another copy of the package. */
export const isRequestAbortedError = /* @__PURE__ */ guard<RequestAbortedError>('RequestAbortedError');
/** True when `value` is a `ResponseTooLargeError` (or a subclass), also from another copy of the package. */
export const isResponseTooLargeError = /* @__PURE__ */ guard<ResponseTooLargeError>('ResponseTooLargeError');
