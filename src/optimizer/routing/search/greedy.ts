// Simulation greedy: while a queue is below target, try one move from each kind of donor into the queues furthest
// below (a direct add, or a free relocation of an add that a queue with slack can spare), every candidate on the
// same calls, and keep the move with the best simulated gain per change. The donor is chosen by what the whole
// system gains (the short queue's rise less what the donor's own queues lose), not by a fluid estimate, so
// every queue ends up lending and receiving where that pays, not only the big queues.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { meets, shortfallScore } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import {
  agentKind,
  applyMove,
  candidates,
  gapAgents,
  undoMove,
  type Move,
  type SearchContext,
} from './search-context.js';

export interface GreedyOptions {
  /** Candidate moves simulated per short queue and step. */
  width: number;
  /** Short queues (furthest below target first) that get candidates in one step. */
  queuesPerStep: number;
  /**
   * Return as soon as the short runs see every target met (with the full run's evaluation), so the caller can
   * calibrate the full runs' error on a plan near the targets before any step is decided on them.
   */
  untilShortMet?: boolean;
}

/** Most agents of one kind tried at once when single moves do not help. */
const MAX_BATCH = 4;
/** Band above the target (service-level points) whose shortfall also counts, with this weight. */
const BAND = 0.03;
const BAND_WEIGHT = 0.25;

/** A relocation costs no change; count it as a quarter so a real gain from it always beats a paid add. */
const FREE_MOVE_COST = 0.25;

/**
 * One candidate per kind of donor (the queues the agent serves now, what it gives up, its original group),
 * best-ranked first: relocations first (they are free), then direct adds, swaps only when nothing else exists.
 */
export function diverseMoves(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  to: number,
  failing: ReadonlySet<number>,
  width: number,
  groupOf: readonly number[],
): Move[] {
  const seen = new Set<string>();
  const free: Move[] = [];
  const paid: Move[] = [];
  const swaps: Move[] = [];
  for (const m of candidates(ctx, state, ev, to, failing)) {
    const key = `${m.from}|${agentKind(ctx, state, m.agent, m.to, groupOf)}`; // a candidate does not hold m.to
    if (seen.has(key)) continue;
    seen.add(key);
    (m.cost <= 0 ? free : m.cost === 1 ? paid : swaps).push(m);
  }
  // Half the width (at least one) for free moves, the rest for direct adds; unused room goes to the other kind.
  const nFree = Math.min(free.length, Math.max(1, Math.ceil(width / 2)), width);
  const nPaid = Math.min(paid.length, width - nFree);
  const out = [...free.slice(0, nFree), ...paid.slice(0, nPaid)];
  for (const m of [...free.slice(nFree), ...paid.slice(nPaid), ...swaps]) if (out.length < width) out.push(m);
  return out;
}

/**
 * Repairs a plan until every queue meets its target (as ctx judges: the search's mean against the plain target)
 * or no candidate helps. Steps are decided on ctx.screen (shorter runs on the same calls): each step simulates a
 * few diverse candidates and applies the best by gain per change, several agents of the same kind at once while
 * the queue is far below. When the short runs see every target met, the full run checks; if it disagrees, the
 * remaining steps are decided on full runs. Returns the final full evaluation.
 */
export async function greedyRepair(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
  o: GreedyOptions,
  groupOf: readonly number[],
): Promise<Evaluation> {
  const { problem, options } = ctx;
  const shortfall = (e: Evaluation): number => shortfallScore(problem, e, options.acceptance);
  // Gains are judged on the shortfall plus a quarter of the shortfall against a target BAND higher: near the
  // target, a move that lifts two queues a little (pooling) shows as a gain even while every queue is short.
  const raised = { ...problem, queues: problem.queues.map((q) => ({ ...q, sl: Math.min(0.9999, q.sl + BAND) })) };
  const score = (e: Evaluation): number => {
    const s = shortfall(e);
    return s === 0 ? 0 : s + BAND_WEIGHT * shortfallScore(raised, e, options.acceptance);
  };
  let full = ev;
  if (score(full) === 0) return full;
  // Steps are decided on short runs, each step on fresh calls (base and candidates alike), until those see every
  // target met; then on the full run, the one the rest of the search compares on.
  let short = ctx.screen !== undefined;
  let step = 0;
  let view = full;
  const run = (s: PlanState): Promise<Evaluation> => (short && ctx.screen ? ctx.screen(s, step) : ctx.simulate(s));
  const stuck = new Set<number>();
  let reseeded = false;
  // Candidates and base share one seed (common random numbers) until no candidate helps: a plan chosen because
  // its run was lucky makes every later candidate look worse, so the seed is then drawn anew once.
  let fresh = true;
  while (!ctx.stop()) {
    if (short && fresh) {
      step++;
      view = await run(state);
      stats.evaluated++;
      fresh = false;
    }
    if (score(view) === 0) {
      if (!short) return view;
      full = await ctx.simulate(state);
      stats.evaluated++;
      if (score(full) === 0 || o.untilShortMet) return full;
      // The short runs miss what the full run sees: decide the rest on the full run.
      short = false;
      view = full;
      stuck.clear();
    }
    const current = view;
    const failing = new Set(
      problem.queues
        .filter((q, i) => !meets(q, current.queues[i] as QueueEval, options.acceptance))
        .map((q) => q.index),
    );
    const gap = (q: number): number =>
      gapAgents(ctx, q, current.queues[q] as QueueEval) * (problem.queues[q]?.weight ?? 1);
    const open = [...failing].filter((q) => !stuck.has(q)).sort((x, y) => gap(y) - gap(x) || x - y);
    if (open.length === 0) break;
    const chosen = open.slice(0, o.queuesPerStep);
    const moves = chosen.flatMap((q) => diverseMoves(ctx, state, current, q, failing, o.width, groupOf));
    const best = await bestBatch(ctx, state, current, moves, { score, run, stats, groupOf });
    if (!best) {
      if (short && !reseeded) {
        reseeded = true;
        fresh = true;
        continue;
      }
      for (const q of chosen) stuck.add(q);
      continue;
    }
    reseeded = false;
    for (const b of best.moves) applyMove(state, b);
    view = best.ev;
    stuck.clear();
    ctx.progress('repair', state, view);
  }
  if (!short) return view;
  stats.evaluated++;
  return await ctx.simulate(state);
}

interface BatchTrial {
  score(e: Evaluation): number;
  run(s: PlanState): Promise<Evaluation>;
  stats: { evaluated: number };
  groupOf: readonly number[];
}

/** The batch of moves with the best gain per change over `current` (undefined when none helps); state is restored. */
async function bestBatch(
  ctx: SearchContext,
  state: PlanState,
  current: Evaluation,
  moves: readonly Move[],
  { score, run, stats, groupOf }: BatchTrial,
): Promise<{ moves: Move[]; value: number; ev: Evaluation } | undefined> {
  const base = score(current);
  // Service level rises in an S-shape as flexible agents are added: when no single move helps, try the same
  // moves two, then four, then eight agents at a time (agents of the same kind) before giving up on the queues.
  let best: { moves: Move[]; value: number; ev: Evaluation } | undefined;
  for (let size = 1; size <= MAX_BATCH && !best && !ctx.stop(); size *= 2) {
    for (const m of moves) {
      if (ctx.stop()) break;
      const batch = [m, ...sameKind(ctx, state, current, m, size - 1, groupOf)];
      if (size > 1 && batch.length < size) continue; // not enough agents of this kind: tried at a smaller size
      for (const b of batch) applyMove(state, b);
      const trial = await run(state);
      stats.evaluated++;
      for (const b of [...batch].reverse()) undoMove(state, b);
      const gain = base - score(trial);
      const cost = batch.reduce((c, b) => c + b.cost, 0);
      const value = gain / Math.max(FREE_MOVE_COST, cost);
      if (gain > 1e-9 && (!best || value > best.value + 1e-12)) best = { moves: batch, value, ev: trial };
      await ctx.breathe();
    }
  }
  return best;
}

/** Up to k more direct adds into m.to from agents of m's kind (same group, same queues served), distinct agents. */
function sameKind(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  m: Move,
  k: number,
  groupOf: readonly number[],
): Move[] {
  if (k <= 0 || m.from >= 0) return [];
  const served = (a: number): string => agentKind(ctx, state, a, m.to, groupOf);
  const kind = served(m.agent);
  const out: Move[] = [];
  let cost = 0;
  for (const c of candidates(ctx, state, ev, m.to, new Set())) {
    if (out.length >= k) break;
    if (c.from >= 0 || c.cost !== 1 || c.agent === m.agent || served(c.agent) !== kind) continue;
    if (!state.withinBudget(cost + c.cost)) break;
    out.push(c);
    cost += c.cost;
  }
  return out;
}
