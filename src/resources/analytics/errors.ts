// Errors specific to analytics: an async job that ended without results.
import { GenesysError, type GenesysErrorOptions } from '../../errors.js';

/** An async analytics job ended FAILED, CANCELLED or EXPIRED; `errorMessage` is the platform's reason. */
export class AnalyticsJobError extends GenesysError {
  static override readonly errorName: string = 'AnalyticsJobError';
  readonly jobId: string;
  readonly state: string;
  readonly errorMessage: string | undefined;

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
  return value instanceof AnalyticsJobError; // branded: also true across two loaded copies (see errors.ts)
}
