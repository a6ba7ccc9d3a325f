// Why the assistant refused: a typed error naming the field (or limit) and a short reason code a client can act on.
import { GenesysError, isGenesysError, isGenesysApiError, isValidationError } from '../errors/index.js';

/** The reasons a tool refuses, each with its fix in the message. */
export type RefusalReason =
  | 'unknownPlan'
  | 'notDryRun'
  | 'stale'
  | 'confirmation'
  | 'overLimit'
  | 'locked'
  | 'nothingToRollBack'
  | 'unknownQueue'
  | 'unknownAgent'
  | 'needsPlan'
  | 'autopilot';

/** A tool refused to act: `field` names the input (or policy limit) at fault and `reason` says why. */
export class McpRefusalError extends GenesysError {
  /** Stable class name (kept when bundlers rename classes). */
  static override readonly errorName: string = 'McpRefusalError';
  /** The tool input or policy limit at fault, e.g. `planId` or `limits.maxChanges`. */
  readonly field: string;
  /** Why, as a code (see `RefusalReason`). */
  readonly reason: RefusalReason;
  constructor(field: string, reason: RefusalReason, message: string) {
    super(`${field}: ${message}`);
    this.field = field;
    this.reason = reason;
  }
}

/** True when `value` is a `McpRefusalError`, also from another copy of the package. */
export function isMcpRefusalError(value: unknown): value is McpRefusalError {
  return isGenesysError(value) && value.name === 'McpRefusalError';
}

/** What a failed tool call returns: the error's class, the field at fault, the reason and the message. */
export interface ToolFailure {
  /** The error's class, e.g. `McpRefusalError` or `ValidationError`. */
  name: string;
  /** The input or policy limit at fault ('' when none is). */
  field: string;
  /** A `RefusalReason`, or `invalid`, `api`, `error`. */
  reason: string;
  /** What happened and what to do. */
  message: string;
  /** The HTTP status of a failed platform call. */
  status?: number | undefined;
}

/** Any error as a ToolFailure (a ValidationError names its first field; an API error its status). */
export function toFailure(error: unknown): ToolFailure {
  if (isMcpRefusalError(error))
    return { name: error.name, field: error.field, reason: error.reason, message: error.message };
  if (isValidationError(error))
    return { name: error.name, field: error.issues[0]?.path ?? '', reason: 'invalid', message: error.message };
  if (isGenesysApiError(error))
    return { name: error.name, field: '', reason: 'api', message: error.message, status: error.status };
  const e = error instanceof Error ? error : new Error(String(error));
  return { name: e.name, field: '', reason: 'error', message: e.message };
}
