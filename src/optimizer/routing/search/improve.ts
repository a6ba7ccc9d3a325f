// Ruin and rebuild: from a plan that meets every target, undo k of its changes at random (those into queues with
// slack more often), repair the queues that fall short one move at a time (the repair picks donors by slack, so
// changes move to better agents and queues; a round costs a few simulations), then try to undo a few more changes
// from the queues with the most slack. A rebuilt plan is kept when it meets every
// target with no more changes (equal counts too: walking a plateau lets later rounds find a saving). Every
// candidate is simulated on the same calls (the search's seed), so candidates are compared fairly.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { shortfallScore, judged } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import { pruneBySlack } from './prune-slack.js';
import { repair } from './repair.js';
import { applyMove, candidates, gapAgents, surplusAt, type SearchContext } from './search-context.js';

export interface ImproveOptions {
  /** Rounds in a row without a smaller plan before stopping. */
  patience: number;
  seed: number;
  /** Original group of each agent (agents of one group are interchangeable donors). */
  groupOf: readonly number[];
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same search. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Change {
  agent: number;
  queue: number;
  added: boolean;
}

function changesOf(state: PlanState): Change[] {
  const list: Change[] = [];
  state.adds.forEach((s, a) => s.forEach((q) => list.push({ agent: a, queue: q, added: true })));
  state.removes.forEach((s, a) => s.forEach((q) => list.push({ agent: a, queue: q, added: false })));
  return list;
}

/** Undoes one change if the limits allow; true when done. */
function undoChange(state: PlanState, c: Change): boolean {
  if (c.added) {
    if (state.lossCost(c.agent, c.queue) === undefined) return false;
    state.lose(c.agent, c.queue);
  } else {
    if (state.gainCost(c.agent, c.queue) === undefined) return false;
    state.gain(c.agent, c.queue);
  }
  return true;
}

/** Sum over queues of the margin above target (judged as the search judges): a plan's room for pruning. */
function margin(ctx: SearchContext, ev: Evaluation): number {
  return ctx.problem.queues.reduce(
    (s, q, i) => s + Math.min(0.05, judged(ev.queues[i] as QueueEval, ctx.options.acceptance) - q.sl),
    0,
  );
}

/**
 * Runs ruin-and-rebuild rounds until `patience` rounds in a row find no smaller plan or the clock says stop.
 * `state` and `ev` must meet every target; returns the best plan found (fewest changes, then most margin).
 */
export async function ruinAndRebuild(
  ctx: SearchContext,
  start: PlanState,
  startEval: Evaluation,
  stats: { evaluated: number },
  o: ImproveOptions,
): Promise<{ state: PlanState; ev: Evaluation; rounds: number }> {
  const { problem, options } = ctx;
  const rand = random(o.seed ^ 0x5bd1e995);
  let current = start.clone();
  let currentEval = startEval;
  let best = { state: start.clone(), ev: startEval };
  let stale = 0;
  let rounds = 0;
  while (stale < o.patience && !ctx.stop() && current.changes > 0) {
    rounds++;
    const trial = current.clone();
    const list = changesOf(trial);
    // Every other round a relocation: one added skill moves to an agent of another donor group (same count,
    // a different place for the time it takes); otherwise ruin k changes (1..3, more on large plans).
    if (!(rounds % 2 === 0 && relocate(ctx, trial, currentEval, rand, o.groupOf))) {
      const k = Math.min(list.length, 1 + Math.floor(rand() * Math.min(3, 1 + list.length / 20)));
      for (let i = 0; i < k; i++) {
        const pool = changesOf(trial);
        if (pool.length === 0) break;
        undoChange(trial, bySlack(ctx, currentEval, pool, rand));
      }
    }
    let ev = await ctx.simulate(trial);
    stats.evaluated++;
    // Rebuild: greedy repair toward the queues now short.
    if (shortfallScore(problem, ev, options.acceptance) > 0) ev = await repair(ctx, trial, ev, stats, 3);
    if (shortfallScore(problem, ev, options.acceptance) > 0) {
      stale++;
      continue;
    }
    // Prune: try to undo a few changes into the queues with the most slack.
    ev = await pruneBySlack(ctx, trial, ev, stats, 3, o.groupOf);
    const better =
      trial.changes < current.changes ||
      (trial.changes === current.changes && margin(ctx, ev) >= margin(ctx, currentEval) - 1e-9);
    if (
      trial.changes < best.state.changes ||
      (trial.changes === best.state.changes && margin(ctx, ev) > margin(ctx, best.ev) + 1e-9)
    ) {
      if (trial.changes < best.state.changes) stale = 0;
      best = { state: trial.clone(), ev };
    } else stale++;
    if (better) {
      current = trial;
      currentEval = ev;
    }
    ctx.progress('prune', best.state, best.ev);
    await ctx.breathe();
  }
  return { ...best, rounds };
}

/**
 * Moves one random added skill (agent a, queue q) to an agent of another donor group that may take it; true when
 * done. The new holder is drawn from the best few candidates (by the donors' slack) of groups other than a's.
 */
function relocate(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  rand: () => number,
  groupOf: readonly number[],
): boolean {
  const adds: Change[] = changesOf(state).filter((c) => c.added);
  if (adds.length === 0) return false;
  const c = adds[Math.floor(rand() * adds.length)] as Change;
  if (state.lossCost(c.agent, c.queue) === undefined) return false;
  state.lose(c.agent, c.queue);
  const group = (a: number): number => groupOf[a] ?? a;
  const seen = new Set<number>([group(c.agent)]);
  const options = candidates(ctx, state, ev, c.queue, new Set())
    .filter((m) => m.from < 0 && m.cost === 1)
    .filter((m) => (seen.has(group(m.agent)) ? false : (seen.add(group(m.agent)), true)))
    .slice(0, 4);
  if (options.length === 0) {
    state.gain(c.agent, c.queue);
    return false;
  }
  applyMove(state, options[Math.floor(rand() * options.length)] as (typeof options)[number]);
  return true;
}

/** Tries to undo up to `trials` changes, those into the queues with the most slack first; keeps every target met. */
export async function quickPrune(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
  trials: number,
): Promise<Evaluation> {
  const { problem, options } = ctx;
  let current = ev;
  const slack = (q: number): number => -gapAgents(ctx, q, current.queues[q] as QueueEval);
  const list = changesOf(state).sort(
    (x, y) => slack(y.queue) - slack(x.queue) || x.agent - y.agent || x.queue - y.queue,
  );
  let tried = 0;
  for (const c of list) {
    if (tried >= trials || ctx.stop()) break;
    if (!undoChange(state, c)) continue;
    tried++;
    const trial = await ctx.simulate(state);
    stats.evaluated++;
    if (shortfallScore(problem, trial, options.acceptance) === 0) current = trial;
    else if (c.added) state.gain(c.agent, c.queue);
    else state.lose(c.agent, c.queue);
  }
  return current;
}

/**
 * One change drawn with weight growing with its queue's slack in agents (at least a quarter): the changes into
 * queues with room are the likeliest to be unnecessary, while every change stays possible.
 */
function bySlack(ctx: SearchContext, ev: Evaluation, pool: readonly Change[], rand: () => number): Change {
  const slack = surplusAt(ctx, ev, undefined);
  return drawWeighted(pool, (c) => Math.max(0.25, 1 + (slack[c.queue] as number)), rand);
}

/** One item drawn with probability proportional to its (positive) weight. */
function drawWeighted<T>(items: readonly T[], weight: (x: T) => number, rand: () => number): T {
  const w = items.map(weight);
  let r = rand() * w.reduce((s, x) => s + x, 0);
  for (let i = 0; i < items.length; i++) {
    r -= w[i] as number;
    if (r <= 0) return items[i] as T;
  }
  return items[items.length - 1] as T;
}
