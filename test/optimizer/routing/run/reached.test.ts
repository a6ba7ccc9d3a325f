// The aimed targets the repair could not reach: lowered to the level reached, never below the plain target, so
// pruning and ruin and rebuild still run on the work budget (they start only from a plan meeting its targets).
import { describe, expect, it } from 'vitest';
import { defaultConfirmContacts, normalizeProblem } from '../../../../src/optimizer/routing/input.js';
import { reached } from '../../../../src/optimizer/routing/run/run-search.js';
import type { Evaluation, QueueEval } from '../../../../src/optimizer/routing/evaluate/evaluate.js';
import type { SearchContext } from '../../../../src/optimizer/routing/search/search-context.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

function at(means: number[]): Evaluation {
  const queues = means.map((mean): QueueEval => ({
    mean,
    halfWidth: 0.01,
    offered: 100,
    asa: 5,
    abandonRate: 0,
    occupancy: 0.8,
    holders: 5,
  }));
  return { queues, agentOccupancy: new Float64Array(0), contacts: 0, simulated: 0, ms: 0 };
}

describe('reached', () => {
  const plain = normalizeProblem({
    queues: ['a', 'b', 'c'].map((id) => ({ id, callsPerHour: 60, ahtSeconds: 300, target })),
    agents: [{ id: 'x', skills: { a: 3 } }],
  });
  const aimedAt = (sl: number[]): SearchContext =>
    ({ problem: { ...plain, queues: plain.queues.map((q, i) => ({ ...q, sl: sl[i] as number })) } }) as SearchContext;

  it('lowers an aimed target out of reach to the level reached, never below the plain target', () => {
    const out = reached(aimedAt([0.834, 0.85, 0.83]), at([0.832, 0.86, 0.79]), plain);
    expect(out.problem.queues.map((q) => q.sl)).toEqual([0.832, 0.85, 0.8]);
  });

  it('never raises a target aimed below the plain one', () => {
    const out = reached(aimedAt([0.795, 0.8, 0.8]), at([0.79, 0.8, 0.8]), plain);
    expect(out.problem.queues[0]?.sl).toBe(0.795);
  });

  it('leaves a context whose targets are met as it is', () => {
    const out = reached(aimedAt([0.82, 0.81, 0.8]), at([0.9, 0.81, 0.8]), plain);
    expect(out.problem.queues.map((q) => q.sl)).toEqual([0.82, 0.81, 0.8]);
  });
});

describe('defaultConfirmContacts', () => {
  it('is 1.5 M up to ten queues, then 150,000 a queue, at most the option’s bound of 50 M', () => {
    expect([1, 10, 11, 50, 100, 400].map(defaultConfirmContacts)).toEqual([
      1_500_000, 1_500_000, 1_650_000, 7_500_000, 15_000_000, 50_000_000,
    ]);
  });
});
