// The state one optimizeRouting run carries through its phases (run-search.ts, run-accept.ts): the problem and
// options, the work budget and the safety cap (the stop rule), the search's context, the confirmation, the
// counters, and the plans (the base, the best so far).
import {
  evaluateAsync,
  evaluatePartAsync,
  meets,
  runLength,
  type Evaluation,
  type QueueEval,
  type RunLength,
} from '../evaluate/evaluate.js';
import { confirmation, type Confirmation, type ConfirmSimulate } from '../evaluate/confirm.js';
import { splitParts } from '../evaluate/split.js';
import { groupAgents } from '../screen/groups.js';
import { normalizeOptions, normalizeProblem, type NormOptions, type NormProblem } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { atInterval, dedicatedRequirement } from '../screen/requirements.js';
import { safetyCap } from './safety-cap.js';
import { callingThreadCheck } from './time-limit.js';
import type { SearchContext } from '../search/search-context.js';
import type { ReplicationRunner } from '../../queueing/simulate/run.js';
import type { SolveAside } from '../screen/change-bound.js';
import type { OptimizeProgress, OptimizeRoutingInput, OptimizeRoutingOptions } from '../types.js';

/** Search evaluations per unit of effort: a base plus a share per queue, up to WORK_QUEUES_MAX queues. */
const WORK_BASE = 200;
const WORK_PER_QUEUE = 20;
/**
 * Queues past which the budget stops growing: on larger centres its last share bought time and no smaller plan
 * (docs/optimizer.md, "The work budget").
 */
const WORK_QUEUES_MAX = 40;
/**
 * A steady hour of few queues gets this many times the work: its search still finds smaller plans past the base
 * budget, and its acceptance is precise enough to take them (docs/optimizer.md, "The work budget").
 */
const STEADY_FEW_QUEUES_WORK = 2;
/** Ruin-and-rebuild rounds without a smaller plan before the search stops (see defaultPatience). */
const DEFAULT_PATIENCE = 40;
/** Share of the work budget the greedy and pruning may use at most; ruin and rebuild has the rest. */
const GREEDY_SHARE = 0.9;
/** Candidate moves are ranked on runs this many times shorter than a search evaluation (same calls). */
const SCREEN_DIVISOR = 4;
/** Queues beyond which the one-queue-at-a-time greedy gives way to the joint repair (one simulation for all). */
export const GREEDY_MAX_QUEUES = 15;
const SCREEN_SEED_OFFSET = 7_919;
const SEARCH_WARMUP_FACTOR = 5;
/**
 * Share of the time limit the search may use when the cap comes before its work budget: the rest is kept for the
 * confirmation and its repair, so a plan cut short by time is still checked and mended on independent runs.
 */
const SEARCH_TIME_SHARE = 0.7;
/** Confirmations a run is expected to simulate (the default safety cap allows a multiple of the total). */
const CONFIRMATIONS_EXPECTED = 10;

export interface RunStats {
  evaluated: number;
  /** Contacts of the evaluations (the work they stand for, parts kept from earlier evaluations included). */
  contacts: number;
  /** Contacts simulated (without the parts kept from earlier evaluations). */
  simulated: number;
  solverMs: number;
  simulateMs: number;
  searchContacts: number;
  /** The longest search evaluation so far, in ms: the search stops early enough for one more. */
  longestSearchMs: number;
}

export interface RunState {
  readonly started: number;
  readonly problem: NormProblem;
  readonly opts: RunOptions;
  /** The search compares candidates on its own runs against the plain target (the mean). */
  readonly searchOpts: RunOptions;
  readonly dedicated: readonly number[];
  dedicatedAt(q: number, t: number): number;
  readonly groups: ReturnType<typeof groupAgents>;
  readonly groupOf: readonly number[];
  /** Where a large lower bound's relaxation is solved beside the search (a helper thread), if anywhere. */
  readonly solveAside: SolveAside | undefined;
  readonly stats: RunStats;
  readonly warnings: string[];
  /** Few queues: the one-queue-at-a-time greedy. */
  readonly small: boolean;
  /** Few queues on a steady hour: the early calibration and a sequential confirmation (evaluate/confirm.ts). */
  readonly early: boolean;
  /** The confirmation adds runs while a verdict is undecided: few queues, or parts of few queues each. */
  readonly sequential: boolean;
  /** The work budget, in search evaluations: the same input and options do the same work on any machine. */
  readonly budget: number;
  used(): number;
  stoppedBy: 'work' | 'time-limit' | 'signal';
  /** The safety cap in ms from `started` (see safety-cap.ts). */
  cap(): number;
  /** The search's stop: its share of the cap, or the caller's signal. */
  capped(): boolean;
  /** The confirmation's stop: the cap less room for the last confirmations. */
  cappedFinal(): boolean;
  /** The search's stop rule: `share` of the work budget spent (checked first), or `capped`. */
  stopAt(share: number): () => boolean;
  searchDeadline(): number;
  readonly confirm: Confirmation;
  /** The search's context (its runs, the stop at the greedy's share of the budget). */
  readonly ctx: SearchContext;
  /** The same context on the search runs of another seed (a second start draws other numbers). */
  searchContextAt(seed: number): SearchContext;
  confirmOn(state: PlanState, round: number): Promise<Evaluation>;
  report(phase: OptimizeProgress['phase'], state: PlanState, ev: Evaluation | undefined): void;
}

/** The search's work budget in evaluations, for `queues` queues (`early`: a steady hour of few queues). */
export function workBudget(effort: number, queues: number, early: boolean): number {
  const base = WORK_BASE + WORK_PER_QUEUE * Math.min(queues, WORK_QUEUES_MAX);
  return effort * base * (early ? STEADY_FEW_QUEUES_WORK : 1);
}

/** The options of a run, with the defaults that depend on the problem resolved. */
export type RunOptions = NormOptions & { searchPatience: number };

/**
 * Ruin-and-rebuild rounds in a row without a smaller plan before the search stops, unless the caller sets it: a
 * steady hour of few queues has twice the work budget and twice the patience, so its search uses that budget.
 */
export function defaultPatience(early: boolean): number {
  return DEFAULT_PATIENCE * (early ? STEADY_FEW_QUEUES_WORK : 1);
}

/**
 * Validates the input and options and sets up the run (nothing simulated yet). `started` (this thread's
 * performance.now()) is when the caller called optimizeRouting: the time limit counts from there.
 */
export function createRun(
  input: OptimizeRoutingInput,
  options: OptimizeRoutingOptions | undefined,
  runner: ReplicationRunner | undefined,
  started = performance.now(),
  solveAside?: SolveAside,
): RunState {
  const problem = normalizeProblem(input);
  const normalized = normalizeOptions(options, problem);
  const checkpoint = runner ? undefined : callingThreadCheck(started, normalized.timeLimitMs, normalized.signal);
  const small = problem.queues.length <= GREEDY_MAX_QUEUES;
  const early = small && !problem.horizon.timeVarying;
  const searchPatience = normalized.searchPatience ?? defaultPatience(early);
  const opts: RunOptions = { ...normalized, runner, checkpoint, searchPatience };
  opts.signal?.throwIfAborted();
  const groups = groupAgents(problem);
  const groupOf: number[] = problem.agents.map(() => -1);
  for (const g of groups) for (const a of g.agents) groupOf[a] = g.index;
  const stats: RunStats = {
    evaluated: 0,
    contacts: 0,
    simulated: 0,
    solverMs: 0,
    simulateMs: 0,
    searchContacts: 0,
    longestSearchMs: 0,
  };
  const budget = workBudget(opts.effort, problem.queues.length, early);
  const run = {
    started,
    problem,
    opts,
    searchOpts: { ...opts, acceptance: 'mean' },
    ...requirements(problem),
    groups,
    groupOf,
    solveAside,
    stats,
    warnings: [],
    small,
    early,
    sequential: early || smallParts(problem),
    budget,
    used: () => stats.searchContacts / opts.contactsPerEvaluation,
    stoppedBy: 'work',
  } as Partial<RunState> as RunState;
  const simulateState = async (
    state: PlanState,
    seeds: readonly number[],
    length: RunLength,
    part?: number,
  ): Promise<Evaluation[]> => {
    const assignment = state.assignment();
    const evals =
      part === undefined
        ? await evaluateAsync(problem, opts, assignment, length, seeds)
        : await evaluatePartAsync(problem, opts, assignment, length, seeds, part);
    for (const ev of evals) {
      stats.contacts += ev.contacts;
      stats.simulated += ev.simulated;
      stats.simulateMs += ev.ms;
    }
    return evals;
  };
  const lengths = searchLengths(problem, opts);
  Object.assign(run, { confirm: confirmation(problem, opts, simulateState, run.sequential) });
  Object.assign(run, stopRule(run));
  Object.assign(run, {
    confirmOn: (state: PlanState, round: number): Promise<Evaluation> => {
      if (!run.confirm.has(state, round)) stats.evaluated++;
      return run.confirm.on(state, round);
    },
    report: reporter(run),
  });
  const searchContextAt = (seed: number): SearchContext => searchContext(run, lengths, simulateState, seed);
  Object.assign(run, { searchContextAt, ctx: searchContextAt(opts.seed) });
  return run;
}

/**
 * A steady hour that splits into parts of few queues each: each part's confirmation adds runs while one of its
 * queues is undecided, as a small problem's does (its runs cost that part's simulation only).
 */
function smallParts(problem: NormProblem): boolean {
  const parts = splitParts(problem);
  return (
    !problem.horizon.timeVarying && parts !== undefined && parts.every((p) => p.queues.length <= GREEDY_MAX_QUEUES)
  );
}

/** Dedicated requirement per queue at its busiest interval (the steady hour: its only one), and per interval. */
function requirements(problem: NormProblem): Pick<RunState, 'dedicated' | 'dedicatedAt'> {
  const { horizon } = problem;
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
  return { dedicated, dedicatedAt };
}

/**
 * The stop rule. The clock is a safety cap only: no decision reads it except `capped()` (the search, which stops
 * at SEARCH_TIME_SHARE of the cap less its longest evaluation) and `cappedFinal()` (the confirmation and its repair, at the cap).
 */
function stopRule(run: RunState): Pick<RunState, 'cap' | 'capped' | 'cappedFinal' | 'stopAt' | 'searchDeadline'> {
  const { opts, stats, started } = run;
  // What the options imply the run simulates: the search's budget and about ten confirmations.
  const expectedContacts =
    run.budget * opts.contactsPerEvaluation +
    CONFIRMATIONS_EXPECTED * Math.max(2 * opts.contactsPerEvaluation, opts.confirmContacts);
  const cap = safetyCap(opts.timeLimitMs, started, () => stats.contacts / expectedContacts);
  const searchDeadline = (): number => started + SEARCH_TIME_SHARE * cap();
  const capAt = (limit: () => number) => (): boolean => {
    if (opts.signal?.aborted) run.stoppedBy = 'signal';
    else if (performance.now() > limit()) run.stoppedBy = 'time-limit';
    else return false;
    return true;
  };
  // An evaluation started just before the search's deadline must end by it: on a loaded machine one can take a
  // good share of a short limit, and the confirmation still has to follow.
  const capped = capAt(() => searchDeadline() - stats.longestSearchMs);
  return {
    cap,
    searchDeadline,
    capped,
    // The last two confirmations (the reported after and before) must fit before the limit, and so must a repair
    // trial started just before this says stop (one more confirmation).
    cappedFinal: capAt(() => started + cap() - 3 * run.confirm.longestMs()),
    // The work first: a search that spent its budget stopped on it, whatever the clock says by then.
    stopAt: (share) => () => run.used() >= share * run.budget || capped(),
  };
}

/** The search's work so far and its budget, in evaluations (to a tenth), as the result and progress give them. */
export function workDone(run: RunState): { used: number; budget: number } {
  return { used: Math.round(run.used() * 10) / 10, budget: run.budget };
}

function reporter(run: RunState): RunState['report'] {
  return (phase, state, ev) => {
    const { problem, searchOpts } = run;
    const below = ev
      ? problem.queues.filter((q, i) => !meets(q, ev.queues[i] as QueueEval, searchOpts.acceptance)).length
      : 0;
    const elapsedMs = performance.now() - run.started;
    run.opts.onProgress?.({ phase, changes: state.changes, queuesBelowTarget: below, elapsedMs, work: workDone(run) });
  };
}

/** The search's run lengths (they refuse an input whose runs would exceed the simulator's work cap). */
function searchLengths(problem: NormProblem, opts: NormOptions): { searchLength: RunLength; screenLength: RunLength } {
  return {
    searchLength: runLength(problem, opts.contactsPerEvaluation, opts.replications, SEARCH_WARMUP_FACTOR),
    screenLength: runLength(
      problem,
      opts.contactsPerEvaluation / SCREEN_DIVISOR,
      opts.replications,
      SEARCH_WARMUP_FACTOR,
    ),
  };
}

/**
 * The search's context. Its runs warm up for 5 (not 20) time constants: candidates are compared in pairs on the
 * same calls, and the error this shares among all of them is measured against the confirmation and corrected.
 */
function searchContext(
  run: RunState,
  { searchLength, screenLength }: { searchLength: RunLength; screenLength: RunLength },
  simulateState: ConfirmSimulate,
  seed: number,
): SearchContext {
  const { problem, stats } = run;
  const searchRun = async (state: PlanState, runSeed: number, length: RunLength): Promise<Evaluation> => {
    const ev = (await simulateState(state, [runSeed], length))[0] as Evaluation;
    stats.searchContacts += ev.contacts;
    stats.longestSearchMs = Math.max(stats.longestSearchMs, ev.ms);
    return ev;
  };
  return {
    problem,
    options: run.searchOpts,
    dedicated: run.dedicated,
    dedicatedAt: run.dedicatedAt,
    simulate: (state) => searchRun(state, seed, searchLength),
    screen: (state, round) => searchRun(state, seed + SCREEN_SEED_OFFSET * (1 + round), screenLength),
    stop: run.stopAt(GREEDY_SHARE),
    breathe: () => new Promise((resolve) => setTimeout(resolve, 0)),
    progress: run.report,
  };
}
