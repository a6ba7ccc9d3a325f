// The input of the start's warm-up re-plan: shaped like a re-plan, from the setup alone.
import { describe, expect, it } from 'vitest';
import { busiestWindow, warmUpInput } from '../../../src/workflows/autopilot/decision/warm-up.js';
import type { QueueModel } from '../../../src/workflows/autopilot/decision/decide.js';

const queue = (id: string, forecast: number[]): QueueModel => ({
  id,
  skillId: `skill-${id}`,
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  forecast,
});

describe('the warm-up input', () => {
  it('takes the busiest run of intervals, the first of equal ones, padded past the day', () => {
    expect(busiestWindow([1, 5, 2, 6, 0], 2)).toEqual([2, 6]);
    expect(busiestWindow([3, 3, 3], 2)).toEqual([3, 3]);
    expect(busiestWindow([4, 1], 3)).toEqual([4, 1, 0]);
    expect(busiestWindow([], 2)).toEqual([0, 0]);
  });

  it('puts every queue under a surge of twice its busiest horizon, every baseline agent on queue', () => {
    const input = warmUpInput({
      queues: [queue('a', [0, 10, 20, 5]), queue('b', [8, 2, 2, 2])],
      holds: { u1: { a: 1 }, u2: { b: 2 }, u3: {} },
      intervalMinutes: 15,
      horizonIntervals: 2,
      guardrails: {},
      maxChanges: 6,
      margin: 0.05,
    });
    expect(input.queues.map((q) => q.demand?.calls)).toEqual([
      [20, 40],
      [16, 4],
    ]);
    for (const q of input.queues) expect(q.target?.serviceLevel).toBeCloseTo(0.85, 12);
    expect(input.agents.map((a) => [a.id, a.skills, a.eligible])).toEqual([
      ['u1', { a: 1 }, ['a', 'b']],
      ['u2', { b: 2 }, ['a', 'b']],
      ['u3', {}, ['a', 'b']],
    ]);
    expect(input.constraints?.maxChanges).toBe(6);
  });
});
