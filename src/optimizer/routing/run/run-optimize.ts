// optimizeRouting's implementation, as phases over one run's state (run-state.ts): the search (run-search.ts:
// screen with a fluid MIP, then a simulation search measured in work, not time, calibrated against independent
// runs), the acceptance on independent confirmation runs (run-accept.ts), and the result with its stats.
import { buildResult } from './result.js';
import { accept, type Acceptance } from './run-accept.js';
import { search, type SearchOutcome } from './run-search.js';
import { createRun, workDone, type RunState } from './run-state.js';
import type { ReplicationRunner } from '../../queueing/simulate/run.js';
import type { ChangeBound, SolveAside } from '../screen/change-bound.js';
import type { OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from '../types.js';

/**
 * The implementation behind `optimizeRouting` (loaded on its first call; see optimize.ts for the contract).
 * `runner` runs each simulation's replications (the worker pool's helpers; this thread when absent), and
 * `solveAside` a large lower bound's relaxation (on a helper, beside the search; on this thread when absent).
 */
export async function runOptimizeRouting(
  input: OptimizeRoutingInput,
  options?: OptimizeRoutingOptions,
  runner?: ReplicationRunner,
  startedAt?: number,
  solveAside?: SolveAside,
): Promise<OptimizeRoutingResult> {
  const run = createRun(input, options, runner, startedAt, solveAside);
  const searched = await search(run);
  const verdict = await accept(run, searched);
  return finish(run, searched, verdict, await searched.lowerBound);
}

/** The result: the plan and its figures (result.ts), then the run's stats. */
function finish(
  run: RunState,
  out: SearchOutcome,
  verdict: Acceptance,
  lowerBound: ChangeBound,
): OptimizeRoutingResult {
  if (run.stoppedBy === 'time-limit')
    run.warnings.push(
      `time limit of ${Math.round(run.cap())} ms reached before the work budget (effort ${run.opts.effort}) was spent: the best plan found so far is returned, and it depends on the machine's speed`,
    );
  const result = buildResult({
    problem: run.problem,
    options: run.opts,
    state: out.best,
    before: verdict.before,
    after: verdict.after,
    dedicated: run.dedicated,
    dedicatedAt: run.dedicatedAt,
    warnings: run.warnings,
    lowerBound,
  });
  const { stats } = run;
  result.stats = {
    candidatesEvaluated: stats.evaluated,
    simulatedContacts: stats.simulated,
    solverMs: Math.round(stats.solverMs),
    simulateMs: Math.round(stats.simulateMs),
    totalMs: Math.round(performance.now() - run.started),
    groups: run.groups.length,
    seed: run.opts.seed,
    stoppedBy: run.stoppedBy,
    work: workDone(run),
  };
  run.report('done', out.best, verdict.after);
  return result;
}
