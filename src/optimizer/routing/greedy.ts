// Simulation greedy: while a queue is below target, try one move from each kind of donor into the queues furthest
// below (a direct add, or a free relocation of an add that a queue with slack can spare), every candidate on the
// same calls, and keep the move with the best simulated gain per change. The donor is chosen by what the whole
// system gains (the short queue's rise less what the donor's own queues lose), not by a fluid estimate, so
// every queue ends up lending and receiving where that pays, not only the big queues.
import type { Evaluation, QueueEval } from './evaluate.js';
import { meets, shortfallScore } from './evaluate.js';
import type { PlanState } from './plan-state.js';
import { applyMove, candidates, gapAgents, undoMove, type Move, type SearchContext } from './search.js';

export interface GreedyOptions {
  /** Candidate moves simulated per short queue and step. */
  width: number;
  /** Short queues (furthest below target first) that get candidates in one step. */
  queuesPerStep: number;
}

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
    const served: number[] = [];
    for (let q = 0; q < ctx.problem.queues.length; q++) if (state.holds(m.agent, q)) served.push(q);
    const key = `${m.from}|${served.join(',')}|${groupOf[m.agent] ?? -1}`;
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
 * or no candidate helps. Candidates are ranked on ctx.screen (shorter runs, same seed), the chosen move is then
 * simulated on the full run. Returns the final full evaluation.
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
  const screen = ctx.screen ?? ctx.simulate;
  let current = ev;
  let score = shortfallScore(problem, current, options.acceptance);
  const stuck = new Set<number>();
  while (score > 0 && !ctx.stop()) {
    const failing = new Set(
      problem.queues
        .filter((q, i) => !meets(q, current.queues[i] as QueueEval, options.acceptance))
        .map((q) => q.index),
    );
    const gap = (q: number): number =>
      gapAgents(ctx, q, current.queues[q] as QueueEval) * (problem.queues[q]?.weight ?? 1);
    const open = [...failing].filter((q) => !stuck.has(q)).sort((x, y) => gap(y) - gap(x) || x - y);
    if (open.length === 0) break;
    const moves = open
      .slice(0, o.queuesPerStep)
      .flatMap((q) => diverseMoves(ctx, state, current, q, failing, o.width, groupOf));
    if (moves.length === 0) {
      for (const q of open.slice(0, o.queuesPerStep)) stuck.add(q);
      continue;
    }
    const base = shortfallScore(problem, screen(state), options.acceptance);
    stats.evaluated++;
    let best: { move: Move; value: number } | undefined;
    for (const m of moves) {
      if (ctx.stop()) break;
      applyMove(state, m);
      const s = shortfallScore(problem, screen(state), options.acceptance);
      stats.evaluated++;
      undoMove(state, m);
      const value = (base - s) / Math.max(FREE_MOVE_COST, m.cost);
      if (base - s > 1e-9 && (!best || value > best.value + 1e-12)) best = { move: m, value };
      await ctx.breathe();
    }
    if (!best) {
      for (const q of open.slice(0, o.queuesPerStep)) stuck.add(q);
      continue;
    }
    applyMove(state, best.move);
    const trial = ctx.simulate(state);
    stats.evaluated++;
    const s = shortfallScore(problem, trial, options.acceptance);
    if (s >= score - 1e-9) {
      // The full run does not confirm the short run's gain: take the move back and look elsewhere.
      undoMove(state, best.move);
      stuck.add(best.move.to);
      continue;
    }
    current = trial;
    score = s;
    stuck.clear();
    ctx.progress('repair', state, current);
  }
  return current;
}
