// The input of the start's warm-up re-plan: shaped like a re-plan, from the setup alone.
import { describe, expect, it } from 'vitest';
import { busiestWindow, warmUpInput, warmUpSpells } from '../../../src/workflows/autopilot/decision/warm-up.js';
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

  it('gives every third agent in id order a spell ending halfway through the horizon, the next one starting', () => {
    const spells = warmUpSpells(['d', 'c', 'b', 'a', 'e'], 4);
    expect(['a', 'b', 'c', 'd', 'e', 'x'].map(spells)).toEqual([
      undefined,
      [1, 1, 0.5, 0],
      [0, 0.5, 1, 1],
      undefined,
      [1, 1, 0.5, 0],
      undefined,
    ]);
    expect(warmUpSpells(['a', 'b'], 1)('b')).toEqual([0.5]);
  });

  it('puts every queue under a surge of twice its busiest horizon, every baseline agent on queue, some on a break', () => {
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
    expect(input.agents.map((a) => [a.id, a.skills, a.eligible, a.available])).toEqual([
      ['u1', { a: 1 }, ['a', 'b'], undefined],
      ['u2', { b: 2 }, ['a', 'b'], [1, 0.5]],
      ['u3', {}, ['a', 'b'], [0.5, 1]],
    ]);
    expect(input.constraints?.maxChanges).toBe(6);
  });
});
