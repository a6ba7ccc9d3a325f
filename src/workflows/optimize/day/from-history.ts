// The day from history: for the weekday being planned, the mean offered calls per interval of the day over the
// window's days of that weekday, and each agent's mean on-queue share per interval (IDLE + INTERACTING time of
// their routing status) over the same days. When the window holds no day of that weekday, every day of the
// window counts. Pure: takes rows read from analytics (read.ts), returns the DayModel.
import { type DayGrid, type DayModel, intervalOfDay, round } from './grid.js';

export interface TimedValue {
  /** Start of the analytics bucket (epoch ms); buckets are the grid's interval length. */
  start: number;
  value: number;
}

export interface HistoryDayInput {
  grid: DayGrid;
  window: { from: Date; to: Date };
  /** queueId -> offered calls per bucket. */
  offered: ReadonlyMap<string, readonly TimedValue[]>;
  /** queueId -> mean handle time (s) over the window; the same for every interval. */
  ahtSeconds: ReadonlyMap<string, number>;
  /** userId -> ms on queue (IDLE + INTERACTING) per bucket. */
  onQueueMs: ReadonlyMap<string, readonly TimedValue[]>;
}

const DAY_MS = 86_400_000;

/** The window's whole UTC days that fall on the planned day's weekday (all its days when none does). */
export function sameWeekdays(grid: DayGrid, window: { from: Date; to: Date }): number[] {
  const first = Math.ceil(window.from.getTime() / DAY_MS) * DAY_MS;
  const days: number[] = [];
  for (let d = first; d + DAY_MS <= window.to.getTime(); d += DAY_MS) days.push(d);
  const weekday = new Date(grid.start).getUTCDay();
  const same = days.filter((d) => new Date(d).getUTCDay() === weekday);
  return same.length > 0 ? same : days;
}

/** Mean per interval of the day over `days` (each value counted in its day, if that day is one of `days`). */
function meanPerInterval(grid: DayGrid, values: readonly TimedValue[], days: ReadonlySet<number>): number[] {
  const sums = new Array<number>(grid.intervals).fill(0);
  for (const v of values) {
    const day = Math.floor(v.start / DAY_MS) * DAY_MS;
    if (!days.has(day)) continue;
    const i = intervalOfDay(grid, v.start);
    sums[i] = (sums[i] as number) + v.value;
  }
  return sums.map((s) => s / Math.max(1, days.size));
}

export function dayFromHistory(input: HistoryDayInput): DayModel {
  const { grid } = input;
  const days = new Set(sameWeekdays(grid, input.window));
  const intervalMs = grid.intervalSeconds * 1000;
  const demand = new Map<string, { calls: number[]; ahtSeconds?: number[] }>();
  for (const [queueId, values] of input.offered) {
    const calls = meanPerInterval(grid, values, days).map((c) => round(c));
    const aht = input.ahtSeconds.get(queueId);
    demand.set(queueId, aht === undefined ? { calls } : { calls, ahtSeconds: calls.map(() => aht) });
  }
  const available = new Map<string, number[]>();
  for (const [userId, values] of input.onQueueMs) {
    const shares = meanPerInterval(grid, values, days).map((ms) => round(Math.min(1, Math.max(0, ms / intervalMs))));
    if (shares.some((s) => s > 0)) available.set(userId, shares);
  }
  const weekday = new Date(grid.start).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
  return {
    grid,
    demand,
    available,
    source: `history: mean of ${days.size} day(s) (${weekday}s where the window has them) of ${input.window.from.toISOString()}/${input.window.to.toISOString()}`,
  };
}

/** The UTC day (epoch ms of 00:00) of the window with the most offered calls over every queue: the default day to plan. */
export function busiestDay(
  offered: ReadonlyMap<string, readonly TimedValue[]>,
  window: { from: Date; to: Date },
): number {
  const totals = new Map<number, number>();
  for (const values of offered.values()) {
    for (const v of values) {
      const day = Math.floor(v.start / DAY_MS) * DAY_MS;
      totals.set(day, (totals.get(day) ?? 0) + v.value);
    }
  }
  let best: [number, number] | undefined;
  for (const [day, total] of [...totals].sort((a, b) => a[0] - b[0])) if (!best || total > best[1]) best = [day, total];
  return best?.[0] ?? Math.floor((window.to.getTime() - 1) / DAY_MS) * DAY_MS;
}
