// optimizeRouting's implementation: screen with a fluid MIP (HiGHS), then a simulation search (greedy, prune,
// ruin and rebuild) measured in work, not time, then acceptance on independent confirmation runs.
import {
  evaluate,
  meets,
  runLength,
  shortfallScore,
  type Evaluation,
  type QueueEval,
  type RunLength,
} from './evaluate.js';
import { aimedQueues, confirmation, planKey } from './confirm.js';
import { groupAgents } from './groups.js';
import { forgetHighs, loadHighs } from './highs.js';
import { normalizeOptions, normalizeProblem, type NormOptions } from './input.js';
import { PlanState } from './plan-state.js';
import { atInterval, dedicatedRequirement } from './requirements.js';
import { pruneByQueue, pruneJoint } from './prune.js';
import { pruneBySlack } from './prune-slack.js';
import { belowTarget, outOfReach, restoreProtected } from './reach.js';
import { repair } from './repair.js';
import type { SearchContext } from './search-context.js';
import { buildResult } from './result.js';
import { quickPrune, ruinAndRebuild } from './improve.js';
import { greedyRepair } from './greedy.js';
import { boundChanges, missingHolders } from './run-helpers.js';
import { screenedPlan } from './warm-start.js';
import type { OptimizeProgress, OptimizeRoutingInput, OptimizeRoutingOptions, OptimizeRoutingResult } from './types.js';

/** Search evaluations per unit of effort: a base plus a share per queue. */
const WORK_BASE = 200;
const WORK_PER_QUEUE = 20;
/** Share of the work budget the greedy and pruning may use at most; ruin and rebuild has the rest. */
const GREEDY_SHARE = 0.9;
/** Candidate moves are ranked on runs this many times shorter than a search evaluation (same calls). */
const SCREEN_DIVISOR = 4;
/** Queues beyond which the one-queue-at-a-time greedy gives way to the joint repair (one simulation for all). */
const GREEDY_MAX_QUEUES = 15;
const GREEDY = { width: 3, queuesPerStep: 2 };
const SCREEN_SEED_OFFSET = 7_919;
/** Undo trials (plus one per queue, at most the max) judged on independent runs before the acceptance. */
const CONFIRM_PRUNE_TRIALS = 20;
const CONFIRM_PRUNE_MAX = 40;
const SEARCH_WARMUP_FACTOR = 5;
const PRUNE_TRIALS = 150;
const MIN_REPAIR_TRIALS = 3;
/** Fresh confirmations that may still send the plan back to repair when their mean is below target. */
const FRESH_CHECKS = 2;
/** Confirmation evaluations (at least) a repair on one round's runs may spend: work, not time, bounds it. */
const CONFIRM_REPAIR_TRIALS = 24;
/**
 * Share of the time limit the search may use when the cap comes before its work budget: the rest is kept for the
 * confirmation and its repair, so a plan cut short by time is still checked and mended on independent runs.
 */
const SEARCH_TIME_SHARE = 0.7;

/** The implementation behind `optimizeRouting` (loaded on its first call; see optimize.ts for the contract). */
export async function runOptimizeRouting(
  input: OptimizeRoutingInput,
  options?: OptimizeRoutingOptions,
): Promise<OptimizeRoutingResult> {
  const started = performance.now();
  const problem = normalizeProblem(input);
  const opts = normalizeOptions(options, problem);
  opts.signal?.throwIfAborted();
  // The clock is a safety cap only: no decision below reads it except `capped()` (the search, which stops at
  // SEARCH_TIME_SHARE of the limit) and `cappedFinal()` (the confirmation and its repair, at the limit).
  const deadline = started + opts.timeLimitMs;
  const searchDeadline = started + SEARCH_TIME_SHARE * opts.timeLimitMs;
  const { horizon } = problem;
  // Dedicated requirement per queue at its busiest interval (the steady hour: its only one), and per interval.
  const dedicated = problem.queues.map((q) => dedicatedRequirement(atInterval(q, q.peak, horizon.intervalSeconds)));
  const perInterval = new Map<number, number>();
  const dedicatedAt = (q: number, t: number): number => {
    const key = q * horizon.intervals + t;
    let n = perInterval.get(key);
    if (n === undefined) {
      const queue = problem.queues[q] as (typeof problem.queues)[number];
      n = dedicatedRequirement(atInterval(queue, t, horizon.intervalSeconds));
      perInterval.set(key, n);
    }
    return n;
  };
  const groups = groupAgents(problem);
  const groupOf: number[] = problem.agents.map(() => -1);
  for (const g of groups) for (const a of g.agents) groupOf[a] = g.index;
  const stats = { evaluated: 0, contacts: 0, solverMs: 0, simulateMs: 0, searchContacts: 0 };
  const warnings: string[] = [];

  // Search runs warm up for 5 (not 20) time constants: candidates are compared in pairs on the same calls, and
  // the error this shares among all of them is measured against the confirmation and corrected below.
  const searchLength = runLength(problem, opts.contactsPerEvaluation, opts.replications, SEARCH_WARMUP_FACTOR);
  const screenLength = runLength(
    problem,
    opts.contactsPerEvaluation / SCREEN_DIVISOR,
    opts.replications,
    SEARCH_WARMUP_FACTOR,
  );
  const simulateState = (state: PlanState, seed: number, length: RunLength): Evaluation => {
    const ev = evaluate(problem, opts, state.assignment(), length, seed);
    stats.contacts += ev.contacts;
    stats.simulateMs += ev.ms;
    return ev;
  };
  // Few queues: the one-queue-at-a-time greedy. Few queues on a steady hour (`early`): the early calibration (see
  // `improve` below) and a sequential confirmation (see confirm.ts).
  const small = problem.queues.length <= GREEDY_MAX_QUEUES;
  const early = small && !horizon.timeVarying;
  const confirm = confirmation(problem, opts, simulateState, early);
  const searchRun = (state: PlanState, length: RunLength): Evaluation => {
    const ev = simulateState(state, opts.seed, length);
    stats.searchContacts += ev.contacts;
    return ev;
  };
  // The work budget, in search evaluations: the same input and options do the same work on any machine.
  const budget = opts.effort * (WORK_BASE + WORK_PER_QUEUE * problem.queues.length);
  const used = (): number => stats.searchContacts / opts.contactsPerEvaluation;
  let stoppedBy = 'work' as 'work' | 'time-limit' | 'signal';
  const capAt = (limit: () => number) => (): boolean => {
    if (opts.signal?.aborted) stoppedBy = 'signal';
    else if (performance.now() > limit()) stoppedBy = 'time-limit';
    else return false;
    return true;
  };
  const capped = capAt(() => searchDeadline);
  // The last two confirmations (the reported after and before) must fit before the limit, and so must a repair
  // trial started just before this says stop (one more confirmation).
  const cappedFinal = capAt(() => deadline - 3 * confirm.longestMs());
  const stopAt = (share: number) => (): boolean => capped() || used() >= share * budget;
  // The search compares candidates on its own long runs against the plain target (the mean); the acceptance
  // rule (by default a one-sided test) decides on the independent confirmation.
  const searchOpts: NormOptions = { ...opts, acceptance: 'mean' };
  const report = (phase: OptimizeProgress['phase'], state: PlanState, ev: Evaluation | undefined): void => {
    const below = ev
      ? problem.queues.filter((q, i) => !meets(q, ev.queues[i] as QueueEval, searchOpts.acceptance)).length
      : 0;
    const elapsedMs = performance.now() - started;
    opts.onProgress?.({ phase, changes: state.changes, queuesBelowTarget: below, elapsedMs });
  };
  const ctx: SearchContext = {
    problem,
    options: searchOpts,
    dedicated,
    dedicatedAt,
    simulate: (state) => searchRun(state, searchLength),
    screen: (state, round) => {
      const ev = simulateState(state, opts.seed + SCREEN_SEED_OFFSET * (1 + round), screenLength);
      stats.searchContacts += ev.contacts;
      return ev;
    },
    stop: stopAt(GREEDY_SHARE),
    breathe: () => new Promise((resolve) => setTimeout(resolve, 0)),
    progress: report,
  };
  // The greedy, then (when it finds no move that helps, or on many queues) the repair toward the queue furthest
  // below target, whose batches and joint moves reach feasibility in few simulations.
  // On few queues and a steady hour, the first call returns once the short runs see every target met: the full
  // runs' error is calibrated on that plan before any step is decided on them (steps decided on an unlucky full
  // run added a dozen changes the pruning could not all take back: Wallace-Whitt seed 2, 54 -> 66). Over a day
  // the queue's worst interval still moves as the plan grows, so the offset is measured on the finished plan.
  const improve = async (c: SearchContext, state: PlanState, ev: Evaluation, first = false): Promise<Evaluation> => {
    const untilShortMet = first && early;
    const greedy = small ? await greedyRepair(c, state, ev, stats, { ...GREEDY, untilShortMet }, groupOf) : ev;
    if (shortfallScore(c.problem, greedy, searchOpts.acceptance) === 0 || untilShortMet) return greedy;
    // On few queues one move at a time (a batch overshoots what pruning must then take back).
    return repair(c, state, greedy, stats, small ? 4 : 6, 0, !small);
  };

  const confirmOn = (state: PlanState, round: number): Evaluation => {
    stats.evaluated++;
    return confirm.on(state, round);
  };

  // The bound first (it depends on the input only): each queue's constraints at its busiest interval, necessary
  // there, so the relaxation's optimum bounds the changes of any plan.
  const lowerBound = await boundChanges(
    problem,
    groups,
    dedicated,
    stats,
    problem.queues.map((q) => q.peak),
    Math.max(1, (searchDeadline - performance.now()) / 1000),
    await loadHighs(),
    forgetHighs,
  );
  opts.signal?.throwIfAborted();
  const base = new PlanState(problem, opts.addProficiency);
  // Queues that lack agents whatever the routing: no skill they hold is removed from them (see reach.ts).
  base.protect(outOfReach(problem, base.assignment(), dedicatedAt));
  const baseEval = ctx.simulate(base);
  stats.evaluated++;
  report('simulate', base, baseEval);
  let best = base;
  let bestEval = baseEval;
  let calibrationRounds = 0;

  /** The search's context aimed at each queue's target as the confirmation judges it (round `round`'s runs). */
  const calibrate = (round: number): SearchContext => {
    const check = confirmOn(best, round);
    calibrationRounds = round + 1;
    const queues = aimedQueues(problem, bestEval, check, opts.acceptance, !early);
    return { ...ctx, problem: { ...problem, queues } };
  };

  if (shortfallScore(problem, baseEval, searchOpts.acceptance) > 0 || problem.minHolders > 0) {
    // Warm start: one fluid MIP at the interval where the day simulation finds the most calls below target.
    const warm = await warmStart(baseEval);
    if (warm && missingHolders(warm.state) <= missingHolders(best)) {
      best = warm.state;
      bestEval = warm.ev;
    }
    best = best.clone();
    // Greedy on simulated gains until every queue meets the plain target on the search's (short) runs.
    bestEval = await improve(ctx, best, bestEval, true);
    let aimed = ctx;
    if ((early || shortfallScore(problem, bestEval, searchOpts.acceptance) === 0) && best.changes > 0 && !ctx.stop()) {
      // Calibration: the search's runs share one error that lifts or lowers every candidate alike. Measure it on
      // this plan against independent runs, and let the search aim at the target as the confirmation will judge
      // it; the acceptance then uses other, fresh runs.
      aimed = calibrate(0);
      bestEval = await improve(aimed, best, bestEval);
      if (early && !ctx.stop() && shortfallScore(aimed.problem, bestEval, 'mean') === 0) {
        // The first offsets were measured on an early plan, and they move as the plan grows: measure them again
        // on the finished one (ten queues, 145 agents: 86 changes with the early offsets alone, 82 with both).
        aimed = calibrate(1);
        bestEval = await improve(aimed, best, bestEval);
      }
    }
    bestEval = await pruneJoint(aimed, best, bestEval, stats);
    bestEval = await pruneByQueue(aimed, best, bestEval, stats);
    bestEval = await pruneBySlack(
      aimed,
      best,
      bestEval,
      stats,
      Math.max(PRUNE_TRIALS, 2 * problem.queues.length),
      groupOf,
    );
    // Ruin and rebuild (with relocations) until the work budget is spent or it stops finding smaller plans.
    if (shortfallScore(aimed.problem, bestEval, searchOpts.acceptance) === 0 && best.changes > 0) {
      const ruinCtx: SearchContext = { ...aimed, stop: stopAt(1) };
      const improved = await ruinAndRebuild(ruinCtx, best, bestEval, stats, {
        patience: opts.searchPatience,
        seed: opts.seed,
        groupOf,
      });
      best = improved.state;
      bestEval = improved.ev;
    }
  }
  opts.signal?.throwIfAborted();

  // A queue the search leaves below target keeps every skill it holds (the plan gives back any it took).
  best.protect(belowTarget(problem, bestEval, searchOpts.acceptance));
  restoreProtected(best);
  // Acceptance on independent runs by the acceptance rule against the plain target. If it fails, repair on those
  // runs (direct adds and relocations), then prune what the repair overshot.
  report('confirm', best, bestEval);
  // Past the safety cap the result depends on the machine anyway: a short confirmation, to return near the limit.
  if (stoppedBy === 'time-limit') confirm.shorten();
  let round = calibrationRounds;
  // The search's targets carry the calibration's error (one check's noise, queue by queue), so its plan may hold
  // changes the plain target does not need. Take back a few, judged by the acceptance rule on one more set of
  // independent runs; the acceptance below then decides on fresh ones. Steady hour only: over a day it took back
  // what an independent judge then found short in one interval (0.794 in the day scenario test).
  if (best.changes > 0 && stoppedBy === 'work' && !horizon.timeVarying) {
    const pruneRound = round++;
    const check = confirmOn(best, pruneRound);
    if (shortfallScore(problem, check, opts.acceptance) === 0) {
      const confirmCtx: SearchContext = {
        ...ctx,
        options: opts,
        screen: undefined,
        simulate: (state) => confirmOn(state, pruneRound),
        stop: capped,
      };
      const trials = Math.min(CONFIRM_PRUNE_MAX, CONFIRM_PRUNE_TRIALS + problem.queues.length);
      await pruneBySlack(confirmCtx, best, check, stats, trials, groupOf);
    }
  }
  /** Repairs the plan on the runs `judge` draws when it fails the acceptance rule there; returns their verdict. */
  const acceptOn = async (first: Evaluation, judge: (state: PlanState) => Evaluation): Promise<Evaluation> => {
    if (shortfallScore(problem, first, opts.acceptance) === 0) return first;
    best.protect(belowTarget(problem, first, opts.acceptance));
    const ev = restoreProtected(best) ? judge(best) : first;
    let trials = Math.max(CONFIRM_REPAIR_TRIALS, 4 * problem.queues.length);
    const confirmCtx: SearchContext = {
      ...ctx,
      options: opts,
      screen: undefined,
      simulate: (state) => {
        trials--;
        return judge(state);
      },
      // A plan with no changes gets a few trials past the cap (never `feasible: false` untried).
      stop: () => Boolean(opts.signal?.aborted) || trials <= 0 || (best.changes > 0 && cappedFinal()),
    };
    const changesBefore = best.changes;
    let verdict = await repair(confirmCtx, best, ev, stats, 4, best.changes === 0 ? MIN_REPAIR_TRIALS : 0);
    if (shortfallScore(problem, verdict, opts.acceptance) === 0) {
      trials = 2 * Math.max(1, best.changes - changesBefore);
      verdict = await quickPrune(confirmCtx, best, verdict, stats, trials);
    }
    return verdict;
  };
  const onRound = (r: number) => (state: PlanState) => confirmOn(state, r);
  let accepted = await acceptOn(confirmOn(best, round), onRound(round));
  // The rounds whose runs the verdict rests on (several when a rejected plan was judged again unchanged).
  let verdictRounds = [round];
  // The reported "after" and "before" come from yet other fresh runs that decided nothing. When the plan is still
  // rejected, or those runs reject it too (an independent test: the acceptance ran on runs the pruning and repair
  // selected on), they count as one more check: repair on them and report on others (at most twice), so the
  // reported figure is never the draw a repair selected on.
  round++;
  let after = confirmOn(best, round);
  for (let k = 0; k < FRESH_CHECKS && !cappedFinal(); k++) {
    const rejected = shortfallScore(problem, accepted, opts.acceptance) > 0;
    if (!rejected && shortfallScore(problem, after, opts.acceptance) === 0) break;
    const changes = best.changes;
    const plan = planKey(best);
    let verdict = await acceptOn(after, onRound(round));
    // Accepted before and no repair found on these runs: these runs are reported, and the verdicts judged on them.
    if (!rejected && best.changes === changes) break;
    // A rejected plan that no repair changed is not accepted on one passing draw (drawing until one passes would
    // accept a queue just below its target): it is judged on all its runs pooled, and mended on them if it fails.
    const rounds = rejected && planKey(best) === plan ? [...verdictRounds, round] : [round];
    if (rounds.length > 1 && shortfallScore(problem, verdict, opts.acceptance) === 0 && stoppedBy === 'work') {
      const pooled = (state: PlanState): Evaluation => {
        stats.evaluated++;
        return confirm.pooledOn(state, rounds);
      };
      verdict = await acceptOn(pooled(best), pooled);
    }
    accepted = verdict;
    verdictRounds = rounds;
    round++;
    after = confirmOn(best, round);
  }
  const before = confirmOn(base, round);
  opts.signal?.throwIfAborted();
  if (stoppedBy === 'time-limit')
    warnings.push(
      `time limit of ${opts.timeLimitMs} ms reached before the work budget (effort ${opts.effort}) was spent: the best plan found so far is returned, and it depends on the machine's speed`,
    );

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
    stoppedBy,
    work: { used: Math.round(used() * 10) / 10, budget },
  };
  report('done', best, after);
  return result;

  /** One screening MIP from the base simulation, decoded onto agents and simulated; undefined when unsolved. */
  async function warmStart(ev0: Evaluation): Promise<{ state: PlanState; ev: Evaluation } | undefined> {
    const state = screenedPlan({
      problem,
      groups,
      dedicated,
      dedicatedAt,
      ev0,
      acceptance: searchOpts.acceptance,
      addProficiency: opts.addProficiency,
      protect: base.protectedQueues,
      timeLimitSeconds: Math.max(1, Math.min(60, (searchDeadline - performance.now()) / 2000)),
      solver: await loadHighs(),
      forget: forgetHighs,
      stats,
      warnings,
    });
    if (!state) return undefined;
    const ev = ctx.simulate(state);
    stats.evaluated++;
    report('screen', state, ev);
    return { state, ev };
  }
}
