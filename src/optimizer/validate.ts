// Input validation of the planning functions: zod parse -> ValidationError naming the field.
import { ValidationError } from '../errors/index.js';
import type * as z from 'zod/mini';
import { safeParse } from '../internal/parse.js';

/**
 * Parses `value` with `schema`; on failure throws a ValidationError whose message names each bad field.
 * `context` is the public function name (e.g. `requiredAgents`).
 */
export function parseInput<S extends z.core.$ZodType>(context: string, schema: S, value: unknown): z.output<S> {
  const result = safeParse(schema, value);
  if (!result.success) throw ValidationError.fromZod(context, result.error);
  return result.data;
}

export { invalid } from './invalid.js';
