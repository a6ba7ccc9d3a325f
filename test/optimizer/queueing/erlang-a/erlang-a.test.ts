import { describe, expect, it } from 'vitest';
import { erlangA, erlangC, requiredAgentsErlangA, serviceLevel } from '../../../../src/optimizer/index.js';
import { referenceErlangA } from '../erlang-a-reference.js';

type Case = [agents: number, traffic: number, aht: number, patience: number, target: number];

function compare(c: Case, tolerance = 1e-12): void {
  const [agents, traffic, ahtSeconds, patienceSeconds, targetSeconds] = c;
  const got = erlangA({ agents, traffic, ahtSeconds, patienceSeconds, targetSeconds });
  const ref = referenceErlangA(...c);
  expect(got.probabilityOfWait, 'P(wait)').toBeCloseTo(ref.probabilityOfWait, 12);
  expect(Math.abs(got.probabilityOfAbandon - ref.probabilityOfAbandon), 'P(abandon)').toBeLessThan(
    tolerance * Math.max(1, ref.probabilityOfAbandon),
  );
  expect(Math.abs(got.serviceLevel - ref.serviceLevel), 'SL').toBeLessThan(tolerance);
  expect(
    Math.abs(got.meanWaitSeconds - ref.meanWaitSeconds) / Math.max(1, ref.meanWaitSeconds),
    'mean wait',
  ).toBeLessThan(1e-11);
  expect(Math.abs(got.asaSeconds - ref.asaSeconds) / Math.max(1, ref.asaSeconds), 'ASA').toBeLessThan(1e-6);
  expect(got.occupancy).toBeCloseTo(Math.min(1, (traffic * (1 - ref.probabilityOfAbandon)) / agents), 12);
}

describe('erlangA against an independent birth–death reference', () => {
  const cases: Case[] = [
    [10, 8, 180, 120, 20],
    [10, 12, 180, 120, 20], // agents below traffic
    [5, 20, 300, 60, 30], // heavily overloaded
    [50, 45, 200, 600, 20],
    [1, 0.5, 100, 50, 10],
    [3, 2, 100, 1e5, 20], // very patient callers
    [2, 1.5, 60, 0.5, 1], // very impatient callers
    [30, 29.5, 180, 1e4, 20], // nearly critical
    [100, 120, 180, 900, 30],
    [10, 8, 180, 120, 0], // T = 0: answered at once
    [25, 20, 240, 90, 600],
  ];
  it.each(cases)('agents %i, traffic %f, AHT %f s, patience %f s, T %f s', (...c) => compare(c));

  it('long targets: e^(−Λt) far below the double range, service level → 1 − P(abandon), not P(no wait)', () => {
    // Total event rate Λ ≈ λ + Nμ + queue·θ ≈ 1.3/s; Λ·T ≈ 4,700 ≫ 745.
    compare([100, 120, 180, 900, 3600]);
    compare([20, 30, 180, 3000, 50_000]);
    const r = erlangA({ agents: 20, traffic: 30, ahtSeconds: 180, patienceSeconds: 3000, targetSeconds: 1e7 });
    expect(r.serviceLevel).toBeCloseTo(1 - r.probabilityOfAbandon, 12);
    expect(r.serviceLevel).toBeGreaterThan(0.6); // P(no wait) here is below 1e-15
    expect(1 - r.probabilityOfWait).toBeLessThan(1e-12);
    for (const t of [10, 100, 1000, 1e4, 1e5, 1e6]) {
      const at = erlangA({ agents: 20, traffic: 30, ahtSeconds: 180, patienceSeconds: 3000, targetSeconds: t });
      expect(at.serviceLevel).toBeLessThanOrEqual(r.serviceLevel + 1e-15);
    }
  });

  it('large loads: 2,000 agents for 2,500 Erlangs, and 500 agents for 450 Erlangs', () => {
    compare([2000, 2500, 200, 300, 20], 1e-11);
    compare([500, 450, 180, 240, 15], 1e-11);
  });

  it('is well defined far into overload and for huge loads (no NaN, sensible limits)', () => {
    const r = erlangA({ agents: 1, traffic: 50_000, ahtSeconds: 300, patienceSeconds: 3600, targetSeconds: 20 });
    expect(r.probabilityOfWait).toBeCloseTo(1, 12);
    expect(r.occupancy).toBeCloseTo(1, 9);
    expect(r.probabilityOfAbandon).toBeCloseTo(1 - 1 / 50_000, 6);
    const big = erlangA({ agents: 99_000, traffic: 100_000, ahtSeconds: 300, patienceSeconds: 120, targetSeconds: 20 });
    for (const v of Object.values(big)) expect(Number.isFinite(v)).toBe(true);
    expect(big.probabilityOfAbandon).toBeGreaterThan(0.01);
    expect(big.probabilityOfAbandon).toBeLessThan(0.011); // at least 1 − N/A of the calls are lost
  });

  it('traffic 0 is trivial', () => {
    expect(erlangA({ agents: 3, traffic: 0, ahtSeconds: 180, patienceSeconds: 60, targetSeconds: 20 })).toEqual({
      probabilityOfWait: 0,
      probabilityOfAbandon: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      meanWaitSeconds: 0,
      occupancy: 0,
    });
  });

  it('approaches Erlang C for very patient callers', () => {
    const c = erlangC({ agents: 14, traffic: 10 });
    const sl = serviceLevel({ agents: 14, traffic: 10, ahtSeconds: 180, targetSeconds: 20 });
    const r = erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: 1e9, targetSeconds: 20 });
    expect(r.probabilityOfWait).toBeCloseTo(c, 6);
    expect(r.serviceLevel).toBeCloseTo(sl, 6);
    expect(r.probabilityOfAbandon).toBeLessThan(1e-7);
  });
});

describe('requiredAgentsErlangA', () => {
  it('finds the smallest agents meeting the service level (may be below the traffic)', () => {
    const queue = { traffic: 30, ahtSeconds: 300, patienceSeconds: 20, targetSeconds: 60 };
    const input = { ...queue, serviceLevel: 0.3 };
    const r = requiredAgentsErlangA(input);
    expect(r.agents).toBeLessThan(30);
    expect(r.serviceLevel).toBeGreaterThanOrEqual(0.3);
    const fewer = erlangA({ agents: r.agents - 1, ...queue });
    expect(fewer.serviceLevel).toBeLessThan(0.3);
    expect(r).toEqual({ agents: r.agents, ...erlangA({ agents: r.agents, ...queue }) });
  });

  it('honours maxAbandonRate', () => {
    const queue = { traffic: 40, ahtSeconds: 240, patienceSeconds: 90, targetSeconds: 20 };
    const base = { ...queue, serviceLevel: 0.5 };
    const loose = requiredAgentsErlangA(base);
    const strict = requiredAgentsErlangA({ ...base, maxAbandonRate: 0.005 });
    expect(strict.agents).toBeGreaterThan(loose.agents);
    expect(strict.probabilityOfAbandon).toBeLessThanOrEqual(0.005);
    expect(erlangA({ agents: strict.agents - 1, ...queue }).probabilityOfAbandon).toBeGreaterThan(0.005);
  });

  it('traffic 0 needs no agents', () => {
    expect(
      requiredAgentsErlangA({ traffic: 0, ahtSeconds: 240, patienceSeconds: 90, targetSeconds: 20, serviceLevel: 0.9 })
        .agents,
    ).toBe(0);
  });
});
