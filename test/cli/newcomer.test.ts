// The CLI as a newcomer meets it: the main path first, short usage errors with "did you mean", the old `plan`
// name still working with a note, empty plans that say so, and staffing columns that name their answer time.
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { printOptimization } from '../../src/cli/commands/optimize.js';
import { printPlan } from '../../src/cli/commands/plan.js';
import type { RoutingOptimizationPlan } from '../../src/workflows/optimize/plan-routing.js';
import { PLAN_KIND, PLAN_VERSION, type Plan } from '../../src/workflows/plan.js';
import { captureCliOutput, io, run } from './helpers.js';

captureCliOutput();

const stderr = () => io.err.join('\n');
const stdout = () => io.out.join('\n');

const emptyPlan: Plan = {
  kind: PLAN_KIND,
  version: PLAN_VERSION,
  id: 'p-empty',
  createdAt: '2026-11-09T00:00:00.000Z',
  source: 'planProficiencyRelevel',
  org: 'http://127.0.0.1:1',
  changes: [],
  skipped: [],
  violations: [],
  impact: [],
  summary: { users: 0, adds: 0, updates: 0, removes: 0, skipped: 0, violations: 0 },
};

describe('command names', () => {
  it('lists the optimizer first and re-levelling under its own name', async () => {
    expect(Object.keys(commands).slice(0, 2)).toEqual(['optimize', 'apply']);
    expect(commands['relevel']).toBeDefined();
    expect(await run('--help')).toBe(0);
    expect(stdout()).toMatch(/main path: optimize --out plan\.json .* apply plan\.json --dry-run/s);
  });

  it('`plan` still runs relevel, with a one-line note pointing at relevel and optimize', async () => {
    expect(await run('plan', '--help')).toBe(0);
    expect(stdout()).toContain('genesys-routing relevel');
    expect(stderr()).toMatch(/"plan" is deprecated: .*"relevel".*"optimize"/);
  });
});

describe('usage errors: one line, then where to read more', () => {
  it('an unknown command gets "did you mean" and no help dump', async () => {
    expect(await run('plna')).toBe(2);
    expect(stderr()).toBe('genesys-routing: unknown command "plna"; did you mean "plan"? (see genesys-routing --help)');
    expect(await run('optimise')).toBe(2);
    expect(stderr()).toContain('did you mean "optimize"?');
    expect(stdout()).toBe('');
  });

  it('a mistyped option gets "did you mean" and two lines in all', async () => {
    expect(await run('optimize', '--dyas', '7')).toBe(2);
    expect(io.err).toHaveLength(1);
    expect(stderr().split('\n')).toEqual([
      'genesys-routing optimize: unknown option --dyas; did you mean --days?',
      'see: genesys-routing optimize --help',
    ]);
  });

  it('a bad value names the flag in one line', async () => {
    expect(await run('staff', '--calls', '300', '--aht', '240', '--sl', '80', '--target', '20')).toBe(2);
    const lines = stderr().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('--sl must be between 0 and 1');
    expect(lines[1]).toBe('see: genesys-routing staff --help');
  });
});

describe('empty plans say so', () => {
  it('relevel / recommend: no bare table header', async () => {
    expect(await printPlan(emptyPlan, undefined, false)).toBe(0);
    expect(stdout()).toContain('No changes: nothing to apply.');
    expect(stdout()).not.toMatch(/^user\s+skill/m);
    expect(stdout()).not.toMatch(/^-{3,}/m);
  });

  it('optimize: every queue at target and no change, or no queue at all', () => {
    const queue = {
      id: 'q1',
      target: { serviceLevel: 0.8, withinSeconds: 20 },
      trafficErlangs: 5,
      requiredDedicated: 8,
      before: measures(0.9),
      after: measures(0.9),
      meetsTarget: true,
    };
    const plan = {
      ...emptyPlan,
      memberships: [],
      impact: [{ queueId: 'q1', queueName: 'Billing' }],
      optimization: { feasible: true, shortfall: [], warnings: [], queues: [queue], stats: {} },
    } as unknown as RoutingOptimizationPlan;
    printOptimization(plan);
    expect(stdout()).toContain('No changes: every queue already meets its target.');
    expect(stdout()).not.toMatch(/^agent\s+skill/m);
    io.out = [];
    printOptimization({ ...plan, optimization: { ...plan.optimization, queues: [] } });
    expect(stdout()).toContain('No queue with offered calls in the window');
    expect(stdout()).not.toMatch(/^queue\s+target/m);
  });
});

describe('staff names the answer time of its service level', () => {
  it('the target time when given, else 20 s (never 0 s)', async () => {
    expect(await run('staff', '--calls', '300', '--aht', '240', '--max-asa', '30')).toBe(0);
    const [header, , row] = io.out[0]!.split('\n');
    expect(header).toContain('answered in 20 s');
    expect(stdout()).toContain('no --target given');
    io.out = [];
    expect(await run('staff', '--calls', '300', '--aht', '240', '--max-asa', '30', '--target', '20')).toBe(0);
    // Same staffing, same column: --target without --sl only sets the answer time reported.
    expect(io.out[0]!.split('\n')[2]).toBe(row);
    io.out = [];
    expect(await run('staff', '--calls', '300', '--aht', '240', '--sl', '0.8', '--target', '30', '--json')).toBe(0);
    expect(JSON.parse(stdout())).toMatchObject({ serviceLevelWithinSeconds: 30 });
  });
});

function measures(serviceLevel: number) {
  return { serviceLevel, ci95: [serviceLevel - 0.01, serviceLevel + 0.01], asa: 5, occupancy: 0.7, holders: 10 };
}
