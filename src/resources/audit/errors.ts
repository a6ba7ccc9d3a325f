// The error of an async audit query that ended without results.
import { GenesysError, type GenesysErrorOptions } from '../../errors/index.js';
import type { AuditQueryExecution } from '../schemas/audit.js';

/** An async audit query ended `Failed` or `Cancelled`. Submit it again (perhaps with a shorter interval). */
export class AuditQueryFailedError extends GenesysError {
  /** Stable class name (`AuditQueryFailedError`), used for `name`, the `is*` guards and cross-copy `instanceof`. */
  static override readonly errorName: string = 'AuditQueryFailedError';
  /** The query's transaction id. */
  readonly transactionId: string;
  /** The final state, `Failed` or `Cancelled`. */
  readonly state: string;
  /** The last status the platform returned. */
  readonly execution: AuditQueryExecution;

  /** Built from the query's last status. */
  constructor(execution: AuditQueryExecution, options: GenesysErrorOptions = {}) {
    super(`audit query ${execution.id} ended in state ${execution.state}`, { operation: 'audit.query', ...options });
    this.transactionId = execution.id;
    this.state = execution.state;
    this.execution = execution;
  }
}

/** `instanceof AuditQueryFailedError` that also works across two copies of the package. */
export function isAuditQueryFailedError(value: unknown): value is AuditQueryFailedError {
  return value instanceof AuditQueryFailedError; // branded: also true across two loaded copies (see errors/brand.ts)
}
