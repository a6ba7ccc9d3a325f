// Platform routing features of the simulator, each against an independent check.
import { describe, expect, it } from 'vitest';
import { erlangB, serviceLevel, simulate, type Estimate, type SimulationModel } from '../../../src/optimizer/index.js';

const agents = (n: number, skills: Record<string, number>, extra: object = {}, prefix = 'a') =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}${i}`, skills, ...extra }));

function expectWithin(e: Estimate, exact: number, maxHalfWidth: number): void {
  expect(e.halfWidth).toBeLessThan(maxHalfWidth);
  expect(Math.abs(e.mean - exact), `mean ${e.mean} ± ${e.halfWidth} vs ${exact}`).toBeLessThanOrEqual(e.halfWidth);
}

describe('simulate: time-varying arrivals', () => {
  const profile = [60, 0, 240, 120]; // calls per 15-minute interval
  const model: SimulationModel = {
    queues: [{ id: 'q', skill: 's', arrivals: { intervalSeconds: 900, callsPerInterval: profile }, ahtSeconds: 120 }],
    agents: agents(40, { s: 1 }),
    durationSeconds: 6 * 3600, // six cycles of the one-hour profile
    replications: 20,
    targetSeconds: 20,
    seed: 12,
  };

  it('offered calls per interval match the profile (Poisson counts: mean = calls per interval × cycles)', () => {
    const q = simulate(model).queues[0];
    if (!q?.intervals) throw new Error('missing intervals');
    expect(q.intervals).toHaveLength(4);
    profile.forEach((calls, i) => {
      const offered = q.intervals?.[i]?.offered as Estimate;
      if (calls === 0) expect(offered).toEqual({ mean: 0, halfWidth: 0 });
      else expectWithin(offered, calls * 6, 0.1 * calls * 6);
    });
    expectWithin(q.offered, 420 * 6, 100);
  });

  it('an interval served with spare capacity answers at once; per-interval service level is reported', () => {
    const q = simulate(model).queues[0];
    // 240 calls in 900 s × 120 s = 32 Erlangs on 40 agents at the peak: Erlang B blocking is the chance of
    // waiting at all in steady state; the quiet interval waits less than the peak.
    const peak = q?.intervals?.[2]?.serviceLevel.mean ?? NaN;
    const quiet = q?.intervals?.[0]?.serviceLevel.mean ?? NaN;
    expect(quiet).toBeGreaterThanOrEqual(peak);
    expect(peak).toBeGreaterThan(1 - 2 * erlangB({ agents: 40, traffic: 32 }));
    expect(q?.intervals?.[1]?.serviceLevel).toEqual({ mean: 0, halfWidth: Infinity }); // no calls, no data
  });

  it('a flat profile is the same Poisson process as a constant rate (agrees with Erlang C)', () => {
    const flat = simulate({
      ...model,
      queues: [
        {
          id: 'q',
          skill: 's',
          arrivals: { intervalSeconds: 1800, callsPerInterval: [480, 480, 480] },
          ahtSeconds: 120,
        },
      ],
      agents: agents(35, { s: 1 }),
      durationSeconds: 30_000,
      warmupSeconds: 1000,
    }).queues[0];
    // 960 calls/h × 120 s = 32 Erlangs on 35 agents.
    expectWithin(
      flat?.serviceLevel as Estimate,
      serviceLevel({ agents: 35, traffic: 32, ahtSeconds: 120, targetSeconds: 20 }),
      0.05,
    );
  });
});

describe('simulate: a target per queue', () => {
  it('each queue judged on its own target equals separate runs with that target', () => {
    const base: SimulationModel = {
      queues: [
        { id: 'fast', skill: 's', arrivalRatePerHour: 300, ahtSeconds: 200, targetSeconds: 10 },
        { id: 'slow', skill: 't', arrivalRatePerHour: 200, ahtSeconds: 200, targetSeconds: 60 },
      ],
      agents: Array.from({ length: 26 }, (_, i) => ({ id: `a${i}`, skills: { s: 1 + (i % 3), t: i % 2 } })),
      durationSeconds: 20_000,
      replications: 5,
      seed: 2,
    };
    const both = simulate(base);
    const plain = base.queues.map((q) => ({ ...q, targetSeconds: undefined }));
    const at10 = simulate({ ...base, queues: plain, targetSeconds: 10 });
    const at60 = simulate({ ...base, queues: plain, targetSeconds: 60 });
    expect(both.queues[0]?.serviceLevel).toEqual(at10.queues[0]?.serviceLevel);
    expect(both.queues[1]?.serviceLevel).toEqual(at60.queues[1]?.serviceLevel);
    expect(both.queues.map((q) => q.targetSeconds)).toEqual([10, 60]);
    expect(at60.queues[0]?.serviceLevel.mean).toBeGreaterThan(at10.queues[0]?.serviceLevel.mean ?? 1);
  });
});

describe('simulate: queue priorities', () => {
  const overloaded = (high: 'gold' | 'std'): SimulationModel => ({
    queues: [
      {
        id: 'gold',
        skill: 's',
        arrivalRatePerHour: 180,
        ahtSeconds: 300,
        patienceSeconds: 240,
        priority: high === 'gold' ? 10 : 0,
      },
      {
        id: 'std',
        skill: 's',
        arrivalRatePerHour: 180,
        ahtSeconds: 300,
        patienceSeconds: 240,
        priority: high === 'std' ? 10 : 0,
      },
    ],
    agents: agents(28, { s: 1 }), // 30 Erlangs offered to 28 agents
    durationSeconds: 20_000,
    warmupSeconds: 1_000,
    replications: 8,
    targetSeconds: 20,
    seed: 5,
  });

  it('under overload the high-priority queue gets the better service level, and swapping swaps it', () => {
    const a = simulate(overloaded('gold'));
    const b = simulate(overloaded('std'));
    const [goldA, stdA] = a.queues;
    const [goldB, stdB] = b.queues;
    expect(goldA!.serviceLevel.mean - goldA!.serviceLevel.halfWidth).toBeGreaterThan(
      stdA!.serviceLevel.mean + stdA!.serviceLevel.halfWidth,
    );
    expect(stdB!.serviceLevel.mean - stdB!.serviceLevel.halfWidth).toBeGreaterThan(
      goldB!.serviceLevel.mean + goldB!.serviceLevel.halfWidth,
    );
    expect(stdA!.abandonRate.mean).toBeGreaterThan(goldA!.abandonRate.mean);
  });

  it('equal priorities: two identical queues get the same service within their intervals', () => {
    const same = overloaded('gold');
    const r = simulate({ ...same, queues: same.queues.map((q) => ({ ...q, priority: 3 })) });
    const [x, y] = r.queues;
    expect(Math.abs(x!.serviceLevel.mean - y!.serviceLevel.mean)).toBeLessThan(
      x!.serviceLevel.halfWidth + y!.serviceLevel.halfWidth,
    );
  });
});

describe('simulate: bullseye rings (time-delayed widening)', () => {
  const ringed = (inner: number, outer: number, target: number): SimulationModel => ({
    queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 120, ahtSeconds: 180, ringSeconds: [30] }],
    agents: [...agents(inner, { s: 1 }, {}, 'in'), ...agents(outer, { s: 1 }, { rings: { q: 2 } }, 'out')],
    durationSeconds: 20_000,
    replications: 5,
    targetSeconds: target,
    seed: 9,
  });

  it('ring-2 agents take no call before the expansion time', () => {
    // Only ring-2 agents (6 Erlangs on 24): every call waits until 30 s, then an idle one nearly always answers at once.
    const at29 = simulate(ringed(0, 24, 29.9)).queues[0];
    const at30 = simulate(ringed(0, 24, 30)).queues[0];
    expect(at29?.serviceLevel.mean).toBe(0);
    expect(at30?.serviceLevel.mean).toBeGreaterThan(0.99);
    expect(at30?.asaSeconds.mean).toBeGreaterThanOrEqual(30);
    expect(at30?.asaSeconds.mean).toBeLessThan(31);
  });

  it('with one ring-1 agent, the outer ring takes only calls that found it busy, after 30 s', () => {
    const r = simulate(ringed(1, 12, 20));
    const inner = r.agents[0]!.occupancy.mean;
    const outer = r.agents.slice(1).reduce((s, a) => s + a.occupancy.mean, 0);
    // 6 Erlangs in all: the inner agent is busy most of the time, the outer ring carries the rest.
    expect(inner).toBeGreaterThan(0.6);
    expect(inner + outer).toBeCloseTo(6, 0);
    // Within 20 s only the inner agent can answer, and it is busy over 60 % of the time: so at most ~40 % of
    // calls are answered within 20 s, though all are answered (the outer ring has room after 30 s).
    expect(r.queues[0]!.serviceLevel.mean).toBeLessThan(1 - 0.6);
    expect(r.queues[0]!.answered.mean).toBeCloseTo(r.queues[0]!.offered.mean, 10);
  });
});

describe('simulate: agent speed', () => {
  it('speed 2 halves occupancy on the same calls', () => {
    const model: SimulationModel = {
      queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 360, ahtSeconds: 200 }],
      agents: agents(60, { s: 1 }), // 20 Erlangs on 60 agents: practically nobody waits
      durationSeconds: 20_000,
      replications: 4,
      targetSeconds: 20,
      seed: 4,
    };
    const total = (m: SimulationModel) => simulate(m).agents.reduce((s, a) => s + a.occupancy.mean, 0);
    const normal = total(model);
    const fast = total({ ...model, agents: model.agents.map((a) => ({ ...a, speed: 2 })) });
    expect(normal).toBeCloseTo(20, -0.5);
    expect(fast / normal).toBeGreaterThan(0.49);
    expect(fast / normal).toBeLessThan(0.51);
  });
});
