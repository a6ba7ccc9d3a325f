// One status vocabulary and one proficiency tolerance for every workflow that changes the org.
import { GenesysError } from '../../errors/index.js';

/**
 * What happened to one planned change, from what the org holds at the end and what this run wrote:
 * - `applied`: written by this run, and the org holds the planned value;
 * - `unchanged`: the org already held the planned value before this run touched it;
 * - `skipped`: deliberately not written (changed since planned, not a member, blocked), with the reason;
 * - `failed`: the org does not hold the planned value; `error` is the last error;
 * - `overwritten`: this run wrote it (confirmed), but the final read shows another value (another writer);
 * - `unverified`: a write was sent and may have landed, but neither its answer nor a later read confirmed it;
 * - `conflict`: the org holds the planned value, but this run's whole-set PUT (`removals: 'replace'`) overwrote
 *   another writer's change to the same skill made between its read and its PUT (the platform's audit log says who
 *   and when);
 * - `wouldApply`: dry run, a write would be made.
 */
export type ChangeStatus =
  'applied' | 'unchanged' | 'skipped' | 'failed' | 'overwritten' | 'unverified' | 'conflict' | 'wouldApply';

/** Every status an applied item can end in (`ChangeStatus`), in a stable order (for counts and reports). */
export const CHANGE_STATUSES: readonly ChangeStatus[] = [
  'applied',
  'unchanged',
  'skipped',
  'failed',
  'overwritten',
  'unverified',
  'conflict',
  'wouldApply',
];

export function emptyCounts(): Record<ChangeStatus, number> {
  return { applied: 0, unchanged: 0, skipped: 0, failed: 0, overwritten: 0, unverified: 0, conflict: 0, wouldApply: 0 };
}

export function countStatuses(items: Iterable<{ status: ChangeStatus }>): Record<ChangeStatus, number> {
  const counts = emptyCounts();
  for (const i of items) counts[i.status]++;
  return counts;
}

/** Proficiencies (and ring numbers) closer than this are the same value: the platform stores floats. */
export const PROFICIENCY_TOLERANCE = 1e-9;

/** Same value (null: absent). */
export function sameValue(a: number | null | undefined, b: number | null | undefined): boolean {
  return a === b || (a != null && b != null && Math.abs(a - b) < PROFICIENCY_TOLERANCE);
}

export function toGenesysError(error: unknown, operation?: string): GenesysError {
  return error instanceof GenesysError
    ? error
    : new GenesysError(String((error as Error)?.message ?? error), { cause: error, operation });
}

/** A value for messages: `no skill` for null. */
export const shown = (v: number | null | undefined, absent = 'no skill'): string => (v == null ? absent : String(v));
