// Input validation shared by every optimizer function: parse -> ValidationError naming the field.
import { ValidationError } from '../errors.js';

/** Anything with a zod-style `safeParse` (the planning shapes, or a zod schema). */
export interface Parser<T> {
  safeParse(value: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

/**
 * Parses `value` with `schema`; on failure throws a ValidationError whose message names each bad field.
 * `context` is the public function name (e.g. `requiredAgents`).
 */
export function parseInput<T>(context: string, schema: Parser<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(context, result.error);
  return result.data;
}

/** Throws a ValidationError for one field; for checks that are cheaper by hand on hot paths. */
export function invalid(context: string, path: string, message: string): never {
  throw new ValidationError(context, [{ path, message }]);
}
