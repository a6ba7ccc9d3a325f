// The CLI's optimize says first when a time cap, not the work budget, decided its plan.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { printOptimization } from '../../src/cli/commands/optimize.js';
import { timeCapNotice } from '../../src/cli/output.js';
import type { RoutingOptimizationPlan } from '../../src/workflows/optimize/types.js';

function plan(stoppedBy: 'work' | 'time-limit'): RoutingOptimizationPlan {
  return {
    id: 'p1',
    changes: [],
    memberships: [],
    impact: [],
    optimization: {
      feasible: true,
      shortfall: [],
      warnings: [],
      queues: [],
      stats: { stoppedBy, work: { used: 120.5, budget: 400 } },
    },
  } as unknown as RoutingOptimizationPlan;
}

describe('time cap notice', () => {
  afterEach(() => vi.restoreAllMocks());

  it('is the first line printed when the time limit ended the search, with the work done and what to do', () => {
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    printOptimization(plan('time-limit'));
    expect(lines[1]).toMatch(/^NOTE: the time limit ended the search after 120\.5 of its 400 units of work/);
    expect(lines[1]).toContain('higher --time-limit or without it');
  });

  it('says nothing when the work budget decided', () => {
    expect(timeCapNotice(plan('work').optimization.stats, { flag: '--time-limit' })).toBeUndefined();
    const lines: string[] = [];
    vi.spyOn(console, 'log').mockImplementation((line: string) => void lines.push(line));
    printOptimization(plan('work'));
    expect(lines.some((l) => l.includes('time limit'))).toBe(false);
  });
});
