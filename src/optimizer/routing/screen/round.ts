// Rounds a fractional (LP) screening solution to whole agents per (group, queue) without breaking the group's
// limits, so every rounded move can be placed on an agent. Plain rounding of each variable does not: on large
// models most groups hold one or two agents and the LP spreads a queue's need as halves over many of them, so
// rounding each up overfills the groups' skill and change limits (moves the decoder then has to drop).
import type { AgentGroup } from './groups.js';
import type { NormProblem } from '../input.js';

/** Per group: queue index -> fractional count. */
export type Fractional = ReadonlyArray<ReadonlyMap<number, number>>;

/**
 * Largest-remainder rounding per queue (each queue keeps its LP total, rounded), subject to each group's
 * limits: at most n agents per (group, queue), changes ≤ maxChangesPerAgent × n, skills after the changes ≤
 * maxSkillsPerAgent × n (or no more than before, for groups already over it), and the total change budget.
 * Removals are rounded first (they make room), then adds.
 */
export function roundScreen(
  problem: NormProblem,
  groups: readonly AgentGroup[],
  addFrac: Fractional,
  removeFrac: Fractional,
): { adds: Array<Map<number, number>>; removes: Array<Map<number, number>> } {
  const adds = groups.map(() => new Map<number, number>());
  const removes = groups.map(() => new Map<number, number>());
  const sum = (m: ReadonlyMap<number, number>): number => [...m.values()].reduce((s, v) => s + v, 0);
  let total = 0;
  const fits = (g: AgentGroup, isAdd: boolean): boolean => {
    const n = g.agents.length;
    const a = sum(adds[g.index] as Map<number, number>) + (isAdd ? 1 : 0);
    const r = sum(removes[g.index] as Map<number, number>) + (isAdd ? 0 : 1);
    if (total + 1 > problem.maxChanges) return false;
    if (a + r > problem.maxChangesPerAgent * n) return false;
    const room = Math.max(problem.maxSkills - g.held.length, 0) * n;
    return !isAdd || a - r <= room;
  };
  const pass = (frac: Fractional, out: Array<Map<number, number>>, isAdd: boolean): void => {
    const byQueue = new Map<number, Array<{ g: AgentGroup; v: number }>>();
    for (const g of groups) {
      for (const [q, v] of frac[g.index] ?? []) {
        if (v <= 1e-6) continue;
        let list = byQueue.get(q);
        if (!list) byQueue.set(q, (list = []));
        list.push({ g, v: Math.min(v, g.agents.length) });
      }
    }
    const leftovers: Array<{ q: number; g: AgentGroup; rem: number; wanted: number }> = [];
    for (const [q, list] of [...byQueue].sort((x, y) => x[0] - y[0])) {
      const want = Math.round(list.reduce((s, x) => s + x.v, 0) - 1e-9);
      let placed = 0;
      for (const { g, v } of list) {
        const base = Math.floor(v + 1e-9);
        let k = 0;
        while (k < base && fits(g, isAdd)) {
          k++;
          total++;
          (out[g.index] as Map<number, number>).set(q, k);
        }
        placed += k;
        if (v - base > 1e-6 && k === base) leftovers.push({ q, g, rem: v - base, wanted: 0 });
      }
      for (const l of leftovers) if (l.q === q) l.wanted = want - placed;
    }
    // Hand out the remainders, largest first, until each queue reaches its rounded LP total.
    leftovers.sort((x, y) => y.rem - x.rem || x.q - y.q || x.g.index - y.g.index);
    const given = new Map<number, number>();
    for (const l of leftovers) {
      if ((given.get(l.q) ?? 0) >= l.wanted) continue;
      const m = out[l.g.index] as Map<number, number>;
      if ((m.get(l.q) ?? 0) >= l.g.agents.length || !fits(l.g, isAdd)) continue;
      m.set(l.q, (m.get(l.q) ?? 0) + 1);
      total++;
      given.set(l.q, (given.get(l.q) ?? 0) + 1);
    }
  };
  pass(removeFrac, removes, false);
  pass(addFrac, adds, true);
  return { adds, removes };
}
