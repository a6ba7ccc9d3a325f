// Hysteresis on the autopilot's writes, on fixed times: a gain keeps its minimum time (to the minute), a pair
// added, returned and proposed again within the hour is held back unless the policy allows it, and history from a
// saved state without directions never blocks. Then policy.hysteresis: its defaults and its strict keys.
import { describe, expect, it } from 'vitest';
import { checkHysteresis, type WrittenChange } from '../../../../src/workflows/autopilot/decision/hysteresis.js';
import type { GuardedChange } from '../../../../src/workflows/autopilot/decision/guardrails.js';
import { parseAutopilotPolicy } from '../../../../src/workflows/autopilot/policy.js';
import { isValidationError } from '../../../../src/errors/index.js';

const T = Date.parse('2026-11-24T10:00:00Z');
const MIN = 60_000;
const rules = { minHoldMinutes: 30, allowReaddWithinHour: false };
const gain = (userId = 'u1', queueId = 'q1'): GuardedChange => ({ userId, queueId, direction: 'gain' });
const lose = (userId = 'u1', queueId = 'q1'): GuardedChange => ({ userId, queueId, direction: 'lose' });
const written = (minutesAgo: number, direction?: 'gain' | 'lose', userId = 'u1', queueId = 'q1'): WrittenChange => ({
  userId,
  queueId,
  at: T - minutesAgo * MIN,
  ...(direction ? { direction } : {}),
});

describe('checkHysteresis: minHold', () => {
  it('keeps a gain until minHoldMinutes have passed, to the nearest minute', () => {
    const history = [written(20, 'gain')];
    const early = checkHysteresis([lose()], history, T, rules);
    expect(early.allowed).toEqual([]);
    expect(early.refused).toEqual([
      { change: lose(), rule: 'minHold', message: 'agent u1 gained queue q1 20 min ago (kept at least 30 min)' },
    ]);
    // 29.5 minutes less a millisecond: still held (29 to the nearest minute); from 29.5: 30, allowed, so a
    // decision a second early on a real clock (29 min 59 s) is not held back to the next one.
    const at = (ms: number) => checkHysteresis([lose()], history, T + ms, rules);
    expect(at(9.5 * MIN - 1).refused.map((r) => r.rule)).toEqual(['minHold']);
    expect(at(9.5 * MIN - 1).refused[0]?.message).toMatch(/ 29 min ago/);
    expect(at(9.5 * MIN).allowed).toEqual([lose()]);
    expect(at(10 * MIN - 1_000).allowed).toEqual([lose()]);
  });

  it('counts from the latest gain, holds only that pair, and 0 turns it off', () => {
    const history = [written(50, 'gain'), written(40, 'lose'), written(5, 'gain'), written(5, 'gain', 'u2')];
    const verdict = checkHysteresis([lose('u1', 'q2'), lose(), gain('u3')], history, T, rules);
    expect(verdict.allowed).toEqual([lose('u1', 'q2'), gain('u3')]);
    expect(verdict.refused.map((r) => [r.change.userId, r.rule])).toEqual([['u1', 'minHold']]);
    expect(checkHysteresis([lose()], history, T, { ...rules, minHoldMinutes: 0 }).allowed).toEqual([lose()]);
  });

  it('lets a loss of a pair the autopilot never gained through (the operator put it there)', () => {
    expect(checkHysteresis([lose()], [written(1, 'lose')], T, rules).allowed).toEqual([lose()]);
  });
});

describe('checkHysteresis: readd', () => {
  const history = [written(50, 'gain'), written(15, 'lose')];

  it('refuses a gain of a pair gained and then lost within the last hour, and names why', () => {
    const verdict = checkHysteresis([gain(), gain('u2')], history, T, rules);
    expect(verdict.allowed).toEqual([gain('u2')]);
    expect(verdict.refused).toEqual([
      {
        change: gain(),
        rule: 'readd',
        message: 'agent u1 was added to queue q1 and returned from it within the last hour',
      },
    ]);
  });

  it('allows it again once the return is more than an hour old, to the millisecond, however old the gain', () => {
    // The gain was 50 min ago, the return 15: refused until 45 min from now, an hour after the return included.
    expect(checkHysteresis([gain()], history, T + 45 * MIN, rules).refused.map((r) => r.rule)).toEqual(['readd']);
    expect(checkHysteresis([gain()], history, T + 45 * MIN + 1, rules).allowed).toEqual([gain()]);
    // Gained 3 hours ago, returned 20 min ago: still a re-add within the hour of the return.
    const old = [written(180, 'gain'), written(20, 'lose')];
    expect(checkHysteresis([gain()], old, T, rules).refused.map((r) => r.rule)).toEqual(['readd']);
  });

  it('allows it when the policy says so, and a gain after a loss only (return, then add) is no re-add', () => {
    expect(checkHysteresis([gain()], history, T, { ...rules, allowReaddWithinHour: true }).allowed).toEqual([gain()]);
    expect(checkHysteresis([gain()], [written(10, 'lose')], T, rules).allowed).toEqual([gain()]);
    // Order matters, not the order the history is given in.
    const shuffled = [written(15, 'lose'), written(50, 'gain')];
    expect(checkHysteresis([gain()], shuffled, T, rules).refused.map((r) => r.rule)).toEqual(['readd']);
  });
});

describe('checkHysteresis: history without directions', () => {
  it('never blocks on entries of a saved state from before directions were kept', () => {
    const old = [written(50), written(15), written(1)];
    expect(checkHysteresis([lose(), gain()], old, T, rules)).toEqual({ allowed: [lose(), gain()], refused: [] });
  });
});

describe('policy.hysteresis', () => {
  it('fills the defaults: 30 minutes held, no re-add within the hour', () => {
    expect(parseAutopilotPolicy({}).hysteresis).toEqual({ minHoldMinutes: 30, allowReaddWithinHour: false });
    expect(parseAutopilotPolicy({ hysteresis: { minHoldMinutes: 15 } }).hysteresis).toEqual({
      minHoldMinutes: 15,
      allowReaddWithinHour: false,
    });
    expect(parseAutopilotPolicy({ hysteresis: { allowReaddWithinHour: true } }).hysteresis).toEqual({
      minHoldMinutes: 30,
      allowReaddWithinHour: true,
    });
  });

  it('refuses an unknown key with a did-you-mean, and a bad value naming its field', () => {
    expect(() => parseAutopilotPolicy({ hysteresis: { minHoldMinute: 10 } })).toThrow(
      'autopilot policy: hysteresis.minHoldMinute: unknown key; did you mean minHoldMinutes?',
    );
    expect(() => parseAutopilotPolicy({ hysteresis: { allowReaddWithinHours: true } })).toThrow(
      /did you mean allowReaddWithinHour/,
    );
    let error: unknown;
    try {
      parseAutopilotPolicy({ hysteresis: { minHoldMinutes: -1 } });
    } catch (e) {
      error = e;
    }
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('hysteresis.minHoldMinutes');
    expect(() => parseAutopilotPolicy({ hysteresis: { allowReaddWithinHour: 'yes' } })).toThrow(
      'hysteresis.allowReaddWithinHour',
    );
  });
});
