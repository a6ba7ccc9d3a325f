// genesys-routing optimize plans a day: its day flags are checked before anything is read, and the table shows
// each queue's worst interval (its time of day) now -> after.
import { describe, expect, it } from 'vitest';
import { optimizeHelp, printOptimization } from '../../src/cli/commands/optimize.js';
import type { RoutingOptimizationPlan } from '../../src/workflows/index.js';
import { captureCliOutput, io, run } from './helpers.js';

captureCliOutput();

describe('optimize: day flags', () => {
  it('help lists --demand day|forecast|peak|mean, --date and --interval-minutes', () => {
    expect(optimizeHelp).toContain('--demand day|forecast|peak|mean');
    expect(optimizeHelp).toMatch(/--date YYYY-MM-DD/);
    expect(optimizeHelp).toMatch(/--interval-minutes 15\|30\|60/);
  });

  it('refuses a bad demand, date or interval length, and day flags with a steady hour (exit 2, naming the flag)', async () => {
    const cases: Array<[string[], RegExp]> = [
      [['--demand', 'busiest'], /--demand must be day, forecast, peak or mean \(got "busiest"\)/],
      [['--date', '2025-13-40'], /--date must be a day as YYYY-MM-DD/],
      [['--date', 'tomorrow'], /--date must be a day as YYYY-MM-DD/],
      [['--interval-minutes', '20'], /--interval-minutes must be 15, 30 or 60/],
      [['--demand', 'peak', '--date', '2025-03-13'], /apply with --demand day or forecast, not peak/],
      [['--demand', 'mean', '--interval-minutes', '15'], /apply with --demand day or forecast, not mean/],
    ];
    for (const [args, message] of cases) {
      io.err = [];
      expect(await run('optimize', ...args), args.join(' ')).toBe(2);
      expect(io.err.join('\n'), args.join(' ')).toMatch(message);
    }
  });
});

describe('optimize: the worst interval per queue', () => {
  const measure = (serviceLevel: number) => ({ serviceLevel, low: serviceLevel - 0.02, high: serviceLevel + 0.02 });
  const measures = (serviceLevel: number) => ({
    serviceLevel,
    ci95: [serviceLevel - 0.01, serviceLevel + 0.01],
    asa: 5,
    occupancy: 0.7,
    holders: 10,
  });
  const plan = {
    id: 'p1',
    changes: [],
    memberships: [],
    impact: [{ queueId: 'q1', queueName: 'Billing' }],
    day: { date: '2025-03-13', intervalMinutes: 30, source: 'forecast: week of 2025-03-10', agentsOnShift: 42 },
    optimization: {
      feasible: true,
      shortfall: [],
      warnings: [],
      stats: {},
      queues: [
        {
          id: 'q1',
          target: { serviceLevel: 0.8, withinSeconds: 20 },
          trafficErlangs: 5,
          requiredDedicated: 8,
          before: measures(0.85),
          after: measures(0.9),
          meetsTarget: true,
          intervals: Array.from({ length: 48 }, (_, index) => ({
            index,
            offered: 10,
            before: measure(index === 27 ? 0.61 : 0.9),
            after: measure(index === 27 ? 0.83 : 0.95),
          })),
          worstInterval: { index: 27, before: 0.61, after: 0.83 },
        },
      ],
    },
  } as unknown as RoutingOptimizationPlan;

  it('prints the day, then each queue at its worst interval: its time, now and after with the 95 % interval', () => {
    printOptimization(plan);
    const text = io.out.join('\n');
    expect(text).toContain(
      'Day 2025-03-13 (UTC), 30-minute intervals, 42 agents on queue during the day (from forecast)',
    );
    const header = text.split('\n').find((l) => l.startsWith('queue'))!;
    expect(header).toMatch(/queue\s+target\s+worst interval\s+now\s+after\s+after 95 % interval\s+holders/);
    const row = text.split('\n').find((l) => l.startsWith('Billing'))!;
    expect(row).toMatch(/13:30 UTC\s+61\.0%\s+83\.0%\s+81\.0% - 85\.0%/);
  });

  it('without a day (--demand peak): the steady hour, no worst-interval column', () => {
    printOptimization({ ...plan, day: undefined });
    const text = io.out.join('\n');
    expect(text).not.toContain('worst interval');
    expect(text.split('\n').find((l) => l.startsWith('Billing'))).toMatch(/85\.0%\s+90\.0%\s+89\.0% - 91\.0%/);
  });
});
