// Agents' shifts and per-interval handle times in the simulator: off-shift agents take no calls, a share of an
// interval on queue gives that share of the capacity, and a half-staffed interval is worse than a staffed one.
import { describe, expect, it } from 'vitest';
import { simulate, type SimulationModel } from '../../../src/optimizer/index.js';

const W = 1800;

function model(share: number[] | undefined, calls = [60, 60, 60, 60]): SimulationModel {
  return {
    queues: [{ id: 'q', skill: 'q', ahtSeconds: 300, arrivals: { intervalSeconds: W, callsPerInterval: calls } }],
    agents: Array.from({ length: 12 }, (_, i) => ({
      id: `a${i}`,
      skills: { q: 3 },
      ...(share && i < 6 ? { availability: { intervalSeconds: W, share } } : {}),
    })),
    durationSeconds: W * calls.length,
    warmupSeconds: 0,
    replications: 40,
    targetSeconds: 20,
    seed: 3,
  };
}

describe('simulate with shifts', () => {
  it('takes no calls from agents off shift and serves the calls of intervals where they are on', () => {
    const all = simulate(model(undefined)).queues[0]!.intervals!;
    const shifted = simulate(model([1, 1, 0, 0])).queues[0]!.intervals!;
    // 12 agents at 10 Erlangs vs 6 agents: the first is fine, the second overloaded.
    expect(shifted[0]!.serviceLevel.mean).toBeGreaterThan(0.6);
    expect(shifted[3]!.serviceLevel.mean).toBeLessThan(0.1);
    expect(all[3]!.serviceLevel.mean).toBeGreaterThan(0.6);
    // Agents off shift for the whole run are never busy.
    const r = simulate({ ...model([0, 0, 0, 0]) });
    expect(r.agents[0]!.occupancy.mean).toBe(0);
    expect(r.agents[6]!.occupancy.mean).toBeGreaterThan(0.5);
  });

  it('gives a half share about the capacity of half the agents', () => {
    const half = simulate(model([0.5, 0.5, 0.5, 0.5], [40, 40, 40, 40])).agents;
    const full = half.slice(6).reduce((s, a) => s + a.occupancy.mean, 0) / 6;
    const part = half.slice(0, 6).reduce((s, a) => s + a.occupancy.mean, 0) / 6;
    expect(part).toBeLessThan(0.62 * full);
    expect(part).toBeGreaterThan(0.3 * full);
  });

  it('draws each call’s work with its interval’s handle time, on the same calls (common random numbers)', () => {
    const base = model(undefined, [40, 40]);
    const slow = {
      ...base,
      queues: [
        { ...base.queues[0]!, arrivals: { intervalSeconds: W, callsPerInterval: [40, 40], ahtSeconds: [300, 600] } },
      ],
    };
    const a = simulate(base).queues[0]!;
    const b = simulate(slow).queues[0]!;
    expect(b.offered.mean).toBe(a.offered.mean);
    expect(b.intervals![0]!.serviceLevel.mean).toBeCloseTo(a.intervals![0]!.serviceLevel.mean, 1);
    expect(b.intervals![1]!.serviceLevel.mean).toBeLessThan(a.intervals![1]!.serviceLevel.mean - 0.1);
    expect(simulate(slow)).toEqual(simulate(slow));
  });
});
