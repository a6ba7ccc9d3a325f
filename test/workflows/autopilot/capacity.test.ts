// Capacity-aware pressure: a queue with fewer of its holders on queue than usually at this time is under
// pressure like a surge, and stays so while the absence lasts, even once reinforced.
import { describe, expect, it } from 'vitest';
import { shortStaffed, staffingNow } from '../../../src/workflows/autopilot/capacity.js';
import { assessQueues, type QueueModel } from '../../../src/workflows/autopilot/decide.js';

const DAY = Date.parse('2026-11-24T00:00:00Z');
const users = ['u1', 'u2', 'u3', 'u4', 'u5', 'u6'];
const baseline = {
  skills: Object.fromEntries(users.map((u) => [u, { sa: 1 }])),
  queues: Object.fromEntries(users.map((u) => [u, ['a']])),
};
const usual = new Map(users.map((u) => [u, new Array<number>(96).fill(1)]));
const q: QueueModel = {
  id: 'a',
  skillId: 'sa',
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  forecast: new Array<number>(96).fill(20),
};
const opts = { dayStart: DAY, intervalMinutes: 15, horizonIntervals: 4, surgeRatio: 1.2 };

describe('staffing against the usual', () => {
  it('counts the baseline holders on queue now against those usually on queue', () => {
    const s = staffingNow(baseline, { a: 'sa' }, new Set(['u1', 'u2', 'u3', 'x']), usual, 40);
    expect(s.get('a')).toEqual({ onQueue: 3, usual: 6 });
    expect(shortStaffed(s.get('a'))).toBe('3 of its usual 6.0 agents on queue');
    expect(shortStaffed({ onQueue: 4, usual: 6 })).toBeUndefined(); // 67 %: within a normal day's spread
    expect(shortStaffed({ onQueue: 4, usual: 6 }, 0.8)).toMatch(/4 of its usual/);
    expect(shortStaffed({ onQueue: 1, usual: 3 })).toBeUndefined(); // too few to call it a wave
    expect(staffingNow(baseline, { a: 'sa' }, new Set(), new Map(), 40).size).toBe(0); // no history: unknown
  });

  it('puts a short-staffed queue on forecast under pressure, and keeps it there while reinforced', () => {
    const now = DAY + 41 * 900_000;
    const offered = new Array<number>(42).fill(20);
    const obs = { a: { offered, serviceLevel: new Array<number>(42).fill(0.9) } };
    const away = new Map([['a', { onQueue: 3, usual: 6 }]]);
    const back = new Map([['a', { onQueue: 6, usual: 6 }]]);
    const [short] = assessQueues([q], obs, { ...opts, now, staffing: away, sustain: new Set(['a']) });
    expect(short?.pressure).toBe(true);
    expect(short?.why).toMatch(/short-staffed: 3 of its usual 6.0/);
    const [full] = assessQueues([q], obs, { ...opts, now, staffing: back, sustain: new Set(['a']) });
    expect(full?.pressure).toBe(false);
  });
});
