// The solver's warm-up on the calling thread: tiny models, each in its own turn of the event loop, once per
// solver; it never fails a run, and it leaves the solver's answers as they were.
import { describe, expect, it } from 'vitest';
import { warmUpSolver } from '../../../../src/optimizer/routing/screen/highs-warm-up.js';
import { loadHighs, type HighsSolution, type HighsSolver } from '../../../../src/optimizer/routing/screen/highs.js';

/** A solver that records its calls, and whether a timer of the caller ran before each. */
function recording(fail = false): { solver: HighsSolver; calls: Array<{ options: object; timerRan: boolean }> } {
  const calls: Array<{ options: object; timerRan: boolean }> = [];
  let timerRan = false;
  const solver: HighsSolver = {
    solve(_model, options = {}) {
      calls.push({ options, timerRan });
      timerRan = false;
      setTimeout(() => (timerRan = true), 0);
      if (fail) throw new Error('Aborted()');
      return { Status: 'Optimal', ObjectiveValue: 0, Columns: {} } satisfies HighsSolution;
    },
  };
  setTimeout(() => (timerRan = true), 0);
  return { solver, calls };
}

describe('warmUpSolver', () => {
  it('solves its models with a turn of the event loop before each', async () => {
    const { solver, calls } = recording();
    await warmUpSolver(solver);
    expect(calls.length).toBe(4);
    expect(calls.every((c) => c.timerRan)).toBe(true);
    expect(calls.map((c) => c.options)).toContainEqual({ solver: 'ipm' });
  });

  it('warms a solver once', async () => {
    const { solver, calls } = recording();
    await warmUpSolver(solver);
    await warmUpSolver(solver);
    expect(calls.length).toBe(4);
  });

  it('stops at a failing model without throwing', async () => {
    const { solver, calls } = recording(true);
    await expect(warmUpSolver(solver)).resolves.toBeUndefined();
    expect(calls.length).toBe(1);
  });

  it('leaves the real solver answering as before', async () => {
    const highs = await loadHighs();
    const model = [
      'Minimize',
      ' obj: 3 a + 2 b',
      'Subject To',
      ' c1: a + b >= 3.5',
      ' c2: a - b <= 1',
      'Bounds',
      ' 0 <= a <= 5',
      ' 0 <= b <= 5',
      'General',
      ' a b',
      'End',
    ].join('\n');
    const before = highs.solve(model, { random_seed: 1 });
    await warmUpSolver(highs);
    const after = highs.solve(model, { random_seed: 1 });
    expect(after.Status).toBe('Optimal');
    expect(after.ObjectiveValue).toBe(before.ObjectiveValue);
    expect(after.Columns).toEqual(before.Columns);
  });
});
