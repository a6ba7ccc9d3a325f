// Pruning by slack: take back one add at a time from the queue with the most slack (in agents), from the kind of
// agent whose own queues need it most. Agents of one kind (same group, same queues served) are interchangeable, so
// when undoing one fails, the others of its kind are not tried for that queue: a few simulations per queue, not
// one per change.
import type { Evaluation } from '../evaluate/evaluate.js';
import { shortfallScore } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import { agentKind, keepsTargets, passingQueues, surplusAt, type SearchContext } from './search-context.js';

/**
 * Undoes adds while every queue that met its target still does, at most `maxTrials` simulations; returns the
 * final evaluation. Queues and kinds that failed once are not tried again.
 */
export async function pruneBySlack(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
  maxTrials: number,
  groupOf: readonly number[],
): Promise<Evaluation> {
  const { problem, options } = ctx;
  const n = problem.queues.length;
  let current = ev;
  const failed = new Set<string>();
  let trials = 0;
  while (trials < maxTrials && !ctx.stop()) {
    const before = passingQueues(ctx, current);
    const surplus = surplusAt(ctx, current, undefined); // slack of each queue, in agents
    const order = [...before].sort((x, y) => (surplus[y] as number) - (surplus[x] as number) || x - y);
    // The first (queue, kind) not yet failed, queues with the most slack first, then the agent whose other
    // queues have the least slack (its time is worth most there).
    let pick: { agent: number; queue: number; key: string } | undefined;
    for (const q of order) {
      let best: { agent: number; need: number; key: string } | undefined;
      state.adds.forEach((s, a) => {
        if (!s.has(q) || state.lossCost(a, q) === undefined) return;
        const key = `${q}:${agentKind(ctx, state, a, q, groupOf)}`;
        if (failed.has(key)) return;
        let need = Infinity;
        for (let p = 0; p < n; p++) if (p !== q && state.holds(a, p)) need = Math.min(need, surplus[p] as number);
        if (!best || need < best.need) best = { agent: a, need, key };
      });
      if (best) {
        pick = { agent: best.agent, queue: q, key: best.key };
        break;
      }
    }
    if (!pick) break;
    trials++;
    const score = shortfallScore(problem, current, options.acceptance);
    state.lose(pick.agent, pick.queue);
    const trial = await ctx.simulate(state);
    stats.evaluated++;
    if (keepsTargets(ctx, before, score, trial)) {
      current = trial;
      ctx.progress('prune', state, current);
    } else {
      state.gain(pick.agent, pick.queue);
      failed.add(pick.key);
    }
    await ctx.breathe();
  }
  return current;
}
