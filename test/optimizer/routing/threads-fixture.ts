// Inputs and checks shared by the worker-thread tests (threads.test.ts and threads-lifecycle.scenario.test.ts).
import { expect } from 'vitest';
import type { OptimizeRoutingInput, OptimizeRoutingResult } from '../../../src/optimizer/index.js';

export const target = { serviceLevel: 0.8, withinSeconds: 30 };
export const quick = {
  seed: 3,
  effort: 0.1,
  evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 80_000, searchPatience: 3 },
} as const;

export function threeQueues(): OptimizeRoutingInput {
  const staff = [5, 9, 7];
  return {
    queues: [60, 110, 90].map((calls, i) => ({ id: `q${i}`, callsPerHour: calls, ahtSeconds: 300, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i}-${k}`, skills: { [`q${i}`]: 3 } as Record<string, number> })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 30 },
  };
}

/** One queue at `callsPerHour` with ten agents: at 4 M calls an hour one simulation takes minutes. */
export function flood(callsPerHour = 4e6): OptimizeRoutingInput {
  return {
    queues: [{ id: 'flood', callsPerHour, ahtSeconds: 300, target }],
    agents: Array.from({ length: 10 }, (_, i) => ({ id: `a${i}`, skills: { flood: 3 } })),
  };
}

/** The same changes, figures and work as `reference`. */
export function expectSamePlan(result: OptimizeRoutingResult, reference: OptimizeRoutingResult): void {
  expect(result.changes).toEqual(reference.changes);
  expect(result.queues).toEqual(reference.queues);
  expect(result.stats?.work).toEqual(reference.stats?.work);
}
