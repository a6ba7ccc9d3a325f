// Out of reach: queues that no routing change can bring to target with the agents there are. Each queue needs
// its dedicated team (Erlang C, or A with patience); the agents' time is shared among the queues each can serve
// (held, or eligible and not locked out), balanced so that no queue keeps time another one lacks. A queue whose
// share stays below its need lacks agents, not skills, when the org is short even as one pooled team, or when
// every agent who can serve it would not be enough: the advice is to add agents or lower the target.
import { judged, type Evaluation, type QueueEval } from './evaluate.js';
import type { Assignment } from './evaluate.js';
import type { Acceptance, NormProblem, NormQueue } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { dedicatedRequirement } from '../screen/requirements.js';
import type { UnreachableQueue } from '../types.js';

/** Balancing rounds of the shares: enough for the deficits to settle on the instances seen (sizes up to 200 queues). */
const ROUNDS = 60;

/**
 * Agents who can serve the same queues, with their on-queue time in interval t summed: agents with the same
 * servable queues share their time alike, so the balancing runs over these groups, not over every agent.
 */
function servingGroups(
  problem: NormProblem,
  assignment: Assignment,
  t: number,
  need: readonly number[],
): Array<{ queues: number[]; time: number }> {
  const wanted = problem.queues.filter((q) => (need[q.index] as number) > 0).map((q) => q.index);
  const groups = new Map<string, { queues: number[]; time: number }>();
  problem.agents.forEach((agent, a) => {
    const time = (agent.available ? (agent.available[t] ?? 0) : 1) * agent.speed;
    if (!(time > 0)) return;
    const held = assignment[a];
    // Eligible for every queue and locked out of none (the usual case): every queue with calls.
    const all = agent.eligible.size === problem.queues.length && agent.locked.size === 0;
    const queues = all ? wanted : wanted.filter((q) => held?.has(q) || (agent.eligible.has(q) && !agent.locked.has(q)));
    if (queues.length === 0) return;
    const key = all ? '*' : queues.join(',');
    const g = groups.get(key);
    if (g) g.time += time;
    else groups.set(key, { queues, time });
  });
  return [...groups.values()];
}

/** Agents' on-queue time in interval t split among the queues each can serve: agent-equivalents per queue. */
export function fluidShares(
  problem: NormProblem,
  assignment: Assignment,
  t: number,
  need: readonly number[],
): Float64Array {
  const groups = servingGroups(problem, assignment, t, need);
  // Weights start at each queue's need; every round moves them toward the queues still short (scaling).
  const weight = Float64Array.from(need, (n) => (n > 0 ? n : 0));
  let share = new Float64Array(problem.queues.length);
  for (let round = 0; round < ROUNDS; round++) {
    share = new Float64Array(problem.queues.length);
    for (const g of groups) {
      const total = g.queues.reduce((sum, q) => sum + (weight[q] as number), 0);
      if (!(total > 0)) continue;
      for (const q of g.queues) share[q] = (share[q] as number) + (g.time * (weight[q] as number)) / total;
    }
    need.forEach((n, q) => {
      const got = share[q] as number;
      if (n > 0 && got > 0) weight[q] = (weight[q] as number) * Math.min(4, Math.max(0.25, n / got));
    });
  }
  return share;
}

/** Agents a queue lacks at a need and a share: whole agents, 0 when covered. */
const lacking = (need: number, share: number): number => Math.max(0, Math.ceil(need - share - 1e-6));

/**
 * Agents' on-queue time in interval t (agent-equivalents): per queue, of the agents who can serve it (`perQueue`),
 * and of all agents (`all`). One pass over the agents.
 */
function timeOn(problem: NormProblem, assignment: Assignment, t: number): { all: number; perQueue: Float64Array } {
  let all = 0;
  let everyQueue = 0;
  const perQueue = new Float64Array(problem.queues.length);
  problem.agents.forEach((agent, a) => {
    const time = (agent.available ? (agent.available[t] ?? 0) : 1) * agent.speed;
    if (!(time > 0)) return;
    all += time;
    if (agent.eligible.size === problem.queues.length && agent.locked.size === 0) {
      everyQueue += time;
      return;
    }
    const held = assignment[a];
    for (let q = 0; q < perQueue.length; q++)
      if (held?.has(q) || (agent.eligible.has(q) && !agent.locked.has(q))) perQueue[q] = (perQueue[q] as number) + time;
  });
  for (let q = 0; q < perQueue.length; q++) perQueue[q] = (perQueue[q] as number) + everyQueue;
  return { all, perQueue };
}

/**
 * True when the org lacks agents in interval t whatever the routing: even as one pooled team held to the most
 * lenient of the targets (the lowest share, the longest answer time, the longest patience), its queues' calls
 * need more agents than are on queue. Pooling needs fewer agents than dedicated teams, so only then is a queue's
 * share of the time below its dedicated need a shortage of agents, not of skills.
 */
function orgShort(problem: NormProblem, t: number, agentTime: number): boolean {
  const busy = problem.queues.filter((q) => (q.loads[t] ?? 0) > 0);
  if (busy.length === 0) return false;
  const load = busy.reduce((s, q) => s + (q.loads[t] ?? 0), 0);
  const aht = busy.reduce((s, q) => s + (q.loads[t] ?? 0) * (q.ahts[t] ?? q.aht), 0) / load;
  const patience = busy.some((q) => q.patience === undefined)
    ? undefined
    : Math.max(...busy.map((q) => q.patience as number));
  const pooled: NormQueue = {
    ...(busy[0] as NormQueue),
    load,
    aht,
    sl: Math.min(...busy.map((q) => q.sl)),
    within: Math.max(...busy.map((q) => q.within)),
    patience,
  };
  return agentTime < dedicatedRequirement(pooled);
}

/**
 * Per queue in interval t: the agents it lacks (its share of the time against its dedicated need), counted only
 * when routing cannot close the gap: the org is short (see orgShort), or the agents who can serve the queue
 * could not meet its need even if they served it alone.
 */
function shortages(
  problem: NormProblem,
  assignment: Assignment,
  t: number,
  need: readonly number[],
): { share: Float64Array; short: number[] } {
  const time = timeOn(problem, assignment, t);
  const org = orgShort(problem, t, time.all);
  const alone = need.map((n, q) => n > 0 && (time.perQueue[q] as number) < n - 1e-6);
  // The common case, an org that routing can serve: no need to share out the time (agents x queues x rounds).
  if (!org && !alone.some(Boolean)) return { share: new Float64Array(need.length), short: need.map(() => 0) };
  const share = fluidShares(problem, assignment, t, need);
  const short = need.map((n, q) => (org || alone[q] ? lacking(n, share[q] as number) : 0));
  return { share, short };
}

/** Queues that lack agents at their busiest interval under `assignment` (a priori: before any search). */
export function outOfReach(
  problem: NormProblem,
  assignment: Assignment,
  dedicatedAt: (q: number, t: number) => number,
): Set<number> {
  const out = new Set<number>();
  const byPeak = new Map<number, number[]>();
  problem.queues.forEach((q) => byPeak.set(q.peak, [...(byPeak.get(q.peak) ?? []), q.index]));
  for (const [t, queues] of byPeak) {
    const need = problem.queues.map((q) => dedicatedAt(q.index, t));
    const { short } = shortages(problem, assignment, t, need);
    for (const q of queues) if ((short[q] as number) > 0) out.add(q);
  }
  return out;
}

/** Queues below target on an evaluation by the acceptance rule (any interval below, over a horizon). */
export function belowTarget(problem: NormProblem, ev: Evaluation, acceptance: Acceptance): Set<number> {
  const out = new Set<number>();
  problem.queues.forEach((q, i) => {
    const e = ev.queues[i] as QueueEval;
    const figures = e.worst === undefined ? [e] : (e.intervals ?? []);
    if (figures.some((x) => judged(x, acceptance) < q.sl - 1e-12)) out.add(i);
  });
  return out;
}

/**
 * Gives back every skill the plan removed from a protected queue (making room by undoing the agent's own adds
 * when it is at maxSkillsPerAgent). Returns true when the plan changed.
 */
export function restoreProtected(state: PlanState): boolean {
  let changed = false;
  state.removes.forEach((removed, a) => {
    for (const q of [...removed]) {
      if (!state.protectedQueues.has(q)) continue;
      for (const other of [...(state.adds[a] ?? [])]) {
        if (state.gainCost(a, q) !== undefined) break;
        if (!state.protectedQueues.has(other)) state.lose(a, other);
      }
      if (state.gainCost(a, q) === undefined) continue;
      state.gain(a, q);
      changed = true;
    }
  });
  return changed;
}

/**
 * The queues below target after the plan that lack agents (not skills), each at the interval where it lacks
 * most: its demand there, its dedicated need, the agents' time it can get and how many agents it is short by.
 */
export function unreachableQueues(
  problem: NormProblem,
  assignment: Assignment,
  below: ReadonlySet<number>,
  after: Evaluation,
  acceptance: Acceptance,
  dedicatedAt: (q: number, t: number) => number,
): UnreachableQueue[] {
  if (below.size === 0) return [];
  const { intervals, intervalSeconds, timeVarying } = problem.horizon;
  // The intervals where some queue is below target (the steady hour: its only one).
  const failing = new Map<number, number[]>();
  for (const q of below) {
    const e = after.queues[q] as QueueEval;
    const ts = timeVarying
      ? (e.intervals ?? [])
          .map((x, t) => (judged(x, acceptance) < (problem.queues[q]?.sl ?? 0) - 1e-12 ? t : -1))
          .filter((t) => t >= 0)
      : [0];
    for (const t of ts) failing.set(t, [...(failing.get(t) ?? []), q]);
  }
  const best = new Map<number, UnreachableQueue>();
  for (const [t, queues] of [...failing].sort((x, y) => x[0] - y[0])) {
    if (t >= intervals) continue;
    const need = problem.queues.map((q) => ((q.calls[t] ?? 0) > 0 ? dedicatedAt(q.index, t) : 0));
    const { share, short } = shortages(problem, assignment, t, need);
    for (const q of queues) {
      const queue = problem.queues[q];
      // Reported to one decimal, and the agents it is short by read from that figure, so the two always agree.
      const available = Math.round((share[q] as number) * 10) / 10;
      const shortBy = (short[q] as number) > 0 ? lacking(need[q] as number, available) : 0;
      if (!queue || shortBy === 0 || shortBy <= (best.get(q)?.shortBy ?? 0)) continue;
      best.set(q, {
        queueId: queue.id,
        interval: t,
        demand: {
          callsPerHour: ((queue.calls[t] ?? 0) * 3600) / intervalSeconds,
          ahtSeconds: queue.ahts[t] ?? queue.aht,
          trafficErlangs: queue.loads[t] ?? 0,
        },
        agentsNeeded: need[q] as number,
        agentsAvailable: available,
        shortBy,
      });
    }
  }
  return [...best.keys()].sort((x, y) => x - y).map((q) => best.get(q) as UnreachableQueue);
}
