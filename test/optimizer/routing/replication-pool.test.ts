// The replication helpers share several simulations' replications at once (a confirmation's runs): each
// simulation's results are the ones this thread gives alone, in replication order, however the ranges fall.
import { describe, expect, it, onTestFinished } from 'vitest';
import { simulationModel } from '../../../src/optimizer/routing/evaluate/evaluate.js';
import { normalizeOptions, normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { compileModel } from '../../../src/optimizer/queueing/simulate/compile.js';
import { runHere, type ReplicationJob } from '../../../src/optimizer/queueing/simulate/run.js';
import { ReplicationPool, workersAvailable } from '../../../src/optimizer/routing/worker-pool.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

/** Simulations of one small centre on different seeds, with `replications[k]` replications each. */
function jobs(replications: readonly number[]): ReplicationJob[] {
  const problem = normalizeProblem({
    queues: [
      { id: 'a', callsPerHour: 60, ahtSeconds: 300, target },
      { id: 'b', callsPerHour: 90, ahtSeconds: 240, target },
    ],
    agents: Array.from({ length: 14 }, (_, k) => ({
      id: `x${k}`,
      skills: (k % 3 ? { a: 3 } : { a: 2, b: 3 }) as Record<string, number>,
    })),
  });
  const options = normalizeOptions(undefined, problem);
  const assignment = problem.agents.map((a) => a.held);
  return replications.map((r, k) => {
    const length = { replications: r, durationSeconds: 1_800, warmupSeconds: 600 };
    const model = simulationModel(problem, options, assignment, length, 11 + k);
    return { model, compiled: compileModel(model) };
  });
}

describe('replication helpers', () => {
  it('run several simulations together with the results of each alone, in order', async () => {
    expect(await workersAvailable()).toBe(true);
    const pool = new ReplicationPool(2);
    onTestFinished(() => pool.close());
    // 5 + 4 + 3 + 2 replications over 3 threads: ranges that cut simulations in two.
    const batch = jobs([5, 4, 3, 2]);
    const alone = runHere(batch);
    const shared = pool.runner(batch);
    expect(shared.map((runs) => runs.length)).toEqual([5, 4, 3, 2]);
    expect(shared).toEqual(alone);
    expect(alone[0]).not.toEqual(alone[1]);
  }, 60_000);
});
