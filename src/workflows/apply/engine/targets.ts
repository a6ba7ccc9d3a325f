// The state the apply engine keeps per planned value (of any lever), and how its final status is derived from
// the facts.
import type { GenesysError } from '../../../errors/index.js';
import { sameValue, shown, type ChangeStatus } from '../values.js';

/** One value the run must bring about: the entity holds `after` (null: does not hold it). */
export interface LeverTarget {
  /** The value the plan expected to find; a different value is drift (see `onDrift`). Undefined: no check. */
  expected?: number | null | undefined;
  after: number | null;
}

/** One user-skill value: user `userId` holds `skillId` at `after` (null: does not hold it). */
export interface SkillTarget extends LeverTarget {
  userId: string;
  skillId: string;
}

/** The outcome of one target. */
export interface TargetOutcome<T extends LeverTarget = SkillTarget> {
  target: T;
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
export interface Track<T extends LeverTarget = SkillTarget> extends TargetOutcome<T> {
  /** Nothing left to do for it in later passes. */
  settled: boolean;
  /** Latest value a read showed. */
  observed?: number | null | undefined;
  skipReason?: string | undefined;
  limitError?: GenesysError | undefined;
  wouldApply?: boolean | undefined;
  t0?: number | undefined;
}

/** How outcomes of a lever speak about its values and entities. */
export interface LeverWords {
  /** A null value, e.g. `no skill`. */
  absent: string;
  /** What could not be read, e.g. `the user's skills`. */
  unreadable: string;
  /** An entity the run never reached, e.g. `user`. */
  entity: string;
}

export const SKILL_WORDS: LeverWords = { absent: 'no skill', unreadable: "the user's skills", entity: 'user' };

export function newTrack<T extends LeverTarget>(target: T): Track<T> {
  return { target, status: 'failed', written: false, confirmed: false, settled: false, correlationIds: [] };
}

/** A write is about to be sent for the target. */
export function markSent(t: Track<LeverTarget>): void {
  t.t0 ??= performance.now();
  t.startedAt ??= new Date().toISOString();
  t.written = true;
}

/** The write's answer (or error) is in. */
export function markAnswered(t: Track<LeverTarget>): void {
  t.finishedAt = new Date().toISOString();
  t.latencyMs = Math.round(performance.now() - (t.t0 ?? performance.now()));
}

/** Why no final read was taken (its absence changes what can be said). */
export type NoFinalRead = 'aborted' | 'not requested' | undefined;

/** The final status of a target from what the org holds at the end and what this run wrote. */
export function finalStatus(
  t: Track<LeverTarget>,
  dryRun: boolean,
  aborted = false,
  words: LeverWords = SKILL_WORDS,
  noFinalRead?: NoFinalRead,
): Pick<TargetOutcome, 'status' | 'reason' | 'error'> {
  const after = t.target.after;
  const show = (v: number | null | undefined) => shown(v, words.absent);
  if (t.limitError) return { status: 'failed', error: t.limitError, reason: t.limitError.message };
  if (t.skipReason) return { status: 'skipped', reason: t.skipReason };
  if (t.initial === undefined && aborted && !t.error)
    return { status: 'skipped', reason: `aborted before this ${words.entity}` };
  if (t.initial === undefined) {
    return {
      status: 'failed',
      error: t.error,
      reason: `could not read ${words.unreadable}${t.error ? `: ${t.error.message}` : ''}`,
    };
  }
  if (dryRun) {
    if (t.wouldApply) return { status: 'wouldApply' };
    return sameValue(t.observed, after)
      ? { status: 'unchanged' }
      : { status: 'failed', error: t.error, reason: t.error?.message };
  }
  if (t.final !== undefined) {
    if (sameValue(t.final, after)) return { status: t.written ? 'applied' : 'unchanged' };
    if (t.confirmed)
      return {
        status: 'overwritten',
        reason: `this run's write was confirmed, but the final read shows ${show(t.final)} (another writer changed it since)`,
      };
    return {
      status: 'failed',
      error: t.error,
      reason: t.error ? t.error.message : `the org holds ${show(t.final)}, planned ${show(after)}`,
    };
  }
  // No final read for this entity (it failed, or was not taken): only what this run saw can be said.
  const why =
    noFinalRead === 'aborted'
      ? 'no final re-read: aborted'
      : noFinalRead === 'not requested'
        ? 'no final re-read was requested'
        : 'the final re-read failed';
  if (t.confirmed)
    return {
      status: 'applied',
      reason: `confirmed by the write's own answer (${why}: a later overwrite could not be checked)`,
    };
  if (!t.written && sameValue(t.observed, after)) return { status: 'unchanged' };
  if (t.written)
    return {
      status: 'unverified',
      error: t.error,
      reason: `a write was sent but could not be confirmed${t.error ? ` (last error: ${t.error.message})` : ''}`,
    };
  return {
    status: 'failed',
    error: t.error,
    reason: t.error?.message ?? `the org held ${show(t.observed)}, planned ${show(after)}`,
  };
}
