// Errors specific to analytics: an async job that ended without results.
import { GenesysError, type GenesysErrorOptions } from '../../errors/index.js';

/** An async analytics job ended FAILED, CANCELLED or EXPIRED; `errorMessage` is the platform's reason. */
export class AnalyticsJobError extends GenesysError {
  /** Stable class name (`AnalyticsJobError`), used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'AnalyticsJobError';
  /** The job's id. */
  readonly jobId: string;
  /** The job's final state: `FAILED`, `CANCELLED` or `EXPIRED`. */
  readonly state: string;
  /** The platform's reason, when it gave one. */
  readonly errorMessage: string | undefined;

  /** `options` carries the job id, its final state and the platform's reason. */
  constructor(
    message: string,
    options: GenesysErrorOptions & { jobId: string; state: string; errorMessage?: string | undefined },
  ) {
    super(message, options);
    this.jobId = options.jobId;
    this.state = options.state;
    this.errorMessage = options.errorMessage;
  }
}

/** `instanceof AnalyticsJobError` that also works across two loaded copies of the SDK. */
export function isAnalyticsJobError(value: unknown): value is AnalyticsJobError {
  return value instanceof AnalyticsJobError; // branded: also true across two loaded copies (see errors/brand.ts)
}
