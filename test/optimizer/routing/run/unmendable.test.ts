// A plan short on a queue that nobody can help: the acceptance judges it on one fresh round and reports that round.
// The round was drawn for this very plan (no repair tried anything on it), so its figures are unbiased; drawing
// more rounds would judge the same plan again and try the same nothing.
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { accept } from '../../../../src/optimizer/routing/run/run-accept.js';
import { createRun } from '../../../../src/optimizer/routing/run/run-state.js';
import type { SearchOutcome } from '../../../../src/optimizer/routing/run/run-search.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';

const target = { serviceLevel: 0.8, withinSeconds: 20 };

/** q0: 5 Erlangs on 6 specialists (far below 80 %); q1's agents may not take q0 (nor anything else). */
function input(q1Eligible: string[] | undefined) {
  return {
    queues: [
      { id: 'q0', callsPerHour: 60, ahtSeconds: 300, target },
      { id: 'q1', callsPerHour: 24, ahtSeconds: 300, target },
    ],
    agents: [
      ...Array.from({ length: 6 }, (_, k) => ({ id: `a${k}`, skills: { q0: 3 }, eligible: ['q0'] })),
      ...Array.from({ length: 8 }, (_, k) => ({ id: `b${k}`, skills: { q1: 3 }, eligible: q1Eligible })),
    ],
  };
}
const options = {
  seed: 5,
  acceptance: 'mean' as const,
  evaluation: { contactsPerEvaluation: 10_000, confirmContacts: 20_000 },
};

/** The acceptance on the current skills, with every confirmation round it simulates recorded. */
async function acceptCurrent(q1Eligible: string[] | undefined) {
  const run = createRun(input(q1Eligible), options, undefined);
  const plan = new PlanState(run.problem, run.opts.addProficiency);
  const base = new PlanState(run.problem, run.opts.addProficiency);
  const rounds: string[] = [];
  const confirmOn = run.confirmOn.bind(run);
  run.confirmOn = (state, round) => {
    rounds.push(`${state === base ? 'base' : 'plan'}@${round}`);
    return confirmOn(state, round);
  };
  const first = await run.confirmOn(plan, 100);
  const out: SearchOutcome = {
    base,
    best: plan,
    bestEval: first,
    lowerBound: Promise.resolve({ changes: 0, forced: 0 } as never),
    calibrationRounds: 0,
  };
  rounds.length = 0;
  const verdict = await accept(run, out);
  return { run, plan, rounds, verdict };
}

const shortOn = (ev: Evaluation, q: number): boolean => (ev.queues[q]?.mean ?? 1) < target.serviceLevel;

describe('the acceptance of a plan nobody can mend', () => {
  it('reports the first fresh round and confirms the current skills on it, without further rounds', async () => {
    const { run, plan, rounds, verdict } = await acceptCurrent(['q1']);
    expect(plan.changes).toBe(0);
    expect(shortOn(verdict.accepted, 0)).toBe(true);
    expect(shortOn(verdict.after, 0)).toBe(true);
    expect(rounds).toEqual(['plan@0', 'plan@1', 'base@1']);
    expect(verdict.after).toEqual(await run.confirm.on(plan, 1));
  });

  it('still mends the plan on the fresh rounds when someone can help', async () => {
    const { plan, rounds, verdict } = await acceptCurrent(undefined);
    expect(plan.changes).toBeGreaterThan(0);
    expect(shortOn(verdict.after, 0)).toBe(false);
    expect(rounds.length).toBeGreaterThan(3);
  });
});
