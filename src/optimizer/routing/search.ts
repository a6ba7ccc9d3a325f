// Local search on simulated service levels: repair (add / move / swap a skill toward the queue furthest below
// target) and prune (undo changes that the targets do not need). Every candidate is simulated with the same
// seed, so candidates are compared on the same calls (common random numbers).
import type { Evaluation, QueueEval } from './evaluate.js';
import { judged, meets, shortfallScore } from './evaluate.js';
import type { NormOptions, NormProblem } from './input.js';
import type { PlanState } from './plan-state.js';
import { atInterval, equivalentAgents } from './requirements.js';
import { shedMoves } from './shed-moves.js';

export interface SearchContext {
  problem: NormProblem;
  options: NormOptions;
  dedicated: readonly number[];
  /** Dedicated requirement of queue q in interval t of the horizon. */
  dedicatedAt(q: number, t: number): number;
  /** Simulates a plan (fixed seed and run length inside). */
  simulate(state: PlanState): Evaluation;
  /**
   * A shorter run to rank candidate moves, on the calls of `round` (each greedy step draws fresh calls, so a move
   * chosen because its run was lucky does not bias the next step's comparisons). Absent: simulate.
   */
  screen?: ((state: PlanState, round: number) => Evaluation) | undefined;
  /** True once the time budget or the caller's signal says stop. */
  stop(): boolean;
  /** Lets timers, the abort signal and progress listeners run between simulations. */
  breathe(): Promise<void>;
  progress(phase: 'repair' | 'prune', state: PlanState, ev: Evaluation): void;
}

/** Gap to target in agents: dedicated requirement minus the agents the simulated service level is worth. */
export function gapAgents(ctx: SearchContext, q: number, e: QueueEval): number {
  const base = ctx.problem.queues[q];
  if (!base) return 0;
  // Over a horizon, the gap is measured in the interval the queue is judged on.
  const queue = e.worst === undefined ? base : atInterval(base, e.worst, ctx.problem.horizon.intervalSeconds);
  const need = e.worst === undefined ? (ctx.dedicated[q] as number) : ctx.dedicatedAt(q, e.worst);
  return need - equivalentAgents(queue, judged(e, ctx.options.acceptance), need);
}

/** Gap to target in agents of queue q in interval t of the horizon. */
export function gapAt(ctx: SearchContext, q: number, e: QueueEval, t: number): number {
  const x = e.intervals?.[t];
  const base = ctx.problem.queues[q];
  if (!x || !base) return gapAgents(ctx, q, e);
  const need = ctx.dedicatedAt(q, t);
  return (
    need -
    equivalentAgents(atInterval(base, t, ctx.problem.horizon.intervalSeconds), judged(x, ctx.options.acceptance), need)
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
  const surplus = problem.queues.map(
    (_, q) =>
      -(t === undefined ? gapAgents(ctx, q, ev.queues[q] as QueueEval) : gapAt(ctx, q, ev.queues[q] as QueueEval, t)),
  );
  const out: Move[] = [];
  problem.agents.forEach((agent, a) => {
    if (state.holds(a, to) || agent.locked.has(to)) return;
    if (!agent.held.has(to) && !agent.eligible.has(to)) return;
    const present = t === undefined || !agent.available ? 1 : (agent.available[t] ?? 0);
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
        const trial = ctx.simulate(state);
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
    const trials: Move[][] = mixed(all, width).map((m) => [m]);
    // Far below target (large centres): also try half the gap at once, so the search needs a few steps, not one
    // simulation round per missing agent; pruning takes back what turns out not to be needed.
    const batch = batchOf(state, all, Math.floor(gapAgents(ctx, target, current.queues[target] as QueueEval) / 2));
    if (batches && batch.length >= 2) trials.unshift(batch);
    let best: { moves: Move[]; cost: number; ev: Evaluation; score: number } | undefined;
    for (const moves of trials) {
      if (stop()) break;
      for (const m of moves) applyMove(state, m);
      const trial = ctx.simulate(state);
      stats.evaluated++;
      const s = shortfallScore(problem, trial, options.acceptance);
      for (const m of [...moves].reverse()) undoMove(state, m);
      const cost = moves.reduce((c, m) => c + m.cost, 0);
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

/** The best `width` moves with at least half (rounded down) direct adds when there are any. */
function mixed(all: readonly Move[], width: number): Move[] {
  const direct = all.filter((m) => m.from < 0).slice(0, Math.floor(width / 2));
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

/**
 * Undoes changes the targets do not need: each change (those into the queues with the most slack first) is
 * reverted on trial and the reversal kept when every queue that met its target still does. At most
 * `maxTrials` simulations (large plans: the queues with the most slack hold most of what can be undone).
 */
export async function prune(
  ctx: SearchContext,
  state: PlanState,
  ev: Evaluation,
  stats: { evaluated: number },
  maxTrials = Infinity,
): Promise<Evaluation> {
  const { problem, options } = ctx;
  let current = ev;
  const passing = (e: Evaluation): Set<number> =>
    new Set(
      problem.queues
        .map((q, i) => (meets(q, e.queues[i] as QueueEval, options.acceptance) ? i : -1))
        .filter((i) => i >= 0),
    );
  const list: Array<{ agent: number; queue: number; added: boolean }> = [];
  state.adds.forEach((s, a) => s.forEach((q) => list.push({ agent: a, queue: q, added: true })));
  state.removes.forEach((s, a) => s.forEach((q) => list.push({ agent: a, queue: q, added: false })));
  const slack = (q: number): number => -gapAgents(ctx, q, current.queues[q] as QueueEval);
  list.sort((x, y) => slack(y.queue) - slack(x.queue) || x.agent - y.agent || x.queue - y.queue);
  let trials = 0;
  for (const c of list) {
    if (ctx.stop() || trials >= maxTrials) break;
    if (c.added ? state.lossCost(c.agent, c.queue) === undefined : state.gainCost(c.agent, c.queue) === undefined)
      continue;
    trials++;
    const before = passing(current);
    const score = shortfallScore(problem, current, options.acceptance);
    if (c.added) state.lose(c.agent, c.queue);
    else state.gain(c.agent, c.queue);
    const trial = ctx.simulate(state);
    stats.evaluated++;
    const after = passing(trial);
    const keeps =
      [...before].every((q) => after.has(q)) && shortfallScore(problem, trial, options.acceptance) <= score + 1e-12;
    if (keeps) {
      current = trial;
      ctx.progress('prune', state, current);
    } else if (c.added) state.gain(c.agent, c.queue);
    else state.lose(c.agent, c.queue);
    await ctx.breathe();
  }
  return current;
}

/**
 * Coarse pruning before the one-by-one pass: per queue with slack, undo half of the adds into it, then a
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
  const passing = (e: Evaluation): number =>
    problem.queues.reduce((n, q, i) => n + (meets(q, e.queues[i] as QueueEval, options.acceptance) ? 1 : 0), 0);
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
      const okBefore = passing(current);
      const score = shortfallScore(problem, current, options.acceptance);
      for (const a of undoList) state.lose(a, q);
      const trial = ctx.simulate(state);
      stats.evaluated++;
      if (passing(trial) >= okBefore && shortfallScore(problem, trial, options.acceptance) <= score + 1e-12) {
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
  const passing = (e: Evaluation): Set<number> =>
    new Set(
      problem.queues
        .map((q, i) => (meets(q, e.queues[i] as QueueEval, options.acceptance) ? i : -1))
        .filter((i) => i >= 0),
    );
  let fraction = 0.5;
  while (fraction >= 0.125 && !ctx.stop()) {
    const before = passing(current);
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
    const keeps = (e: Evaluation): boolean => {
      const after = passing(e);
      return [...before].every((q) => after.has(q)) && shortfallScore(problem, e, options.acceptance) <= score + 1e-12;
    };
    let trial = ctx.simulate(state);
    stats.evaluated++;
    if (!keeps(trial)) {
      // Give back the adds of the queues that fell below target, then try once more.
      const after = passing(trial);
      for (const [q, list] of undone) {
        if (after.has(q)) continue;
        for (const a of list) state.gain(a, q);
        undone.delete(q);
      }
      if (undone.size > 0) {
        trial = ctx.simulate(state);
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
