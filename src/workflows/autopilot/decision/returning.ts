// Who the re-plan counts on besides the agents on queue now: those on a break or yet to start their shift, for
// the share of each interval ahead they are usually there. Pure.
import { sharesAhead } from '../observe/availability.js';
import { usualShareNow } from './absence.js';
import type { QueueAssessment } from './decide.js';

/** Below this usual share of the current interval an agent off queue now is taken as on a break or not yet in. */
const USUALLY_OFF_NOW = 0.5;

/** The instant of a decision in its interval, and of the next decision (shares of the interval, the next may pass 1). */
export interface DecisionInstant {
  elapsed: number;
  next: number;
}

/**
 * Agents off queue now who usually come on queue within the next `horizon` intervals (see
 * returningAvailability), with their share of each; none while a queue misses its target now, which the agents
 * on queue did not prevent: the plan then counts on no one who is not there yet.
 */
export function returningAgents(
  usual: ReadonlyMap<string, readonly number[]>,
  onQueue: ReadonlySet<string>,
  interval: number,
  horizon: number,
  assessments: readonly QueueAssessment[],
  at?: DecisionInstant,
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (assessments.some((a) => a.missedNow)) return out;
  for (const [userId, shares] of usual) {
    if (onQueue.has(userId)) continue;
    const share = returningAvailability(shares, interval, horizon, at);
    if (share) out.set(userId, share);
  }
  return out;
}

/**
 * For an agent off queue now who is usually off queue now too (under half of the current interval on queue: a
 * break, a shift yet to start), their usual share of the next `horizon` intervals from `interval`, the current one
 * at 0; undefined when they are usually on queue now (away against their pattern: nobody knows when they return)
 * or not within the horizon. Given the decision's instant `at`, an agent usually back before the next decision
 * (a break that ends a minute into the interval; if they do not come, that decision sees it) counts for their
 * usual share of the current interval.
 */
export function returningAvailability(
  usual: readonly number[] | undefined,
  interval: number,
  horizon: number,
  at?: DecisionInstant,
): number[] | undefined {
  if (!usual) return undefined;
  const now = usual[interval] ?? 0;
  const back = at !== undefined && backBefore(usual, interval, at);
  if (!back && now >= USUALLY_OFF_NOW) return undefined;
  const out = sharesAhead(usual, interval, horizon, back ? now : 0);
  return out.some((v) => v > 0) ? out : undefined;
}

/**
 * Whether the agent usually comes on queue inside `interval` after `at.elapsed` and before the next decision:
 * usualShareNow reads below the interval's share before a rise inside it and above it after (never for a fall).
 */
function backBefore(usual: readonly number[], interval: number, at: DecisionInstant): boolean {
  const share = usual[interval] ?? 0;
  return (
    usualShareNow(usual, interval, at.elapsed) < share && usualShareNow(usual, interval, Math.min(1, at.next)) > share
  );
}
