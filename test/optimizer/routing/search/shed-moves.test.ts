// The repair's last resort: when every agent who may serve a short queue already holds it (the skill cap leaves
// no room for more), its holders may give up a queue with slack instead, so more of their time goes to it.
// (Found on an understaffed emulator day: a 0.9 queue short in one interval, no candidate move, feasible: false.)
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { normalizeOptions, normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';
import {
  applyMove,
  candidates,
  undoMove,
  type SearchContext,
} from '../../../../src/optimizer/routing/search/search-context.js';
import { shedMoves } from '../../../../src/optimizer/routing/search/shed-moves.js';
import { queueEval } from './queue-eval.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function setting() {
  const problem = normalizeProblem({
    queues: [
      { id: 'short', callsPerHour: 40, ahtSeconds: 300, target },
      { id: 'calm', callsPerHour: 10, ahtSeconds: 300, target },
    ],
    // Both agents hold both queues; with at most 2 skills each, nobody can be given 'short' again.
    agents: ['a1', 'a2'].map((id) => ({ id, skills: { short: 3, calm: 3 } })),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 10 },
  });
  const ev = { queues: [queueEval(0.5, 2), queueEval(0.99, 2)], agentOccupancy: [0.9, 0.9] } as unknown as Evaluation;
  const ctx = {
    problem,
    options: { ...normalizeOptions({}, problem), acceptance: 'mean' },
    dedicated: [6, 2],
    dedicatedAt: (q: number) => (q === 0 ? 6 : 2),
  } as unknown as SearchContext;
  return { problem, ev, ctx, state: new PlanState(problem, 1) };
}

describe('shedMoves', () => {
  it('offers the holders of a short queue that nobody more can be given the drop of a calm queue', () => {
    const { ev, ctx, state } = setting();
    const failing = new Set([0]);
    expect(candidates(ctx, state, ev, 0, failing)).toEqual([]);
    const moves = shedMoves(ctx, state, ev, 0, failing);
    expect(moves.map((m) => [m.agent, m.from, m.to, m.cost, m.keep])).toEqual([
      [0, 1, 0, 1, true],
      [1, 1, 0, 1, true],
    ]);
    // Applying one keeps the short queue and drops only the calm one; undoing restores the agent.
    const m = moves[0]!;
    applyMove(state, m);
    expect(state.holds(0, 0)).toBe(true);
    expect(state.holds(0, 1)).toBe(false);
    expect(state.changes).toBe(1);
    undoMove(state, m);
    expect(state.holds(0, 1)).toBe(true);
    expect(state.changes).toBe(0);
  });

  it('never drops a queue that is itself below target', () => {
    const { ev, ctx, state } = setting();
    expect(shedMoves(ctx, state, ev, 0, new Set([0, 1]))).toEqual([]);
  });
});
