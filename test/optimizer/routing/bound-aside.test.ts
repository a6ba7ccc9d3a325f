// A large lower bound's relaxation solved on a replication helper beside the search: the same answer as on this
// thread, and a failure (never a hang) when the helper is gone before it answers.
import { describe, expect, it, onTestFinished } from 'vitest';
import { normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { groupAgents } from '../../../src/optimizer/routing/screen/groups.js';
import { loadHighs } from '../../../src/optimizer/routing/screen/highs.js';
import { buildScreenModel, solverOptions } from '../../../src/optimizer/routing/screen/screen.js';
import { solveBoundModel, type BoundModel } from '../../../src/optimizer/routing/screen/change-bound.js';
import { dedicatedRequirement } from '../../../src/optimizer/routing/screen/requirements.js';
import { ReplicationPool, workersAvailable } from '../../../src/optimizer/routing/worker-pool.js';
import { manyGroups } from './many-groups.js';

/** The bound's LP of a centre in many skill groups. */
function boundModel(): BoundModel {
  const problem = normalizeProblem(manyGroups());
  const params = {
    flowRequirement: problem.queues.map((q) => q.load),
    holderRequirement: problem.queues.map((q) => dedicatedRequirement(q)),
    hard: true,
    ignoreBudget: true,
    bound: true,
    relax: true,
    timeLimitSeconds: 30,
  };
  return { lp: buildScreenModel(problem, groupAgents(problem), params), options: solverOptions(params) };
}

describe('a bound solved aside, on a replication helper', () => {
  it('gives the answer this thread’s solver gives', async () => {
    expect(await workersAvailable()).toBe(true);
    const pool = new ReplicationPool(1);
    onTestFinished(() => pool.close());
    const model = boundModel();
    const here = solveBoundModel(await loadHighs(), model);
    expect(here.status).toBe('Optimal');
    const aside = await pool.solveAside(model);
    expect(aside).toMatchObject({ status: 'Optimal', objective: here.objective });
    // The helper answered, so it is free for the next bound.
    expect(pool.solveAside(model)).toBeInstanceOf(Promise);
  }, 60_000);

  it('takes one bound at a time, and reports a helper gone before it answered as a failure', async () => {
    await workersAvailable();
    const pool = new ReplicationPool(1);
    const pending = pool.solveAside(boundModel());
    expect(pending).toBeInstanceOf(Promise);
    expect(pool.solveAside(boundModel())).toBeUndefined();
    pool.close();
    expect((await pending)?.status).toMatch(/^failed: exited/);
  }, 60_000);
});
