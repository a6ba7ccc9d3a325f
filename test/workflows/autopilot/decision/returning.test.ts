// The agents the re-plan counts on besides those on queue now: back from a break or starting a shift.
import { describe, expect, it } from 'vitest';
import { returningAgents, returningAvailability } from '../../../../src/workflows/autopilot/decision/returning.js';
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

  it('counts an agent back from a break before the next decision for their share of this interval', () => {
    // A break 10:30-11:00:30: 3 % of 10:30-10:45 on queue, none of 10:45-11:00, 97 % of 11:00-11:15.
    const shares = usualDay([[36, 68]]);
    shares[42] = 0.03;
    shares[43] = 0;
    shares[44] = 0.97;
    const back = new Map([['back', shares]]);
    // At 11:00:00 they are usually still on their break: back within seconds, for 97 % of this interval.
    expect(returningAgents(back, onQueue, 44, 4, calm, { elapsed: 0, next: 1 / 3 }).get('back')).toEqual([
      0.97, 1, 1, 1,
    ]);
    // Off queue at 11:05, past their usual return: away against their pattern, not counted.
    expect(returningAgents(back, onQueue, 44, 4, calm, { elapsed: 1 / 3, next: 2 / 3 }).size).toBe(0);
    // With no instant given, the interval's share decides (97 %: usually on queue, so not counted).
    expect(returningAvailability(shares, 44, 4)).toBeUndefined();
    // A break that starts inside this interval (on queue 30 % of it, back at 11:30) counts nothing of it.
    const leaving = usualDay([[36, 68]]);
    leaving[44] = 0.3;
    leaving[45] = 0;
    expect(returningAvailability(leaving, 44, 4, { elapsed: 0.5, next: 5 / 6 })).toEqual([0, 0, 1, 1]);
    // Usually back at 11:06 (60 % of 11:00-11:15): counted for it when that is before the next decision; else, on
    // queue most of the interval as usual and off now, away against their pattern.
    const later = usualDay([[36, 68]]);
    later[43] = 0;
    later[44] = 0.6;
    expect(returningAvailability(later, 44, 4, { elapsed: 0, next: 2 / 3 })).toEqual([0.6, 1, 1, 1]);
    expect(returningAvailability(later, 44, 4, { elapsed: 0, next: 1 / 3 })).toBeUndefined();
  });
});
