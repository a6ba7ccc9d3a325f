// Who the re-plan counts on besides the agents on queue now: those on a break or yet to start their shift, for
// the share of each interval ahead they are usually there. Pure.
import { returningAvailability } from '../observe/availability.js';
import type { QueueAssessment } from './decide.js';

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
): Map<string, number[]> {
  const out = new Map<string, number[]>();
  if (assessments.some((a) => a.missedNow)) return out;
  for (const [userId, shares] of usual) {
    if (onQueue.has(userId)) continue;
    const share = returningAvailability(shares, interval, horizon);
    if (share) out.set(userId, share);
  }
  return out;
}
