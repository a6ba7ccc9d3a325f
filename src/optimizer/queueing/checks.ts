// Hand-written input checks for the hot paths. Each throws a ValidationError (via `invalid`) naming the field.
import { invalid } from '../field-error.js';
import { rejectUnknownKeys } from '../../internal/unknown-keys.js';

/**
 * The value must be a plain object (the single options argument of every queueing function); with `known`, a key
 * outside it is refused, naming the closest known key.
 */
export function objectArg(
  context: string,
  path: string,
  value: unknown,
  known?: readonly string[],
): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    invalid(context, path, 'expected an options object');
  }
  if (known) rejectUnknownKeys(context, value, known, path);
  return value as Record<string, unknown>;
}

/** A finite number (not NaN, not ±Infinity). */
export function finite(context: string, path: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    invalid(context, path, `expected a finite number, received ${describe(value)}`);
  }
  return value;
}

/** A finite number ≥ 0. */
export function nonNegative(context: string, path: string, value: unknown): number {
  const v = finite(context, path, value);
  if (v < 0) invalid(context, path, `must be ≥ 0, received ${v}`);
  return v;
}

/** A finite number > 0. */
export function positive(context: string, path: string, value: unknown): number {
  const v = finite(context, path, value);
  if (!(v > 0)) invalid(context, path, `must be > 0, received ${v}`);
  return v;
}

/** Largest traffic accepted, in Erlangs: far beyond any contact centre, and it keeps every loop bounded. */
export const MAX_TRAFFIC = 1e9;

/** Offered traffic in Erlangs: finite, 0 ≤ traffic ≤ {@link MAX_TRAFFIC}. */
export function trafficValue(context: string, path: string, value: unknown): number {
  const v = nonNegative(context, path, value);
  if (v > MAX_TRAFFIC) invalid(context, path, `must be ≤ ${MAX_TRAFFIC} Erlangs, received ${v}`);
  return v;
}

/** A safe integer ≥ `min`. */
export function integerAtLeast(context: string, path: string, value: unknown, min: number): number {
  const v = finite(context, path, value);
  if (!Number.isSafeInteger(v)) invalid(context, path, `must be an integer, received ${v}`);
  if (v < min) invalid(context, path, `must be ≥ ${min}, received ${v}`);
  return v;
}

/** A number strictly between 0 and 1 (a service level or a rate). */
export function openFraction(context: string, path: string, value: unknown): number {
  const v = finite(context, path, value);
  if (!(v > 0 && v < 1)) invalid(context, path, `must be between 0 and 1 (exclusive), received ${v}`);
  return v;
}

/** An optional value: `undefined` passes through, anything else goes through `check`. */
export function optional<T>(
  value: unknown,
  check: (context: string, path: string, value: unknown) => T,
  context: string,
  path: string,
): T | undefined {
  return value === undefined ? undefined : check(context, path, value);
}

function describe(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (value === null) return 'null';
  if (typeof value === 'string')
    return `string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
  return typeof value;
}
