// Coarse pruning: undo changes the targets do not need, kept when every queue that met its target still does: half
// the adds of a queue at a time (pruneByQueue), or part of every queue's slack in one simulation (pruneJoint, for
// large plans). The one-at-a-time pass that follows them is in prune-slack.ts.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { shortfallScore } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import { gapAgents, keepsTargets, passingQueues, type SearchContext } from './search-context.js';

/**
 * Coarse pruning before the one-at-a-time pass: per queue with slack, undo half of the adds into it, then a
 * quarter, ... (kept when every queue that met its target still does). Few simulations for large plans.
 */
export async function pruneByQueue(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
): Promise<Evaluation> {
  const { problem, options } = ctx;
  let current = ev;
  const order = problem.queues
    .map((q) => q.index)
    .sort(
      (x, y) =>
        gapAgents(ctx, x, current.queues[x] as QueueEval) - gapAgents(ctx, y, current.queues[y] as QueueEval) || x - y,
    );
  for (const q of order) {
    const adds = state.adds.map((s, a) => (s.has(q) ? a : -1)).filter((a) => a >= 0);
    let k = Math.floor(adds.length / 2);
    while (k >= 2 && !ctx.stop()) {
      // Undo the adds of the agents whose other queues are busiest (they are the most needed there).
      const room = (state.holders()[q] as number) - problem.minHolders; // never below minHoldersPerQueue
      const undoList = [...adds]
        .sort((x, y) => (ev.agentOccupancy[y] as number) - (ev.agentOccupancy[x] as number) || x - y)
        .slice(0, Math.min(k, room));
      if (undoList.length === 0) break;
      const okBefore = passingQueues(ctx, current);
      const score = shortfallScore(problem, current, options.acceptance);
      for (const a of undoList) state.lose(a, q);
      const trial = await ctx.simulate(state);
      stats.evaluated++;
      if (keepsTargets(ctx, okBefore, score, trial)) {
        current = trial;
        const kept = adds.filter((a) => !undoList.includes(a));
        adds.length = 0;
        for (const a of kept) adds.push(a);
        ctx.progress('prune', state, current);
        k = Math.floor(adds.length / 2);
      } else {
        for (const a of undoList) state.gain(a, q);
        k = Math.floor(k / 2);
      }
      await ctx.breathe();
    }
  }
  return current;
}

/**
 * Joint pruning for large plans: in one simulation, undo part of the adds into every queue with slack (half its
 * slack in agents, then a quarter, ...); queues that drop below target get their adds back and the plan is
 * simulated again. Kept when every queue that met its target still does. A few simulations instead of one per
 * queue (pruneByQueue) or one per change (prune).
 */
export async function pruneJoint(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
): Promise<Evaluation> {
  const { problem, options } = ctx;
  let current = ev;
  let fraction = 0.5;
  while (fraction >= 0.125 && !ctx.stop()) {
    const before = passingQueues(ctx, current);
    const score = shortfallScore(problem, current, options.acceptance);
    const undone = new Map<number, number[]>();
    for (const q of before) {
      const slack = -gapAgents(ctx, q, current.queues[q] as QueueEval);
      const k = Math.floor(slack * fraction);
      if (k < 1) continue;
      // Undo the adds of the agents whose other queues are busiest (they are the most needed there).
      const adds = state.adds.map((s, a) => (s.has(q) ? a : -1)).filter((a) => a >= 0);
      adds.sort((x, y) => (current.agentOccupancy[y] as number) - (current.agentOccupancy[x] as number) || x - y);
      const list: number[] = [];
      for (const a of adds) {
        if (list.length >= k) break;
        if (state.lossCost(a, q) === undefined) continue;
        state.lose(a, q);
        list.push(a);
      }
      if (list.length > 0) undone.set(q, list);
    }
    if (undone.size === 0) {
      fraction /= 2;
      continue;
    }
    const keeps = (e: Evaluation): boolean => keepsTargets(ctx, before, score, e);
    let trial = await ctx.simulate(state);
    stats.evaluated++;
    if (!keeps(trial)) {
      // Give back the adds of the queues that fell below target, then try once more.
      const after = passingQueues(ctx, trial);
      for (const [q, list] of undone) {
        if (after.has(q)) continue;
        for (const a of list) state.gain(a, q);
        undone.delete(q);
      }
      if (undone.size > 0) {
        trial = await ctx.simulate(state);
        stats.evaluated++;
      }
    }
    if (undone.size > 0 && keeps(trial)) {
      current = trial;
      ctx.progress('prune', state, current);
    } else {
      for (const [q, list] of undone) for (const a of list) state.gain(a, q);
      fraction /= 2;
    }
    await ctx.breathe();
  }
  return current;
}
