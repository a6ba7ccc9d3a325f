// The search's warm start: one fluid screening MIP at the interval where the first simulation finds the most calls
// below target, decoded onto agents. Only a starting point: the simulation search decides everything after it.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { meets } from '../evaluate/evaluate.js';
import type { groupAgents } from './groups.js';
import type { HighsSolver } from './highs.js';
import type { NormOptions, NormProblem } from '../input.js';
import { PlanState, decodeScreen } from '../search/plan-state.js';
import { poolingFactor } from './requirements.js';
import { LARGE_MODEL_PAIRS, MAX_COLUMNS, generateColumns, worstInterval } from './change-bound.js';
import { solveScreen } from './screen.js';

/** Branch-and-bound nodes of the screening MIP (a work limit: the same model gives the same answer anywhere). */
const SCREEN_NODES = 5_000;

export interface WarmStartInput {
  problem: NormProblem;
  groups: ReturnType<typeof groupAgents>;
  /** Dedicated requirement per queue at its busiest interval, and per queue and interval. */
  dedicated: readonly number[];
  dedicatedAt(q: number, t: number): number;
  /** Queues no skill may be removed from (out of reach a priori). */
  protect?: ReadonlySet<number> | undefined;
  /** The simulation of the current configuration. */
  ev0: Evaluation;
  acceptance: NormOptions['acceptance'];
  addProficiency: number;
  /** Safety cap on the solver's time. */
  timeLimitSeconds: number;
  /** The solver (loaded by the caller), and what to do when it failed. */
  solver: HighsSolver;
  forget: () => void;
  stats: { solverMs: number };
  warnings: string[];
}

/** The screening model's plan, or undefined when the model was not solved (a warning then says why). */
export function screenedPlan(w: WarmStartInput): PlanState | undefined {
  const { problem, groups, dedicated, dedicatedAt, ev0 } = w;
  const theta = poolingFactor(problem.queues, dedicated);
  const tStar = worstInterval(problem, ev0);
  const at = problem.queues.map(() => tStar);
  const flow = problem.queues.map((q, i) => {
    const load = q.loads[tStar] ?? 0;
    return load + theta * Math.max(0, dedicatedAt(i, tStar) - load);
  });
  const holders = problem.queues.map((_, i) => dedicatedAt(i, tStar));
  const short = problem.queues.filter((q, i) => !meets(q, ev0.queues[i] as QueueEval, w.acceptance));
  const targets = new Set(short.map((q) => q.index));
  problem.queues.forEach((q, i) => {
    const need = Math.max(problem.minHolders, dedicated[i] as number);
    if ((ev0.queues[i] as QueueEval).holders < need) targets.add(q.index);
  });
  const t0 = performance.now();
  const pairs = groups.reduce((n, g) => n + g.addable.filter((q) => targets.has(q)).length, 0);
  // Large models (thousands of group x queue pairs) are solved as LPs and rounded.
  const screen = solveScreen(w.solver, problem, groups, {
    ...(pairs > MAX_COLUMNS ? { allowAdd: generateColumns(problem, groups, targets, ev0) } : {}),
    flowRequirement: flow,
    holderRequirement: holders,
    addTargets: targets,
    relax: pairs > LARGE_MODEL_PAIRS,
    at,
    nodeLimit: SCREEN_NODES,
    timeLimitSeconds: w.timeLimitSeconds,
  });
  w.stats.solverMs += performance.now() - t0;
  if (screen.status.startsWith('failed')) w.forget();
  if (screen.status.startsWith('unsolved') || screen.status.startsWith('failed')) {
    w.warnings.push(`screening model ${screen.status}`);
    return undefined;
  }
  if (/time limit/i.test(screen.status))
    w.warnings.push('the screening model reached its time cap: its warm start depends on the machine');
  const state = new PlanState(problem, w.addProficiency);
  if (w.protect) state.protect(w.protect);
  const unplaced = decodeScreen(state, groups, screen);
  if (unplaced > 0)
    w.warnings.push(`${unplaced} screened move(s) could not be placed on an agent within the per-agent limits`);
  return state;
}
