import { describe, expect, it } from 'vitest';
import {
  checkGuardrails,
  type GuardedChange,
  type PastChange,
} from '../../../../src/workflows/autopilot/decision/guardrails.js';
import { parseAutopilotPolicy } from '../../../../src/workflows/autopilot/policy.js';
import { reforecast } from '../../../../src/workflows/autopilot/decision/reforecast.js';
import { isValidationError } from '../../../../src/errors/index.js';

const now = new Date('2026-11-23T10:30:00Z'); // a Monday
const gain = (userId: string, queueId: string): GuardedChange => ({ userId, queueId, direction: 'gain' });
const lose = (userId: string, queueId: string): GuardedChange => ({ userId, queueId, direction: 'lose' });
const ago = (minutes: number, userId = 'u9', queueId = 'q9'): PastChange => ({
  userId,
  queueId,
  at: new Date(now.getTime() - minutes * 60_000),
});

describe('checkGuardrails', () => {
  it('allows what no rule refuses and names the rule for each refusal', () => {
    const verdict = checkGuardrails(
      [gain('u1', 'q1'), gain('locked', 'q1'), gain('u2', 'frozen'), lose('u3', 'growing'), gain('u4', 'shrinking')],
      { now, history: [], holders: { growing: 5 } },
      {
        lockedUserIds: ['locked'],
        lockedQueueIds: ['frozen'],
        gainOnlyQueueIds: ['growing'],
        loseOnlyQueueIds: ['shrinking'],
      },
    );
    expect(verdict.allowed).toEqual([gain('u1', 'q1')]);
    expect(verdict.refused.map((r) => r.rule)).toEqual(['lockedUser', 'lockedQueue', 'gainOnly', 'loseOnly']);
  });

  it('spends the hourly budget in order and counts only the last hour of history', () => {
    const history = [ago(10), ago(59), ago(61), ago(300)];
    const verdict = checkGuardrails(
      [gain('a', 'q'), gain('b', 'q'), gain('c', 'q')],
      { now, history, holders: {} },
      { maxChangesPerHour: 3 },
    );
    expect(verdict.allowed).toEqual([gain('a', 'q')]);
    expect(verdict.refused.map((r) => r.rule)).toEqual(['hourlyBudget', 'hourlyBudget']);
  });

  it('allows 30 changes in any hour when the policy sets no budget', () => {
    const history = Array.from({ length: 29 }, (_, i) => ago(i + 1, `u${i}`));
    const verdict = checkGuardrails([gain('a', 'q'), gain('b', 'q')], { now, history, holders: {} }, {});
    expect(verdict.allowed).toEqual([gain('a', 'q')]);
    expect(verdict.refused.map((r) => r.rule)).toEqual(['hourlyBudget']);
  });

  it('caps changes per agent over a rolling day', () => {
    const history = [ago(120, 'busy'), ago(600, 'busy'), ago(25 * 60, 'busy')];
    const verdict = checkGuardrails(
      [gain('busy', 'q1'), gain('busy', 'q2'), gain('fresh', 'q1')],
      { now, history, holders: {} },
      { maxChangesPerAgentPerDay: 3 },
    );
    expect(verdict.allowed).toEqual([gain('busy', 'q1'), gain('fresh', 'q1')]);
    expect(verdict.refused[0]?.rule).toBe('agentBudget');
  });

  it('keeps the minimum holders of a queue, counting the removals it allows', () => {
    const verdict = checkGuardrails(
      [lose('a', 'q'), lose('b', 'q'), lose('c', 'q')],
      { now, history: [], holders: { q: 4 } },
      { minHoldersPerQueue: { q: 2 } },
    );
    expect(verdict.allowed).toEqual([lose('a', 'q'), lose('b', 'q')]);
    expect(verdict.refused.map((r) => r.rule)).toEqual(['minHolders']);
  });

  it('writes nothing inside a quiet period, in the policy time zone', () => {
    // 10:30 UTC is 11:30 in Berlin (UTC+1 in November).
    const quiet = { quietPeriods: [{ start: '11:00', end: '12:00' }], timeZone: 'Europe/Berlin' };
    expect(checkGuardrails([gain('a', 'q')], { now, history: [], holders: {} }, quiet).refused[0]?.rule).toBe(
      'quietPeriod',
    );
    expect(
      checkGuardrails([gain('a', 'q')], { now, history: [], holders: {} }, { ...quiet, timeZone: 'UTC' }).allowed,
    ).toHaveLength(1);
  });

  it('refuses a bad policy with the field named', () => {
    const bad = (guardrails: object, path: string) => {
      let error: unknown;
      try {
        checkGuardrails([], { now, history: [], holders: {} }, guardrails);
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error)).toBe(true);
      expect(String((error as Error).message)).toContain(path);
    };
    bad({ maxChangesPerHour: -1 }, 'maxChangesPerHour');
    bad({ maxChangesPerAgentPerDay: 1.5 }, 'maxChangesPerAgentPerDay');
    bad({ minHoldersPerQueue: { q: -2 } }, 'minHoldersPerQueue.q');
    bad({ gainOnlyQueueIds: ['q'], loseOnlyQueueIds: ['q'] }, 'gainOnlyQueueIds');
    bad({ quietPeriods: [{ start: '25:00', end: '01:00' }] }, 'start');
  });

  it('takes any whole-number budget when called directly (a policy file caps them), and refuses an unknown key', () => {
    const state = { now, history: [ago(5)], holders: {} };
    const verdict = checkGuardrails([gain('u1', 'q1')], state, { maxChangesPerHour: 50_000 });
    expect(verdict.allowed).toEqual([gain('u1', 'q1')]);
    expect(() => parseAutopilotPolicy({ guardrails: { maxChangesPerHour: 50_000 } })).toThrow(
      'guardrails.maxChangesPerHour',
    );
    expect(() => checkGuardrails([], state, { maxChangesPerHr: 5 } as never)).toThrow(
      'autopilot guardrails: maxChangesPerHr: unknown key; did you mean maxChangesPerHour?',
    );
  });
});

describe('reforecast', () => {
  it('stays near the forecast when calls are on forecast', () => {
    const r = reforecast({ forecast: [50, 50, 50, 50, 50, 50], observed: [48, 53, 51] });
    expect(r.ratio).toBeGreaterThan(0.9);
    expect(r.ratio).toBeLessThan(1.1);
    expect(r.from).toBe(2);
    expect(r.calls).toHaveLength(4);
    expect(r.low).toBeLessThan(1);
    expect(r.high).toBeGreaterThan(1);
  });

  it('sees a doubling within the current, partial interval and predicts ahead', () => {
    const r = reforecast({ forecast: [40, 60, 80, 80, 60], observed: [41, 60], currentShare: 0.5, window: 1 });
    // 60 calls in half an interval forecast at 60: twice the forecast, shrunk toward 1 by the prior of 20 calls.
    expect(r.ratio).toBeCloseTo((20 + 60) / (20 + 30), 12);
    expect(r.low).toBeGreaterThan(1.2);
    expect(r.calls[0]).toBeCloseTo(60 * r.ratio, 9);
    expect(r.calls[1]).toBeCloseTo(80 * r.ratio, 9);
  });

  it('does not swing on a handful of calls', () => {
    const r = reforecast({ forecast: [2, 2, 2], observed: [6] });
    expect(r.ratio).toBeLessThan(1.25);
  });

  it('names the bad field', () => {
    expect(() => reforecast({ forecast: [1, 2], observed: [1, 2, 3] })).toThrow(/observed/);
    expect(() => reforecast({ forecast: [1, Number.NaN], observed: [1] })).toThrow(/forecast\[1\]/);
    expect(() => reforecast({ forecast: [1], observed: [1], currentShare: 0 })).toThrow(/currentShare/);
  });
});
