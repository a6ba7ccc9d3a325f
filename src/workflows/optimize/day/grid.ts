// The day being planned: `intervals` intervals of `intervalSeconds` from `start` (epoch ms, 00:00 UTC of the day).
// Shared by the day builders (from-history.ts, from-forecast.ts), which are pure: they take what was read and
// return the optimizer's per-interval demand and availability.

export interface DayGrid {
  /** Epoch ms of the first interval's start. */
  start: number;
  intervalSeconds: number;
  intervals: number;
}

/** What the optimizer needs of a day: per queue offered calls (and AHT) per interval; per agent on-queue share. */
export interface DayModel {
  grid: DayGrid;
  /** queueId -> offered calls per interval (and handle time per interval where known). */
  demand: Map<string, { calls: number[]; ahtSeconds?: number[] }>;
  /** userId -> share of each interval on queue (0..1). Agents absent from the map are not on queue that day. */
  available: Map<string, number[]>;
  /** Where the numbers came from, for the plan's inputs. */
  source: string;
}

const DAY_MS = 86_400_000;

/** The grid of the UTC day holding `day`, in intervals of `intervalMinutes` (a divisor of a day). */
export function dayGrid(day: Date, intervalMinutes: number): DayGrid {
  const start = Math.floor(day.getTime() / DAY_MS) * DAY_MS;
  return { start, intervalSeconds: intervalMinutes * 60, intervals: Math.round(1440 / intervalMinutes) };
}

/** Index of the interval of the day (of any day: time of day only) holding `t`. */
export function intervalOfDay(grid: DayGrid, t: number): number {
  const ms = (((t - grid.start) % DAY_MS) + DAY_MS) % DAY_MS;
  return Math.floor(ms / (grid.intervalSeconds * 1000));
}

/** Milliseconds of [from, to) that fall in each interval of the grid's own day. */
export function overlapPerInterval(grid: DayGrid, spans: ReadonlyArray<readonly [number, number]>): number[] {
  const out = new Array<number>(grid.intervals).fill(0);
  const len = grid.intervalSeconds * 1000;
  for (const [from, to] of spans) {
    const a = Math.max(from, grid.start);
    const b = Math.min(to, grid.start + grid.intervals * len);
    for (let t = a; t < b;) {
      const i = Math.floor((t - grid.start) / len);
      const end = Math.min(b, grid.start + (i + 1) * len);
      out[i] = (out[i] as number) + (end - t);
      t = end;
    }
  }
  return out;
}

export const round = (x: number, digits = 4) => Math.round(x * 10 ** digits) / 10 ** digits;
