// Errors of outbound webhook delivery. They extend GenesysError, so isGenesysError() matches them too.
import { GenesysError, type GenesysErrorOptions } from '../errors/index.js';

/** Constructor options of `WebhookDeliveryError`. */
export interface WebhookDeliveryErrorOptions extends GenesysErrorOptions {
  /** Last HTTP status, undefined when no response arrived (network error, timeout). */
  status: number | undefined;
  /** Attempts made, the first included. */
  attempts: number;
  /** The signed delivery id. */
  deliveryId: string;
}

/** sendWebhook gave up: a non-retryable status, retries exhausted, or a Retry-After beyond the cap. */
export class WebhookDeliveryError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes): `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'WebhookDeliveryError';
  /** Last HTTP status, undefined when no response arrived (network error, timeout). */
  readonly status: number | undefined;
  /** Attempts made, the first included. */
  readonly attempts: number;
  /** The delivery id, the same on every attempt (the receiver de-duplicates on it). */
  readonly deliveryId: string;

  constructor(message: string, options: WebhookDeliveryErrorOptions) {
    super(message, options);
    this.status = options.status;
    this.attempts = options.attempts;
    this.deliveryId = options.deliveryId;
  }
}

/** True when `value` is a `WebhookDeliveryError`, also one thrown by another copy of the package. */
export function isWebhookDeliveryError(value: unknown): value is WebhookDeliveryError {
  return value instanceof WebhookDeliveryError; // branded: also true across two loaded copies (see errors.ts)
}
