// Which schema issues of a success answer the `validation` mode may relax. Only what a newer platform adds is
// relaxed: a field the schema does not know, or a new value of an enumeration (a string where strings are
// expected). A missing field, a null list or a number where the SDK reads a string is not news from the platform
// but a body that is not the API's: it throws UnexpectedResponseError in every mode, or it would be read as an
// empty org or written back as a wrong id.
import { UnexpectedResponseError, ValidationError, type ZodIssueLike } from '../errors/index.js';
import { safeParse } from '../internal/parse.js';
import type { SchemaLike } from './operation.js';

interface EnumIssue extends ZodIssueLike {
  readonly values?: readonly unknown[];
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/** An unknown key, or a value of the right type that the schema's enumeration does not list yet. */
function isRelaxable(issue: ZodIssueLike, root: unknown, base: readonly PropertyKey[]): boolean {
  const path = [...base, ...issue.path];
  if (issue.code === 'unrecognized_keys') return true;
  if (issue.code === 'invalid_value') {
    const values = (issue as EnumIssue).values ?? [];
    const got = valueAt(root, path);
    return values.length > 0 && values.some((v) => typeof v === typeof got && v !== null && got !== null);
  }
  if (issue.code === 'invalid_union') {
    // Relaxable when one option of the union failed only on relaxable issues (a new enum value of a string union).
    return (issue.errors ?? []).some((option) => option.length > 0 && option.every((i) => isRelaxable(i, root, path)));
  }
  return false;
}

/** Splits a failed parse into the issues no mode may relax and those `validation` decides on. */
export function splitIssues(
  issues: readonly ZodIssueLike[],
  data: unknown,
): { wrongShape: ZodIssueLike[]; relaxable: ZodIssueLike[] } {
  const wrongShape: ZodIssueLike[] = [];
  const relaxable: ZodIssueLike[] = [];
  for (const issue of issues) (isRelaxable(issue, data, []) ? relaxable : wrongShape).push(issue);
  return { wrongShape, relaxable };
}

/** The error for a success answer whose body is not the documented shape, naming the first few fields. */
export function wrongShapeError(
  issues: readonly ZodIssueLike[],
  where: { operation: string; method: string; url: string; status: number; correlationId: string | undefined },
): UnexpectedResponseError {
  const named = ValidationError.fromZod('', { issues }).issues;
  const shown = named
    .slice(0, 3)
    .map((i) => (i.path ? `${i.path}: ${i.message}` : i.message))
    .join('; ');
  const more = named.length > 3 ? ` (and ${named.length - 3} more)` : '';
  return new UnexpectedResponseError(
    `${where.operation}: unexpected response`,
    `the HTTP ${where.status} answer does not have the documented shape (${shown}${more}); a proxy or gateway may ` +
      `have answered instead of the API. Nothing was read from it`,
    where,
  );
}

/** Where an answer came from, for the errors about it. */
export type AnswerSource = Parameters<typeof wrongShapeError>[1];

/**
 * Parses `data` with `schema` (in every mode): the parsed value, or the data as received with the relaxable
 * issues as a ValidationError for the mode to act on. Throws UnexpectedResponseError on a wrong shape.
 */
export function parseAnswer(
  schema: SchemaLike<unknown>,
  data: unknown,
  where: AnswerSource,
): { data: unknown; relaxed?: ValidationError } {
  const parsed = safeParse(schema, data);
  if (parsed.success) return { data: parsed.data };
  const { wrongShape } = splitIssues(parsed.error.issues, data);
  if (wrongShape.length > 0) throw wrongShapeError(wrongShape, where);
  const relaxed = ValidationError.fromZod(`${where.operation}: unexpected response shape`, parsed.error, 'response', {
    operation: where.operation,
    correlationId: where.correlationId,
  });
  return { data, relaxed };
}
