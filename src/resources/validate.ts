// Argument checks shared by resource methods: fail before any request, naming the bad argument.
import { loadZod, type SchemaLike } from '../internal/lazy-zod.js';
import { ValidationError } from '../errors.js';

export function requireId(context: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ValidationError(context, [{ path: name, message: 'must be a non-empty string id' }]);
  }
  return value;
}

/** Checks arguments against a (lazily built) zod schema; async because zod is loaded on first use. */
export async function parseArgs<T>(context: string, schema: SchemaLike<T>, value: unknown, prefix = ''): Promise<T> {
  await loadZod();
  const result = schema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod(context, result.error, prefix);
  return result.data;
}

/** Splits `items` into consecutive chunks of at most `size`. */
export function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
