// Small body validators that produce the platform's 400s with details[].fieldName naming the field.
import { ApiError } from './error-body.js';
import type { ErrorDetail } from './error-body.js';

export function asObject(body: unknown, fieldName = 'body'): Record<string, unknown> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new ApiError(400, 'bad.request', `The request body must be a JSON object.`, {
      details: [{ errorCode: 'invalid.value', fieldName }],
    });
  }
  return body as Record<string, unknown>;
}

export function asArray(body: unknown, fieldName = 'body'): unknown[] {
  if (!Array.isArray(body)) {
    throw new ApiError(400, 'bad.request', `The request body must be a JSON array.`, {
      details: [{ errorCode: 'invalid.value', fieldName }],
    });
  }
  return body;
}

/** Collects field problems so one 400 can name all of them (message = the first one). */
export class FieldErrors {
  private readonly details: ErrorDetail[] = [];
  private readonly messages: string[] = [];

  add(fieldName: string, message: string, errorCode = 'invalid.value', entityId?: string): void {
    this.details.push({ errorCode, fieldName, ...(entityId === undefined ? {} : { entityId }) });
    this.messages.push(message);
  }

  get size(): number {
    return this.details.length;
  }

  throwIfAny(): void {
    if (this.details.length === 0) return;
    const more = this.details.length > 1 ? ` (and ${this.details.length - 1} more)` : '';
    throw new ApiError(400, 'invalid.value', `${this.messages[0] ?? 'Invalid value'}${more}`, {
      details: this.details,
    });
  }
}

export function requiredString(
  obj: Record<string, unknown>,
  key: string,
  errors: FieldErrors,
  prefix = '',
): string | undefined {
  const v = obj[key];
  if (typeof v !== 'string' || v.trim().length === 0) {
    errors.add(
      `${prefix}${key}`,
      `${prefix}${key} is required and must be a non-empty string`,
      v === undefined ? 'required' : 'invalid.value',
    );
    return undefined;
  }
  return v;
}
