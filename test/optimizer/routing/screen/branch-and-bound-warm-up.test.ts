// The solver's branch-and-bound warm-up: a fixed model whose relaxation is fractional, so solving it runs the
// solver's cuts, heuristics and branching; a failed solver is dropped for the next load.
import { describe, expect, it } from 'vitest';
import {
  branchAndBoundModel,
  warmUpBranchAndBound,
} from '../../../../src/optimizer/routing/screen/branch-and-bound-warm-up.js';
import { forgetHighs, loadHighs, type HighsSolver } from '../../../../src/optimizer/routing/screen/highs.js';

describe('the branch-and-bound warm-up', () => {
  it('is the same model on every call', () => {
    expect(branchAndBoundModel()).toBe(branchAndBoundModel());
    expect(branchAndBoundModel()).toMatch(/^Minimize\n[\s\S]*\nGeneral\n x0 x1 [\s\S]* x39\nEnd$/);
  });

  it('has a fractional relaxation, and the warm-up branches until its node limit', async () => {
    const highs = await loadHighs();
    const relaxed = branchAndBoundModel().replace(/\nGeneral\n.*\n/, '\n');
    const lp = highs.solve(relaxed, { output_flag: false });
    expect(lp.Status).toBe('Optimal');
    const xs = Object.entries(lp.Columns).filter(([name]) => name.startsWith('x'));
    expect(xs).toHaveLength(40);
    expect(xs.filter(([, c]) => !Number.isInteger(c.Primal)).length).toBeGreaterThan(0);
    // The node limit stops it before it proves an optimum: it branched.
    const mip = highs.solve(branchAndBoundModel(), { output_flag: false, mip_max_nodes: 20, random_seed: 1 });
    expect(mip.Status).not.toBe('Optimal');
    expect(mip.ObjectiveValue).toBeGreaterThanOrEqual(lp.ObjectiveValue - 1e-6);
  });

  it('drops a solver that failed, so the next load starts a new one', async () => {
    const before = await loadHighs();
    const failing: HighsSolver = {
      solve() {
        throw new Error('Aborted()');
      },
    };
    expect(() => warmUpBranchAndBound(failing, forgetHighs)).not.toThrow();
    expect(await loadHighs()).not.toBe(before);
  });
});
