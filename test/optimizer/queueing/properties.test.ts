// Property-based tests (fast-check) of the queueing math.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  averageSpeedOfAnswer,
  erlangA,
  erlangB,
  erlangC,
  requiredAgents,
  requiredAgentsErlangA,
  serviceLevel,
} from '../../../src/optimizer/index.js';

const trafficArb = fc.double({ min: 0.01, max: 5000, noNaN: true });
const ahtArb = fc.double({ min: 10, max: 1200, noNaN: true });
const targetArb = fc.double({ min: 0, max: 120, noNaN: true });

describe('properties', () => {
  it('service level rises and ASA falls with every added agent', () => {
    fc.assert(
      fc.property(trafficArb, ahtArb, targetArb, fc.integer({ min: 0, max: 60 }), (a, aht, t, k) => {
        const n = Math.floor(a) + 1 + k;
        const sl1 = serviceLevel({ agents: n, traffic: a, ahtSeconds: aht, targetSeconds: t });
        const sl2 = serviceLevel({ agents: n + 1, traffic: a, ahtSeconds: aht, targetSeconds: t });
        const asa1 = averageSpeedOfAnswer({ agents: n, traffic: a, ahtSeconds: aht });
        const asa2 = averageSpeedOfAnswer({ agents: n + 1, traffic: a, ahtSeconds: aht });
        expect(sl2).toBeGreaterThanOrEqual(sl1);
        expect(asa2).toBeLessThanOrEqual(asa1);
        expect(sl1).toBeGreaterThanOrEqual(0);
        expect(sl2).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('Erlang C is at least Erlang B, and both are probabilities', () => {
    fc.assert(
      fc.property(trafficArb, fc.integer({ min: 0, max: 6000 }), (a, n) => {
        const b = erlangB({ agents: n, traffic: a });
        const c = erlangC({ agents: n, traffic: a });
        expect(b).toBeGreaterThanOrEqual(0);
        expect(c).toBeLessThanOrEqual(1);
        expect(c).toBeGreaterThanOrEqual(b);
      }),
      { numRuns: 300 },
    );
  });

  it('requiredAgents is minimal: it meets every target and one agent fewer misses one', () => {
    fc.assert(
      fc.property(
        trafficArb,
        ahtArb,
        targetArb,
        fc.double({ min: 0.05, max: 0.99, noNaN: true }),
        fc.option(fc.double({ min: 0.5, max: 120, noNaN: true }), { nil: undefined }),
        fc.option(fc.double({ min: 0.5, max: 1, noNaN: true }), { nil: undefined }),
        (a, aht, t, sl, maxAsa, maxOcc) => {
          const r = requiredAgents({
            traffic: a,
            ahtSeconds: aht,
            targetSeconds: t,
            serviceLevel: sl,
            maxAsaSeconds: maxAsa,
            maxOccupancy: maxOcc,
          });
          const meets = (n: number) =>
            n > a &&
            serviceLevel({ agents: n, traffic: a, ahtSeconds: aht, targetSeconds: t }) >= sl &&
            (maxAsa === undefined || averageSpeedOfAnswer({ agents: n, traffic: a, ahtSeconds: aht }) <= maxAsa) &&
            (maxOcc === undefined || a / n <= maxOcc * (1 + 1e-9));
          expect(meets(r.agents)).toBe(true);
          expect(meets(r.agents - 1)).toBe(false);
          expect(r.serviceLevel).toBe(
            serviceLevel({ agents: r.agents, traffic: a, ahtSeconds: aht, targetSeconds: t }),
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('Erlang A tends to Erlang C as patience grows', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.2, max: 300, noNaN: true }),
        ahtArb,
        targetArb,
        fc.integer({ min: 1, max: 30 }),
        (a, aht, t, k) => {
          const n = Math.floor(a) + k;
          // Near n = a the convergence is slow (the small abandonment still shifts a nearly critical queue).
          fc.pre(n - a >= 0.5);
          const c = erlangC({ agents: n, traffic: a });
          const sl = serviceLevel({ agents: n, traffic: a, ahtSeconds: aht, targetSeconds: t });
          const asa = averageSpeedOfAnswer({ agents: n, traffic: a, ahtSeconds: aht });
          const gaps = [1e2, 1e4, 1e6].map((factor) => {
            const r = erlangA({
              agents: n,
              traffic: a,
              ahtSeconds: aht,
              patienceSeconds: factor * aht,
              targetSeconds: t,
            });
            return Math.max(
              Math.abs(r.probabilityOfWait - c),
              Math.abs(r.serviceLevel - sl),
              Math.abs(r.asaSeconds - asa) / (asa + aht),
            );
          }) as [number, number, number];
          // Once both gaps are at rounding level (~1e-16) their order is noise: allow a few ulps.
          const ulps = 1e-14;
          expect(gaps[1]).toBeLessThanOrEqual(gaps[0] + ulps);
          expect(gaps[2]).toBeLessThanOrEqual(gaps[1] + ulps);
          expect(gaps[2]).toBeLessThanOrEqual(gaps[0] / 20 + 1e-12);
          expect(gaps[2]).toBeLessThan(5e-3);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('Erlang A: service level rises and abandonment falls with every added agent, also below the traffic', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 500, noNaN: true }),
        ahtArb,
        fc.double({ min: 1, max: 3600, noNaN: true }),
        targetArb,
        fc.double({ min: 0.05, max: 1.5, noNaN: true }),
        (a, aht, patience, t, ratio) => {
          const n = Math.max(1, Math.round(a * ratio));
          const one = erlangA({ agents: n, traffic: a, ahtSeconds: aht, patienceSeconds: patience, targetSeconds: t });
          const two = erlangA({
            agents: n + 1,
            traffic: a,
            ahtSeconds: aht,
            patienceSeconds: patience,
            targetSeconds: t,
          });
          expect(two.serviceLevel).toBeGreaterThanOrEqual(one.serviceLevel - 1e-14);
          expect(two.probabilityOfAbandon).toBeLessThanOrEqual(one.probabilityOfAbandon + 1e-14);
          for (const r of [one, two]) {
            for (const v of Object.values(r)) expect(Number.isFinite(v) && v >= 0).toBe(true);
            expect(r.serviceLevel).toBeLessThanOrEqual(1);
            expect(r.probabilityOfAbandon).toBeLessThanOrEqual(r.probabilityOfWait);
            expect(r.occupancy).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('requiredAgentsErlangA is minimal', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.1, max: 400, noNaN: true }),
        ahtArb,
        fc.double({ min: 5, max: 900, noNaN: true }),
        targetArb,
        fc.double({ min: 0.3, max: 0.95, noNaN: true }),
        (a, aht, patience, t, sl) => {
          const r = requiredAgentsErlangA({
            traffic: a,
            ahtSeconds: aht,
            patienceSeconds: patience,
            targetSeconds: t,
            serviceLevel: sl,
          });
          expect(r.serviceLevel).toBeGreaterThanOrEqual(sl);
          if (r.agents > 1) {
            const fewer = erlangA({
              agents: r.agents - 1,
              traffic: a,
              ahtSeconds: aht,
              patienceSeconds: patience,
              targetSeconds: t,
            });
            expect(fewer.serviceLevel).toBeLessThan(sl);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
