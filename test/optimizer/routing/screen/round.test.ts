// The relaxed screening model's solution is rounded within each agent group's limits, so the decoder can place
// every move. Plain per-variable rounding turned halves on one-agent groups into two adds on one agent, beyond
// maxSkillsPerAgent and maxChangesPerAgent (the 50-queue benchmark dropped 181 such moves).
import { describe, expect, it } from 'vitest';
import { groupAgents } from '../../../../src/optimizer/routing/screen/groups.js';
import { normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { PlanState, decodeScreen } from '../../../../src/optimizer/routing/search/plan-state.js';
import { roundScreen } from '../../../../src/optimizer/routing/screen/round.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };
const queueIds = ['a', 'b', 'c', 'd', 'x', 'y'];

function problem(maxChanges = 100) {
  return normalizeProblem({
    queues: queueIds.map((id) => ({ id, callsPerHour: 60, ahtSeconds: 300, target })),
    // Four one-agent groups (each holds a different queue) that may each take one more skill.
    agents: ['a', 'b', 'c', 'd'].map((q) => ({ id: `agent-${q}`, skills: { [q]: 4 } })),
    constraints: { maxSkillsPerAgent: 2, maxChangesPerAgent: 1, maxChanges },
  });
}

describe('roundScreen', () => {
  it('keeps each queue’s rounded total and every group’s limits, so every move is placed', () => {
    const p = problem();
    const groups = groupAgents(p);
    expect(groups).toHaveLength(4);
    const x = queueIds.indexOf('x');
    const y = queueIds.indexOf('y');
    // The LP's answer: half an agent from every group to x and to y (2 agents each in all).
    const adds = groups.map(
      () =>
        new Map([
          [x, 0.5],
          [y, 0.5],
        ]),
    );
    const removes = groups.map(() => new Map<number, number>());
    const rounded = roundScreen(p, groups, adds, removes);
    const total = (q: number): number => rounded.adds.reduce((s, m) => s + (m.get(q) ?? 0), 0);
    expect(total(x)).toBe(2);
    expect(total(y)).toBe(2);
    for (const m of rounded.adds) expect([...m.values()].reduce((s, v) => s + v, 0)).toBeLessThanOrEqual(1);

    const state = new PlanState(p, 1);
    const unplaced = decodeScreen(state, groups, {
      status: 'Optimal',
      ...rounded,
      changes: 4,
      objective: 4,
      shortfall: [],
    });
    expect(unplaced).toBe(0);
    expect(state.changes).toBe(4);
    expect(state.holders()[x]).toBe(2);
    expect(state.holders()[y]).toBe(2);
  });

  it('stops at the change budget', () => {
    const p = problem(3);
    const groups = groupAgents(p);
    const x = queueIds.indexOf('x');
    const rounded = roundScreen(
      p,
      groups,
      groups.map(() => new Map([[x, 1]])),
      groups.map(() => new Map<number, number>()),
    );
    expect(rounded.adds.reduce((s, m) => s + (m.get(x) ?? 0), 0)).toBe(3);
  });
});
