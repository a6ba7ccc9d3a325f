// The simulator's input checks and its work cap: anything that passes validation finishes in bounded time.
import { describe, expect, it } from 'vitest';
import { isValidationError, simulate, type SimulationModel } from '../../../src/optimizer/index.js';
import { expectValidationError } from './helpers.js';

const good: SimulationModel = {
  queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 60, ahtSeconds: 60 }],
  agents: [
    { id: 'a', skills: { s: 1 } },
    { id: 'b', skills: { s: 2 } },
  ],
  durationSeconds: 1000,
  targetSeconds: 20,
};
const queue = good.queues[0]!;

describe('simulate: work cap', () => {
  it('rejects hostile sizes up front, naming the field (no hang, no NaN)', () => {
    expectValidationError(() => simulate({ ...good, durationSeconds: 1e308 }), 'durationSeconds');
    expectValidationError(() => simulate({ ...good, warmupSeconds: 1e308 }), 'warmupSeconds');
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, ahtSeconds: 1e308 }] }),
      'queues[0].ahtSeconds',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, patienceSeconds: 1e308 }] }),
      'queues[0].patienceSeconds',
    );
    const many = Array.from({ length: 100_000 }, (_, i) => ({ ...queue, id: `q${i}` }));
    expectValidationError(() => simulate({ ...good, queues: many }), 'queues');
  });

  it('a model above maxContacts is rejected before running, naming what drives the work', () => {
    const busy = { ...good, queues: [{ ...queue, arrivalRatePerHour: 3_600_000 }], durationSeconds: 100_000 };
    const started = performance.now();
    const error = expectValidationError(() => simulate(busy), 'durationSeconds');
    expect(performance.now() - started).toBeLessThan(1_000); // refused, not run: 1e9 contacts would take minutes
    expect(error.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['replications', 'maxContacts', 'queues[0].arrivalRatePerHour']),
    );
    expect(error.message).toMatch(/above maxContacts = 50000000/);
    // The cap is configurable both ways.
    expectValidationError(() => simulate({ ...good, maxContacts: 100 }), 'durationSeconds');
    expect(simulate({ ...good, durationSeconds: 3600, replications: 2, maxContacts: 1_000 }).contacts).toBeGreaterThan(
      0,
    );
  });

  it('the extreme values that pass validation give finite results', () => {
    const r = simulate({
      ...good,
      queues: [{ ...queue, ahtSeconds: 1e9, patienceSeconds: 1e9 }],
      durationSeconds: 1e4,
    });
    for (const q of r.queues)
      for (const e of [q.serviceLevel, q.asaSeconds, q.abandonRate, q.offered])
        expect(Number.isNaN(e.mean) || Number.isNaN(e.halfWidth)).toBe(false);
    const tiny = simulate({ ...good, queues: [{ ...queue, ahtSeconds: 1e-308, patienceSeconds: 1e-308 }] });
    expect(tiny.queues[0]?.serviceLevel.mean).toBe(1);
    // A profile of near-zero intervals is bounded by the cap, not by a loop over intervals.
    expectValidationError(
      () =>
        simulate({
          ...good,
          queues: [
            {
              ...queue,
              arrivalRatePerHour: undefined,
              arrivals: { intervalSeconds: 1e-300, callsPerInterval: [1, 2] },
            },
          ],
        }),
      'queues[0].arrivals',
    );
    const sparse = simulate({
      ...good,
      queues: [
        { ...queue, arrivalRatePerHour: undefined, arrivals: { intervalSeconds: 1e-3, callsPerInterval: [1e-9, 0] } },
      ],
    });
    expect(sparse.queues[0]?.offered.mean).toBeLessThan(100);
  });
});

describe('simulate: a queue nobody serves', () => {
  it('its impatient callers all abandon; the patient ones stay offered and unanswered', () => {
    const r = simulate({
      ...good,
      queues: [
        queue,
        { id: 'orphan', skill: 'x', arrivalRatePerHour: 600, ahtSeconds: 60, patienceSeconds: 30 },
        { id: 'patient', skill: 'x', arrivalRatePerHour: 600, ahtSeconds: 60 },
      ],
      durationSeconds: 3600,
    });
    const [, orphan, patient] = r.queues;
    expect(orphan?.offered.mean).toBeGreaterThan(500);
    expect(orphan?.abandonRate).toEqual({ mean: 1, halfWidth: 0 });
    expect(orphan?.serviceLevel).toEqual({ mean: 0, halfWidth: 0 });
    expect(patient?.abandoned.mean).toBe(0);
    expect(patient?.answered.mean).toBe(0);
  });
});

describe('simulate: validation of the routing features', () => {
  it('names the bad field', () => {
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, arrivals: { intervalSeconds: 900, callsPerInterval: [1] } }] }),
      'queues[0].arrivals',
    );
    const profiled = { ...queue, arrivalRatePerHour: undefined };
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...profiled, arrivals: { intervalSeconds: 900, callsPerInterval: [] } }] }),
      'queues[0].arrivals.callsPerInterval',
    );
    expectValidationError(
      () =>
        simulate({ ...good, queues: [{ ...profiled, arrivals: { intervalSeconds: 900, callsPerInterval: [1, -1] } }] }),
      'queues[0].arrivals.callsPerInterval[1]',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...profiled, arrivals: { intervalSeconds: 0, callsPerInterval: [1] } }] }),
      'queues[0].arrivals.intervalSeconds',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, targetSeconds: -1 }] }),
      'queues[0].targetSeconds',
    );
    expectValidationError(() => simulate({ ...good, targetSeconds: undefined }), 'targetSeconds');
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, priority: Number.NaN }] }),
      'queues[0].priority',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, ringSeconds: [30, 10] }] }),
      'queues[0].ringSeconds[1]',
    );
    expectValidationError(
      () => simulate({ ...good, queues: [{ ...queue, ringSeconds: [1, 2, 3, 4, 5, 6] }] }),
      'queues[0].ringSeconds',
    );
    expectValidationError(
      () => simulate({ ...good, agents: [{ id: 'a', skills: { s: 1 }, rings: { q: 2 } }] }),
      'agents[0].rings.q',
    );
    expectValidationError(
      () => simulate({ ...good, agents: [{ id: 'a', skills: { s: 1 }, rings: { nope: 1 } }] }),
      'agents[0].rings.nope',
    );
    expectValidationError(
      () => simulate({ ...good, agents: [{ id: 'a', skills: { s: 1 }, speed: 0 }] }),
      'agents[0].speed',
    );
    expectValidationError(() => simulate({ ...good, maxContacts: Infinity }), 'maxContacts');
    expectValidationError(() => simulate(null as unknown as SimulationModel), '');
  });

  it('a queue without its own target takes the model default; with every queue targeted none is needed', () => {
    const r = simulate({ ...good, targetSeconds: undefined, queues: [{ ...queue, targetSeconds: 15 }] });
    expect(r.queues[0]?.targetSeconds).toBe(15);
    expect(simulate(good).queues[0]?.targetSeconds).toBe(20);
  });

  it('errors are ValidationErrors with the simulate context', () => {
    try {
      simulate({ ...good, durationSeconds: -1 });
      expect.unreachable();
    } catch (e) {
      expect(isValidationError(e)).toBe(true);
      expect((e as Error).message).toMatch(/^simulate: durationSeconds: must be > 0/);
    }
  });
});
