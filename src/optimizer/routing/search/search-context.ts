// The local search's shared vocabulary: its context (problem, simulator, stop rule), the gap to target in agents,
// the moves (donor -> queue) and the candidate moves that give a short queue one more holder, best donors first.
import type { Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { judged, meets, shortfallScore } from '../evaluate/evaluate.js';
import type { NormOptions, NormProblem, NormQueue } from '../input.js';
import type { PlanState } from './plan-state.js';
import { atInterval, equivalentAgents } from '../screen/requirements.js';

export interface SearchContext {
  problem: NormProblem;
  options: NormOptions;
  dedicated: readonly number[];
  /** Dedicated requirement of queue q in interval t of the horizon. */
  dedicatedAt(q: number, t: number): number;
  /** Simulates a plan (fixed seed and run length inside). */
  simulate(state: PlanState): Promise<Evaluation>;
  /**
   * A shorter run to rank candidate moves, on the calls of `round` (each greedy step draws fresh calls, so a move
   * chosen because its run was lucky does not bias the next step's comparisons). Absent: simulate.
   */
  screen?: ((state: PlanState, round: number) => Promise<Evaluation>) | undefined;
  /** True once the time budget or the caller's signal says stop. */
  stop(): boolean;
  /** Lets timers, the abort signal and progress listeners run between simulations. */
  breathe(): Promise<void>;
  progress(phase: 'repair' | 'prune', state: PlanState, ev: Evaluation): void;
}

/** Memo of the agents a dedicated team needs to reach each queue's target exactly, per problem (targets differ). */
const atTargetMemo = new WeakMap<NormProblem, Map<number, number>>();

/**
 * Dedicated agents (interpolated between whole head counts) at which queue q reaches its target, in interval t of
 * the horizon (-1: the queue's own figures). Not the whole-agent requirement: rounding that up would count up to
 * one agent of slack as a shortfall, differently on every queue, and rank donors by the rounding.
 */
function agentsAtTarget(ctx: SearchContext, q: number, t: number, queue: NormQueue, need: number): number {
  let memo = atTargetMemo.get(ctx.problem);
  if (!memo) atTargetMemo.set(ctx.problem, (memo = new Map()));
  const key = q * (ctx.problem.horizon.intervals + 1) + t + 1;
  let n = memo.get(key);
  if (n === undefined) memo.set(key, (n = equivalentAgents(queue, queue.sl, need)));
  return n;
}

/** Gap to target in agents: the dedicated agents the target is worth minus those the simulated level is worth. */
export function gapAgents(ctx: SearchContext, q: number, e: QueueEval): number {
  const base = ctx.problem.queues[q];
  if (!base) return 0;
  // Over a horizon, the gap is measured in the interval the queue is judged on.
  if (e.worst !== undefined && e.intervals?.[e.worst]) return gapAt(ctx, q, e, e.worst);
  const need = ctx.dedicated[q] as number;
  return agentsAtTarget(ctx, q, -1, base, need) - equivalentAgents(base, judged(e, ctx.options.acceptance), need);
}

/** Gap to target in agents of queue q in interval t of the horizon. */
export function gapAt(ctx: SearchContext, q: number, e: QueueEval, t: number): number {
  const x = e.intervals?.[t];
  const base = ctx.problem.queues[q];
  if (!x || !base) return gapAgents(ctx, q, e);
  const need = ctx.dedicatedAt(q, t);
  const queue = atInterval(base, t, ctx.problem.horizon.intervalSeconds);
  return agentsAtTarget(ctx, q, t, queue, need) - equivalentAgents(queue, judged(x, ctx.options.acceptance), need);
}

/**
 * Slack of every queue in agents (minus its gap to target): in interval t of the horizon when given (where the
 * queue being helped is judged), else where each queue is judged. Donors are ranked by it.
 */
export function surplusAt(ctx: SearchContext, ev: Evaluation, t: number | undefined): number[] {
  return ctx.problem.queues.map(
    (_, q) =>
      -(t === undefined ? gapAgents(ctx, q, ev.queues[q] as QueueEval) : gapAt(ctx, q, ev.queues[q] as QueueEval, t)),
  );
}

/** Share of interval `t` an agent is on queue (1 for a steady hour, or when `t` is not given). */
export function presenceAt(agent: { available?: readonly number[] | undefined }, t: number | undefined): number {
  return t === undefined || !agent.available ? 1 : (agent.available[t] ?? 0);
}

/**
 * An agent's kind for queue `q`: its donor group and the other queues it serves. Agents of one kind are
 * interchangeable for `q`, so a move or an undo that failed for one is not worth trying for the others.
 */
export function agentKind(
  ctx: SearchContext,
  state: PlanState,
  a: number,
  q: number,
  groupOf: readonly number[],
): string {
  const served: number[] = [];
  for (let p = 0; p < ctx.problem.queues.length; p++) if (p !== q && state.holds(a, p)) served.push(p);
  return `${served.join(',')}|${groupOf[a] ?? -1}`;
}

/** The queues that meet their target (under the acceptance rule) in an evaluation. */
export function passingQueues(ctx: SearchContext, ev: Evaluation): Set<number> {
  const out = new Set<number>();
  ctx.problem.queues.forEach((q, i) => {
    if (meets(q, ev.queues[i] as QueueEval, ctx.options.acceptance)) out.add(i);
  });
  return out;
}

/**
 * The pruning's rule for keeping a trial: every queue that met its target before (`before`) still does, and the
 * weighted shortfall is no worse than before (`score`).
 */
export function keepsTargets(
  ctx: SearchContext,
  before: ReadonlySet<number>,
  score: number,
  trial: Evaluation,
): boolean {
  const after = passingQueues(ctx, trial);
  return (
    [...before].every((q) => after.has(q)) &&
    shortfallScore(ctx.problem, trial, ctx.options.acceptance) <= score + 1e-12
  );
}

export interface Move {
  agent: number;
  /** Queue the agent stops serving (a swap or a moved add), or -1. */
  from: number;
  to: number;
  cost: number;
  score: number;
  /** The agent already holds `to` and only gives up `from` (see shed-moves.ts). */
  keep?: true;
}

/** Candidate moves that give queue `to` one more holder, best donors first. */
export function candidates(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  to: number,
  failing: ReadonlySet<number>,
): Move[] {
  const { problem } = ctx;
  // Over a horizon, slack and presence count in the interval where `to` is judged (its worst).
  const t = ev.queues[to]?.worst;
  const surplus = surplusAt(ctx, ev, t);
  const out: Move[] = [];
  problem.agents.forEach((agent, a) => {
    if (state.holds(a, to) || agent.locked.has(to)) return;
    if (!agent.held.has(to) && !agent.eligible.has(to)) return;
    const present = presenceAt(agent, t);
    if (!(present > 0)) return; // off shift when the queue is short: no help there
    // The agent's time is taken from the queues it serves: prefer agents whose queues have the most slack.
    let slack = Infinity;
    for (let q = 0; q < problem.queues.length; q++)
      if (state.holds(a, q)) slack = Math.min(slack, surplus[q] as number);
    if (slack === Infinity) slack = 1e6; // serves nothing yet: free capacity
    const occ = ev.agentOccupancy[a] as number;
    const score = slack - occ + present;
    const direct = state.gainCost(a, to);
    if (direct !== undefined && state.withinBudget(direct)) out.push({ agent: a, from: -1, to, cost: direct, score });
    // Move one of our own adds (no extra change) or swap an original skill (two changes) from a queue with slack.
    for (let q = 0; q < problem.queues.length; q++) {
      if (q === to || failing.has(q) || !state.holds(a, q)) continue;
      const loss = state.lossCost(a, q);
      if (loss === undefined) continue;
      state.lose(a, q);
      const gain = state.gainCost(a, to);
      state.gain(a, q);
      if (gain === undefined || !state.withinBudget(loss + gain)) continue;
      if (direct !== undefined && loss + gain >= direct) continue; // the direct add is as cheap and keeps q
      out.push({ agent: a, from: q, to, cost: loss + gain, score: score + (surplus[q] as number) });
    }
  });
  return out.sort((x, y) => x.cost - y.cost || y.score - x.score || x.agent - y.agent || x.from - y.from);
}

export function applyMove(state: PlanState, m: Move): void {
  if (m.from >= 0) state.lose(m.agent, m.from);
  if (!m.keep) state.gain(m.agent, m.to);
}

export function undoMove(state: PlanState, m: Move): void {
  if (!m.keep) state.lose(m.agent, m.to);
  if (m.from >= 0) state.gain(m.agent, m.from);
}
