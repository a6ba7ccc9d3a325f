import { describe, expect, it } from 'vitest';
import {
  averageSpeedOfAnswer,
  erlangB,
  erlangC,
  occupancy,
  requiredAgents,
  serviceLevel,
} from '../../../src/optimizer/index.js';
import { exactErlangB, exactErlangC, referenceErlangB, referenceErlangC, relativeError } from './exact.js';

const TOLERANCE = 1e-12;

/** Agents around and well above the traffic: where staffing answers live, and the far tail. */
function agentGrid(a: number): number[] {
  const s = Math.sqrt(a);
  const out = new Set<number>();
  for (const k of [0.05, 0.5, 1, 2, 3, 5, 8, 13, 21, 34]) out.add(Math.max(Math.floor(a) + 1, Math.round(a + k * s)));
  out.add(Math.floor(a) + 1);
  return [...out];
}

describe('erlangB and erlangC against exact rational values', () => {
  const traffics = [0.01, 0.1, 0.37, 1, 2.5, 7.3, 10, 33.3, 48, 99.9, 163.84, 250.25, 480.6];
  it.each(traffics)('traffic %f: relative error below 1e-12', (a) => {
    for (const n of agentGrid(a)) {
      const c = erlangC({ agents: n, traffic: a });
      expect(relativeError(c, exactErlangC(n, a)), `C(${n}, ${a})`).toBeLessThan(TOLERANCE);
      const b = erlangB({ agents: n, traffic: a });
      expect(relativeError(b, exactErlangB(n, a)), `B(${n}, ${a})`).toBeLessThan(TOLERANCE);
    }
    // Erlang B below the traffic as well (heavily blocked systems).
    for (const n of [1, Math.max(1, Math.floor(a / 2)), Math.max(1, Math.floor(a))]) {
      expect(relativeError(erlangB({ agents: n, traffic: a }), exactErlangB(n, a)), `B(${n}, ${a})`).toBeLessThan(
        TOLERANCE,
      );
    }
  });
});

describe('erlangC at large sizes against the 256-bit fixed-point reference (full recursion from n = 0)', () => {
  const cases: [number, number][] = [];
  for (const a of [1000, 2345.6, 12_345.6, 20_000, 50_000, 99_999.5]) {
    const s = Math.sqrt(a);
    for (const k of [0.02, 1, 3, 10, 30]) cases.push([Math.max(Math.floor(a) + 1, Math.round(a + k * s)), a]);
  }
  cases.push([100_000, 99_000], [100_000, 90_000], [120_000, 119_000.25], [100_000, 0.01], [100_000, 50_000]);
  it.each(cases)('agents %i, traffic %f', (n, a) => {
    const ref = referenceErlangC(n, a);
    const got = erlangC({ agents: n, traffic: a });
    if (ref < 1e-300) expect(got).toBeLessThan(1e-299);
    else expect(relativeError(got, ref)).toBeLessThan(TOLERANCE);
    const refB = referenceErlangB(n, a);
    const gotB = erlangB({ agents: n, traffic: a });
    if (refB < 1e-300) expect(gotB).toBeLessThan(1e-299);
    else expect(relativeError(gotB, refB)).toBeLessThan(TOLERANCE);
  });

  it('erlangB far below the traffic (100,000 Erlangs on 60,000 agents)', () => {
    expect(
      relativeError(erlangB({ agents: 60_000, traffic: 100_000 }), referenceErlangB(60_000, 100_000)),
    ).toBeLessThan(TOLERANCE);
  });
});

describe('worked examples (each value re-derived with the exact helper)', () => {
  it('10 Erlangs on 11 agents: P(wait) ≈ 0.6821', () => {
    const c = erlangC({ agents: 11, traffic: 10 });
    expect(c).toBeCloseTo(0.6821, 4);
    expect(relativeError(c, exactErlangC(11, 10))).toBeLessThan(TOLERANCE);
  });

  it('10 Erlangs, AHT 180 s, 14 agents: P(wait) 17.41 %, 88.8 % answered within 20 s, ASA 7.8 s', () => {
    const exactC = exactErlangC(14, 10);
    expect(relativeError(erlangC({ agents: 14, traffic: 10 }), exactC)).toBeLessThan(TOLERANCE);
    expect(exactC).toBeCloseTo(0.1741, 4);
    const sl = serviceLevel({ agents: 14, traffic: 10, ahtSeconds: 180, targetSeconds: 20 });
    expect(sl).toBeCloseTo(1 - exactC * Math.exp((-4 * 20) / 180), 14);
    expect(sl).toBeCloseTo(0.888, 3);
    const asa = averageSpeedOfAnswer({ agents: 14, traffic: 10, ahtSeconds: 180 });
    expect(asa).toBeCloseTo((exactC * 180) / 4, 11);
    expect(asa).toBeCloseTo(7.84, 2);
  });

  it('360 calls in 30 min with AHT 240 s (48 Erlangs) on 54 agents: SL 81.7 % at 20 s', () => {
    const exactC = exactErlangC(54, 48);
    const sl = serviceLevel({ agents: 54, traffic: 48, ahtSeconds: 240, targetSeconds: 20 });
    expect(sl).toBeCloseTo(1 - exactC * Math.exp((-6 * 20) / 240), 14);
    expect(sl).toBeCloseTo(0.8172, 4);
    expect(occupancy({ agents: 54, traffic: 48 })).toBeCloseTo(48 / 54, 15);
  });
});

describe('conventions at the edges', () => {
  it('unstable queue (agents ≤ traffic): C = 1, SL = 0, ASA = Infinity, occupancy capped at 1', () => {
    for (const [n, a] of [
      [10, 10],
      [5, 12.5],
      [0, 3],
      [1, 1],
    ] as const) {
      expect(erlangC({ agents: n, traffic: a })).toBe(1);
      expect(serviceLevel({ agents: n, traffic: a, ahtSeconds: 180, targetSeconds: 20 })).toBe(0);
      expect(averageSpeedOfAnswer({ agents: n, traffic: a, ahtSeconds: 180 })).toBe(Infinity);
      expect(occupancy({ agents: n, traffic: a })).toBe(1);
    }
  });

  it('traffic 0: C = 0, SL = 1, ASA = 0, occupancy 0; B = 0 (1 with no agents)', () => {
    for (const n of [0, 1, 7]) {
      expect(erlangC({ agents: n, traffic: 0 })).toBe(0);
      expect(serviceLevel({ agents: n, traffic: 0, ahtSeconds: 180, targetSeconds: 20 })).toBe(1);
      expect(averageSpeedOfAnswer({ agents: n, traffic: 0, ahtSeconds: 180 })).toBe(0);
      expect(occupancy({ agents: n, traffic: 0 })).toBe(0);
    }
    expect(erlangB({ agents: 0, traffic: 0 })).toBe(1);
    expect(erlangB({ agents: 3, traffic: 0 })).toBe(0);
    expect(erlangB({ agents: 0, traffic: 5 })).toBe(1);
  });

  it('just above the traffic and far above it: finite, in range, never NaN', () => {
    for (const [n, a] of [
      [10, 9.999999],
      [100_001, 100_000],
      [200_000, 100],
      [171, 170.5],
      [500, 0.01],
    ] as const) {
      const c = erlangC({ agents: n, traffic: a });
      const sl = serviceLevel({ agents: n, traffic: a, ahtSeconds: 300, targetSeconds: 30 });
      const asa = averageSpeedOfAnswer({ agents: n, traffic: a, ahtSeconds: 300 });
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThanOrEqual(1);
      expect(sl).toBeGreaterThanOrEqual(0);
      expect(sl).toBeLessThanOrEqual(1);
      expect(Number.isFinite(asa) && asa >= 0).toBe(true);
    }
    // 200 agents for 150 Erlangs: a formula with factorials overflows past 170.
    expect(relativeError(erlangC({ agents: 200, traffic: 150 }), exactErlangC(200, 150))).toBeLessThan(TOLERANCE);
  });

  it('extreme traffic values terminate with in-range answers', () => {
    for (const a of [5e-324, 1e-310, 1e-300, 1e-10]) {
      const r = requiredAgents({ traffic: a, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.99 });
      expect(r.agents).toBe(1);
      expect(r.serviceLevel).toBeGreaterThanOrEqual(0.99);
      expect(erlangC({ agents: 1, traffic: a })).toBeLessThan(1e-9);
      expect(erlangB({ agents: 2, traffic: a })).toBeGreaterThanOrEqual(0);
    }
    const huge = requiredAgents({ traffic: 1e9, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.8 });
    expect(huge.agents).toBeGreaterThan(1e9);
    expect(huge.agents).toBeLessThan(1e9 + 1e5);
    expect(huge.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(() => erlangC({ agents: 3, traffic: 1.5e9 })).toThrow(/traffic/);
    expect(() => erlangC({ agents: 2 ** 60, traffic: 1 })).toThrow(/agents/);
  });

  it('a target of 0 s gives the share answered at once, 1 − C', () => {
    const c = erlangC({ agents: 12, traffic: 10 });
    expect(serviceLevel({ agents: 12, traffic: 10, ahtSeconds: 180, targetSeconds: 0 })).toBe(1 - c);
  });
});
