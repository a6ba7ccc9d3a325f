// The reported figures of a plan on many queues pool more fresh rounds while a queue's verdict is within their
// error (its mean reaches the target, its lower bound does not), so a queue at target is not reported short on
// one round of 4 runs; the verdicts stay those of the figures. Sixteen queues: a confirmation of 4 runs a round.
import { describe, expect, it } from 'vitest';
import { undecided, type Evaluation } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { settled } from '../../../../src/optimizer/routing/run/run-accept.js';
import { createRun, type RunState } from '../../../../src/optimizer/routing/run/run-state.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';

const target = { serviceLevel: 0.8, withinSeconds: 20 };
const ids = Array.from({ length: 16 }, (_, q) => `q${q}`);
/** Sixteen queues of 2.5 Erlangs on 4 specialists each: near their target, so some rounds cannot tell. */
const input = {
  queues: ids.map((id) => ({ id, ahtSeconds: 300, target, callsPerHour: 30 })),
  agents: ids.flatMap((id) => [0, 1, 2, 3].map((k) => ({ id: `${id}-a${k}`, skills: { [id]: 3 } }))),
};
const options = { seed: 3, evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 40_000 } };

function setUp(): { run: RunState; plan: PlanState } {
  const run = createRun(input, options, undefined);
  return { run, plan: new PlanState(run.problem, run.opts.addProficiency) };
}

/** The first round whose 4 runs leave a verdict undecided (or decided, with `open` false). */
async function roundWhere(run: RunState, plan: PlanState, open: boolean): Promise<[number, Evaluation]> {
  for (let round = 0; round < 20; round++) {
    const ev = await run.confirmOn(plan, round);
    if (undecided(run.problem, ev, run.opts.acceptance) === open) return [round, ev];
  }
  throw new Error('no such round in 20');
}

describe('settled: the reported figures on enough fresh runs', () => {
  it('pools the next rounds until every verdict is decided or three more rounds are used', async () => {
    const { run, plan } = setUp();
    expect(run.sequential).toBe(false);
    const [round, after] = await roundWhere(run, plan, true);
    const evaluatedBefore = run.stats.evaluated;
    const reported = await settled(run, plan, after, round);
    const added = run.stats.evaluated - evaluatedBefore;
    expect(added).toBeGreaterThanOrEqual(1);
    expect(added).toBeLessThanOrEqual(3);
    const rounds = Array.from({ length: added + 1 }, (_, k) => round + k);
    expect(reported).toEqual(await run.confirm.pooledOn(plan, rounds));
    if (added < 3) expect(undecided(run.problem, reported, run.opts.acceptance)).toBe(false);
    // More runs, a smaller error.
    const meanWidth = (ev: Evaluation) => ev.queues.reduce((s, q) => s + q.halfWidth, 0) / ev.queues.length;
    expect(meanWidth(reported)).toBeLessThan(meanWidth(after));
  });

  it('keeps a round whose verdicts are all decided as it is', async () => {
    const { run, plan } = setUp();
    const [round, after] = await roundWhere(run, plan, false);
    const evaluatedBefore = run.stats.evaluated;
    expect(await settled(run, plan, after, round)).toBe(after);
    expect(run.stats.evaluated).toBe(evaluatedBefore);
  });

  it('adds no round once the time cap decided the run (its plan depends on the machine anyway)', async () => {
    const { run, plan } = setUp();
    const [round, after] = await roundWhere(run, plan, true);
    run.stoppedBy = 'time-limit';
    expect(await settled(run, plan, after, round)).toBe(after);
  });
});
