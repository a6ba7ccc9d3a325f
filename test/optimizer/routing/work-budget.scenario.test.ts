// The search is measured in work (simulated evaluations), never in time: the same input and options give the same
// plan whatever the time limit, as long as the limit is above what the work needs.
import { describe, expect, it } from 'vitest';
import { optimizeRouting, type OptimizeRoutingInput } from '../../../src/optimizer/index.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function threeQueues(): OptimizeRoutingInput {
  const staff = [5, 8, 12];
  return {
    queues: [4, 7, 11].map((load, i) => ({ id: `q${i}`, callsPerHour: (load * 3600) / 300, ahtSeconds: 300, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i}-${k}`, skills: { [`q${i}`]: 3 } })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 30 },
  };
}

function eightQueues(): OptimizeRoutingInput {
  const loads = [4, 6, 8, 10, 4, 6, 8, 10];
  const staff = loads.map((load, i) => load + 1 + (i % 3));
  return {
    queues: loads.map((load, i) => ({ id: `q${i}`, callsPerHour: (load * 3600) / 300, ahtSeconds: 300, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i}-${k}`, skills: { [`q${i}`]: 3 } })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 60 },
  };
}

const options = {
  seed: 7,
  effort: 0.1,
  evaluation: { contactsPerEvaluation: 30_000, confirmContacts: 120_000 },
} as const;

describe('optimizeRouting work budget', () => {
  it('returns the same plan under a 20 s and a 600 s time limit, stopped by its work budget', async () => {
    const short = await optimizeRouting(threeQueues(), { ...options, timeLimitMs: 20_000 });
    const long = await optimizeRouting(threeQueues(), { ...options, timeLimitMs: 600_000 });
    expect(short.stats.stoppedBy).toBe('work');
    expect(long.stats.stoppedBy).toBe('work');
    expect(short.changes.length).toBeGreaterThan(0);
    expect(long.changes).toEqual(short.changes);
    expect(long.agents).toEqual(short.agents);
    expect(long.queues.map((q) => q.after.serviceLevel)).toEqual(short.queues.map((q) => q.after.serviceLevel));
    expect(long.stats.work).toEqual(short.stats.work);
    expect(short.stats.work!.used).toBeLessThanOrEqual(short.stats.work!.budget + 10);
    expect(short.warnings.some((w) => w.includes('time limit'))).toBe(false);
  }, 60_000);

  it('reports a time-limit stop and a warning when the safety cap comes first', async () => {
    // Eight queues (three end on their own after about 24 evaluations, within 5 s on a fast machine), effort 50
    // (about 18,000 evaluations of 200,000 contacts) and no patience stop: work no machine finishes in 5 s; here a
    // 60 s limit stopped it at 1,074. Evaluations small enough that the worker's start and the confirmations fit
    // in the limit on a slow machine with two CPU-bound processes beside it.
    const capped = await optimizeRouting(eightQueues(), {
      ...options,
      effort: 50,
      timeLimitMs: 5_000,
      evaluation: { ...options.evaluation, contactsPerEvaluation: 200_000, searchPatience: 100_000 },
    });
    expect(capped.stats.stoppedBy).toBe('time-limit');
    expect(capped.warnings.some((w) => w.includes('time limit of 5000 ms'))).toBe(true);
    expect(capped.queues).toHaveLength(8);
  }, 60_000);

  it('rejects an effort that is not a positive number', async () => {
    await expect(optimizeRouting(threeQueues(), { effort: 0 })).rejects.toThrow('options.effort');
  });
});
