// Per-interval figures of a queue's live calls: offered, answered, abandoned, answered within the service-level
// threshold, service level and mean wait, as of the simulated now.
import type { LiveCall } from './calls.js';
import type { QueueIntervalStats } from './types.js';

/** Figures of `calls` (one queue's, in arrival order per slot) that arrived in [from, to), per `stepMs`. */
export function intervalStats(
  calls: readonly LiveCall[],
  from: number,
  to: number,
  now: number,
  stepMs = to - from,
): QueueIntervalStats[] {
  const buckets: Array<QueueIntervalStats & { waitSum: number }> = [];
  for (let start = from; start < to; start += stepMs)
    buckets.push({
      start,
      offered: 0,
      answered: 0,
      abandoned: 0,
      answeredWithin: 0,
      serviceLevel: null,
      meanWaitSeconds: 0,
      waitSum: 0,
    });
  for (const call of calls) {
    if (call.arrival < from || call.arrival >= to || call.arrival > now) continue;
    const b = buckets[Math.floor((call.arrival - from) / stepMs)];
    if (!b) continue;
    b.offered++;
    if (call.status === 'waiting' || (call.leftAt as number) > now) continue;
    const wait = (call.leftAt as number) - call.arrival;
    b.waitSum += wait;
    if (call.status === 'abandoned') b.abandoned++;
    else {
      b.answered++;
      if (wait <= call.serviceLevel.durationMs) b.answeredWithin++;
    }
  }
  return buckets.map(({ waitSum, ...b }) => {
    const left = b.answered + b.abandoned;
    return {
      ...b,
      serviceLevel: left === 0 ? null : b.answeredWithin / left,
      meanWaitSeconds: left === 0 ? 0 : waitSum / left / 1000,
    };
  });
}
