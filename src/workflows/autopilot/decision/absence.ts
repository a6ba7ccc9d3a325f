// Capacity: how many of a queue's usual staff are on queue now, against how many their usual pattern puts there.
// The need side is the re-plan's: it plans with the agents on queue now, so the optimizer's simulation judges what
// those who remain can serve (agents share their time between the queues they hold, which a head count cannot
// see) and adds what is missing. Pure: the baseline, who is on queue now and the usual availability in; per queue,
// the staff expected and the staff there out.

/** A queue's staff now: expected by the usual pattern, and on queue. */
export interface QueueStaffing {
  /**
   * Agents expected on queue now: the sum, over the queue's baseline skill holders with history, of their usual
   * presence at this instant (the same weekday in the history window; see usualShareNow).
   */
  usual: number;
  /** Those holders on queue now. */
  onQueue: number;
  /** Standard deviation of the count on queue if each holder keeps their usual share (binomial). */
  spread: number;
}

/** Fewest agents missing at once that make an absence. */
const MIN_AWAY = 2;
/** Share of the usual staff missing at once that makes an absence. */
const AWAY_SHARE = 0.2;
/** One-sided 99 % normal quantile: fewer on queue than chance allows in the agents' usual pattern. */
const Z99_ONE_SIDED = 2.3263;

/**
 * Per queue, its baseline holders' usual staffing now (at `elapsed` into `interval`, see usualShareNow) and how
 * many are on queue. `baselineHolds` is the baseline's holders with memberships joined now: the usual pattern is a
 * user's routing status, which an unjoined member keeps for their other queues. Holders with no history are left
 * out (nothing tells an absence from a day off); a holder usually off queue now who is on queue counts as staff.
 */
export function queueStaffing(
  baselineHolds: Readonly<Record<string, Readonly<Record<string, number>>>>,
  onQueue: ReadonlySet<string>,
  usual: ReadonlyMap<string, readonly number[]>,
  interval: number,
  elapsed?: number,
): Record<string, QueueStaffing> {
  const sums: Record<string, { usual: number; onQueue: number; variance: number }> = {};
  for (const [userId, queues] of Object.entries(baselineHolds)) {
    const shares = usual.get(userId);
    if (!shares) continue;
    const p = Math.min(1, Math.max(0, usualShareNow(shares, interval, elapsed)));
    for (const queueId of Object.keys(queues)) {
      const row = (sums[queueId] ??= { usual: 0, onQueue: 0, variance: 0 });
      row.usual += p;
      row.variance += p * (1 - p);
      if (onQueue.has(userId)) row.onQueue += 1;
    }
  }
  const out: Record<string, QueueStaffing> = {};
  for (const [queueId, s] of Object.entries(sums))
    out[queueId] = { usual: s.usual, onQueue: s.onQueue, spread: Math.sqrt(s.variance) };
  return out;
}

/**
 * An agent's usual presence at the instant `elapsed` (0..1) into `interval`. An interval's share between its
 * neighbours' is a shift starting or ending inside it: the agent is usually at the previous interval's level until
 * the change and at the next one's after it, the change placed where the share says (a share of 2/3 between 0 and
 * 1: arriving a third of the way in). So an agent whose shift starts at 11:10 is not missed at 11:00. Any other
 * share (a break inside the interval, a flat stretch), or no `elapsed`: the interval's share.
 */
export function usualShareNow(shares: readonly number[], interval: number, elapsed?: number): number {
  const share = shares[interval] ?? 0;
  if (elapsed === undefined) return share;
  const before = shares[interval - 1] ?? share;
  const after = shares[interval + 1] ?? share;
  const between = (before < share && share < after) || (before > share && share > after);
  if (!between) return share;
  const change = (share - after) / (before - after);
  return elapsed < change ? before : after;
}

/** Agents missing from the usual staffing now (0 when at or above it). */
export function missing(s: QueueStaffing | undefined): number {
  return s ? Math.max(0, s.usual - s.onQueue) : 0;
}

/**
 * Whether the agents missing make an absence to act on: at least 2, a fifth of the usual staff, and beyond the
 * usual pattern's chance (the one-sided 99 % bound: agents who are often off queue are missed by chance more).
 */
export function isAbsence(s: QueueStaffing | undefined): s is QueueStaffing {
  return s !== undefined && missing(s) >= Math.max(MIN_AWAY, AWAY_SHARE * s.usual, Z99_ONE_SIDED * s.spread);
}

/** Whether an absence has lost another agent since `before` were missing (none known: since none were). */
export function missingGrew(s: QueueStaffing | undefined, before: number | undefined): boolean {
  return isAbsence(s) && missing(s) >= (before ?? 0) + 1;
}
