// Unknown keys in an options object or input file: each one is an issue naming it and the closest known key, so a
// typo (`dryrun`) is an error rather than an option silently left at its default. No schema library here: the
// optimizer's hand-written checks use it too, and `import { erlangC }` must bundle without zod.
import { formatPath, ValidationError, type ValidationIssue } from '../errors/index.js';
import { didYouMean } from './did-you-mean.js';

/** `unknown key; did you mean dryRun?`, or the known keys when none is close. */
export function unknownKeyMessage(key: string, known: readonly string[]): string {
  const guess = didYouMean(key, known);
  if (guess) return `unknown key; did you mean ${guess}?`;
  return known.length > 0 ? `unknown key; known keys: ${known.join(', ')}` : 'unknown key; no keys are allowed here';
}

/** `a.b` + `c` -> `a.b.c`, as every other issue path (`formatPath`). */
export function keyPath(path: string, key: string): string {
  return formatPath(path, [key]);
}

/** One issue per own key of `value` that is not in `known`, at `path.key`. */
export function unknownKeyIssues(value: object, known: readonly string[], path: string): ValidationIssue[] {
  if (typeof value !== 'object' || value === null) return []; // not an object: the caller's own check says so
  let issues: ValidationIssue[] | undefined;
  // A plain loop over short lists: the Erlang functions check every call, so the common case allocates nothing.
  for (const key of Object.keys(value)) {
    if (known.includes(key)) continue;
    (issues ??= []).push({ path: keyPath(path, key), message: unknownKeyMessage(key, known) });
  }
  return issues ?? [];
}

/**
 * For open formats (a plan file carries a planner's extra fields): one issue per unknown key that is a near miss of
 * a known one (`chnages` -> `changes`); keys far from every known key pass.
 */
export function nearMissKeyIssues(value: unknown, known: readonly string[], path: string): ValidationIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
  const allowed = new Set(known);
  return Object.keys(value)
    .filter((key) => !allowed.has(key) && didYouMean(key, known) !== undefined)
    .map((key) => ({ path: keyPath(path, key), message: unknownKeyMessage(key, known) }));
}

/** Throws a ValidationError (`context: path.key: unknown key; did you mean ...?`) when `value` has an unknown key. */
export function rejectUnknownKeys(context: string, value: object, known: readonly string[], path: string): void {
  const issues = unknownKeyIssues(value, known, path);
  if (issues.length > 0) throw new ValidationError(context, issues);
}

/**
 * The keys of an options type, checked by the compiler against the type (a key added to the type and not here, or
 * listed here and not in the type, fails the build), so the run-time list cannot drift from the declared options.
 */
export function keysOf<T extends object>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.keys(keys);
}
