// Helpers of optimizeRouting's run: the lower bound on changes, the judged interval of a horizon, missing
// holders, and the columns of a very large screening model.
import type { Evaluation } from '../evaluate/evaluate.js';
import type { groupAgents } from './groups.js';
import type { HighsSolver } from './highs.js';
import type { NormProblem } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { solveScreen } from './screen.js';

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

/**
 * Fewest changes for any plan that keeps every queue stable (agent time ≥ its load; with patience, ≥ load ×
 * target share) and gives it at least as many holders as it would need dedicated agents. Both are necessary
 * for meeting the target, so the relaxation's optimum is a lower bound on the changes a plan needs. When the
 * relaxation is too large or does not finish, the holders each queue lacks, summed (one add gives one queue one
 * holder), are still a valid bound.
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
): Promise<ChangeBound> {
  const flow = problem.queues.map((q) => (q.patience === undefined ? q.load : q.load * q.sl));
  const fastest = problem.agents.reduce((m, a) => Math.max(m, a.speed), 1);
  const holders = dedicated.map((n) => (fastest > 1 ? Math.floor(n / fastest) : n));
  const held = problem.queues.map(() => 0);
  for (const a of problem.agents) for (const q of a.held.keys()) held[q] = (held[q] as number) + 1;
  const lacking: ChangeBound = {
    changes: holders.reduce((s, n, q) => s + Math.max(0, n - (held[q] as number)), 0),
    kind: 'holders',
  };
  const t0 = performance.now();
  const common = { flowRequirement: flow, holderRequirement: holders, hard: true, ignoreBudget: true, bound: true, at };
  // Large models: the LP straight away (its optimum is a valid bound too; the MIP rarely finishes in time there).
  const pairs = groups.reduce((n, g) => n + g.addable.length, 0);
  // Beyond this the relaxation outgrows the solver's memory.
  if (pairs > MAX_BOUND_PAIRS) return lacking;
  let sol =
    pairs > LARGE_MODEL_PAIRS
      ? undefined
      : solveScreen(solver, problem, groups, {
          ...common,
          nodeLimit: BOUND_NODES,
          timeLimitSeconds: Math.min(30, capSeconds),
        });
  if (sol?.status !== 'Optimal')
    sol = solveScreen(solver, problem, groups, {
      ...common,
      relax: true,
      timeLimitSeconds: Math.min(60, capSeconds),
    });
  stats.solverMs += performance.now() - t0;
  if (sol.status.startsWith('failed')) forget();
  if (sol.status !== 'Optimal' || !Number.isFinite(sol.objective)) return lacking;
  const relaxed = Math.max(0, Math.ceil(sol.objective - 1e-6));
  return relaxed >= lacking.changes ? { changes: relaxed, kind: 'relaxation' } : lacking;
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
