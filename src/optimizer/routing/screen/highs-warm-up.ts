// The solver's first calls on the calling thread (browser, edge, a one-file Node bundle). V8 compiles HiGHS'
// WebAssembly function by function as each first runs, and a call into the solver cannot pause: the first real
// model held the event loop while most of the solver compiled. Four tiny models first, each in its own turn of
// the event loop, compile what the screening and bound models use in slices a few times shorter.
import { turn } from '../../queueing/simulate/run.js';
import type { HighsSolver } from './highs.js';

const LP = [
  'Maximize',
  ' obj: x + y',
  'Subject To',
  ' c1: x + 2 y <= 4',
  ' c2: 3 x + y <= 6',
  'Bounds',
  ' 0 <= x <= 10',
  ' 0 <= y <= 10',
  'End',
].join('\n');

const MIP = [
  'Maximize',
  ' obj: 5 x + 4 y + 3 z',
  'Subject To',
  ' c1: 2 x + 3 y + z <= 5.5',
  ' c2: 4 x + y + 2 z <= 11.3',
  ' c3: 3 x + 4 y + 2 z <= 8.7',
  'Bounds',
  ' 0 <= x <= 10',
  ' 0 <= y <= 10',
  ' 0 <= z <= 10',
  'General',
  ' x y z',
  'End',
].join('\n');

/**
 * The simplex alone, interior point (the bound's relaxation), branch and bound without presolve, then presolve:
 * each compiles its own part.
 */
const WARM_UP: ReadonlyArray<[string, Record<string, unknown>]> = [
  [LP, { presolve: 'off' }],
  [LP, { solver: 'ipm' }],
  [MIP, { presolve: 'off' }],
  [MIP, {}],
];

const warmed = new WeakSet<HighsSolver>();

/**
 * Solves the warm-up models once per solver instance, giving the event loop a turn before each and after the
 * last. A failure is ignored: the real model's call reports it as it would have.
 */
export async function warmUpSolver(solver: HighsSolver): Promise<void> {
  if (warmed.has(solver)) return;
  warmed.add(solver);
  for (const [model, options] of WARM_UP) {
    await turn();
    try {
      solver.solve(model, options);
    } catch {
      return;
    }
  }
  await turn();
}
