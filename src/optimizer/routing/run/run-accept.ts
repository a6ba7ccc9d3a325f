// optimizeRouting's acceptance phase: the search's plan is judged by the acceptance rule against the plain target
// on independent runs, repaired on them when it fails, and reported on fresh runs that decided nothing.
import { shortfallScore, undecided, type Evaluation } from '../evaluate/evaluate.js';
import { planKey } from '../evaluate/confirm.js';
import { splitParts } from '../evaluate/split.js';
import type { NormProblem } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { pruneBySlack } from '../search/prune-slack.js';
import { belowTarget, restoreProtected } from '../evaluate/reach.js';
import { repair } from '../search/repair.js';
import type { SearchContext } from '../search/search-context.js';
import { quickPrune } from '../search/improve.js';
import type { RunState } from './run-state.js';
import type { SearchOutcome } from './run-search.js';

/** Undo trials (plus one per queue, at most the max) judged on independent runs before the acceptance. */
const CONFIRM_PRUNE_TRIALS = 20;
const CONFIRM_PRUNE_MAX = 40;
const MIN_REPAIR_TRIALS = 3;
/** Fresh confirmations that may still send the plan back to repair when their mean is below target. */
const FRESH_CHECKS = 2;
/** Confirmation evaluations (at least) a repair on one round's runs may spend: work, not time, bounds it. */
const CONFIRM_REPAIR_TRIALS = 24;
/** Fresh rounds the reported figures may pool beyond their first while a verdict is within their error. */
const REPORT_EXTRA_ROUNDS = 3;

/** The verdict (`accepted`) and the reported figures (`after`, `before`), each on its own runs. */
export interface Acceptance {
  accepted: Evaluation;
  after: Evaluation;
  before: Evaluation;
}

/** The acceptance phase; mends `out.best` in place when a repair is needed. */
export async function accept(run: RunState, out: SearchOutcome): Promise<Acceptance> {
  // A queue the search leaves below target keeps every skill it holds (the plan gives back any it took).
  out.best.protect(belowTarget(run.problem, out.bestEval, run.searchOpts.acceptance));
  restoreProtected(out.best);
  run.report('confirm', out.best, out.bestEval);
  // Past the safety cap the result depends on the machine anyway: a short confirmation, to return near the limit.
  if (run.stoppedBy === 'time-limit') run.confirm.shorten();
  let round = out.calibrationRounds;
  // A check the plan failed tried nothing on its runs: the acceptance then judges on them, not on yet other runs.
  if (out.best.changes > 0 && run.stoppedBy === 'work' && !run.problem.horizon.timeVarying)
    if (await pruneOnCheck(run, out.best, round)) round++;
  const onRound = (r: number) => (state: PlanState) => run.confirmOn(state, r);
  let accepted = await acceptOn(run, out.best, await confirmed(run, out.best, round), onRound(round));
  // The rounds whose runs the verdict rests on (several when a rejected plan was judged again unchanged).
  let verdictRounds = [round];
  // The reported "after" and "before" come from yet other fresh runs that decided nothing. When the plan is still
  // rejected, or those runs reject it too (an independent test: the acceptance ran on runs the pruning and repair
  // selected on), they count as one more check: repair on them and report on others (at most twice), so the
  // reported figure is never the draw a repair selected on.
  round++;
  let after = await confirmed(run, out.best, round);
  for (let k = 0; k < FRESH_CHECKS && !run.cappedFinal(); k++) {
    const rejected = shortfallScore(run.problem, accepted, run.opts.acceptance) > 0;
    if (!rejected && shortfallScore(run.problem, after, run.opts.acceptance) === 0) break;
    const changes = out.best.changes;
    const plan = planKey(out.best);
    const tried = run.stats.evaluated;
    let verdict = await acceptOn(run, out.best, after, onRound(round));
    // Accepted before and no repair found on these runs: these runs are reported, and the verdicts judged on them.
    if (!rejected && out.best.changes === changes) break;
    // Short on two rounds and nothing to try on these runs: they were drawn for this very plan, so they report it
    // unbiased, and a fresh round would judge the same plan again.
    if (shortfallScore(run.problem, verdict, run.opts.acceptance) > 0 && untried(run, tried, out.best, plan)) break;
    // A rejected plan that no repair changed is not accepted on one passing draw (drawing until one passes would
    // accept a queue just below its target): it is judged on all its runs pooled, and mended on them if it fails.
    const rounds = rejected && planKey(out.best) === plan ? [...verdictRounds, round] : [round];
    if (rounds.length > 1 && shortfallScore(run.problem, verdict, run.opts.acceptance) === 0)
      verdict = await pooledVerdict(run, out.best, verdict, rounds);
    accepted = verdict;
    verdictRounds = rounds;
    round++;
    after = await confirmed(run, out.best, round);
  }
  after = await settled(run, out.best, after, round);
  const before = await run.confirmOn(out.base, round);
  run.report('confirm', out.best, after); // the plan's progress, not the baseline's
  run.opts.signal?.throwIfAborted();
  return { accepted, after, before };
}

/**
 * The reported figures pooled with more fresh rounds (that decided nothing) while a queue's verdict is within their
 * error: its mean reaches the target and its lower bound does not. On many queues a round is 4 runs, too few to tell
 * a queue at 0.81 from one at 0.79, and its verdict would say short where a long run finds it at target. The
 * verdicts and the figures stay one evaluation. Work, not time, decides: not past the cap.
 */
export async function settled(run: RunState, best: PlanState, after: Evaluation, round: number): Promise<Evaluation> {
  const rounds = [round];
  let pooled = after;
  while (
    rounds.length <= REPORT_EXTRA_ROUNDS &&
    run.stoppedBy === 'work' &&
    !run.cappedFinal() &&
    undecided(run.problem, pooled, run.opts.acceptance)
  ) {
    rounds.push(round + rounds.length);
    run.stats.evaluated++;
    pooled = await run.confirm.pooledOn(best, rounds);
    run.report('confirm', best, pooled);
  }
  return pooled;
}

/** No plan was simulated since `tried` evaluations and the plan is still `plan`. */
function untried(run: RunState, tried: number, best: PlanState, plan: string): boolean {
  return run.stats.evaluated === tried && planKey(best) === plan;
}

/** A confirmation round of the acceptance, reported as progress (on many queues each one takes seconds). */
async function confirmed(run: RunState, state: PlanState, round: number): Promise<Evaluation> {
  const ev = await run.confirmOn(state, round);
  run.report('confirm', state, ev);
  return ev;
}

/**
 * The search's targets carry the calibration's error (one check's noise, queue by queue), so its plan may hold
 * changes the plain target does not need. Take back a few, judged by the acceptance rule on one more set of
 * independent runs (round `round`); the acceptance then decides on fresh ones. Steady hour only: over a day it
 * took back what an independent judge then found short in one interval. False when the plan fails there (nothing
 * tried).
 */
async function pruneOnCheck(run: RunState, best: PlanState, round: number): Promise<boolean> {
  const check = await run.confirmOn(best, round);
  if (shortfallScore(run.problem, check, run.opts.acceptance) > 0) return false;
  const confirmCtx: SearchContext = {
    ...run.ctx,
    options: run.opts,
    screen: undefined,
    simulate: (state) => run.confirmOn(state, round),
    stop: run.capped,
  };
  const trials = Math.min(CONFIRM_PRUNE_MAX, CONFIRM_PRUNE_TRIALS + run.problem.queues.length);
  await pruneBySlack(confirmCtx, best, check, run.stats, trials, run.groupOf);
  return true;
}

/** A rejected plan judged on all its rounds' runs pooled (the work budget decided the search, not the clock). */
async function pooledVerdict(
  run: RunState,
  best: PlanState,
  verdict: Evaluation,
  rounds: number[],
): Promise<Evaluation> {
  if (run.stoppedBy !== 'work') return verdict;
  const pooled = (state: PlanState): Promise<Evaluation> => {
    if (!rounds.every((r) => run.confirm.has(state, r))) run.stats.evaluated++;
    return run.confirm.pooledOn(state, rounds);
  };
  return acceptOn(run, best, await pooled(best), pooled);
}

/** Repairs the plan on the runs `judge` draws when it fails the acceptance rule there; returns their verdict. */
async function acceptOn(
  run: RunState,
  best: PlanState,
  first: Evaluation,
  judge: (state: PlanState) => Promise<Evaluation>,
): Promise<Evaluation> {
  const { problem, opts } = run;
  if (shortfallScore(problem, first, opts.acceptance) === 0) return first;
  const short = belowTarget(problem, first, opts.acceptance);
  best.protect(short);
  const ev = restoreProtected(best) ? await judge(best) : first;
  let trials = Math.max(CONFIRM_REPAIR_TRIALS, 4 * problem.queues.length);
  const confirmCtx: SearchContext = {
    ...run.ctx,
    options: opts,
    screen: undefined,
    simulate: (state) => {
      trials--;
      return judge(state);
    },
    // A plan with no changes gets a few trials past the cap (never `feasible: false` untried).
    stop: () => Boolean(opts.signal?.aborted) || trials <= 0 || (best.changes > 0 && run.cappedFinal()),
  };
  const changesBefore = best.changes;
  let verdict = await repair(confirmCtx, best, ev, run.stats, 4, best.changes === 0 ? MIN_REPAIR_TRIALS : 0);
  // Take back what the repair overshot only where the confirmation adds runs at the margin: on many queues judged
  // at once a take-back passes at the noise margin, and the next fresh check sends the plan back to repair. A gain
  // may free another queue's change: the take-back tries at least as many changes as the parts it mended have queues.
  if (run.sequential && shortfallScore(problem, verdict, opts.acceptance) === 0) {
    trials = Math.max(2 * Math.max(1, best.changes - changesBefore), queuesSharingParts(problem, short));
    verdict = await quickPrune(confirmCtx, best, verdict, run.stats, trials);
  }
  return verdict;
}

/** How many queues share an independent part with one of `queues` (every queue when the problem does not split). */
function queuesSharingParts(problem: NormProblem, queues: ReadonlySet<number>): number {
  const parts = splitParts(problem);
  if (!parts) return problem.queues.length;
  return parts.filter((p) => p.queues.some((q) => queues.has(q))).reduce((n, p) => n + p.queues.length, 0);
}
