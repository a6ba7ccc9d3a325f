// genesys-routing optimize plans a day: its day flags are checked before anything is read, and the table shows
// each queue's weakest interval now and after (each with its time of day) and the whole day; the queues out of
// reach come first.
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
            after: measure(index === 27 ? 0.83 : index === 30 ? 0.82 : 0.95),
          })),
          worstInterval: { index: 30, before: 0.9, after: 0.82 },
        },
      ],
    },
  } as unknown as RoutingOptimizationPlan;

  it('prints the day, then each queue: its weakest interval now and after (with their times), then the whole day', () => {
    printOptimization(plan);
    const text = io.out.join('\n');
    expect(text).toContain(
      'Day 2025-03-13 (UTC), 30-minute intervals, 42 agents on queue during the day (from forecast)',
    );
    const header = text.split('\n').find((l) => l.startsWith('queue'))!;
    expect(header).toMatch(
      /queue\s+target\s+weakest interval now\s+after\s+after 95 % interval\s+whole day now\s+after\s+holders/,
    );
    const row = text.split('\n').find((l) => l.startsWith('Billing'))!;
    // Now the weakest is 13:30 (61 %), after the changes 15:00 (82 %): each side reads its own weakest interval.
    expect(row).toMatch(/61\.0% at 13:30 UTC\s+82\.0% at 15:00 UTC\s+80\.0% - 84\.0%\s+85\.0%\s+90\.0%/);
    expect(text).not.toContain('Out of reach');
  });

  it('without a day (--demand peak): the steady hour, no weakest-interval column', () => {
    printOptimization({ ...plan, day: undefined });
    const text = io.out.join('\n');
    expect(text).not.toContain('weakest interval');
    expect(text.split('\n').find((l) => l.startsWith('Billing'))).toMatch(/85\.0%\s+90\.0%\s+89\.0% - 91\.0%/);
  });

  it('a queue short of agents comes first: its demand, the Erlang need, the agents available, and the advice', () => {
    const short = {
      ...plan,
      day: undefined,
      optimization: {
        ...plan.optimization,
        feasible: false,
        shortfall: [{ queueId: 'q1', agentsMissing: 9, intervals: [{ index: 0, agentsMissing: 9 }] }],
        unreachable: [
          {
            queueId: 'q1',
            queueName: 'Billing',
            interval: 0,
            demand: { callsPerHour: 126, ahtSeconds: 355, trafficErlangs: 12.4 },
            agentsNeeded: 16,
            agentsAvailable: 5.7,
            shortBy: 11,
          },
        ],
        warnings: Array.from({ length: 8 }, (_, i) => `warning ${i}`),
      },
    } as unknown as RoutingOptimizationPlan;
    printOptimization(short);
    const lines = io.out.join('\n').split('\n');
    const first = lines.findIndex((l) => l.startsWith('Out of reach'));
    expect(first).toBeGreaterThan(-1);
    expect(first).toBeLessThan(lines.findIndex((l) => l.startsWith('queue  ')));
    expect(lines[first]).toContain('1 of 1 queue(s) cannot meet their targets with the agents there are');
    expect(lines.join('\n')).toContain('Add agents (about 11 in all) or lower the targets');
    const row = lines.find((l) => l.startsWith('Billing') && l.includes('calls/h'))!;
    expect(row).toMatch(/126 calls\/h, AHT 355 s\s+16\s+5\.7\s+add 11 agents or lower the target/);
    // Not repeated as a "cannot fix" line; notes summarized after five.
    expect(lines.join('\n')).not.toContain('cannot fix Billing');
    expect(lines.filter((l) => l.startsWith('note:'))).toHaveLength(5);
    expect(lines).toContain('... and 3 more notes (see the plan file)');
  });
});
