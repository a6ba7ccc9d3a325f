// The base of every error this SDK throws, with the request it came from. Dependency-free on purpose: the pure
// optimizer entry point shares it without pulling in any transport code.
import { BRAND, brandedHasInstance, errorNameOf, guard } from './brand.js';

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
  /**
   * Stable class name, used for `name`, the `is*` guards and cross-copy `instanceof`. Every subclass states its own:
   * bundlers rename classes (esbuild turns `ValidationError` into `_ValidationError`) and minifiers mangle them.
   */
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

/** True when `value` is a `GenesysError` (or a subclass), also from another copy of the package. */
export const isGenesysError = /* @__PURE__ */ guard<GenesysError>('GenesysError');
