// Repair on simulated service levels: add / move / swap a skill toward the queue furthest below target, one
// move at a time (or, far below, batches and joint moves for many queues), every candidate on the same calls.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { meets, shortfallScore } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import { applyMove, candidates, gapAgents, undoMove, type Move, type SearchContext } from './search-context.js';
import { shedMoves } from './shed-moves.js';

/**
 * Repairs queues below target one move at a time: for the queue furthest below (in agents), simulate the best
 * few candidate moves and keep the one that lowers the weighted shortfall most. Returns the final evaluation.
 */
export async function repair(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
  width = 6,
  atLeast = 0,
  batches = true,
): Promise<Evaluation> {
  const { problem, options } = ctx;
  // The first `atLeast` simulations run whatever the clock says (never give up on a plan below target untried).
  let trialsLeft = atLeast;
  const stop = (): boolean => (trialsLeft-- > 0 ? Boolean(options.signal?.aborted) : ctx.stop());
  const stuck = new Set<number>();
  let current = ev;
  let score = shortfallScore(problem, current, options.acceptance);
  let jointOk = width > 0;
  while (score > 0 && !stop()) {
    const failing = new Set(
      problem.queues
        .map((q, i) => (meets(q, current.queues[i] as QueueEval, options.acceptance) ? -1 : i))
        .filter((i) => i >= 0),
    );
    const open = [...failing].filter((q) => !stuck.has(q));
    if (open.length === 0) break;
    // Many queues below target (large centres): first move every one of them at once, in one simulation,
    // while that keeps lowering the shortfall; one queue at a time would need a simulation round per queue.
    if (batches && jointOk && open.length >= JOINT_MIN_QUEUES) {
      const joint = jointMoves(ctx, state, current, open, failing);
      if (joint.length > 0) {
        for (const m of joint) applyMove(state, m);
        const trial = await ctx.simulate(state);
        stats.evaluated++;
        const s = shortfallScore(problem, trial, options.acceptance);
        if (s < score - 1e-9) {
          current = trial;
          score = s;
          ctx.progress('repair', state, current);
          await ctx.breathe();
          continue;
        }
        for (const m of [...joint].reverse()) undoMove(state, m);
      }
      jointOk = false;
    }
    const target = open.sort(
      (x, y) =>
        gapAgents(ctx, y, current.queues[y] as QueueEval) * (problem.queues[y]?.weight ?? 1) -
          gapAgents(ctx, x, current.queues[x] as QueueEval) * (problem.queues[x]?.weight ?? 1) || x - y,
    )[0] as number;
    let all = candidates(ctx, state, current, target, failing);
    // Nobody more can be given the queue: its holders may give up another queue instead.
    if (all.length === 0) all = shedMoves(ctx, state, current, target, failing);
    // Free relocations first, but direct adds always get a share: a relocation takes time from another queue.
    const trials: Move[][] = mixed(all, width, (m) => donorQueues(ctx, state, m)).map((m) => [m]);
    // Far below target (large centres): also try half the gap at once, so the search needs a few steps, not one
    // simulation round per missing agent; pruning takes back what turns out not to be needed.
    const batch = batchOf(state, all, Math.floor(gapAgents(ctx, target, current.queues[target] as QueueEval) / 2));
    if (batches && batch.length >= 2) trials.unshift(batch);
    let best: { moves: Move[]; cost: number; ev: Evaluation; score: number } | undefined;
    for (const [i, moves] of trials.entries()) {
      if (stop() || unbeatable(best, trials.slice(i))) break;
      for (const m of moves) applyMove(state, m);
      const trial = await ctx.simulate(state);
      stats.evaluated++;
      const s = shortfallScore(problem, trial, options.acceptance);
      for (const m of [...moves].reverse()) undoMove(state, m);
      const cost = costOf(moves);
      if (!best || s < best.score - 1e-12 || (Math.abs(s - best.score) <= 1e-12 && cost < best.cost))
        best = { moves, cost, ev: trial, score: s };
      await ctx.breathe();
    }
    if (!best || best.score >= score - 1e-9) {
      stuck.add(target);
      continue;
    }
    for (const m of best.moves) applyMove(state, m);
    current = best.ev;
    score = best.score;
    stuck.clear();
    ctx.progress('repair', state, current);
  }
  return current;
}

const JOINT_MIN_QUEUES = 3;

const costOf = (moves: readonly Move[]): number => moves.reduce((c, m) => c + m.cost, 0);

/** Every target met at a cost no trial left can undercut: the step's choice is made, the rest need no run. */
function unbeatable(best: { cost: number; score: number } | undefined, rest: readonly Move[][]): boolean {
  if (!best || best.score > 0) return false;
  return rest.every((moves) => costOf(moves) >= best.cost);
}

/** The queues a move's agent serves now (its donor queues), as a key. */
function donorQueues(ctx: SearchContext, state: PlanState, m: Move): string {
  const out: number[] = [];
  for (let q = 0; q < ctx.problem.queues.length; q++) if (state.holds(m.agent, q)) out.push(q);
  return out.join(',');
}

/**
 * The best `width` moves with at least half (rounded down) direct adds when there are any, those from donors
 * serving different queues first: one donor queue's slack misread cannot fill every trial (in a tight plan each
 * add draws on its donors' queues, and the smallest of them drops most).
 */
function mixed(all: readonly Move[], width: number, donorKey: (m: Move) => string): Move[] {
  const adds = all.filter((m) => m.from < 0);
  const half = Math.floor(width / 2);
  const direct: Move[] = [];
  const seen = new Set<string>();
  for (const m of adds) {
    if (direct.length >= half) break;
    const key = donorKey(m);
    if (seen.has(key)) continue;
    seen.add(key);
    direct.push(m);
  }
  for (const m of adds) {
    if (direct.length >= half) break;
    if (!direct.includes(m)) direct.push(m);
  }
  const rest = all.filter((m) => !direct.includes(m)).slice(0, width - direct.length);
  return [...rest, ...direct];
}

/**
 * One step for every open queue at once: half its gap (at least one agent) in direct adds, on agents distinct
 * across queues, within the change budget; the queues furthest below target choose first.
 */
function jointMoves(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  open: readonly number[],
  failing: ReadonlySet<number>,
): Move[] {
  const gap = (q: number): number => gapAgents(ctx, q, ev.queues[q] as QueueEval);
  const order = [...open].sort((x, y) => gap(y) - gap(x) || x - y);
  const used = new Set<number>();
  const out: Move[] = [];
  let cost = 0;
  for (const q of order) {
    const k = Math.max(1, Math.floor(gap(q) / 2));
    let taken = 0;
    for (const m of candidates(ctx, state, ev, q, failing)) {
      if (taken >= k) break;
      if (m.from >= 0 || used.has(m.agent) || !state.withinBudget(cost + m.cost)) continue;
      // Another queue's move may have used this agent's room: check against the plan as it will be.
      if (state.gainCost(m.agent, q) === undefined) continue;
      out.push(m);
      used.add(m.agent);
      cost += m.cost;
      taken++;
    }
  }
  return out;
}

/** Up to `k` direct adds (no swaps) on distinct agents, best first, within the change budget. */
function batchOf(state: PlanState, moves: readonly Move[], k: number): Move[] {
  const out: Move[] = [];
  const used = new Set<number>();
  let cost = 0;
  for (const m of moves) {
    if (out.length >= k) break;
    if (m.from >= 0 || used.has(m.agent) || !state.withinBudget(cost + m.cost)) continue;
    out.push(m);
    used.add(m.agent);
    cost += m.cost;
  }
  return out;
}
