// The agents the re-plan counts on besides those on queue now: back from a break or starting a shift.
import { describe, expect, it } from 'vitest';
import { returningAgents } from '../../../../src/workflows/autopilot/decision/returning.js';
import type { QueueAssessment } from '../../../../src/workflows/autopilot/decision/decide.js';

const usualDay = (on: Array<[number, number]>) => {
  const usual = new Array<number>(96).fill(0);
  for (const [from, to] of on) for (let i = from; i < to; i++) usual[i] = 1;
  return usual;
};

describe('returningAgents', () => {
  const usual = new Map([
    [
      'onBreak',
      usualDay([
        [36, 40],
        [41, 68],
      ]),
    ], // a break at 10:00-10:15
    ['starting', usualDay([[42, 74]])], // a shift from 10:30
    ['onQueue', usualDay([[36, 68]])],
    ['away', usualDay([[36, 68]])], // usually on queue now, but not: nobody knows when they return
    ['later', usualDay([[52, 84]])], // a shift from 13:00, past the horizon
  ]);
  const onQueue = new Set(['onQueue']);
  const calm = [{ queueId: 'a' } as QueueAssessment];

  it('counts those usually off queue now and back within the horizon, for their usual share', () => {
    const out = returningAgents(usual, onQueue, 40, 4, calm);
    expect([...out.keys()].sort()).toEqual(['onBreak', 'starting']);
    expect(out.get('onBreak')).toEqual([0, 1, 1, 1]);
    expect(out.get('starting')).toEqual([0, 0, 1, 1]);
  });

  it('counts nobody while a queue misses its target now', () => {
    const missing = [...calm, { queueId: 'b', missedNow: true } as QueueAssessment];
    expect(returningAgents(usual, onQueue, 40, 4, missing).size).toBe(0);
  });
});
