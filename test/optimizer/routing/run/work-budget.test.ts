// The search's work budget: a base plus a share per queue up to 40 queues, twice on a steady hour of few queues.
import { describe, expect, it } from 'vitest';
import { workBudget } from '../../../../src/optimizer/routing/run/run-state.js';

describe('workBudget', () => {
  it('grows by 20 evaluations a queue from a base of 200, times the effort', () => {
    expect(workBudget(1, 10, false)).toBe(400);
    expect(workBudget(1, 40, false)).toBe(1_000);
    expect(workBudget(0.25, 20, false)).toBe(150);
  });

  it('doubles on a steady hour of few queues', () => {
    expect(workBudget(1, 6, true)).toBe(640);
    expect(workBudget(1, 10, true)).toBe(800);
  });

  it('stops growing past 40 queues', () => {
    expect(workBudget(1, 41, false)).toBe(1_000);
    expect(workBudget(1, 100, false)).toBe(1_000);
    expect(workBudget(2, 200, false)).toBe(2_000);
  });
});
