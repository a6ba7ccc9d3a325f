// Hysteresis on the autopilot's writes, on fixed times: a gain is kept its minimum time, and an agent added,
// returned and proposed again within the hour is held back unless the policy allows it.
import { describe, expect, it } from 'vitest';
import { checkHysteresis } from '../../../src/workflows/autopilot/hysteresis.js';
import { parseAutopilotPolicy } from '../../../src/workflows/autopilot/index.js';

const T = Date.parse('2026-11-24T10:00:00Z');
const MIN = 60_000;
const rules = { minHoldMinutes: 30, allowReaddWithinHour: false };

describe('checkHysteresis', () => {
  it('keeps a gain at least minHoldMinutes before taking it back', () => {
    const history = [{ userId: 'u1', queueId: 'q1', at: T - 20 * MIN, direction: 'gain' as const }];
    const lose = { userId: 'u1', queueId: 'q1', direction: 'lose' as const };
    const early = checkHysteresis([lose], history, T, rules);
    expect(early.allowed).toEqual([]);
    expect(early.refused).toEqual([expect.objectContaining({ rule: 'minHold', change: lose })]);
    expect(early.refused[0]?.message).toContain('20 min ago');
    expect(checkHysteresis([lose], history, T + 10 * MIN, rules).allowed).toEqual([lose]);
  });

  it('refuses add-return-add of the same agent and queue within an hour, unless the policy allows it', () => {
    const history = [
      { userId: 'u1', queueId: 'q1', at: T - 50 * MIN, direction: 'gain' as const },
      { userId: 'u1', queueId: 'q1', at: T - 15 * MIN, direction: 'lose' as const },
    ];
    const gain = { userId: 'u1', queueId: 'q1', direction: 'gain' as const };
    const other = { userId: 'u2', queueId: 'q1', direction: 'gain' as const };
    const now = checkHysteresis([gain, other], history, T, rules);
    expect(now.allowed).toEqual([other]);
    expect(now.refused.map((r) => r.rule)).toEqual(['readd']);
    // Once the first add is an hour old, adding again is no longer add-return-add within the hour.
    expect(checkHysteresis([gain], history, T + 11 * MIN, rules).allowed).toEqual([gain]);
    expect(checkHysteresis([gain], history, T, { ...rules, allowReaddWithinHour: true }).allowed).toEqual([gain]);
  });

  it('never blocks on changes of a saved state without a direction', () => {
    const history = [{ userId: 'u1', queueId: 'q1', at: T - MIN }];
    const lose = { userId: 'u1', queueId: 'q1', direction: 'lose' as const };
    expect(checkHysteresis([lose], history, T, rules).allowed).toEqual([lose]);
  });
});

describe('policy.hysteresis and policy.mode', () => {
  it('fills the defaults and names a bad field', () => {
    const p = parseAutopilotPolicy({});
    expect(p.hysteresis).toEqual({ minCalls: 20, minHoldMinutes: 30, allowReaddWithinHour: false });
    expect(p.mode).toBe('auto');
    expect(p.historyDays).toBe(28);
    expect(p.shortStaffedShare).toBe(0);
    expect(() => parseAutopilotPolicy({ hysteresis: { minCall: 5 } })).toThrow(/hysteresis.*minCall/s);
    expect(() => parseAutopilotPolicy({ mode: 'manual' })).toThrow(/mode/);
    expect(() => parseAutopilotPolicy({ shadow: true, mode: 'approve' })).toThrow(/shadow/);
    expect(parseAutopilotPolicy({ shadow: true }).mode).toBe('shadow');
  });
});
