// Staff actually available against staff usually there: each queue's baseline holders on queue now, against the
// number usually on queue in this interval (their shifts and breaks from history). An absence wave is pressure
// like a surge: the queue has the calls it always has, and fewer people to answer them. Pure.
import { holdings, type Assignment } from './assignment.js';

/** One queue's staffing now: its baseline holders on queue, and how many are usually on queue at this time. */
export interface Staffing {
  onQueue: number;
  usual: number;
}

/** Per queue, the baseline holders on queue now and the usual number for this interval (none without history). */
export function staffingNow(
  baseline: Assignment,
  queueSkills: Readonly<Record<string, string>>,
  onQueue: ReadonlySet<string>,
  usual: ReadonlyMap<string, readonly number[]>,
  interval: number,
): Map<string, Staffing> {
  const out = new Map<string, Staffing>();
  if (usual.size === 0) return out;
  for (const [userId, row] of Object.entries(holdings(baseline, queueSkills))) {
    const share = usual.get(userId)?.[interval] ?? 0;
    for (const queueId of Object.keys(row)) {
      const s = out.get(queueId) ?? { onQueue: 0, usual: 0 };
      s.usual += share;
      if (onQueue.has(userId)) s.onQueue += 1;
      out.set(queueId, s);
    }
  }
  return out;
}

/** Fewest usual holders for a shortfall to mean anything (one agent away of two is not a wave). */
const MIN_USUAL = 4;
/** Below this share of the usual holders on queue, the queue is short-staffed (`policy.shortStaffedShare`). */
export const DEFAULT_SHORT_SHARE = 0.6;

/** The shortfall in words when a queue has fewer of its holders on queue than `share` of the usual, else undefined. */
export function shortStaffed(s: Staffing | undefined, share = DEFAULT_SHORT_SHARE): string | undefined {
  if (!s || s.usual < MIN_USUAL || s.onQueue >= share * s.usual) return undefined;
  return `${s.onQueue} of its usual ${s.usual.toFixed(1)} agents on queue`;
}
