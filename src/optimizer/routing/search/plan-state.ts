// The candidate plan: per agent, the queue skills added and removed relative to the input, with the limits
// (skills per agent, changes per agent, total changes, eligibility, locks) checked on every move.
import type { AgentGroup } from '../screen/groups.js';
import type { NormProblem } from '../input.js';
import type { Assignment } from '../evaluate/evaluate.js';
import type { ScreenSolution } from '../screen/screen.js';

export class PlanState {
  readonly adds: Array<Set<number>>;
  readonly removes: Array<Set<number>>;
  private total = 0;
  /** Holders per queue after the changes, kept current by gain/lose (minHoldersPerQueue is checked on every loss). */
  private readonly holding: number[];
  /** Queues below target (or out of reach): no skill they hold now is removed from them. */
  private readonly kept = new Set<number>();

  constructor(
    readonly problem: NormProblem,
    readonly addProficiency: number,
  ) {
    this.adds = problem.agents.map(() => new Set<number>());
    this.removes = problem.agents.map(() => new Set<number>());
    this.holding = problem.queues.map(() => 0);
    for (const a of problem.agents) for (const q of a.held.keys()) this.holding[q] = (this.holding[q] as number) + 1;
  }

  clone(): PlanState {
    const c = new PlanState(this.problem, this.addProficiency);
    this.adds.forEach((s, i) => s.forEach((q) => c.adds[i]?.add(q)));
    this.removes.forEach((s, i) => s.forEach((q) => c.removes[i]?.add(q)));
    c.total = this.total;
    this.holding.forEach((n, q) => (c.holding[q] = n));
    this.kept.forEach((q) => c.kept.add(q));
    return c;
  }

  /** From now on no agent loses a skill it holds now on these queues (undoing the plan's own adds stays allowed). */
  protect(queues: Iterable<number>): void {
    for (const q of queues) this.kept.add(q);
  }

  /** Queues protected from removals (see `protect`). */
  get protectedQueues(): ReadonlySet<number> {
    return this.kept;
  }

  get changes(): number {
    return this.total;
  }

  changesOf(a: number): number {
    return (this.adds[a]?.size ?? 0) + (this.removes[a]?.size ?? 0);
  }

  holds(a: number, q: number): boolean {
    const agent = this.problem.agents[a];
    if (!agent) return false;
    return agent.held.has(q) ? !this.removes[a]?.has(q) : Boolean(this.adds[a]?.has(q));
  }

  skillsOf(a: number): number {
    const agent = this.problem.agents[a];
    return (agent?.held.size ?? 0) + (this.adds[a]?.size ?? 0) - (this.removes[a]?.size ?? 0);
  }

  /** Change in the total change count if `a` gained q (−1 when it undoes a removal). */
  gainCost(a: number, q: number): number | undefined {
    const agent = this.problem.agents[a];
    if (!agent || this.holds(a, q) || agent.locked.has(q)) return undefined;
    if (this.skillsOf(a) + 1 > this.problem.maxSkills) return undefined;
    if (agent.held.has(q)) return -1; // undo our removal
    if (!agent.eligible.has(q)) return undefined;
    if (this.changesOf(a) + 1 > this.problem.maxChangesPerAgent) return undefined;
    return 1;
  }

  /** Change in the total change count if `a` lost q (−1 when it undoes an add). */
  lossCost(a: number, q: number): number | undefined {
    const agent = this.problem.agents[a];
    if (!agent || !this.holds(a, q) || agent.locked.has(q)) return undefined;
    if ((this.holding[q] as number) - 1 < this.problem.minHolders) return undefined;
    if (this.adds[a]?.has(q)) return -1;
    if (this.kept.has(q)) return undefined;
    if (this.changesOf(a) + 1 > this.problem.maxChangesPerAgent) return undefined;
    return 1;
  }

  gain(a: number, q: number): void {
    const agent = this.problem.agents[a];
    if (!agent) return;
    this.holding[q] = (this.holding[q] as number) + 1;
    if (agent.held.has(q)) {
      this.removes[a]?.delete(q);
      this.total--;
    } else {
      this.adds[a]?.add(q);
      this.total++;
    }
  }

  lose(a: number, q: number): void {
    this.holding[q] = (this.holding[q] as number) - 1;
    if (this.adds[a]?.has(q)) {
      this.adds[a]?.delete(q);
      this.total--;
    } else {
      this.removes[a]?.add(q);
      this.total++;
    }
  }

  withinBudget(extra: number): boolean {
    return this.total + extra <= this.problem.maxChanges;
  }

  /** Queue index -> proficiency per agent, after the changes. */
  assignment(): Assignment {
    return this.problem.agents.map((agent, a) => {
      const m = new Map<number, number>();
      for (const [q, p] of agent.held) if (!this.removes[a]?.has(q)) m.set(q, p);
      for (const q of this.adds[a] ?? []) m.set(q, this.addProficiency);
      return m;
    });
  }

  /** Holders per queue after the changes. */
  holders(): number[] {
    return [...this.holding];
  }
}

/**
 * Turns a group-level screening solution into per-agent changes. Within a group, adds go first to the agents
 * with the weakest proficiencies on their current queues (under best-available routing they take the fewest
 * of those calls, so their time is the cheapest to share); removals go to agents that need room for an add.
 * Returns the number of group-level moves that could not be placed on any agent (the repair step covers them).
 */
export function decodeScreen(state: PlanState, groups: readonly AgentGroup[], screen: ScreenSolution): number {
  let unplaced = 0;
  const { problem } = state;
  for (const g of groups) {
    const adds = screen.adds[g.index] as Map<number, number>;
    const removes = new Map(screen.removes[g.index] as Map<number, number>);
    if (adds.size === 0 && removes.size === 0) continue;
    const order = [...g.agents].sort((x, y) => strength(problem, x) - strength(problem, y) || x - y);
    let cursor = 0;
    const tokens = [...adds.entries()].sort((x, y) => y[1] - x[1] || x[0] - y[0]);
    for (const [q, count] of tokens) {
      for (let k = 0; k < count; k++) {
        let placed = false;
        for (let tries = 0; tries < order.length && !placed; tries++) {
          const a = order[(cursor + tries) % order.length] as number;
          if (state.holds(a, q)) continue;
          if (state.gainCost(a, q) === undefined) {
            // Make room with one of the group's planned removals, if this agent may take both changes.
            const r = [...removes.keys()].find((rq) => rq !== q && state.holds(a, rq) && (removes.get(rq) ?? 0) > 0);
            if (r === undefined || state.changesOf(a) + 2 > problem.maxChangesPerAgent) continue;
            if (state.lossCost(a, r) === undefined) continue;
            state.lose(a, r);
            removes.set(r, (removes.get(r) ?? 0) - 1);
            if (state.gainCost(a, q) === undefined) {
              state.gain(a, r);
              removes.set(r, (removes.get(r) ?? 0) + 1);
              continue;
            }
          }
          state.gain(a, q);
          placed = true;
          cursor = (cursor + tries + 1) % order.length;
        }
        if (!placed) unplaced++;
      }
    }
    // Removals the model wanted beyond making room (rare: a skills-per-agent limit already exceeded).
    for (const [q, count] of removes) {
      let left = count;
      for (const a of order) {
        if (left <= 0) break;
        if (state.lossCost(a, q) === 1) {
          state.lose(a, q);
          left--;
        }
      }
      unplaced += Math.max(0, left);
    }
  }
  return unplaced;
}

/** Sum of proficiencies on the agent's current queue skills (lower = weaker = better donor). */
function strength(problem: NormProblem, a: number): number {
  let s = 0;
  for (const p of problem.agents[a]?.held.values() ?? []) s += p;
  return s;
}
