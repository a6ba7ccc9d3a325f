// A queue's gap to target in agents is measured from its target, not from the whole-agent dedicated requirement:
// rounding that up counted up to one agent of slack as a shortfall, differently on every queue, and the search
// then took donors from the queues with the least real slack (a 10-Erlang queue at 0.82 read -0.62 agents while
// an 8-Erlang queue at 0.80 read -0.01).
import { describe, expect, it } from 'vitest';
import type { QueueEval } from '../../../src/optimizer/routing/evaluate/evaluate.js';
import { normalizeOptions, normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { dedicatedRequirement } from '../../../src/optimizer/routing/screen/requirements.js';
import { gapAgents, type SearchContext } from '../../../src/optimizer/routing/search/search-context.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };
const loads = [4, 8, 10, 15, 22];

function context(): SearchContext {
  const problem = normalizeProblem({
    queues: loads.map((e, i) => ({ id: `q${i}`, callsPerHour: (e * 3600) / 300, ahtSeconds: 300, target })),
    agents: [{ id: 'a', skills: { q0: 3 } }],
  });
  const dedicated = problem.queues.map((q) => dedicatedRequirement(q));
  return {
    problem,
    options: { ...normalizeOptions({}, problem), acceptance: 'mean' },
    dedicated,
    dedicatedAt: (q) => dedicated[q] as number,
    simulate: () => {
      throw new Error('not simulated here');
    },
    stop: () => false,
    breathe: async () => {},
    progress: () => {},
  };
}

const at = (mean: number): QueueEval => ({
  mean,
  halfWidth: 0,
  offered: 100,
  asa: 0,
  abandonRate: 0,
  occupancy: 0.8,
  holders: 10,
});

describe('gapAgents', () => {
  const ctx = context();

  it('is zero for every queue exactly at its target, whatever its load', () => {
    loads.forEach((_, q) => expect(Math.abs(gapAgents(ctx, q, at(0.8)))).toBeLessThan(1e-9));
  });

  it('is negative (slack) above the target and positive below it, growing with the distance', () => {
    loads.forEach((_, q) => {
      expect(gapAgents(ctx, q, at(0.83))).toBeLessThan(0);
      expect(gapAgents(ctx, q, at(0.77))).toBeGreaterThan(0);
      expect(gapAgents(ctx, q, at(0.74))).toBeGreaterThan(gapAgents(ctx, q, at(0.77)));
    });
  });

  it('ranks a queue further above its target as having more slack than one just above it', () => {
    const tenErlangs = loads.indexOf(10);
    const eightErlangs = loads.indexOf(8);
    expect(gapAgents(ctx, tenErlangs, at(0.82))).toBeLessThan(gapAgents(ctx, eightErlangs, at(0.8)));
  });
});
