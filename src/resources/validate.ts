// Argument checks shared by resource methods: fail before any request, naming the bad argument.
import { ValidationError } from '../errors/index.js';
import type * as z from 'zod/mini';
import { safeParse } from '../internal/parse.js';

export function requireId(context: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(context, [{ path: name, message: 'must be a non-empty string id' }]);
  }
  return value;
}

/** Checks arguments against a schema; the ValidationError names each bad field (under `prefix`). */
export function parseArgs<S extends z.core.$ZodType>(
  context: string,
  schema: S,
  value: unknown,
  prefix = '',
): z.output<S> {
  const result = safeParse(schema, value);
  if (!result.success) throw ValidationError.fromZod(context, result.error, prefix);
  return result.data;
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
