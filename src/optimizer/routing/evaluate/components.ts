// Independent parts of a routing problem: queues that share no agent who holds or may be given their skills. Calls
// of one part never reach an agent of another, so each part can be simulated on its own.
import type { NormAgent, NormProblem, NormQueue } from '../input.js';

export interface ProblemPart {
  /** Queue indices of the whole problem, ascending; the part's queue j is queues[j]. */
  queues: number[];
  /** Agent indices of the whole problem, ascending; the part's agent k is agents[k]. */
  agents: number[];
  /** The part as a problem of its own (queues and agents re-indexed). */
  problem: NormProblem;
}

/**
 * The problem's independent parts, or one part (the whole problem) when it does not split. Queues no agent holds
 * or may be given join the largest part: on their own they would be a simulation without agents.
 */
export function problemParts(problem: NormProblem): ProblemPart[] {
  const groups = queueGroups(problem);
  if (groups.length <= 1)
    return [{ queues: problem.queues.map((q) => q.index), agents: problem.agents.map((a) => a.index), problem }];
  const partOfQueue = new Map<number, number>();
  groups.forEach((qs, p) => qs.forEach((q) => partOfQueue.set(q, p)));
  const agentsOf = groups.map((): number[] => []);
  for (const a of problem.agents) {
    const q = reach(a)[0];
    if (q !== undefined) agentsOf[partOfQueue.get(q) as number]?.push(a.index);
  }
  return groups.map((qs, p) => ({
    queues: qs,
    agents: agentsOf[p] as number[],
    problem: subProblem(problem, qs, agentsOf[p] as number[]),
  }));
}

/** Queue indices an agent holds or may be given. */
function reach(a: NormAgent): number[] {
  return [...new Set([...a.held.keys(), ...a.eligible])];
}

/** Connected queue groups (union-find over each agent's reach), agentless queues folded into the largest. */
function queueGroups(problem: NormProblem): number[][] {
  const parent = problem.queues.map((q) => q.index);
  const root = (q: number): number => {
    while (parent[q] !== q) q = parent[q] = parent[parent[q] as number] as number;
    return q;
  };
  const served = new Set<number>();
  for (const a of problem.agents) {
    const qs = reach(a);
    qs.forEach((q) => served.add(q));
    for (const q of qs.slice(1)) parent[root(q)] = root(qs[0] as number);
  }
  const byRoot = new Map<number, number[]>();
  for (const q of problem.queues) {
    if (!served.has(q.index)) continue;
    const r = root(q.index);
    const group = byRoot.get(r);
    if (group) group.push(q.index);
    else byRoot.set(r, [q.index]);
  }
  const groups = [...byRoot.values()];
  const unserved = problem.queues.filter((q) => !served.has(q.index)).map((q) => q.index);
  if (groups.length === 0) return [unserved];
  const largest = groups.reduce((b, g) => (g.length > b.length ? g : b));
  largest.push(...unserved);
  largest.sort((x, y) => x - y);
  return groups;
}

/** The part's own problem: its queues and agents, re-indexed from 0, everything else as in the whole. */
function subProblem(problem: NormProblem, queueIdx: number[], agentIdx: number[]): NormProblem {
  const local = new Map(queueIdx.map((q, j) => [q, j]));
  const mapSet = (s: ReadonlySet<number>): Set<number> => new Set([...s].map((q) => local.get(q) as number));
  return {
    ...problem,
    queues: queueIdx.map((q, j): NormQueue => ({ ...(problem.queues[q] as NormQueue), index: j })),
    agents: agentIdx.map((i, k): NormAgent => {
      const a = problem.agents[i] as NormAgent;
      return {
        ...a,
        index: k,
        held: new Map([...a.held].map(([q, p]) => [local.get(q) as number, p])),
        eligible: mapSet(a.eligible),
        locked: mapSet(a.locked),
      };
    }),
  };
}
