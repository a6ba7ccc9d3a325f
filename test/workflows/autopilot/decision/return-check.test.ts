// The check before a calm return: for each queue the autopilot reinforced, the baseline and the assignment now,
// simulated on the same calls (at least the last complete interval's in every interval ahead).
import { describe, expect, it } from 'vitest';
import { baselineShortfall, type ReturnCheck } from '../../../../src/workflows/autopilot/decision/return-check.js';
import type { QueueAssessment, QueueModel } from '../../../../src/workflows/autopilot/decision/decide.js';

const queue = (id: string): QueueModel => ({
  id,
  skillId: `s-${id}`,
  ahtSeconds: 300,
  target: { serviceLevel: 0.8, withinSeconds: 20 },
  forecast: new Array<number>(96).fill(10),
});
// Eight agents hold Sales (a) at the baseline: at target for 10 calls a quarter hour (3.3 Erlangs), far below it
// for 20 (6.7 Erlangs). Four Support (b) agents were given Sales too: twelve hold it now.
const sales = Array.from({ length: 8 }, (_, i) => `s${i}`);
const support = Array.from({ length: 4 }, (_, i) => `t${i}`);
const baseline = {
  ...Object.fromEntries(sales.map((id) => [id, { a: 1 }])),
  ...Object.fromEntries(support.map((id) => [id, { b: 1 }])),
};
const current = { ...baseline, ...Object.fromEntries(support.map((id) => [id, { a: 1, b: 1 }])) };

/** `lastCalls` Sales calls in the last complete interval (4 so far in this one); Support has 2 an interval. */
function check(lastCalls: number, reinforced: string[], predicted = [10, 10, 10, 10]): ReturnCheck {
  const assessment = (queueId: string, last: number, calls: number[]) =>
    ({
      queueId,
      pressure: false,
      predicted: calls,
      offeredNow: 4,
      offeredSinceLastInterval: last + 4,
    }) as QueueAssessment;
  return {
    queues: [queue('a'), queue('b')],
    assessments: [assessment('a', lastCalls, predicted), assessment('b', 2, [2, 2, 2, 2])],
    current,
    baseline,
    reinforced: new Set(reinforced),
    onQueue: new Set([...sales, ...support]),
    intervalMinutes: 15,
    guardrails: {},
    seed: 1,
    contacts: 60_000,
    names: { a: 'Sales', b: 'Support' },
  };
}

describe('baselineShortfall', () => {
  it('names a reinforced queue the agents added hold at target and the baseline would not', async () => {
    const short = await baselineShortfall(check(20, ['a']));
    const match =
      /^Sales at (0\.\d{3}) \((0\.\d{3}) with the agents added\) against its 0\.8 target with 20\.0 calls an interval$/.exec(
        short ?? '',
      );
    expect(match).not.toBeNull();
    expect(Number(match?.[1])).toBeLessThan(0.8);
    expect(Number(match?.[2])).toBeGreaterThanOrEqual(0.8);
  });
  it('lets the return go when the baseline holds the queue at target at the calls of the last interval', async () => {
    expect(await baselineShortfall(check(10, ['a']))).toBeUndefined();
  });
  it('lets the return go when the model finds the queue short with the agents added too', async () => {
    // 60 calls a quarter hour (20 Erlangs) against twelve agents: the agents added do not make the difference.
    expect(await baselineShortfall(check(60, ['a']))).toBeUndefined();
  });
  it('judges on the cautious model: callers who would hang up are kept waiting', async () => {
    const withPatience = (c: ReturnCheck): ReturnCheck => ({
      ...c,
      queues: c.queues.map((q) => ({ ...q, patienceSeconds: 60 })),
    });
    const cautious = await baselineShortfall(withPatience(check(20, ['a'])));
    expect(cautious).toMatch(/^Sales at /);
    expect(cautious).toBe(await baselineShortfall(check(20, ['a'])));
  });
  it('judges only the queues the autopilot reinforced', async () => {
    expect(await baselineShortfall(check(20, []))).toBeUndefined();
  });
  it('sizes each interval for at least its predicted calls when the last interval had fewer', async () => {
    // 2 calls in the last interval do not lower the predicted 20 of the intervals after the first.
    const short = await baselineShortfall(check(2, ['a'], [10, 20, 20, 20]));
    expect(short).toMatch(/with 20\.0 calls an interval$/);
  });
});
