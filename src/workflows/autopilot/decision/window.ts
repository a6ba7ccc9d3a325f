// The re-plan's window starts now, not at the current interval's start. A plan made late in an interval changes
// only that interval's last minutes: judged on the whole interval, it asks the agents on queue now to carry the
// calls that the agents starting next interval will share, and adds an agent for minutes that are almost gone.
// Pure.

/**
 * Per-interval values from the current interval on (calls, or an agent's share of each interval on queue) as
 * `length` windows of an interval's length, the first starting `elapsed` (0..1) into the current interval: each
 * window is (1 - elapsed) of its interval and `elapsed` of the next. Past the last value, the last one stands.
 */
export function fromNow(perInterval: readonly number[], elapsed: number, length: number): number[] {
  const share = Math.min(1, Math.max(0, elapsed));
  const at = (i: number) => perInterval[Math.min(i, perInterval.length - 1)] ?? 0;
  return Array.from({ length }, (_, i) => (1 - share) * at(i) + share * at(i + 1));
}
