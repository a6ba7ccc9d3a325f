import { describe, expect, it } from 'vitest';
import {
  averageSpeedOfAnswer,
  erlangC,
  requiredAgents,
  serviceLevel,
  trafficFromVolume,
} from '../../../../src/optimizer/index.js';
import { exactErlangC, referenceErlangC, relativeError } from '../exact.js';

const exactSl = (n: number, a: number, aht: number, t: number) =>
  1 - exactErlangC(n, a) * Math.exp((-(n - a) * t) / aht);

describe('requiredAgents', () => {
  it('360 calls / 30 min, AHT 240 s, 80 % in 20 s: the smallest N per the exact values, 30 % shrinkage', () => {
    const traffic = trafficFromVolume({ calls: 360, intervalSeconds: 1800, ahtSeconds: 240 });
    expect(traffic).toBe(48);
    const r = requiredAgents({ traffic, ahtSeconds: 240, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 });
    expect(exactSl(r.agents, 48, 240, 20)).toBeGreaterThanOrEqual(0.8);
    expect(exactSl(r.agents - 1, 48, 240, 20)).toBeLessThan(0.8);
    expect(r.agents).toBe(54);
    expect(r.scheduledAgents).toBe(Math.ceil(54 / 0.7));
    expect(relativeError(r.probabilityOfWait, exactErlangC(54, 48))).toBeLessThan(1e-12);
    expect(r.serviceLevel).toBeCloseTo(exactSl(54, 48, 240, 20), 13);
    expect(r.asaSeconds).toBeCloseTo((exactErlangC(54, 48) * 240) / 6, 11);
    expect(r.occupancy).toBe(48 / 54);
  });

  it('does not over-staff through binary ceilings: 161 agents at 30 % shrinkage schedule 230', () => {
    expect(161 / (1 - 0.3)).toBeGreaterThan(230); // 230.00000000000003 in float64
    // Find a traffic whose answer is exactly 161 agents, then check the schedule.
    let traffic = 140;
    let r = requiredAgents({ traffic, ahtSeconds: 300, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 });
    while (r.agents !== 161) {
      traffic += r.agents < 161 ? 0.25 : -0.1;
      r = requiredAgents({ traffic, ahtSeconds: 300, targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 });
    }
    expect(r.scheduledAgents).toBe(230);
  });

  it('does not over-staff through binary ceilings: 52.7 Erlangs at 85 % max occupancy need 62', () => {
    expect(52.7 / 0.85).toBeGreaterThan(62); // 62.00000000000001 in float64
    const r = requiredAgents({ traffic: 52.7, ahtSeconds: 180, maxOccupancy: 0.85 });
    expect(r.agents).toBe(62);
    expect(r.occupancy).toBeCloseTo(0.85, 12);
    // With a loose SL target the occupancy cap still decides.
    expect(
      requiredAgents({ traffic: 52.7, ahtSeconds: 180, maxOccupancy: 0.85, targetSeconds: 60, serviceLevel: 0.5 })
        .agents,
    ).toBe(62);
  });

  it('traffic 0 needs no agents', () => {
    expect(
      requiredAgents({
        traffic: 0,
        ahtSeconds: 180,
        targetSeconds: 20,
        serviceLevel: 0.95,
        maxAsaSeconds: 1,
        shrinkage: 0.3,
      }),
    ).toEqual({
      agents: 0,
      scheduledAgents: 0,
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: 0,
      probabilityOfWait: 0,
    });
  });

  it('always staffs above the traffic, even for an occupancy-only target of 1', () => {
    expect(requiredAgents({ traffic: 48, ahtSeconds: 180, maxOccupancy: 1 }).agents).toBe(49);
    expect(requiredAgents({ traffic: 0.3, ahtSeconds: 180, maxOccupancy: 1 }).agents).toBe(1);
  });

  it('meets an ASA target minimally', () => {
    const r = requiredAgents({ traffic: 250, ahtSeconds: 300, maxAsaSeconds: 15 });
    expect(r.asaSeconds).toBeLessThanOrEqual(15);
    expect((exactErlangC(r.agents, 250) * 300) / (r.agents - 250)).toBeLessThanOrEqual(15);
    expect((exactErlangC(r.agents - 1, 250) * 300) / (r.agents - 1 - 250)).toBeGreaterThan(15);
    // Reported SL is for T = 0 (answered at once) when no targetSeconds is given.
    expect(r.serviceLevel).toBeCloseTo(1 - r.probabilityOfWait, 15);
  });

  it('with several targets the binding one decides', () => {
    const slOnly = requiredAgents({ traffic: 100, ahtSeconds: 240, targetSeconds: 30, serviceLevel: 0.8 });
    const asaOnly = requiredAgents({ traffic: 100, ahtSeconds: 240, maxAsaSeconds: 3 });
    const both = requiredAgents({
      traffic: 100,
      ahtSeconds: 240,
      targetSeconds: 30,
      serviceLevel: 0.8,
      maxAsaSeconds: 3,
    });
    expect(both.agents).toBe(Math.max(slOnly.agents, asaOnly.agents));
    expect(both.serviceLevel).toBeCloseTo(
      serviceLevel({ agents: both.agents, traffic: 100, ahtSeconds: 240, targetSeconds: 30 }),
      13,
    );
    expect(both.asaSeconds).toBeCloseTo(
      averageSpeedOfAnswer({ agents: both.agents, traffic: 100, ahtSeconds: 240 }),
      11,
    );
  });

  it('fast path equals the exact values across 0.01 .. 100,000 Erlangs', () => {
    const traffics = [0.01, 0.2, 1, 3.7, 12.5, 48, 140.3, 170.2, 777.7, 2000, 20_000, 100_000];
    for (const a of traffics) {
      for (const [t, sl] of [
        [20, 0.8],
        [60, 0.95],
        [0, 0.5],
      ] as const) {
        const r = requiredAgents({ traffic: a, ahtSeconds: 300, targetSeconds: t, serviceLevel: sl });
        const exact = a <= 500 ? exactErlangC : referenceErlangC;
        const cAt = exact(r.agents, a);
        expect(relativeError(r.probabilityOfWait, cAt), `C at ${r.agents} for ${a}`).toBeLessThan(1e-12);
        expect(1 - cAt * Math.exp((-(r.agents - a) * t) / 300)).toBeGreaterThanOrEqual(sl);
        if (r.agents - 1 > a) {
          const cBelow = exact(r.agents - 1, a);
          expect(1 - cBelow * Math.exp((-(r.agents - 1 - a) * t) / 300), `one fewer for ${a}`).toBeLessThan(sl);
        }
      }
    }
  });

  it('large staffing answers above 140 Erlangs are minimal (a common formula fails there)', () => {
    for (const a of [141, 155.5, 180, 400]) {
      const r = requiredAgents({ traffic: a, ahtSeconds: 180, targetSeconds: 20, serviceLevel: 0.9 });
      expect(exactSl(r.agents, a, 180, 20)).toBeGreaterThanOrEqual(0.9);
      expect(exactSl(r.agents - 1, a, 180, 20)).toBeLessThan(0.9);
      expect(r.probabilityOfWait).toBe(erlangC({ agents: r.agents, traffic: a }));
    }
  });
});
