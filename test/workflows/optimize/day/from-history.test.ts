// The day from history (pure): the planned weekday's mean per interval over the window's days of that weekday,
// agents' on-queue shares, and the busiest day as the default.
import { describe, expect, it } from 'vitest';
import {
  busiestDay,
  dayFromHistory,
  sameWeekdays,
  type TimedValue,
} from '../../../../src/workflows/optimize/day/from-history.js';
import { dayGrid, overlapPerInterval } from '../../../../src/workflows/optimize/day/grid.js';

const DAY = 86_400_000;
const MON = Date.parse('2025-03-03T00:00:00Z');
const window = { from: new Date(MON - 14 * DAY), to: new Date(MON) }; // two whole weeks before Monday 3 March

describe('dayFromHistory', () => {
  it("averages the planned weekday's intervals over the window's days of that weekday only", () => {
    const grid = dayGrid(new Date(MON + 3_600_000), 60);
    expect(grid).toEqual({ start: MON, intervalSeconds: 3600, intervals: 24 });
    const offered: TimedValue[] = [
      { start: MON - 7 * DAY + 9 * 3_600_000, value: 10 }, // Monday 24 Feb 09:00
      { start: MON - 14 * DAY + 9 * 3_600_000, value: 20 }, // Monday 17 Feb 09:00
      { start: MON - 6 * DAY + 9 * 3_600_000, value: 500 }, // a Tuesday: not counted
    ];
    const day = dayFromHistory({
      grid,
      window,
      offered: new Map([['q1', offered]]),
      ahtSeconds: new Map([['q1', 240]]),
      onQueueMs: new Map(),
    });
    const q = day.demand.get('q1')!;
    expect(q.calls[9]).toBe(15);
    expect(q.calls.reduce((s, c) => s + c, 0)).toBe(15);
    expect(q.ahtSeconds).toEqual(new Array(24).fill(240));
  });

  it('turns on-queue time into shares per interval and leaves out agents never on queue', () => {
    const grid = dayGrid(new Date(MON), 30);
    const onQueueMs = new Map<string, TimedValue[]>([
      [
        'full',
        [
          { start: MON - 7 * DAY + 10 * 3_600_000, value: 1_800_000 },
          { start: MON - 14 * DAY + 10 * 3_600_000, value: 1_800_000 },
        ],
      ],
      ['half', [{ start: MON - 7 * DAY + 10 * 3_600_000, value: 1_800_000 }]],
      ['absent', [{ start: MON - 6 * DAY + 10 * 3_600_000, value: 1_800_000 }]],
    ]);
    const day = dayFromHistory({ grid, window, offered: new Map(), ahtSeconds: new Map(), onQueueMs });
    expect(day.available.get('full')?.[20]).toBe(1);
    expect(day.available.get('half')?.[20]).toBe(0.5);
    expect(day.available.has('absent')).toBe(false);
    expect(day.source).toMatch(/Mondays/);
  });

  it('uses every day of the window when it holds none of the planned weekday', () => {
    const short = { from: new Date(MON - 2 * DAY), to: new Date(MON) }; // Saturday and Sunday
    expect(sameWeekdays(dayGrid(new Date(MON), 60), short)).toEqual([MON - 2 * DAY, MON - DAY]);
  });

  it('defaults to the busiest day of the window', () => {
    const offered = new Map<string, TimedValue[]>([
      [
        'a',
        [
          { start: MON - 3 * DAY, value: 5 },
          { start: MON - 2 * DAY, value: 7 },
        ],
      ],
      ['b', [{ start: MON - 3 * DAY, value: 4 }]],
    ]);
    expect(busiestDay(offered, window)).toBe(MON - 3 * DAY);
  });

  it('spreads spans over the intervals they overlap', () => {
    const grid = dayGrid(new Date(MON), 60);
    const ms = overlapPerInterval(grid, [[MON + 8.5 * 3_600_000, MON + 10 * 3_600_000]]);
    expect(ms[8]).toBe(1_800_000);
    expect(ms[9]).toBe(3_600_000);
    expect(ms.reduce((s, x) => s + x, 0)).toBe(5_400_000);
  });
});
