// The repair's step simulates its candidate moves one by one; once one meets every target at a cost no move left
// can undercut, the others could not be chosen, so they are not simulated (each costs a whole confirmation when
// the acceptance repairs on independent runs).
import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import { normalizeOptions, normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { PlanState } from '../../../../src/optimizer/routing/search/plan-state.js';
import { repair } from '../../../../src/optimizer/routing/search/repair.js';
import type { SearchContext } from '../../../../src/optimizer/routing/search/search-context.js';
import { queueEval } from './queue-eval.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function setting(holdersNeeded: number) {
  const problem = normalizeProblem({
    queues: [
      { id: 'short', callsPerHour: 20, ahtSeconds: 300, target },
      { id: 'calm', callsPerHour: 10, ahtSeconds: 300, target },
    ],
    // Two agents hold 'short'; three more hold 'calm' and may be given 'short' too.
    agents: [
      ...['s1', 's2'].map((id) => ({ id, skills: { short: 3 } })),
      ...['c1', 'c2', 'c3'].map((id) => ({ id, skills: { calm: 3 } })),
    ],
    constraints: { maxSkillsPerAgent: 2, maxChanges: 10 },
  });
  let simulated = 0;
  // A stand-in simulator: 'short' meets its target with `holdersNeeded` holders, just below it with fewer.
  const evaluate = (state: PlanState): Evaluation => {
    const holders = state.holders();
    const short = holders[0] as number;
    return {
      queues: [queueEval(short >= holdersNeeded ? 0.85 : 0.78, short), queueEval(0.95, holders[1] as number)],
      agentOccupancy: problem.agents.map(() => 0.6),
    } as unknown as Evaluation;
  };
  const ctx: SearchContext = {
    problem,
    options: { ...normalizeOptions({}, problem), acceptance: 'mean' },
    dedicated: [3, 2],
    dedicatedAt: (q: number) => (q === 0 ? 3 : 2),
    simulate: (state) => {
      simulated++;
      return Promise.resolve(evaluate(state));
    },
    stop: () => false,
    breathe: () => Promise.resolve(),
    progress: () => {},
  };
  const state = new PlanState(problem, 1);
  return { ctx, state, first: evaluate(state), simulated: () => simulated };
}

describe('repair', () => {
  it('stops a step once a move meets every target at the least cost any move has', async () => {
    const { ctx, state, first, simulated } = setting(3);
    const ev = await repair(ctx, state, first, { evaluated: 0 }, 4);
    expect(ev.queues[0]?.mean).toBe(0.85);
    expect(state.changes).toBe(1);
    expect(simulated()).toBe(1); // the other two direct adds cost as much: they could not be chosen
  });

  it('simulates every move of a step while none meets every target', async () => {
    const { ctx, state, first, simulated } = setting(4);
    await repair(ctx, state, first, { evaluated: 0 }, 4);
    // No single add reaches 4 holders: all three adds are tried, then the queue is given up (no move helps).
    expect(simulated()).toBe(3);
    expect(state.changes).toBe(0);
  });
});
