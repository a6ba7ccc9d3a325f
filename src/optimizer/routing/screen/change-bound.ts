// Helpers of optimizeRouting's run: the lower bound on changes, the judged interval of a horizon, missing
// holders, and the columns of a very large screening model.
import type { Evaluation } from '../evaluate/evaluate.js';
import type { groupAgents } from './groups.js';
import type { HighsSolver } from './highs.js';
import type { NormProblem } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { buildScreenModel, solveScreen, solverOptions, type ScreenParams } from './screen.js';

/** Add columns (group x queue) beyond which the screening model is solved as an LP and rounded. */
export const LARGE_MODEL_PAIRS = 1_500;
/** Add columns (group x queue) beyond which the screening model keeps only generated ones. */
export const MAX_COLUMNS = 60_000;
/** Add columns beyond which the bound's relaxation is not attempted. */
const MAX_BOUND_PAIRS = 250_000;
/** Branch-and-bound nodes of the bound's MIP: a work limit, so the bound does not depend on the machine. */
const BOUND_NODES = 2_000;

/** The interval with the largest weighted shortfall over all queues (calls × points below target); 0 when none. */
export function worstInterval(problem: NormProblem, ev: Evaluation): number {
  if (!problem.horizon.timeVarying) return 0;
  let best = 0;
  let worst = -1;
  for (let t = 0; t < problem.horizon.intervals; t++) {
    let s = 0;
    problem.queues.forEach((q, i) => {
      const x = ev.queues[i]?.intervals?.[t];
      if (x) s += q.weight * (q.calls[t] ?? 0) * Math.max(0, q.sl - x.mean);
    });
    if (s > worst) {
      worst = s;
      best = t;
    }
  }
  return best;
}

/** Holders missing below minHoldersPerQueue, summed over the queues. */
export function missingHolders(state: PlanState): number {
  const min = state.problem.minHolders;
  return min > 0 ? state.holders().reduce((s, n) => s + Math.max(0, min - n), 0) : 0;
}

/** A lower bound on the changes of any plan that meets every target, and how it was obtained. */
export interface ChangeBound {
  changes: number;
  /** `relaxation`: the screening model's optimum; `holders`: the holders each queue lacks, summed (looser). */
  kind: 'relaxation' | 'holders';
}

/** A large bound's relaxation as LP text with the solver's options: what a helper thread can solve. */
export interface BoundModel {
  lp: string;
  options: Record<string, unknown>;
}

/** How a bound model's solve ended: HiGHS' status (`failed: …` when it threw), its objective, its time. */
export interface BoundSolve {
  status: string;
  objective: number;
  ms: number;
}

/**
 * Solves a large bound's relaxation on another thread, while the search goes on here; undefined when no thread
 * is free (the bound is then solved on this thread).
 */
export type SolveAside = (model: BoundModel) => Promise<BoundSolve> | undefined;

/** Solves a bound model with the solver at hand (a failure is a status, never a throw). */
export function solveBoundModel(solver: HighsSolver, model: BoundModel): BoundSolve {
  const t0 = performance.now();
  try {
    const sol = solver.solve(model.lp, model.options);
    return { status: sol.Status, objective: sol.ObjectiveValue, ms: performance.now() - t0 };
  } catch (error) {
    // The WebAssembly solver aborts when a model outgrows its memory: the bound falls back to the holders.
    return { status: `failed: ${(error as Error).message.slice(0, 120)}`, objective: NaN, ms: performance.now() - t0 };
  }
}

/**
 * Fewest changes for any plan that keeps every queue stable (agent time ≥ its load; with patience, ≥ load ×
 * target share) and gives it at least as many holders as it would need dedicated agents. Both are necessary
 * for meeting the target, so the relaxation's optimum is a lower bound on the changes a plan needs. When the
 * relaxation is too large or does not finish, the holders each queue lacks, summed (one add gives one queue one
 * holder), are still a valid bound. A large relaxation goes to `aside` when given: it reports only, so the search
 * need not wait for it (the returned promise settles when it is solved, and never rejects).
 */
export async function boundChanges(
  problem: NormProblem,
  groups: ReturnType<typeof groupAgents>,
  dedicated: readonly number[],
  stats: { solverMs: number },
  at: readonly number[],
  /** Safety cap on the solver's time (a bound cut short by it is still valid, only looser). */
  capSeconds: number,
  /** The solver (loaded by the caller, the one module that loads it), and what to do when it failed. */
  solver: HighsSolver,
  forget: () => void,
  aside?: SolveAside,
): Promise<ChangeBound> {
  const fastest = problem.agents.reduce((m, a) => Math.max(m, a.speed), 1);
  const holders = dedicated.map((n) => (fastest > 1 ? Math.floor(n / fastest) : n));
  const lacking = lackingHolders(problem, holders);
  const params = {
    flowRequirement: problem.queues.map((q) => (q.patience === undefined ? q.load : q.load * q.sl)),
    holderRequirement: holders,
    hard: true,
    ignoreBudget: true,
    bound: true,
    at,
  };
  const pairs = groups.reduce((n, g) => n + g.addable.length, 0);
  // Beyond this the relaxation outgrows the solver's memory.
  if (pairs > MAX_BOUND_PAIRS) return lacking;
  let sol: BoundSolve;
  if (pairs > LARGE_MODEL_PAIRS) {
    // Large models: the LP straight away (its optimum is a valid bound too; the MIP rarely finishes in time there).
    const relaxed = { ...params, relax: true, timeLimitSeconds: Math.min(60, capSeconds) };
    const model = { lp: buildScreenModel(problem, groups, relaxed), options: solverOptions(relaxed) };
    const away = aside?.(model);
    // A helper's solver that failed is forgotten there, not here.
    sol = away ? await away : solveHere(solver, model, forget);
  } else sol = solveSmall(solver, problem, groups, params, capSeconds, forget);
  stats.solverMs += sol.ms;
  if (sol.status !== 'Optimal' || !Number.isFinite(sol.objective)) return lacking;
  const relaxed = Math.max(0, Math.ceil(sol.objective - 1e-6));
  return relaxed >= lacking.changes ? { changes: relaxed, kind: 'relaxation' } : lacking;
}

/** The holders each queue lacks below `holders`, summed: a valid bound on its own (one add gives one holder). */
function lackingHolders(problem: NormProblem, holders: readonly number[]): ChangeBound {
  const held = problem.queues.map(() => 0);
  for (const a of problem.agents) for (const q of a.held.keys()) held[q] = (held[q] as number) + 1;
  return { changes: holders.reduce((s, n, q) => s + Math.max(0, n - (held[q] as number)), 0), kind: 'holders' };
}

function solveHere(solver: HighsSolver, model: BoundModel, forget: () => void): BoundSolve {
  const sol = solveBoundModel(solver, model);
  if (sol.status.startsWith('failed')) forget();
  return sol;
}

/** A small model: the MIP within a node limit (machine-independent), else its relaxation. */
function solveSmall(
  solver: HighsSolver,
  problem: NormProblem,
  groups: ReturnType<typeof groupAgents>,
  params: Omit<ScreenParams, 'timeLimitSeconds'>,
  capSeconds: number,
  forget: () => void,
): BoundSolve {
  const t0 = performance.now();
  const mip = { ...params, nodeLimit: BOUND_NODES, timeLimitSeconds: Math.min(30, capSeconds) };
  let sol = solveScreen(solver, problem, groups, mip);
  if (sol.status !== 'Optimal')
    sol = solveScreen(solver, problem, groups, { ...params, relax: true, timeLimitSeconds: Math.min(60, capSeconds) });
  if (sol.status.startsWith('failed')) forget();
  return { status: sol.status, objective: sol.objective, ms: performance.now() - t0 };
}

/**
 * Columns for a very large screening model: per queue that may gain holders, the groups most able to lend (their
 * own queues furthest above target in the simulation, larger groups first), up to an equal share of MAX_COLUMNS.
 */
export function generateColumns(
  problem: NormProblem,
  groups: ReturnType<typeof groupAgents>,
  targets: ReadonlySet<number>,
  ev: Evaluation,
): Map<number, Set<number>> {
  const room = (g: (typeof groups)[number]): number => {
    let m = 1;
    for (const q of g.held) m = Math.min(m, (ev.queues[q]?.mean ?? 0) - (problem.queues[q]?.sl ?? 0));
    return m;
  };
  const ranked = [...groups].sort(
    (x, y) => room(y) - room(x) || y.agents.length - x.agents.length || x.index - y.index,
  );
  const perQueue = Math.max(1, Math.floor(MAX_COLUMNS / Math.max(1, targets.size)));
  const allow = new Map<number, Set<number>>();
  for (const q of targets) {
    const set = new Set<number>();
    for (const g of ranked) {
      if (set.size >= perQueue) break;
      if (g.addable.includes(q)) set.add(g.index);
    }
    allow.set(q, set);
  }
  return allow;
}
