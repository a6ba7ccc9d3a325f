// The lower bound on changes: the relaxation's optimum when it finishes, else the holders each queue lacks (one add
// gives one queue one holder), so a plan's report always says how far from the fewest changes it may be.
import { describe, expect, it } from 'vitest';
import { groupAgents } from '../../../src/optimizer/routing/screen/groups.js';
import { loadHighs, type HighsSolver } from '../../../src/optimizer/routing/screen/highs.js';
import { normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { dedicatedRequirement } from '../../../src/optimizer/routing/screen/requirements.js';
import { boundChanges } from '../../../src/optimizer/routing/screen/change-bound.js';

const target = { serviceLevel: 0.8, withinSeconds: 30 };

// Three queues of 5, 10 and 15 Erlangs staffed 4, 9 and 20: the first two lack holders, the third has spare.
function problem() {
  const staff = { a: 4, b: 9, c: 20 };
  const loads = { a: 5, b: 10, c: 15 };
  return normalizeProblem({
    queues: Object.entries(loads).map(([id, e]) => ({ id, callsPerHour: (e * 3600) / 300, ahtSeconds: 300, target })),
    agents: Object.entries(staff).flatMap(([q, n]) =>
      Array.from({ length: n }, (_, k) => ({ id: `${q}${k}`, skills: { [q]: 3 } })),
    ),
    constraints: { maxSkillsPerAgent: 2 },
  });
}

describe('boundChanges', () => {
  const p = problem();
  const dedicated = p.queues.map((q) => dedicatedRequirement(q));
  const lacking = dedicated[0]! - 4 + (dedicated[1]! - 9);
  const run = (solver: HighsSolver) =>
    boundChanges(
      p,
      groupAgents(p),
      dedicated,
      { solverMs: 0 },
      p.queues.map(() => 0),
      30,
      solver,
      () => {},
    );

  it('is the relaxation’s optimum when it finishes, never below the holders the queues lack', async () => {
    expect(lacking).toBeGreaterThan(2);
    expect(dedicated[2]).toBeLessThan(20); // the third queue lacks none
    const bound = await run(await loadHighs());
    expect(bound.kind).toBe('relaxation');
    expect(bound.changes).toBeGreaterThanOrEqual(lacking);
  });

  it('falls back to the holders the queues lack when the relaxation does not finish', async () => {
    const unfinished: HighsSolver = {
      solve: () => ({ Status: 'Time limit reached', ObjectiveValue: Number.NaN, Columns: {} }),
    };
    expect(await run(unfinished)).toEqual({ changes: lacking, kind: 'holders' });
  });
});
