// The client-wide retry budget refills with time, so sustained partial faults slow a long job down instead of
// starving it of retries for good.
import { describe, expect, it } from 'vitest';
import { ServerError, TimeoutError } from '../../src/index.js';
import { RetryBudget } from '../../src/transport/retry.js';

const fault = new ServerError('503', { status: 503 });

describe('RetryBudget', () => {
  it('runs dry, then pays again once time has refilled it (never above capacity)', () => {
    let now = 0;
    const budget = new RetryBudget(10, 5, 10, 2, () => now);
    expect(budget.trySpend(fault)).toBe(true);
    expect(budget.trySpend(fault)).toBe(true);
    expect(budget.trySpend(fault)).toBe(false);
    now += 2_000; // 2 tokens per second -> 4 tokens
    expect(budget.trySpend(fault)).toBe(false);
    now += 500; // 5 tokens
    expect(budget.trySpend(fault)).toBe(true);
    now += 60_000;
    expect(budget.available).toBe(10);
    expect(budget.trySpend(new TimeoutError('slow', { timeoutMs: 1 }))).toBe(true);
    expect(budget.available).toBe(0);
  });

  it('defaults to refilling a tenth of its capacity per second', () => {
    let now = 0;
    const budget = new RetryBudget(500, 5, 10, undefined, () => now);
    for (let i = 0; i < 100; i++) budget.trySpend(fault);
    expect(budget.available).toBe(0);
    now += 1_000;
    expect(budget.available).toBeCloseTo(50, 9);
  });
});
