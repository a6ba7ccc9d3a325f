// Assembles the public result: changes with reasons, the whole assignment, per-queue before/after, shortfall.
import type { Assignment, Evaluation, QueueEval } from '../evaluate/evaluate.js';
import { judged, meets, toMeasures } from '../evaluate/evaluate.js';
import type { NormOptions, NormProblem, NormQueue } from '../input.js';
import type { PlanState } from '../search/plan-state.js';
import { unreachableQueues } from '../evaluate/reach.js';
import { atInterval, equivalentAgents } from '../screen/requirements.js';
import type { ChangeBound } from '../screen/change-bound.js';
import type { OptimizeRoutingResult, QueueOutcome, RoutingChange, Shortfall } from '../types.js';

const pct = (x: number): string => `${(x * 100).toFixed(1)} %`;
/** A margin to the target in words, never a negative "above". */
const margin = (x: number): string => (x >= 0 ? `${pct(x)} above target` : `${pct(-x)} below target`);

export interface ResultParts {
  problem: NormProblem;
  options: NormOptions;
  state: PlanState;
  before: Evaluation;
  /** The reported evaluation of the plan: every verdict (meetsTarget, feasible, shortfall) is judged on it. */
  after: Evaluation;
  dedicated: readonly number[];
  warnings: string[];
  lowerBound: ChangeBound;
  /** Dedicated requirement of queue q in interval t. */
  dedicatedAt(q: number, t: number): number;
}

export function buildResult(p: ResultParts): OptimizeRoutingResult {
  const { problem, options, state, after } = p;
  const held = state.assignment();
  const shortfall = shortfallOf(p, held);
  const unreachable = unreachableQueues(
    problem,
    held,
    new Set(shortfall.map((x) => problem.queues.findIndex((q) => q.id === x.queueId))),
    after,
    options.acceptance,
    p.dedicatedAt,
  );
  const say = phrases(p, unreachable);
  const changes = problem.agents.flatMap((agent, a) => agentChanges(p, say, agent, a));
  const agents = problem.agents.map((agent, a) => {
    const skills: Record<string, number> = { ...agent.other };
    for (const [q, prof] of held[a] ?? []) skills[problem.queues[q]?.id as string] = prof;
    return { id: agent.id, skills };
  });
  const result: OptimizeRoutingResult = {
    changes,
    agents,
    queues: queueOutcomes(p, held),
    feasible: shortfall.length === 0,
    shortfall,
    unreachable,
    warnings: resultWarnings(p, shortfall),
    stats: {
      candidatesEvaluated: 0,
      simulatedContacts: 0,
      solverMs: 0,
      simulateMs: 0,
      totalMs: 0,
      groups: 0,
      seed: options.seed,
    },
  };
  result.lowerBound = lowerBoundOf(p, result.feasible, changes.length);
  return result;
}

/** The phrases a change's reason is made of (shared by every agent's changes). */
interface Phrases {
  figure(e: QueueEval): number;
  /** A queue's figure before -> after against its target (worst interval over a horizon). */
  queueLine(q: number): string;
  /** "moves it", or the share of this change among the others into (or out of) the same queue. */
  share(n: number, verb: string, q: number): string;
  addsInto: readonly number[];
  removesFrom: readonly number[];
  /** Margin above target after the plan (negative: below). */
  slackAfter(q: number): number;
  /** What a queue out of reach lacks whatever the routing ('' for the others). */
  reach(q: number): string;
}

function phrases(p: ResultParts, unreachable: OptimizeRoutingResult['unreachable']): Phrases {
  const { problem, state, before, after } = p;
  // Figures a reviewer checks a change against: the queue it serves (worst interval over a horizon), the
  // queues the agent's time comes from, and why this agent rather than another.
  const figure = (e: QueueEval): number => e.mean;
  const where = (e: QueueEval): string => (e.worst !== undefined ? ` in its worst interval (#${e.worst})` : '');
  const queueLine = (q: number): string => {
    const queue = problem.queues[q];
    const b = before.queues[q] as QueueEval;
    const a = after.queues[q] as QueueEval;
    return `${queue?.id}${where(a)}: ${pct(figure(b))} -> ${pct(figure(a))} (target ${pct(queue?.sl ?? 0)} in ${queue?.within} s)`;
  };
  const addsInto = problem.queues.map(() => 0);
  const removesFrom = problem.queues.map(() => 0);
  state.adds.forEach((set) => set.forEach((q) => (addsInto[q] = (addsInto[q] as number) + 1)));
  state.removes.forEach((set) => set.forEach((q) => (removesFrom[q] = (removesFrom[q] as number) + 1)));
  const share = (n: number, verb: string, q: number): string =>
    n > 1 ? `one of ${n} ${verb} ${problem.queues[q]?.id}, which together move it` : 'moves it';
  const slackAfter = (q: number): number => figure(after.queues[q] as QueueEval) - (problem.queues[q]?.sl ?? 0);
  const outOfReach = new Map(unreachable.map((u) => [u.queueId, u]));
  const reach = (q: number): string => {
    const u = outOfReach.get(problem.queues[q]?.id as string);
    return u
      ? `; ${u.queueId} lacks agents whatever the routing (needs ${u.agentsNeeded}, can have the time of ${u.agentsAvailable}): add ${u.shortBy} or lower its target`
      : '';
  };
  return { figure, queueLine, share, addsInto, removesFrom, slackAfter, reach };
}

/** Agent a's removals, then its adds, each with the reason a reviewer checks it against. */
function agentChanges(p: ResultParts, say: Phrases, agent: NormProblem['agents'][number], a: number): RoutingChange[] {
  const { problem, options, state, before, after } = p;
  const { figure, queueLine, share } = say;
  const changes: RoutingChange[] = [];
  const adds = [...(state.adds[a] ?? [])].sort((x, y) => x - y);
  const removes = [...(state.removes[a] ?? [])].sort((x, y) => x - y);
  const keeps = [...agent.held.keys()].filter((q) => !state.removes[a]?.has(q));
  const occupancy = pct(after.agentOccupancy[a] ?? 0);
  const home =
    keeps.length > 0
      ? keeps.map((q) => `${problem.queues[q]?.id} (${pct(figure(after.queues[q] as QueueEval))} after)`).join(', ')
      : 'no other queue';
  for (const q of removes) {
    const why =
      adds.length > 0
        ? `makes room for ${adds.map((x) => problem.queues[x]?.id).join(', ')} within maxSkillsPerAgent ${problem.maxSkills}`
        : agent.held.size > problem.maxSkills
          ? `the agent held ${agent.held.size} queue skills, over maxSkillsPerAgent ${problem.maxSkills}: a forced removal`
          : 'not needed to meet the targets';
    // Why this skill of this agent: the proficiency it had against the ones it keeps, and the donor queue's room.
    const kept = keeps.map((k) => agent.held.get(k) ?? 0);
    const prof = agent.held.get(q) ?? 0;
    const rank =
      kept.length === 0
        ? ''
        : prof <= Math.min(...kept)
          ? `; its weakest skill (proficiency ${prof}, keeps ${kept.join(', ')})`
          : `; proficiency ${prof} (keeps ${kept.join(', ')}): ${problem.queues[q]?.id} has the most room of its queues (${margin(say.slackAfter(q))} after)`;
    const reason = `${why}; donor queue ${problem.queues[q]?.id}: ${share(say.removesFrom[q] as number, 'removals from', q)} ${queueLine(q).replace(/^[^:]*: /, '')}${rank}`;
    changes.push({
      agentId: agent.id,
      queueId: problem.queues[q]?.id as string,
      action: 'remove',
      before: agent.held.get(q) ?? null,
      after: null,
      reason,
    });
  }
  const lends = keeps.every((k) =>
    meets(problem.queues[k] as NormQueue, after.queues[k] as QueueEval, options.acceptance),
  );
  for (const q of adds) {
    changes.push({
      agentId: agent.id,
      queueId: problem.queues[q]?.id as string,
      action: 'add',
      before: null,
      after: options.addProficiency,
      reason:
        `serves ${queueLine(q)}; ${share(say.addsInto[q] as number, 'adds into', q)} by ${pct(figure(after.queues[q] as QueueEval) - figure(before.queues[q] as QueueEval))}; ` +
        `this agent because its time comes from ${home}, occupancy ${occupancy}: ${lends ? 'among the queues with room to lend' : 'its own queues are short too, so this only shares out their time'}` +
        `; proficiency ${options.addProficiency} so the queue's own specialists are offered its calls first${say.reach(q)}`,
    });
  }
  return changes;
}

/** Each queue before and after the plan, judged on the reported evaluation. */
function queueOutcomes(p: ResultParts, held: Assignment): OptimizeRoutingResult['queues'] {
  const { problem, options, before, after, dedicated } = p;
  const base = problem.agents.map((agent) => agent.held);
  return problem.queues.map((q, i) => {
    const b = before.queues[i] as QueueEval;
    const a = after.queues[i] as QueueEval;
    return {
      id: q.id,
      target: { serviceLevel: q.sl, withinSeconds: q.within },
      trafficErlangs: q.load,
      requiredDedicated: dedicated[i] as number,
      before: { ...toMeasures(q, b), occupancy: onQueueOccupancy(problem, base, before, i) },
      after: { ...toMeasures(q, a), occupancy: onQueueOccupancy(problem, held, after, i) },
      meetsTarget: meets(q, a, options.acceptance),
      intervals: intervalOutcomes(b, a),
      worstInterval: worstOf(b, a),
    };
  });
}

/** The search's warnings, then the constraints the plan leaves unmet. */
function resultWarnings(p: ResultParts, shortfall: readonly Shortfall[]): string[] {
  const { problem, state } = p;
  const warnings = [...p.warnings];
  if (problem.minHolders > 0) {
    state.holders().forEach((n, q) => {
      if (n < problem.minHolders)
        warnings.push(
          `queue ${problem.queues[q]?.id} has ${n} holders, fewer than minHoldersPerQueue ${problem.minHolders}`,
        );
    });
  }
  // One line for all the agents over the limit (a long list of ids helps nobody; the agents are in `agents`).
  const over = problem.agents.filter((_, a) => state.skillsOf(a) > problem.maxSkills).map((agent) => agent.id);
  if (over.length > 0)
    warnings.push(
      `${over.length} agent(s) keep more queue skills than maxSkillsPerAgent ${problem.maxSkills} (they held them before, and no change needed the room): ${over.slice(0, 3).join(', ')}${over.length > 3 ? ` and ${over.length - 3} more` : ''}`,
    );
  if (shortfall.length > 0 && Number.isFinite(problem.maxChanges) && state.changes >= problem.maxChanges) {
    warnings.push(`the change budget (maxChanges ${problem.maxChanges}) is used up`);
  }
  return warnings;
}

/** The bound holds for plans that meet every target; a feasible plan below it means the bound was too strict. */
function lowerBoundOf(p: ResultParts, feasible: boolean, changes: number): OptimizeRoutingResult['lowerBound'] {
  const forced = forcedChanges(p.problem);
  const bound = Math.max(p.lowerBound.changes, forced);
  return {
    changes: feasible ? Math.min(bound, changes) : bound,
    forced,
    note:
      `at least ${forced} change(s) forced by the constraints (removals over maxSkillsPerAgent, adds up to minHoldersPerQueue); ` +
      (p.lowerBound.kind === 'holders'
        ? `the holders each queue lacks at its busiest interval (as many as it would need dedicated agents), summed, give ${p.lowerBound.changes} (the relaxation was too large or did not finish in time): valid, and looser than the relaxation, which itself is often three to four times below what plans need`
        : `the relaxation gives ${p.lowerBound.changes}: it counts every holder of a queue as a whole dedicated agent at the queue's busiest interval (an overflow holder from an 85-90 %-busy queue gives far less), so it is valid but loose: plans often need three to four times more (six-queue Wallace-Whitt instance: bound 13, best known plan 52)`),
  };
}

/**
 * Queues below target on the reported evaluation, each with the dedicated agents it lacks (over a horizon: every
 * interval below target, each at its own load). A simulated service level near 0 says only "at most the load",
 * so what a queue has is also capped by its holders there (shared ones give less than a whole agent).
 */
function shortfallOf(p: ResultParts, held: Assignment): Shortfall[] {
  const { problem, options, after, dedicated } = p;
  const present = (q: number, t: number): number =>
    problem.agents.reduce((n, a, i) => n + (held[i]?.has(q) ? (a.available ? (a.available[t] ?? 0) : 1) : 0), 0);
  /** Dedicated agents a figure lacks against the target at a queue's (interval's) load: at least 1. */
  const lacking = (q: NormQueue, x: { mean: number; halfWidth: number }, need: number, has: number): number =>
    Math.max(1, Math.ceil(need - Math.min(has, equivalentAgents(q, judged(x, options.acceptance), need)) - 1e-9));
  return problem.queues
    .map((q, i) => ({ q, i, e: after.queues[i] as QueueEval }))
    .filter(({ q, e }) => !meets(q, e, options.acceptance))
    .map(({ q, i, e }) => {
      if (!e.intervals) {
        const agentsMissing = lacking(q, e, dedicated[i] as number, present(i, 0));
        return { queueId: q.id, agentsMissing, intervals: [{ index: 0, agentsMissing }] };
      }
      const intervals = e.intervals
        .map((x, t) => ({ x, t }))
        .filter(({ x }) => judged(x, options.acceptance) < q.sl - 1e-12)
        .map(({ x, t }) => ({
          index: t,
          agentsMissing: lacking(
            atInterval(q, t, problem.horizon.intervalSeconds),
            x,
            p.dedicatedAt(i, t),
            present(i, t),
          ),
        }));
      const agentsMissing = intervals.reduce((m, x) => Math.max(m, x.agentsMissing), 1);
      return { queueId: q.id, agentsMissing, intervals };
    });
}

/**
 * Occupancy of a queue's holders: their busy time over their time on queue (an agent on shift two hours of a day
 * is busy 100 % of them, not 8 % of the day).
 */
function onQueueOccupancy(problem: ResultParts['problem'], held: Assignment, ev: Evaluation, q: number): number {
  let busy = 0;
  let on = 0;
  problem.agents.forEach((agent, a) => {
    if (!held[a]?.has(q)) return;
    const share = agent.available ? agent.available.reduce((s, x) => s + x, 0) / agent.available.length : 1;
    busy += ev.agentOccupancy[a] ?? 0;
    on += share;
  });
  return on > 0 ? Math.min(1, busy / on) : 0;
}

/** Per-interval figures of one queue; the steady case is one interval with the queue's own figures. */
function intervalsOf(e: QueueEval): Array<{ offered: number; mean: number; halfWidth: number }> {
  return e.intervals ?? [{ offered: e.offered, mean: e.mean, halfWidth: e.halfWidth }];
}

function measure(x: { mean: number; halfWidth: number }): { serviceLevel: number; low: number; high: number } {
  return { serviceLevel: x.mean, low: Math.max(0, x.mean - x.halfWidth), high: Math.min(1, x.mean + x.halfWidth) };
}

function intervalOutcomes(b: QueueEval, a: QueueEval): QueueOutcome['intervals'] {
  const before = intervalsOf(b);
  return intervalsOf(a).map((x, index) => ({
    index,
    offered: x.offered,
    before: measure(before[index] ?? x),
    after: measure(x),
  }));
}

/**
 * The interval the verdict was judged on (the one furthest below target by the acceptance rule), or else the
 * interval with calls whose service level after the changes is lowest (ties: the earliest).
 */
function worstOf(b: QueueEval, a: QueueEval): QueueOutcome['worstInterval'] {
  const after = intervalsOf(a);
  const before = intervalsOf(b);
  let worst = 0;
  after.forEach((x, i) => {
    const w = after[worst] as { offered: number; mean: number };
    if (x.offered > 0 && (w.offered <= 0 || x.mean < w.mean)) worst = i;
  });
  if (a.worst !== undefined) worst = a.worst;
  return { index: worst, before: before[worst]?.mean ?? 1, after: after[worst]?.mean ?? 1 };
}

/**
 * Changes every plan must make, whatever the targets: removals of agents over maxSkillsPerAgent (only skills
 * that are not locked can go, and those are counted) and adds to reach minHoldersPerQueue (holders now counted).
 */
export function forcedChanges(problem: ResultParts['problem']): number {
  let n = 0;
  for (const a of problem.agents) {
    const over = a.held.size - problem.maxSkills;
    if (over > 0) n += Math.min(over, [...a.held.keys()].filter((q) => !a.locked.has(q)).length);
  }
  if (problem.minHolders > 0) {
    const holders = problem.queues.map(() => 0);
    for (const a of problem.agents) for (const q of a.held.keys()) holders[q] = (holders[q] as number) + 1;
    for (const h of holders) n += Math.max(0, problem.minHolders - h);
  }
  return n;
}
