// The repair's last resort for a queue that no further agent can be given (everyone on shift who may hold it
// already does, or the skill cap leaves no room): let agents who already hold it give up another queue with
// slack, so more of their time goes to the short queue. Undoing one of the plan's own adds this way even saves
// a change.
import type { Evaluation } from '../evaluate/evaluate.js';
import type { PlanState } from './plan-state.js';
import { presenceAt, surplusAt, type Move, type SearchContext } from './search-context.js';

/** Moves that keep queue `to` on an agent who holds it and drop one of the agent's other queues (`keep`). */
export function shedMoves(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  to: number,
  failing: ReadonlySet<number>,
): Move[] {
  const { problem } = ctx;
  const t = ev.queues[to]?.worst;
  const surplus = surplusAt(ctx, ev, t);
  const out: Move[] = [];
  problem.agents.forEach((agent, a) => {
    if (!state.holds(a, to)) return;
    const present = presenceAt(agent, t);
    if (!(present > 0)) return;
    for (let q = 0; q < problem.queues.length; q++) {
      if (q === to || failing.has(q) || !state.holds(a, q)) continue;
      const loss = state.lossCost(a, q);
      if (loss === undefined || !state.withinBudget(loss)) continue;
      out.push({ agent: a, from: q, to, cost: loss, score: (surplus[q] as number) + present, keep: true });
    }
  });
  return out.sort((x, y) => x.cost - y.cost || y.score - x.score || x.agent - y.agent || x.from - y.from);
}
