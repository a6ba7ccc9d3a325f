// The lower bound on changes: the relaxation's optimum when it finishes, else the holders each queue lacks (one add
// gives one queue one holder), so a plan's report always says how far from the fewest changes it may be.
import { describe, expect, it } from 'vitest';
import { groupAgents } from '../../../src/optimizer/routing/screen/groups.js';
import { loadHighs, type HighsSolver } from '../../../src/optimizer/routing/screen/highs.js';
import { normalizeProblem } from '../../../src/optimizer/routing/input.js';
import { dedicatedRequirement } from '../../../src/optimizer/routing/screen/requirements.js';
import {
  boundChanges,
  solveBoundModel,
  type BoundModel,
  type SolveAside,
} from '../../../src/optimizer/routing/screen/change-bound.js';

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

  it('solves a large relaxation by interior point, to the simplex optimum', async () => {
    // 30 queues, 600 agents in many skill groups, everyone eligible everywhere: thousands of group × queue pairs.
    // Queues 0-4 have no primary holders, so the bound is well above zero.
    const big = normalizeProblem({
      queues: Array.from({ length: 30 }, (_, q) => ({
        id: `q${q}`,
        callsPerHour: 120,
        ahtSeconds: 300,
        target,
      })),
      agents: Array.from({ length: 600 }, (_, k) => ({
        id: `a${k}`,
        skills: {
          [`q${5 + (k % 25)}`]: 3,
          ...(k % 2 === 0 ? { [`q${(k * 7 + Math.floor(k / 30)) % 30}`]: 1 + (k % 5) } : {}),
        },
      })),
      constraints: { maxSkillsPerAgent: 3 },
    });
    const groups = groupAgents(big);
    expect(groups.reduce((n, g) => n + g.addable.length, 0)).toBeGreaterThan(1_500);
    const highs = await loadHighs();
    const calls: { lp: string; options: Record<string, unknown> | undefined }[] = [];
    const spy: HighsSolver = {
      solve: (lp, options) => {
        calls.push({ lp, options });
        return highs.solve(lp, options);
      },
    };
    const need = big.queues.map((q) => dedicatedRequirement(q));
    const boundAt = (solver: HighsSolver, aside?: SolveAside, forget = () => {}) =>
      boundChanges(
        big,
        groups,
        need,
        { solverMs: 0 },
        big.queues.map(() => 0),
        30,
        solver,
        forget,
        aside,
      );
    const bound = await boundAt(spy);
    expect(calls).toHaveLength(1);
    expect(calls[0]?.options).toMatchObject({ solver: 'ipm' });
    const simplex = highs.solve(calls[0]!.lp, { ...calls[0]!.options, solver: 'simplex' });
    expect(simplex.Status).toBe('Optimal');
    expect(simplex.ObjectiveValue).toBeGreaterThan(5);
    expect(bound).toEqual({ changes: Math.ceil(simplex.ObjectiveValue - 1e-6), kind: 'relaxation' });

    // Solved aside (a helper thread): the same model goes there, and its answer is the bound.
    const sent: BoundModel[] = [];
    const unused: HighsSolver = { solve: () => expect.unreachable('solved here, not aside') };
    const aside: SolveAside = (model) => (sent.push(model), Promise.resolve(solveBoundModel(highs, model)));
    expect(await boundAt(unused, aside)).toEqual(bound);
    expect(sent).toEqual([calls[0]]);
    // No helper free: solved here.
    expect(await boundAt(highs, () => undefined)).toEqual(bound);
    // A helper whose solver failed: the holders the queues lack, and this thread's solver is kept.
    let forgotten = 0;
    const failed: SolveAside = () => Promise.resolve({ status: 'failed: out of memory', objective: NaN, ms: 1 });
    expect(await boundAt(unused, failed, () => forgotten++)).toMatchObject({ kind: 'holders' });
    expect(forgotten).toBe(0);
  });
});
