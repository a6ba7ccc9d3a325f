// The day from WFM (pure): forecast intervals summed into the plan's, handle time weighted by calls, a group's
// calls split between its queues; availability from on-queue activities only.
import { describe, expect, it } from 'vitest';
import type { AgentSchedule, WeekForecast } from '../../../../src/index.js';
import { dayFromForecast } from '../../../../src/workflows/optimize/day/from-forecast.js';
import { dayGrid } from '../../../../src/workflows/optimize/day/grid.js';

const MON = Date.parse('2025-03-03T00:00:00Z');
const TUE = MON + 86_400_000;

function forecast(): WeekForecast {
  const offered = new Array(7 * 96).fill(0);
  const aht = new Array(7 * 96).fill(300);
  offered[96 + 36] = 4; // Tuesday 09:00-09:15
  offered[96 + 37] = 6; // Tuesday 09:15-09:30
  aht[96 + 37] = 200;
  return {
    forecastId: 'f1',
    weekDate: '2025-03-03',
    start: '2025-03-03T00:00:00.000Z',
    intervalMinutes: 15,
    planningGroups: [
      { planningGroupId: 'g1', name: 'Billing', queueIds: ['billing'], offered, ahtSeconds: aht },
      {
        planningGroupId: 'g2',
        name: 'Shared',
        queueIds: ['a', 'b'],
        offered: offered.map((x) => x * 2),
        ahtSeconds: aht,
      },
    ],
  };
}

const schedule = (userId: string, activities: Array<[string, number, string]>): AgentSchedule => ({
  user: { id: userId },
  shifts: [
    {
      startDate: activities[0]![0],
      lengthMinutes: activities.reduce((s, a) => s + a[1], 0),
      activities: activities.map(([startDate, lengthMinutes, activityCodeId]) => ({
        startDate,
        lengthMinutes,
        activityCodeId,
      })),
    },
  ],
});

describe('dayFromForecast', () => {
  it('sums the forecast intervals of the planned day into the plan intervals, weighting handle time by calls', () => {
    const day = dayFromForecast({
      grid: dayGrid(new Date(TUE), 30),
      forecast: forecast(),
      schedules: [],
      onQueueActivityCodeIds: ['0'],
    });
    const billing = day.demand.get('billing')!;
    expect(billing.calls[18]).toBe(10);
    expect(billing.ahtSeconds?.[18]).toBe(240); // (4 * 300 + 6 * 200) / 10
    expect(billing.calls.reduce((s, c) => s + c, 0)).toBe(10);
    expect(day.demand.get('a')!.calls[18]).toBe(10); // 20 calls split between two queues
    expect(day.demand.get('b')!.calls[18]).toBe(10);
  });

  it('counts only on-queue activities of the day as availability', () => {
    const agents = [
      schedule('u1', [
        ['2025-03-04T09:00:00.000Z', 60, '0'],
        ['2025-03-04T10:00:00.000Z', 30, '1'],
        ['2025-03-04T10:30:00.000Z', 15, '0'],
      ]),
      schedule('u2', [['2025-03-05T09:00:00.000Z', 60, '0']]), // Wednesday: not on the planned day
    ];
    const day = dayFromForecast({
      grid: dayGrid(new Date(TUE), 30),
      forecast: forecast(),
      schedules: agents,
      onQueueActivityCodeIds: ['0'],
    });
    const u1 = day.available.get('u1')!;
    expect(u1.slice(18, 22)).toEqual([1, 1, 0, 0.5]);
    expect(day.available.has('u2')).toBe(false);
  });
});
