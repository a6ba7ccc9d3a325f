// optimizeRouting's search phase: the bound, the base plan, a warm start from the fluid MIP, the greedy and the
// repair toward the queue furthest below target, the calibration against independent runs, the pruning, and
// ruin and rebuild until the work budget is spent (or all of it again on other runs, when a first start ends
// short of its targets early). Decisions read the work done, never the clock.
import { shortfallScore, type Evaluation, type QueueEval } from '../evaluate/evaluate.js';
import type { NormProblem, NormQueue } from '../input.js';
import { aimedQueues } from '../evaluate/confirm.js';
import { forgetHighs, loadHighs } from '../screen/highs.js';
import { warmUpSolver } from '../screen/highs-warm-up.js';
import { PlanState } from '../search/plan-state.js';
import { pruneByQueue, pruneJoint } from '../search/prune.js';
import { pruneBySlack } from '../search/prune-slack.js';
import { outOfReach } from '../evaluate/reach.js';
import { repair } from '../search/repair.js';
import type { SearchContext } from '../search/search-context.js';
import { ruinAndRebuild } from '../search/improve.js';
import { greedyRepair } from '../search/greedy.js';
import { boundChanges, missingHolders, type ChangeBound } from '../screen/change-bound.js';
import { screenedPlan } from '../screen/warm-start.js';
import type { RunState } from './run-state.js';

const GREEDY = { width: 3, queuesPerStep: 2 };
const PRUNE_TRIALS = 150;
/** A second start's search runs: other random numbers than the first start's. */
const SECOND_START_SEED_OFFSET = 104_729;
/** A first start that ends short of its search targets within this share of the work budget starts again. */
const SECOND_START_BEFORE = 0.5;

/** Where the search ended: the base plan, the best plan and their evaluations, and the calibration rounds used. */
export interface SearchOutcome {
  base: PlanState;
  best: PlanState;
  bestEval: Evaluation;
  /** Settles when the bound's relaxation is solved (on a helper thread it goes on beside the search). */
  lowerBound: Promise<ChangeBound>;
  calibrationRounds: number;
}

/** The search phase. */
export async function search(run: RunState): Promise<SearchOutcome> {
  const { problem, ctx, stats } = run;
  const solver = await loadHighs();
  // On the calling thread (no worker) the solver's first calls would hold the event loop while V8 compiles them.
  if (run.opts.checkpoint) await warmUpSolver(solver);
  // The bound (it depends on the input only): each queue's constraints at its busiest interval, necessary there,
  // so the relaxation's optimum bounds the changes of any plan. It only reports: a large one is solved aside.
  const lowerBound = boundChanges(
    problem,
    run.groups,
    run.dedicated,
    stats,
    problem.queues.map((q) => q.peak),
    Math.max(1, (run.searchDeadline() - performance.now()) / 1000),
    solver,
    forgetHighs,
    run.solveAside,
  );
  run.opts.signal?.throwIfAborted();
  const base = new PlanState(problem, run.opts.addProficiency);
  // Queues that lack agents whatever the routing: no skill they hold is removed from them (see evaluate/reach.ts).
  base.protect(outOfReach(problem, base.assignment(), run.dedicatedAt));
  const baseEval = await ctx.simulate(base);
  stats.evaluated++;
  run.report('simulate', base, baseEval);
  let outcome: SearchOutcome = { base, best: base, bestEval: baseEval, lowerBound, calibrationRounds: 0 };
  if (shortfallScore(problem, baseEval, run.searchOpts.acceptance) > 0 || problem.minHolders > 0)
    if (!(await improvePlan(run, outcome)) && secondStartPays(run)) outcome = await secondStart(run, outcome);
  run.opts.signal?.throwIfAborted();
  return outcome;
}

/**
 * Whether a first start that ended short of its search targets gets a second one: on a steady hour of few
 * queues, with most of the work budget left. Such a start never reached ruin and rebuild, and the acceptance
 * would mend it with more changes; a start on other runs often settles on another structure.
 */
function secondStartPays(run: RunState): boolean {
  return run.early && run.used() < SECOND_START_BEFORE * run.budget && !run.capped();
}

/**
 * The search again from the base plan on other search runs (the same work budget, the same confirmation). Its
 * plan replaces the first start's when it meets its search targets with fewer changes (the first one, short of
 * them, needs more still); otherwise the first start's stands.
 */
async function secondStart(run: RunState, first: SearchOutcome): Promise<SearchOutcome> {
  const again: RunState = { ...run, ctx: run.searchContextAt(run.opts.seed + SECOND_START_SEED_OFFSET) };
  const baseEval = await again.ctx.simulate(first.base);
  run.stats.evaluated++;
  const second: SearchOutcome = { ...first, best: first.base, bestEval: baseEval, calibrationRounds: 0 };
  if (!(await improvePlan(again, second)) || second.best.changes >= first.best.changes) return first;
  // The acceptance judges on rounds neither start's calibration selected on.
  return { ...second, calibrationRounds: Math.max(first.calibrationRounds, second.calibrationRounds) };
}

/**
 * From the base plan to one that meets the (calibrated) targets, pruned, then improved by ruin and rebuild.
 * False when the plan stays short of the search targets (ruin and rebuild, which starts from one meeting them,
 * never ran).
 */
async function improvePlan(run: RunState, out: SearchOutcome): Promise<boolean> {
  const { problem, ctx, stats, searchOpts } = run;
  // Warm start: one fluid MIP at the interval where the day simulation finds the most calls below target.
  const warm = await warmStart(run, out.base, out.bestEval);
  if (warm && missingHolders(warm.state) <= missingHolders(out.best)) {
    out.best = warm.state;
    out.bestEval = warm.ev;
  }
  out.best = out.best.clone();
  // Greedy on simulated gains until every queue meets the plain target on the search's (short) runs.
  out.bestEval = await improve(run, ctx, out.best, out.bestEval, true);
  const aimed = reached(await calibrated(run, out), out.bestEval, problem);
  out.bestEval = await pruneJoint(aimed, out.best, out.bestEval, stats);
  out.bestEval = await pruneByQueue(aimed, out.best, out.bestEval, stats);
  const trials = Math.max(PRUNE_TRIALS, 2 * problem.queues.length);
  out.bestEval = await pruneBySlack(aimed, out.best, out.bestEval, stats, trials, run.groupOf);
  // Ruin and rebuild (with relocations) until the work budget is spent or it stops finding smaller plans.
  const met = shortfallScore(aimed.problem, out.bestEval, searchOpts.acceptance) === 0;
  if (met && out.best.changes > 0) {
    const ruinCtx: SearchContext = { ...aimed, stop: run.stopAt(1) };
    const improved = await ruinAndRebuild(ruinCtx, out.best, out.bestEval, stats, {
      patience: run.opts.searchPatience,
      seed: run.opts.seed,
      groupOf: run.groupOf,
    });
    out.best = improved.state;
    out.bestEval = improved.ev;
  }
  return met;
}

/**
 * Calibration: the search's runs share one error that lifts or lowers every candidate alike. Measure it on the
 * plan against independent runs, and let the search aim at the target as the confirmation will judge it; the
 * acceptance then uses other, fresh runs. Returns the context aimed that way (the plain one when not calibrated).
 */
async function calibrated(run: RunState, out: SearchOutcome): Promise<SearchContext> {
  const { problem, ctx, early } = run;
  const meetsPlain = shortfallScore(problem, out.bestEval, run.searchOpts.acceptance) === 0;
  if (!((early || meetsPlain) && out.best.changes > 0 && !ctx.stop())) return ctx;
  let aimed = await aimAt(run, out, 0);
  out.bestEval = await improve(run, aimed, out.best, out.bestEval);
  if (early && !ctx.stop() && shortfallScore(aimed.problem, out.bestEval, 'mean') === 0) {
    // The first offsets were measured on an early plan, and they move as the plan grows: measure them again on
    // the finished one.
    aimed = await aimAt(run, out, 1);
    out.bestEval = await improve(run, aimed, out.best, out.bestEval);
  }
  return aimed;
}

/**
 * The aimed context with each target the repair could not reach lowered to the level the plan reached, never
 * below the plain target (nor above the aimed one): pruning and ruin and rebuild start from a plan that meets its
 * targets and spend the work budget, and the acceptance judges those queues on independent runs (and repairs them
 * there) as any other. Without this, one aimed target a little out of the repair's reach ended the search on a
 * fraction of its budget.
 */
export function reached(aimed: SearchContext, ev: Evaluation, plain: NormProblem): SearchContext {
  const queues = aimed.problem.queues.map((q, i) => {
    const level = (ev.queues[i] as QueueEval).mean;
    return level < q.sl ? { ...q, sl: Math.max(level, Math.min(q.sl, (plain.queues[i] as NormQueue).sl)) } : q;
  });
  return { ...aimed, problem: { ...aimed.problem, queues } };
}

/** The search's context aimed at each queue's target as the confirmation judges it (round `round`'s runs). */
async function aimAt(run: RunState, out: SearchOutcome, round: number): Promise<SearchContext> {
  const check = await run.confirmOn(out.best, round);
  out.calibrationRounds = round + 1;
  const queues = aimedQueues(run.problem, out.bestEval, check, run.opts.acceptance, !run.early);
  return { ...run.ctx, problem: { ...run.problem, queues } };
}

/**
 * The greedy, then (when it finds no move that helps, or on many queues) the repair toward the queue furthest
 * below target, whose batches and joint moves reach feasibility in few simulations. On few queues and a steady
 * hour, the first call returns once the short runs see every target met: the full runs' error is calibrated on
 * that plan before any step is decided on them (steps decided on an unlucky full run add changes the pruning
 * cannot all take back). Over a day the queue's worst interval still moves as the plan grows, so the offset is
 * measured on the finished plan.
 */
async function improve(
  run: RunState,
  c: SearchContext,
  state: PlanState,
  ev: Evaluation,
  first = false,
): Promise<Evaluation> {
  const untilShortMet = first && run.early;
  const greedy = run.small
    ? await greedyRepair(c, state, ev, run.stats, { ...GREEDY, untilShortMet }, run.groupOf)
    : ev;
  if (shortfallScore(c.problem, greedy, run.searchOpts.acceptance) === 0 || untilShortMet) return greedy;
  // On few queues one move at a time (a batch overshoots what pruning must then take back).
  return repair(c, state, greedy, run.stats, run.small ? 4 : 6, 0, !run.small);
}

/** One screening MIP from the base simulation, decoded onto agents and simulated; undefined when unsolved. */
async function warmStart(
  run: RunState,
  base: PlanState,
  ev0: Evaluation,
): Promise<{ state: PlanState; ev: Evaluation } | undefined> {
  const state = screenedPlan({
    problem: run.problem,
    groups: run.groups,
    dedicated: run.dedicated,
    dedicatedAt: run.dedicatedAt,
    ev0,
    acceptance: run.searchOpts.acceptance,
    addProficiency: run.opts.addProficiency,
    protect: base.protectedQueues,
    timeLimitSeconds: Math.max(1, Math.min(60, (run.searchDeadline() - performance.now()) / 2000)),
    solver: await loadHighs(),
    forget: forgetHighs,
    stats: run.stats,
    warnings: run.warnings,
  });
  if (!state) return undefined;
  const ev = await run.ctx.simulate(state);
  run.stats.evaluated++;
  run.report('screen', state, ev);
  return { state, ev };
}
