// Erlang A at absurd magnitudes: a ValidationError naming the field instead of a hang, and exact results right
// up to the bounds. (Before the bounds, ahtSeconds 1e-308 or patienceSeconds 1e308 ran for over a minute.)
import { describe, expect, it } from 'vitest';
import {
  erlangA,
  erlangC,
  requiredAgentsErlangA,
  serviceLevel,
  staffIntervals,
  trafficFromVolume,
} from '../../../../src/optimizer/queueing/index.js';
import { whatIf } from '../../../../src/optimizer/planning/index.js';
import {
  MAX_ERLANG_A_SCALE,
  MAX_PATIENCE_RATIO,
  MIN_PATIENCE_RATIO,
} from '../../../../src/optimizer/queueing/erlang-a/erlang-a-limits.js';
import { MAX_SERIES_TERMS, lowerSeries } from '../../../../src/optimizer/queueing/erlang-a/incomplete-gamma.js';
import { expectValidationError } from '../helpers.js';

const ok = { agents: 10, traffic: 8, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20 };
const req = { traffic: 10, ahtSeconds: 180, patienceSeconds: 120, targetSeconds: 20, serviceLevel: 0.8 };

describe('Erlang A bounds', () => {
  it('names the absurd field: a vanishing AHT, an endless or a vanishing patience', () => {
    expectValidationError(() => erlangA({ ...ok, ahtSeconds: 1e-308 }), 'ahtSeconds');
    expectValidationError(() => erlangA({ ...ok, ahtSeconds: Number.MIN_VALUE }), 'ahtSeconds');
    expectValidationError(() => erlangA({ ...ok, patienceSeconds: 1e308 }), 'patienceSeconds');
    expectValidationError(() => erlangA({ ...ok, patienceSeconds: 1e-308 }), 'patienceSeconds');
    expectValidationError(() => requiredAgentsErlangA({ ...req, patienceSeconds: 1e17 }), 'patienceSeconds');
    expectValidationError(() => requiredAgentsErlangA({ ...req, ahtSeconds: 1e-308 }), 'ahtSeconds');
  });

  it('names the field that pushes traffic × patience / AHT past the bound', () => {
    // 1e9 Erlangs with a plausible patience and AHT: traffic is the outlier.
    const big = expectValidationError(
      () => erlangA({ ...ok, agents: 1, traffic: 1e9, patienceSeconds: 3600, ahtSeconds: 10 }),
      'traffic',
    );
    expect(big.message).toContain('traffic × patienceSeconds / ahtSeconds');
    // 8 Erlangs, AHT 180 s, patience of 300,000 years (1e13 s): patience is the outlier.
    expectValidationError(() => erlangA({ ...ok, patienceSeconds: 1e13 }), 'patienceSeconds');
  });

  it('accepts everything up to the bounds and stays exact there', () => {
    // traffic × patience / AHT just below the bound: a stable queue equals Erlang C to within 1e-9.
    const patience = (MAX_ERLANG_A_SCALE / 10) * 180 * 0.99;
    const r = erlangA({ agents: 14, traffic: 10, ahtSeconds: 180, patienceSeconds: patience, targetSeconds: 20 });
    expect(Math.abs(r.probabilityOfWait - erlangC({ agents: 14, traffic: 10 }))).toBeLessThan(1e-9);
    expect(
      Math.abs(r.serviceLevel - serviceLevel({ agents: 14, traffic: 10, ahtSeconds: 180, targetSeconds: 20 })),
    ).toBeLessThan(1e-9);
    // An overloaded queue at the bound: abandonment balances the excess, 1 − N/A of the callers leave.
    const over = erlangA({
      agents: 90,
      traffic: 100,
      ahtSeconds: 1,
      patienceSeconds: (MAX_ERLANG_A_SCALE / 100) * 0.99,
      targetSeconds: 20,
    });
    expect(over.probabilityOfAbandon).toBeCloseTo(0.1, 9);
    // The smallest patience ratio: callers leave at once, so waiting callers are lost (Erlang B-like).
    const impatient = erlangA({ ...ok, patienceSeconds: 180 * MIN_PATIENCE_RATIO });
    expect(impatient.probabilityOfAbandon).toBeCloseTo(impatient.probabilityOfWait, 6);
    expect(
      Number.isFinite(erlangA({ ...ok, traffic: 1e-9, patienceSeconds: 180 * MAX_PATIENCE_RATIO }).serviceLevel),
    ).toBe(true);
    expect(requiredAgentsErlangA({ ...req, traffic: 1e9, ahtSeconds: 1, patienceSeconds: 99 }).agents).toBeGreaterThan(
      0,
    );
  });

  it('whatIf reports the bounds on the queue row that breaks them', () => {
    const input = (extra: Record<string, number>) => ({
      queues: [
        {
          queueId: 'q',
          requiredSkillIds: [],
          calls: 100,
          intervalSeconds: 1800,
          ahtSeconds: 180,
          targetSeconds: 20,
          ...extra,
        },
      ],
      membership: { members: [], userSkills: {} },
      changes: [],
    });
    expectValidationError(() => whatIf(input({ patienceSeconds: 1e308 })), 'queues[0].patienceSeconds');
    expectValidationError(() => whatIf(input({ patienceSeconds: 120, ahtSeconds: 1e-308 })), 'queues[0].ahtSeconds');
    expectValidationError(() => whatIf(input({ intervalSeconds: 1e-308 })), 'queues[0].intervalSeconds');
  });

  it('the series behind it stop at a hard term cap, whatever the arguments', () => {
    // Terms y/(s+k) ≈ 1 for s = y = 1e300: without the cap this sum never ends; with it, it stops at the cap.
    expect(lowerSeries(1e300, 1e300)).toBe(MAX_SERIES_TERMS);
  });
});

describe('traffic from volume: the overflowing field is named', () => {
  it('blames intervalSeconds or ahtSeconds when they, not calls, are absurd', () => {
    expectValidationError(
      () => trafficFromVolume({ calls: 100, intervalSeconds: 1e-308, ahtSeconds: 300 }),
      'intervalSeconds',
    );
    expectValidationError(
      () => trafficFromVolume({ calls: 100, intervalSeconds: 900, ahtSeconds: 1e308 }),
      'ahtSeconds',
    );
    expectValidationError(() => trafficFromVolume({ calls: 1e308, intervalSeconds: 900, ahtSeconds: 300 }), 'calls');
    expect(Object.is(trafficFromVolume({ calls: -0, intervalSeconds: 900, ahtSeconds: 300 }), 0)).toBe(true);
  });

  it('staffIntervals names the row field, and refuses ids it cannot copy faithfully', () => {
    const targets = { targetSeconds: 20, serviceLevel: 0.8 };
    expectValidationError(
      () => staffIntervals([{ calls: 100, intervalSeconds: 1e-308, ahtSeconds: 300 }], targets),
      'forecasts[0].intervalSeconds',
    );
    expectValidationError(
      () => staffIntervals([{ id: Number.NaN, traffic: 3, ahtSeconds: 100 }], targets),
      'forecasts[0].id',
    );
    expectValidationError(
      () => staffIntervals([{ id: 1n as unknown as number, traffic: 3, ahtSeconds: 100 }], targets),
      'forecasts[0].id',
    );
    expectValidationError(
      () => staffIntervals([{ queueId: 7 as unknown as string, traffic: 3, ahtSeconds: 100 }], targets),
      'forecasts[0].queueId',
    );
    expect(
      staffIntervals(
        [
          { id: 'a', queueId: 'q', traffic: 3, ahtSeconds: 100 },
          { id: 2, traffic: 3, ahtSeconds: 100 },
        ],
        targets,
      ).map((r) => r.id),
    ).toEqual(['a', 2]);
  });
});
