// Hysteresis on the autopilot's writes: a gain stays in place a minimum time, and an agent added to a queue, then
// returned, is not added again within the hour after the return (add-return-add is the churn a real-time analyst
// hates). Pure: the caller passes the time and the changes written so far, so the same inputs always give the same
// answer.
import type { GuardedChange, RefusedChange } from './guardrails.js';

/** A change written earlier, with its direction (a saved state from before directions were kept lacks it: it never blocks). */
export interface WrittenChange {
  /** The agent changed. */
  userId: string;
  /** The queue they gained or lost. */
  queueId: string;
  /** Epoch ms it was written. */
  at: number;
  /** `gain` or `lose`; absent in older saved states. */
  direction?: 'gain' | 'lose' | undefined;
}

/** The hysteresis rules of a policy (`policy.hysteresis` with its defaults filled). */
export interface HysteresisRules {
  /** A gain is not taken back before this many minutes. */
  minHoldMinutes: number;
  /** False: no add, return and add again of the same agent and queue within one hour. */
  allowReaddWithinHour: boolean;
}

const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * Splits changes into those hysteresis allows now and those it holds back, each refusal with its rule (`minHold`:
 * a gain held fewer than `minHoldMinutes`, to the nearest minute, is not taken back; `readd`: a pair gained and
 * then lost, the loss within the last hour, is not gained again) and why.
 */
export function checkHysteresis(
  proposed: readonly GuardedChange[],
  history: readonly WrittenChange[],
  now: number,
  rules: HysteresisRules,
): { allowed: GuardedChange[]; refused: RefusedChange[] } {
  const byPair = new Map<string, WrittenChange[]>();
  for (const c of history) {
    const key = pairKey(c);
    byPair.set(key, [...(byPair.get(key) ?? []), c]);
  }
  const allowed: GuardedChange[] = [];
  const refused: RefusedChange[] = [];
  for (const change of proposed) {
    const past = [...(byPair.get(pairKey(change)) ?? [])].sort((a, b) => a.at - b.at);
    const lastGain = past.filter((c) => c.direction === 'gain').at(-1);
    const minutes = lastGain ? heldMinutes(now - lastGain.at) : Infinity;
    if (change.direction === 'lose' && minutes < rules.minHoldMinutes) {
      refused.push({
        change,
        rule: 'minHold',
        message: `agent ${change.userId} gained queue ${change.queueId} ${minutes} min ago (kept at least ${rules.minHoldMinutes} min)`,
      });
    } else if (change.direction === 'gain' && !rules.allowReaddWithinHour && addedAndReturned(past, now)) {
      refused.push({
        change,
        rule: 'readd',
        message: `agent ${change.userId} was added to queue ${change.queueId} and returned from it within the last hour`,
      });
    } else allowed.push(change);
  }
  return { allowed, refused };
}

/**
 * Minutes a gain has been held, to the nearest: decision times on a real clock slip by a second or so (at x60, a
 * timer's few ms), and a decision a second late is not a decision late.
 */
function heldMinutes(ms: number): number {
  return Math.round(ms / MINUTE_MS);
}

function pairKey(c: { userId: string; queueId: string }): string {
  return `${c.userId}\u0000${c.queueId}`;
}

/**
 * True when the pair was gained and then lost, the loss within the last hour (an hour to the millisecond
 * included): a re-add is refused for an hour after the return, however long ago the first add was.
 */
function addedAndReturned(past: readonly WrittenChange[], now: number): boolean {
  const gain = past.findIndex((c) => c.direction === 'gain');
  return gain >= 0 && past.slice(gain + 1).some((c) => c.direction === 'lose' && now - c.at <= HOUR_MS);
}
