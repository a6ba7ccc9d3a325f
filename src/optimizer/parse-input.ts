// Input validation of the planning functions: zod parse -> ValidationError naming the field (an unknown key with
// the closest known one), through the shared options check.
import type * as z from 'zod/mini';
import { parseOptions } from '../internal/options.js';

/**
 * Parses `value` with `schema`; on failure throws a ValidationError whose message names each bad field.
 * `context` is the public function name (e.g. `requiredAgents`).
 */
export function parseInput<S extends z.core.$ZodType>(context: string, schema: S, value: unknown): z.output<S> {
  return parseOptions(context, schema, value, '');
}

export { invalid } from './field-error.js';
