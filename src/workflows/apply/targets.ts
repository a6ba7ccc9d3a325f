// The state the apply engine keeps per planned change, and how its final status is derived from the facts.
import type { GenesysError } from '../../errors.js';
import { sameValue, shown, type ChangeStatus } from './values.js';

/** One value the run must bring about: user `userId` holds `skillId` at `after` (null: does not hold it). */
export interface SkillTarget {
  userId: string;
  skillId: string;
  /** The value the plan expected to find; a different value is drift (see `onDrift`). Undefined: no check. */
  expected?: number | null | undefined;
  after: number | null;
}

/** The outcome of one target. */
export interface TargetOutcome {
  target: SkillTarget;
  status: ChangeStatus;
  /** Value found by this run's first read (null: absent; undefined: never read). */
  initial?: number | null | undefined;
  /** Value the final confirmation read found (undefined: not re-read). */
  final?: number | null | undefined;
  /** This run sent a write for it (it may have landed even when the call failed). */
  written: boolean;
  /** A write's own answer, or a later read, showed the planned value. */
  confirmed: boolean;
  reason?: string | undefined;
  error?: GenesysError | undefined;
  correlationIds: string[];
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  latencyMs?: number | undefined;
}

/** Working state of a target during a run. */
export interface Track extends TargetOutcome {
  /** Nothing left to do for it in later passes. */
  settled: boolean;
  /** Latest value a read showed. */
  observed?: number | null | undefined;
  skipReason?: string | undefined;
  limitError?: GenesysError | undefined;
  wouldApply?: boolean | undefined;
  t0?: number | undefined;
}

export function newTrack(target: SkillTarget): Track {
  return { target, status: 'failed', written: false, confirmed: false, settled: false, correlationIds: [] };
}

/** The final status of a target from what the org holds at the end and what this run wrote. */
export function finalStatus(t: Track, dryRun: boolean, aborted = false): Pick<TargetOutcome, 'status' | 'reason' | 'error'> {
  const after = t.target.after;
  if (t.limitError) return { status: 'failed', error: t.limitError, reason: t.limitError.message };
  if (t.skipReason) return { status: 'skipped', reason: t.skipReason };
  if (t.initial === undefined && aborted && !t.error) return { status: 'skipped', reason: 'aborted before this user' };
  if (t.initial === undefined) {
    return { status: 'failed', error: t.error, reason: `could not read the user's skills${t.error ? `: ${t.error.message}` : ''}` };
  }
  if (dryRun) {
    if (t.wouldApply) return { status: 'wouldApply' };
    return sameValue(t.observed, after) ? { status: 'unchanged' } : { status: 'failed', error: t.error, reason: t.error?.message };
  }
  if (t.final !== undefined) {
    if (sameValue(t.final, after)) return { status: t.written ? 'applied' : 'unchanged' };
    if (t.confirmed) return { status: 'overwritten', reason: `this run's write was confirmed, but the final read shows ${shown(t.final)} (another writer changed it since)` };
    return { status: 'failed', error: t.error, reason: t.error ? t.error.message : `the org holds ${shown(t.final)}, planned ${shown(after)}` };
  }
  // The final read failed for this user: only what this run saw can be said.
  if (t.confirmed) return { status: 'applied', reason: 'confirmed by the write\'s own answer (the final re-read failed: a later overwrite could not be checked)' };
  if (!t.written && sameValue(t.observed, after)) return { status: 'unchanged' };
  if (t.written) return { status: 'unverified', error: t.error, reason: `a write was sent but could not be confirmed${t.error ? ` (last error: ${t.error.message})` : ''}` };
  return { status: 'failed', error: t.error, reason: t.error?.message ?? `the org held ${shown(t.observed)}, planned ${shown(after)}` };
}
