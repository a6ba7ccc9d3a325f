// Agents with the same queue skills, eligibility, locks, speed and shifts are interchangeable for the screening model:
// one group each, so the MIP has a variable per (group, queue) instead of per (agent, queue) and no symmetry.
import type { NormAgent, NormProblem } from '../input.js';

export interface AgentGroup {
  index: number;
  /** Agent indices, in input order. */
  agents: number[];
  /** Queue indices held now (sorted). */
  held: number[];
  /** Queue indices an agent of the group may be given (eligible, not held, not locked). */
  addable: number[];
  /** Held queue indices that may be taken away (not locked). */
  removable: number[];
  speed: number;
  /** Share on queue per interval of the horizon (undefined: always on). */
  available: number[] | undefined;
}

/** Share of interval t a group's agents spend on queue. */
export function availability(g: AgentGroup, t: number): number {
  return g.available ? (g.available[t] ?? 0) : 1;
}

export function groupAgents(problem: NormProblem): AgentGroup[] {
  const byKey = new Map<string, AgentGroup>();
  const groups: AgentGroup[] = [];
  for (const a of problem.agents) {
    const held = [...a.held.keys()].sort((x, y) => x - y);
    const locked = [...a.locked].sort((x, y) => x - y);
    const eligible = [...a.eligible].sort((x, y) => x - y);
    const key = `${held.join(',')}|${eligible.join(',')}|${locked.join(',')}|${a.speed}|${a.available?.join(',') ?? ''}`;
    let g = byKey.get(key);
    if (!g) {
      g = {
        index: groups.length,
        agents: [],
        held,
        addable: eligible.filter((q) => !a.held.has(q) && !a.locked.has(q)),
        removable: held.filter((q) => !a.locked.has(q)),
        speed: a.speed,
        available: a.available,
      };
      byKey.set(key, g);
      groups.push(g);
    }
    g.agents.push(a.index);
  }
  return groups;
}

/** Queue skills an agent holds after its changes. */
export function heldAfter(agent: NormAgent, adds: ReadonlySet<number>, removes: ReadonlySet<number>): number {
  return agent.held.size + adds.size - removes.size;
}
