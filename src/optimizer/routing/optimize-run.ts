// optimizeRouting's implementation: screen with a fluid MIP (HiGHS), confirm by simulation, repair and prune by local search.
import {
  evaluate,
  judged,
  meets,
  poolEvaluations,
  runLength,
  shortfallScore,
  type Evaluation,
  type QueueEval,
  type RunLength,
} from './evaluate.js';
import { groupAgents } from './groups.js';
import { forgetHighs, loadHighs } from './highs.js';
import { normalizeOptions, normalizeProblem, type NormOptions, type NormProblem } from './input.js';
import { PlanState, decodeScreen } from './plan-state.js';
import { atInterval, dedicatedRequirement, poolingFactor } from './requirements.js';
import { solveScreen } from './screen.js';
import { gapAgents, prune, pruneByQueue, pruneJoint, repair, type SearchContext } from './search.js';
import { buildResult } from './result.js';
import { quickPrune, ruinAndRebuild } from './improve.js';
import type { OptimizeProgress, OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from './types.js';

const MIP_ROUNDS = 10;
const LARGE_MODEL_PAIRS = 1_500;
/** Add columns (group x queue) beyond which the screening model keeps only generated ones. */
const MAX_COLUMNS = 60_000;
/** Add columns beyond which the bound's relaxation is not attempted. */
const MAX_BOUND_PAIRS = 250_000;
const STALE_ROUNDS = 3;
const CONFIRM_CONTACTS_PER_MS = 50;
const CONFIRM_SEED_OFFSET = 104_729;
/** Independent runs pooled into one confirmation. */
const CONFIRM_RUNS = 4;
const SEARCH_WARMUP_FACTOR = 5;
const PRUNE_TRIALS = 150;
const MIN_REPAIR_TRIALS = 3;
const RUIN_SHARE = 0.7;
/** Bounds on the calibration offset of a queue's search target (service-level points). */
const MAX_OFFSET = 0.05;
const MIN_OFFSET = 0.005;

/** The implementation behind `optimizeRouting` (loaded on its first call; see optimize.ts for the contract). */
export async function runOptimizeRouting(
  input: OptimizeRoutingInput,
  options?: OptimizeRoutingOptions,
): Promise<OptimizeRoutingResult> {
  const started = performance.now();
  const problem = normalizeProblem(input);
  const opts = normalizeOptions(options);
  opts.signal?.throwIfAborted();
  const deadline = started + opts.timeLimitMs;
  const { horizon } = problem;
  // Dedicated requirement per queue at its busiest interval (the steady hour: its only one), and per interval.
  const dedicated = problem.queues.map((q) => dedicatedRequirement(atInterval(q, q.peak, horizon.intervalSeconds)));
  const perInterval = new Map<number, number>();
  const dedicatedAt = (q: number, t: number): number => {
    const key = q * horizon.intervals + t;
    let n = perInterval.get(key);
    if (n === undefined)
      perInterval.set(
        key,
        (n = dedicatedRequirement(
          atInterval(problem.queues[q] as NormProblem['queues'][number], t, horizon.intervalSeconds),
        )),
      );
    return n;
  };
  const groups = groupAgents(problem);
  const stats = { evaluated: 0, contacts: 0, solverMs: 0, simulateMs: 0 };
  const warnings: string[] = [];

  // Search runs warm up for 5 (not 20) time constants: candidates are compared in pairs on the same calls, and
  // the error this shares among all of them (with the runs' own common error) is measured against the
  // confirmation and corrected by the calibration below. On large centres, whose longest handle time puts the
  // full warm-up at 2 h, this more than halves the cost of each search evaluation.
  const searchLength = runLength(problem, opts.contactsPerEvaluation, opts.replications, SEARCH_WARMUP_FACTOR);
  const simulateState = (state: PlanState, seed: number, length: RunLength): Evaluation => {
    const ev = evaluate(problem, opts, state.assignment(), length, seed);
    stats.contacts += ev.contacts;
    stats.simulateMs += ev.ms;
    return ev;
  };
  const perContactMs = (): number => (stats.contacts > 0 ? stats.simulateMs / stats.contacts : 0.001);
  // The before/after confirmation fits the budget (50 contacts per ms of timeLimitMs: about 15 % of it at the
  // simulator's usual speed), never less than two search evaluations: a 10 s budget must not go to 1.5 M contacts.
  // Sized from the options only (never from measured speed), so the same input and options give the same result.
  const confirmContacts = Math.min(
    opts.confirmContacts,
    Math.max(2 * opts.contactsPerEvaluation, CONFIRM_CONTACTS_PER_MS * opts.timeLimitMs),
  );
  // Time kept for the confirmation; at most a quarter of the budget, so a slow (shared) machine still searches.
  const confirmReserve = (): number => Math.min(0.25 * opts.timeLimitMs, 2.2 * confirmContacts * perContactMs());
  let timedOut = false;
  const stop = (): boolean => {
    if (opts.signal?.aborted) return true;
    if (performance.now() > deadline - confirmReserve()) timedOut = true;
    return timedOut;
  };
  // The search compares candidates on its own long runs against the plain target (the mean); the acceptance
  // rule (by default a one-sided test) decides on the independent confirmation.
  const searchOpts: NormOptions = { ...opts, acceptance: 'mean' };
  const report = (phase: OptimizeProgress['phase'], state: PlanState, ev: Evaluation | undefined): void => {
    const below = ev
      ? problem.queues.filter((q, i) => !meets(q, ev.queues[i] as QueueEval, searchOpts.acceptance)).length
      : 0;
    opts.onProgress?.({
      phase,
      changes: state.changes,
      queuesBelowTarget: below,
      elapsedMs: performance.now() - started,
    });
  };
  const ctx: SearchContext = {
    problem,
    options: searchOpts,
    dedicated,
    dedicatedAt,
    simulate: (state) => simulateState(state, opts.seed, searchLength),
    stop,
    breathe: () => new Promise((resolve) => setTimeout(resolve, 0)),
    progress: report,
  };

  const confirmLength = runLength(
    problem,
    confirmContacts / CONFIRM_RUNS,
    Math.max(3, Math.ceil(Math.max(10, opts.replications) / 2)),
  );
  const confirmOn = (state: PlanState, round: number): Evaluation => {
    const evals: Evaluation[] = [];
    for (let k = 0; k < CONFIRM_RUNS; k++)
      evals.push(simulateState(state, opts.seed + CONFIRM_SEED_OFFSET * (1 + round * CONFIRM_RUNS + k), confirmLength));
    stats.evaluated++;
    return poolEvaluations(evals, opts.acceptance);
  };

  // The bound first, while the budget is whole (it depends on the input only): each queue's constraints at its
  // busiest interval, necessary there, so the relaxation's optimum bounds the changes of any plan.
  const lowerBound = await boundChanges(
    problem,
    groups,
    dedicated,
    stats,
    problem.queues.map((q) => q.peak),
    opts.timeLimitMs / 1000,
  );
  opts.signal?.throwIfAborted();
  const base = new PlanState(problem, opts.addProficiency);
  const baseEval = ctx.simulate(base);
  stats.evaluated++;
  report('simulate', base, baseEval);
  let best = base;
  let bestEval = baseEval;
  let calibrated: SearchContext | undefined;

  if (shortfallScore(problem, baseEval, searchOpts.acceptance) > 0 || problem.minHolders > 0) {
    const theta = poolingFactor(problem.queues, dedicated);
    // Over a horizon, the model holds every queue's requirements at one interval, the one where the day
    // simulation finds the most calls below target (in that interval every queue draws on the agents on shift,
    // which a per-queue choice of intervals would ignore); the local search then judges every interval.
    const tStar = worstInterval(problem, baseEval);
    const at = problem.queues.map(() => tStar);
    const flow = problem.queues.map((q, i) => {
      const load = q.loads[at[i] as number] ?? 0;
      return load + theta * Math.max(0, dedicatedAt(i, at[i] as number) - load);
    });
    const holders = problem.queues.map((_, i) => dedicatedAt(i, at[i] as number));
    const belowTarget = (ev: Evaluation): number[] =>
      problem.queues.filter((q, i) => !meets(q, ev.queues[i] as QueueEval, searchOpts.acceptance)).map((q) => q.index);
    const targets = new Set(belowTarget(baseEval));
    problem.queues.forEach((q, i) => {
      if (
        baseEval.queues[i] &&
        (baseEval.queues[i] as QueueEval).holders < Math.max(problem.minHolders, dedicated[i] as number)
      )
        targets.add(q.index);
    });
    let stale = 0;
    for (let round = 0; round < MIP_ROUNDS && !stop(); round++) {
      const t0 = performance.now();
      const remaining = (deadline - performance.now()) / 1000;
      // Large models (thousands of group x queue pairs) are solved as LPs and rounded: the MIP finds no better
      // incumbent than "no change" within a round's time on them, while the LP takes well under a second.
      const pairs = groups.reduce((n, g) => n + g.addable.filter((q) => targets.has(q)).length, 0);
      const solver = await loadHighs();
      const screen = solveScreen(solver, problem, groups, {
        ...(pairs > MAX_COLUMNS ? { allowAdd: generateColumns(problem, groups, targets, baseEval) } : {}),
        flowRequirement: flow,
        holderRequirement: holders,
        addTargets: targets,
        relax: pairs > LARGE_MODEL_PAIRS,
        at,
        timeLimitSeconds: Math.min(10, opts.timeLimitMs * 0.00005, remaining * 0.1),
      });
      stats.solverMs += performance.now() - t0;
      report('screen', best, bestEval);
      if (screen.status.startsWith('failed')) forgetHighs();
      if (screen.status.startsWith('unsolved') || screen.status.startsWith('failed')) {
        warnings.push(`screening model ${screen.status}`);
        break;
      }
      const state = new PlanState(problem, opts.addProficiency);
      const unplaced = decodeScreen(state, groups, screen);
      if (unplaced > 0 && round === 0)
        warnings.push(`${unplaced} screened move(s) could not be placed on an agent within the per-agent limits`);
      const ev = ctx.simulate(state);
      stats.evaluated++;
      report('simulate', state, ev);
      const score = shortfallScore(problem, ev, searchOpts.acceptance);
      const bestScore = shortfallScore(problem, bestEval, searchOpts.acceptance);
      // minHoldersPerQueue is a constraint: fewer missing holders wins first, then the shortfall, then fewer changes.
      const missing = missingHolders(state);
      const bestMissing = missingHolders(best);
      if (
        missing < bestMissing ||
        (missing === bestMissing &&
          (score < bestScore - 1e-12 || (score <= bestScore + 1e-12 && state.changes < best.changes)))
      ) {
        best = state;
        bestEval = ev;
        stale = 0;
      } else if (++stale >= STALE_ROUNDS) break; // the fluid model has stopped helping: the local search takes over
      if (score === 0 && missing === 0) break;
      let raised = false;
      for (const q of belowTarget(ev)) targets.add(q);
      problem.queues.forEach((q, i) => {
        if (meets(q, ev.queues[i] as QueueEval, searchOpts.acceptance)) return;
        // Below target with enough time in the fluid model means too little flexibility: more holders,
        // from more places (the tiers spread them), and a little more time.
        // A queue near 0 % looks short of its whole requirement; raise it by a third at most per round.
        const gap = Math.min(
          Math.max(0.5, gapAgents(ctx, i, ev.queues[i] as QueueEval)),
          2 + (dedicated[i] as number) / 3,
        );
        const holding = ev.queues[i]?.holders ?? 0;
        flow[i] = (flow[i] as number) + gap;
        holders[i] = Math.max(holders[i] as number, holding) + Math.max(1, Math.ceil(1.5 * gap));
        raised = true;
      });
      if (!raised) break;
      await ctx.breathe();
    }
    best = best.clone();
    bestEval = await repair(ctx, best, bestEval, stats);
    bestEval = await pruneJoint(ctx, best, bestEval, stats);
    bestEval = await pruneByQueue(ctx, best, bestEval, stats);
    // One simulation per change: on large plans only the changes into the queues with the most slack.
    bestEval = await prune(ctx, best, bestEval, stats, Math.max(PRUNE_TRIALS, 2 * problem.queues.length));
    // Ruin and rebuild while it keeps finding smaller plans (and the clock allows).
    if (shortfallScore(problem, bestEval, searchOpts.acceptance) === 0 && best.changes > 0 && !stop()) {
      // Calibration: the search's runs share one error that lifts or lowers every candidate alike. Measure it on
      // this plan against the first confirmation runs, and let the search aim at the target as the confirmation
      // will judge it (its acceptance rule included); the final confirmation then uses fresh runs.
      const check = confirmOn(best, 0);
      const aimed = problem.queues.map((q, i) => {
        const offset =
          judged(bestEval.queues[i] as QueueEval, 'mean') - judged(check.queues[i] as QueueEval, opts.acceptance);
        return { ...q, sl: Math.min(0.9999, q.sl + Math.min(MAX_OFFSET, Math.max(-MIN_OFFSET, offset))) };
      });
      calibrated = { ...ctx, problem: { ...problem, queues: aimed } };
      bestEval = await repair(calibrated, best, bestEval, stats);
      // At most until 70 % of the budget: the confirmation may still need to repair and prune.
      const searchEnd = started + RUIN_SHARE * opts.timeLimitMs;
      const ruinCtx: SearchContext = { ...calibrated, stop: () => stop() || performance.now() > searchEnd };
      const improved = await ruinAndRebuild(ruinCtx, best, bestEval, stats, {
        patience: opts.searchPatience,
        seed: opts.seed,
      });
      best = improved.state;
      bestEval = improved.ev;
    }
  }
  opts.signal?.throwIfAborted();

  // Confirmation on independent runs (several seeds the search never saw, pooled: one run's error cannot lift
  // every queue), judged by the acceptance rule against the plain target. If it disagrees, repair on those runs,
  // then report on yet other runs, so the reported "after" is not the figure the repair selected on.
  report('confirm', best, bestEval);
  let confirmRound = calibrated ? 1 : 0;
  let after = confirmOn(best, confirmRound);
  if (shortfallScore(problem, after, opts.acceptance) > 0) {
    const repairRound = confirmRound;
    const confirmCtx: SearchContext = {
      ...ctx,
      options: opts,
      simulate: (state) => confirmOn(state, repairRound),
      stop: () => Boolean(opts.signal?.aborted) || performance.now() > deadline,
    };
    // At least a few trials even when the clock has run out: a plan below target is never returned untried.
    const changesBefore = best.changes;
    // A plan with no changes at all gets a few trials past the clock (never `feasible: false` untried); any other
    // plan is repaired within the time left, so the call returns within its limit.
    const repaired = await repair(confirmCtx, best, after, stats, 4, best.changes === 0 ? MIN_REPAIR_TRIALS : 0);
    // The greedy repair overshoots: try to take back as many changes as it added, on the same runs.
    if (shortfallScore(problem, repaired, opts.acceptance) === 0)
      await quickPrune(confirmCtx, best, repaired, stats, 2 * Math.max(1, best.changes - changesBefore));
    confirmRound++;
    after = confirmOn(best, confirmRound);
  }
  const before = confirmOn(base, confirmRound);
  opts.signal?.throwIfAborted();
  if (timedOut || performance.now() > deadline)
    warnings.push(`time limit of ${opts.timeLimitMs} ms reached: the best plan found so far is returned`);

  // Each queue's constraints at its busiest interval: necessary there, so the optimum still bounds the changes.
  const result = buildResult({
    problem,
    options: opts,
    state: best,
    before,
    after,
    dedicated,
    dedicatedAt,
    warnings,
    lowerBound,
  });
  result.stats = {
    candidatesEvaluated: stats.evaluated,
    simulatedContacts: stats.contacts,
    solverMs: Math.round(stats.solverMs),
    simulateMs: Math.round(stats.simulateMs),
    totalMs: Math.round(performance.now() - started),
    groups: groups.length,
    seed: opts.seed,
  };
  report('done', best, after);
  return result;
}

/** The interval with the largest weighted shortfall over all queues (calls × points below target); 0 when none. */
function worstInterval(problem: NormProblem, ev: Evaluation): number {
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
function missingHolders(state: PlanState): number {
  const min = state.problem.minHolders;
  return min > 0 ? state.holders().reduce((s, n) => s + Math.max(0, min - n), 0) : 0;
}

/**
 * Fewest changes for any plan that keeps every queue stable (agent time ≥ its load; with patience, ≥ load ×
 * target share) and gives it at least as many holders as it would need dedicated agents. Both are necessary
 * for meeting the target, so the relaxation's optimum is a lower bound on the changes a plan needs.
 */
async function boundChanges(
  problem: NormProblem,
  groups: ReturnType<typeof groupAgents>,
  dedicated: readonly number[],
  stats: { solverMs: number },
  at: readonly number[],
  budgetSeconds: number,
): Promise<number | undefined> {
  const flow = problem.queues.map((q) => (q.patience === undefined ? q.load : q.load * q.sl));
  const fastest = problem.agents.reduce((m, a) => Math.max(m, a.speed), 1);
  const holders = dedicated.map((n) => (fastest > 1 ? Math.floor(n / fastest) : n));
  const solver = await loadHighs();
  const t0 = performance.now();
  const common = { flowRequirement: flow, holderRequirement: holders, hard: true, ignoreBudget: true, bound: true, at };
  // Large models: the LP straight away (its optimum is a valid bound too; the MIP rarely finishes in time there).
  const pairs = groups.reduce((n, g) => n + g.addable.length, 0);
  // Beyond this the relaxation outgrows the solver's memory: the bound then counts the forced changes only.
  if (pairs > MAX_BOUND_PAIRS) return undefined;
  let sol =
    pairs > LARGE_MODEL_PAIRS
      ? undefined
      : solveScreen(solver, problem, groups, { ...common, timeLimitSeconds: Math.min(2, 0.03 * budgetSeconds) });
  if (sol?.status !== 'Optimal')
    sol = solveScreen(solver, problem, groups, {
      ...common,
      relax: true,
      timeLimitSeconds: Math.min(10, 0.1 * budgetSeconds),
    });
  stats.solverMs += performance.now() - t0;
  if (sol.status.startsWith('failed')) forgetHighs();
  if (sol.status !== 'Optimal' || !Number.isFinite(sol.objective)) return undefined;
  return Math.max(0, Math.ceil(sol.objective - 1e-6));
}

export type { NormOptions };

/**
 * Columns for a very large screening model: per queue that may gain holders, the groups most able to lend (their
 * own queues furthest above target in the simulation, larger groups first), up to an equal share of MAX_COLUMNS.
 */
function generateColumns(
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
