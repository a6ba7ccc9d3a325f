// Capacity-aware decisions: a queue's staff on queue now against its usual pattern. An absence beyond chance is
// pressure like a surge, a reinforced queue holds while it lasts, and agents often off queue are missed by chance.
import { describe, expect, it } from 'vitest';
import {
  isAbsence,
  missing,
  queueStaffing,
  usualShareNow,
} from '../../../../src/workflows/autopilot/decision/absence.js';
import { assessQueues, replanInput, type QueueModel } from '../../../../src/workflows/autopilot/decision/decide.js';
import { replanDue } from '../../../../src/workflows/autopilot/decision/replan-due.js';

const DAY = Date.parse('2026-11-24T00:00:00Z');
const INTERVAL = 40; // 10:00
const users = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => `${prefix}${i}`);
const holdsOf = (ids: readonly string[], queueId = 'a') => Object.fromEntries(ids.map((u) => [u, { [queueId]: 1 }]));
const usualOf = (ids: readonly string[], share: number) =>
  new Map(ids.map((u) => [u, Array.from({ length: 96 }, () => share)]));

describe('queueStaffing and isAbsence', () => {
  it('counts the usual staff from history and the holders on queue now, leaving out holders with no history', () => {
    const ten = users(10);
    const usual = usualOf(ten.slice(0, 9), 1); // u9 has no history: a day off or an absence, nothing tells
    const staff = queueStaffing(holdsOf(ten), new Set(ten.slice(0, 6)), usual, INTERVAL).a!;
    expect(staff).toEqual({ usual: 9, onQueue: 6, spread: 0 });
    expect(missing(staff)).toBe(3);
    expect(isAbsence(staff)).toBe(true);
  });
  it('needs two agents missing and a fifth of the usual staff', () => {
    const ten = users(10);
    const usual = usualOf(ten, 1);
    expect(isAbsence(queueStaffing(holdsOf(ten), new Set(ten.slice(0, 9)), usual, INTERVAL).a)).toBe(false);
    expect(isAbsence(queueStaffing(holdsOf(ten), new Set(ten.slice(0, 8)), usual, INTERVAL).a)).toBe(true);
    const thirty = users(30);
    const many = usualOf(thirty, 1);
    // 5 of 30 missing is under a fifth: agents come and go; 6 is an absence.
    expect(isAbsence(queueStaffing(holdsOf(thirty), new Set(thirty.slice(0, 25)), many, INTERVAL).a)).toBe(false);
    expect(isAbsence(queueStaffing(holdsOf(thirty), new Set(thirty.slice(0, 24)), many, INTERVAL).a)).toBe(true);
  });
  it('allows for agents who are often off queue: missing them is chance until beyond the 99 % bound', () => {
    // 20 agents usually on queue 80 % of the time: 16 expected, spread 1.79, so up to 4.2 missing is chance.
    const twenty = users(20);
    const usual = usualOf(twenty, 0.8);
    const staff = (on: number) => queueStaffing(holdsOf(twenty), new Set(twenty.slice(0, on)), usual, INTERVAL).a;
    expect(staff(12)?.spread).toBeCloseTo(Math.sqrt(20 * 0.16), 9);
    expect(isAbsence(staff(12))).toBe(false); // 4 missing
    expect(isAbsence(staff(11))).toBe(true); // 5 missing
  });
  it('counts an agent usually off queue now who is on queue as staff', () => {
    const ten = users(10);
    const usual = new Map([...usualOf(ten.slice(0, 8), 1), ...usualOf(ten.slice(8), 0)]);
    // u0-u2 away, the two usually off shift (u8, u9) came in: 7 on queue against 8 usual, no absence.
    const on = new Set([...ten.slice(3, 8), 'u8', 'u9']);
    expect(queueStaffing(holdsOf(ten), on, usual, INTERVAL).a).toMatchObject({ usual: 8, onQueue: 7 });
    expect(isAbsence(queueStaffing(holdsOf(ten), on, usual, INTERVAL).a)).toBe(false);
  });
});

describe('usualShareNow: the usual presence at an instant of the interval', () => {
  it('places a shift start or end inside the interval where its share says', () => {
    // Arrives a third of the way into interval 1 (share 2/3 between 0 and 1); leaves halfway through interval 3.
    const shares = [0, 2 / 3, 1, 0.5, 0];
    expect(usualShareNow(shares, 1, 0)).toBe(0);
    expect(usualShareNow(shares, 1, 0.3)).toBe(0);
    expect(usualShareNow(shares, 1, 0.4)).toBe(1);
    expect(usualShareNow(shares, 3, 0.4)).toBe(1);
    expect(usualShareNow(shares, 3, 0.6)).toBe(0);
  });
  it('keeps the interval’s share for a break inside it, a flat stretch, the day’s ends, or no instant', () => {
    const shares = [1, 0.5, 1, 1];
    expect(usualShareNow(shares, 1, 0)).toBe(0.5); // a break: lower than both neighbours
    expect(usualShareNow(shares, 2, 0)).toBe(1);
    expect(usualShareNow([0.6, 1], 0, 0)).toBe(0.6); // no interval before: flat
    expect(usualShareNow([0, 2 / 3, 1], 1)).toBe(2 / 3);
  });
  it('does not count agents whose shift starts later in the interval as missing at its start', () => {
    // 8 agents on since the morning, 4 more whose shift starts ten minutes into this 15-minute interval.
    const early = users(8);
    const late = users(4, 'v');
    const usual = new Map([
      ...early.map((u): [string, number[]] => [u, [1, 1, 1]]),
      ...late.map((u): [string, number[]] => [u, [0, 1 / 3, 1]]),
    ]);
    const holds = holdsOf([...early, ...late]);
    const on = new Set(early);
    expect(queueStaffing(holds, on, usual, 1, 0).a).toMatchObject({ usual: 8, onQueue: 8 });
    expect(isAbsence(queueStaffing(holds, on, usual, 1, 0).a)).toBe(false);
    // The interval's share alone would expect 9.3 and read the 4 latecomers as 1.3 agents missing.
    expect(queueStaffing(holds, on, usual, 1).a?.usual).toBeCloseTo(8 + 4 / 3, 9);
    // Once their start has passed, their not being there is an absence.
    expect(isAbsence(queueStaffing(holds, on, usual, 1, 0.8).a)).toBe(true);
  });
});

const Q: QueueModel = {
  id: 'a',
  skillId: 's',
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  forecast: new Array<number>(96).fill(20),
};
const opts = { dayStart: DAY, intervalMinutes: 15, horizonIntervals: 4, surgeRatio: 1.2 };
const now = DAY + INTERVAL * 900_000 + 120_000;
const onForecast = { offered: new Array<number>(INTERVAL + 1).fill(20), serviceLevel: new Array<number>(41).fill(0.9) };
const absent = { usual: 9, onQueue: 6, spread: 0 };

describe('an absence in the decision', () => {
  it('is pressure like a surge, with calls on forecast and the queue at target so far', () => {
    const [calm] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: { ...absent, onQueue: 9 } } });
    expect(calm?.pressure).toBe(false);
    const [short] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: absent } });
    expect(short?.pressure).toBe(true);
    expect(short?.holding).toBeUndefined();
    expect(short?.staff).toEqual(absent);
    expect(short?.why).toBe('6 agents on queue where their usual pattern has 9.0: planned with the agents on queue');
  });
  it('sizes a queue short of agents alone to its plain target; a miss keeps the planning margin', () => {
    const [short] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: absent } });
    const missing = { ...onForecast, serviceLevel: onForecast.serviceLevel.map(() => 0.3) };
    const [missed] = assessQueues([Q], { a: missing }, { ...opts, now, staffing: { a: absent } });
    expect(short?.shortOnly).toBe(true);
    expect(missed?.pressure).toBe(true);
    expect(missed?.shortOnly).toBeUndefined();
    const targetOf = (assessment: NonNullable<typeof short>) =>
      replanInput({
        queues: [Q],
        assessments: [assessment],
        holds: { u1: { a: 1 } },
        onQueue: new Set(['u1']),
        intervalMinutes: 15,
        guardrails: {},
        maxChanges: 5,
        margin: 0.05,
      }).queues[0]?.target.serviceLevel;
    expect(targetOf(short!)).toBe(0.8);
    expect(targetOf(missed!)).toBeCloseTo(0.85, 9);
  });
  it('sizes a queue under pressure for at least its recent rate of calls, short of agents or missing its target', () => {
    const [short] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: absent } });
    // 20 calls in the last interval and 20 in the 2 minutes of this one: 35.3 an interval.
    const span = 1 + 2 / 15;
    expect(short?.recentRate).toBeCloseTo(40 / span, 9);
    expect(short?.predicted[0]).toBeCloseTo(40 / span, 9);
    const missed = {
      ...onForecast,
      serviceLevel: onForecast.serviceLevel.map((x, i) => (i === INTERVAL - 1 ? 0.4 : x)),
    };
    const [late] = assessQueues([Q], { a: missed }, { ...opts, now, staffing: { a: absent } });
    expect(late?.why).toMatch(/below its target/);
    expect(late?.predicted[0]).toBeCloseTo(40 / span, 9);
  });
  it('keeps a reinforced queue holding while it lasts, and lets it go once the agents are back', () => {
    const sustain = new Set(['a']);
    const plannedMissing = new Map([['a', 3]]); // the re-plan that reinforced it saw the same 3 missing
    const [held] = assessQueues(
      [Q],
      { a: onForecast },
      { ...opts, now, sustain, plannedMissing, staffing: { a: absent } },
    );
    expect(held?.pressure).toBe(true);
    expect(held?.holding).toBe(true);
    expect(held?.why).toMatch(/with agents added: they stay while the absence lasts/);
    const back = { a: { ...absent, onQueue: 9 } };
    expect(assessQueues([Q], { a: onForecast }, { ...opts, now, sustain, staffing: back })[0]?.pressure).toBe(false);
  });
  it('makes a reinforced queue short again, not holding, once another agent has gone since the last re-plan', () => {
    const sustain = new Set(['a']);
    const plannedMissing = new Map([['a', 3]]);
    const at = (onQueue: number) =>
      assessQueues(
        [Q],
        { a: onForecast },
        { ...opts, now, sustain, plannedMissing, staffing: { a: { ...absent, onQueue } } },
      )[0];
    expect(at(6)?.holding).toBe(true); // the 3 missing the last re-plan saw
    expect(at(5)?.pressure).toBe(true);
    expect(at(5)?.holding).toBeUndefined();
    expect(at(5)?.why).toMatch(/^5 agents on queue where their usual pattern has 9.0/);
  });
  it('re-plans within the interval when another agent goes missing, not when the count stays', () => {
    const [a] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: absent } });
    const last = { at: now - 60_000, ratios: new Map([['a', a!.ratio]]), calls: new Map(), away: new Map([['a', 3]]) };
    expect(replanDue(last, DAY, 15, [a!], now)).toBeUndefined();
    const [worse] = assessQueues([Q], { a: onForecast }, { ...opts, now, staffing: { a: { ...absent, onQueue: 5 } } });
    expect(replanDue(last, DAY, 15, [worse!], now)).toEqual({ missed: [] });
  });
});
