// The confirmation: independent runs (seeds the search never sees) pooled, so one run's error cannot lift every
// queue. Sequential: it starts with a few runs and adds more, one at a time, while a queue's verdict is within
// the error (its mean reaches the target, its lower bound does not), so the acceptance margin shrinks where it
// decides something and costs nothing where the verdict is clear. On many queues one of them is nearly always
// within the error (the runs' calls are spread over all of them), so the caller turns this off there: the time
// is worth more to the search. A problem that splits (split.ts) is confirmed part by part, each part adding runs
// for its own undecided queues at the cost of its own simulation. Sized from the options only, never from speed.
import {
  judged,
  poolEvaluations,
  runLength,
  undecided,
  type Evaluation,
  type QueueEval,
  type RunLength,
} from './evaluate.js';
import { joinParts, splitParts } from './split.js';
import type { NormOptions, NormProblem, NormQueue } from '../input.js';
import type { PlanState } from '../search/plan-state.js';

/** Independent runs pooled into one confirmation at first. */
const FIRST_RUNS = 4;
/** Most runs of one confirmation (half the first runs' error): more only while a verdict is undecided. */
const MAX_RUNS = 16;
const SEED_OFFSET = 104_729;
/** Bounds on the calibration offset of a queue's search target (service-level points). */
const MAX_OFFSET = 0.05;
const MIN_OFFSET = 0.005;

export interface Confirmation {
  /** The plan's pooled evaluation on round `round`'s runs (the same runs for every plan of that round). */
  on(state: PlanState, round: number): Promise<Evaluation>;
  /**
   * The plan's runs of several rounds pooled into one evaluation (more runs, a smaller error): the same runs `on`
   * draws for each round.
   */
  pooledOn(state: PlanState, rounds: readonly number[]): Promise<Evaluation>;
  /** Whether `on` holds this plan's runs of round `round` already (judging it there again simulates nothing). */
  has(state: PlanState, round: number): boolean;
  /** The longest confirmation so far, in ms. */
  longestMs(): number;
  /** Past the time cap: runs as long as two search evaluations in all, and no runs added. */
  shorten(): void;
}

/**
 * Simulates a plan on each of several seeds, with one run length: the whole problem, or with `part`, that part of
 * a problem that splits (its own evaluation, indexed as in the part's problem; see split.ts). The seeds come
 * together so that threads can share all their replications.
 */
export type ConfirmSimulate = (
  state: PlanState,
  seeds: readonly number[],
  length: RunLength,
  part?: number,
) => Promise<Evaluation[]>;

/** A plan's runs on one round: per part of a problem that splits (each part adds runs on its own), else whole. */
interface RoundRuns {
  key: string;
  /** Per part (one part: the whole problem), its runs. */
  runs: Evaluation[][];
  pooled: Evaluation;
}

/** Replications of one confirmation run. */
const confirmReplications = (opts: NormOptions): number => Math.max(3, Math.ceil(Math.max(10, opts.replications) / 2));

/** The length of one confirmation run: its first runs together simulate the confirmation's contacts. */
export function confirmRunLength(problem: NormProblem, opts: NormOptions): RunLength {
  const contacts = Math.max(2 * opts.contactsPerEvaluation, opts.confirmContacts);
  return runLength(problem, contacts / FIRST_RUNS, confirmReplications(opts));
}

export function confirmation(
  problem: NormProblem,
  opts: NormOptions,
  simulate: ConfirmSimulate,
  sequential: boolean,
): Confirmation {
  const replications = confirmReplications(opts);
  let length = confirmRunLength(problem, opts);
  let maxRuns = sequential && opts.acceptance !== 'mean' ? MAX_RUNS : FIRST_RUNS;
  const stride = maxRuns; // seeds of round r: r × stride + k, never shared between rounds
  const seedOf = (round: number, k: number): number => opts.seed + SEED_OFFSET * (1 + round * stride + k);
  const parts = splitParts(problem);
  // Each part alone: its problem, and how to simulate it (the whole problem when it does not split).
  const units = parts
    ? parts.map((p, i) => ({
        problem: p.problem,
        run: (st: PlanState, seeds: number[]) => simulate(st, seeds, length, i),
      }))
    : [{ problem, run: (st: PlanState, seeds: number[]) => simulate(st, seeds, length) }];
  const pool = (evals: readonly Evaluation[]): Evaluation =>
    poolEvaluations(evals, opts.acceptance, length.replications);
  const join = (pooled: readonly Evaluation[]): Evaluation =>
    parts
      ? joinParts(
          problem,
          parts.map((part, i) => ({ part, evaluation: pooled[i] })),
          { simulated: pooled.reduce((s, e) => s + e.simulated, 0), ms: pooled.reduce((s, e) => s + e.ms, 0) },
        )
      : (pooled[0] as Evaluation);
  let longest = 0;
  // The last plan judged on each round, with its runs: a plan judged again (or pooled over rounds) is not re-run.
  const lastOn = new Map<number, RoundRuns>();
  const runsOn = async (state: PlanState, round: number): Promise<RoundRuns> => {
    const key = planKey(state);
    const last = lastOn.get(round);
    if (last?.key === key) return last;
    const t0 = performance.now();
    const runs: Evaluation[][] = [];
    const pooled: Evaluation[] = [];
    for (const unit of units) {
      // The first runs together; more, one at a time, while a queue of this part is undecided.
      const first = Array.from({ length: Math.min(FIRST_RUNS, maxRuns) }, (_, k) => seedOf(round, k));
      const evals = await unit.run(state, first);
      while (evals.length < maxRuns && undecided(unit.problem, pool(evals), opts.acceptance))
        evals.push(...(await unit.run(state, [seedOf(round, evals.length)])));
      runs.push(evals);
      pooled.push(pool(evals));
    }
    longest = Math.max(longest, performance.now() - t0);
    const entry = { key, runs, pooled: join(pooled) };
    lastOn.set(round, entry);
    return entry;
  };
  return {
    on: async (state, round) => (await runsOn(state, round)).pooled,
    pooledOn: async (state, rounds) => {
      const perUnit: Evaluation[][] = units.map(() => []);
      // One round after the other: each round's runs are cached for the next plan judged on it.
      for (const r of rounds) (await runsOn(state, r)).runs.forEach((evals, i) => perUnit[i]?.push(...evals));
      return join(perUnit.map(pool));
    },
    has: (state, round) => lastOn.get(round)?.key === planKey(state),
    longestMs: () => longest,
    shorten() {
      lastOn.clear();
      length = runLength(problem, (2 * opts.contactsPerEvaluation) / FIRST_RUNS, replications);
      maxRuns = FIRST_RUNS;
    },
  };
}

/** A plan's changes as text: equal for equal plans. */
export function planKey(state: PlanState): string {
  const parts: string[] = [];
  const add = (sign: string) => (set: ReadonlySet<number>, a: number) => {
    if (set.size > 0) parts.push(`${a}${sign}${[...set].sort((x, y) => x - y).join('.')}`);
  };
  state.adds.forEach(add('+'));
  state.removes.forEach(add('-'));
  return parts.join(' ');
}

/**
 * Calibration: the search's runs share one error that lifts or lowers every candidate alike. Each queue's search
 * target moves by the search's error there plus the acceptance rule's margin on independent runs (`check`),
 * within -MIN_OFFSET..+MAX_OFFSET, so the search aims at the target as the confirmation will judge it.
 *
 * The search's error is measured as its mean less the check's, which carries the check's own noise too. With
 * `shrink` (a short check: many queues, or a day) that difference is shrunk by its share of the search's error,
 * search² ÷ (search² + check²), the error's expected value given the difference; taken whole, a check's noise
 * can put a queue's target up to MAX_OFFSET above what the confirmation needs, out of the repair's reach, and
 * ruin and rebuild, which starts from a plan meeting the targets, would never run.
 */
export function aimedQueues(
  problem: NormProblem,
  search: Evaluation,
  check: Evaluation,
  acceptance: NormOptions['acceptance'],
  shrink: boolean,
): NormQueue[] {
  return problem.queues.map((q, i) => {
    const s = search.queues[i] as QueueEval;
    const c = check.queues[i] as QueueEval;
    const share = shrink ? s.halfWidth ** 2 / (s.halfWidth ** 2 + c.halfWidth ** 2 || 1) : 1;
    const offset = share * (s.mean - c.mean) + (c.mean - judged(c, acceptance));
    return { ...q, sl: Math.min(0.9999, q.sl + Math.min(MAX_OFFSET, Math.max(-MIN_OFFSET, offset))) };
  });
}
