// The solver's branch-and-bound code, warmed ahead of a call that must answer fast (warmUpOptimizer). V8 compiles
// HiGHS' WebAssembly function by function as each first runs, then recompiles the busy ones with its optimizing
// compiler on background threads. A screening model solved at its root runs little of the solver; the first model
// that needs cuts, rounding heuristics, sub-MIPs and branching runs hundreds of functions for the first time, and
// their recompilation takes the cores from the search that asked for it. This model needs all four.
import type { HighsSolver } from './highs.js';

const AGENT_GROUPS = 40;
const QUEUES = 8;
/** Nodes the warm-up explores: enough to branch; the model is not solved to optimality. */
const NODES = 20;

/** A fixed pseudo-random sequence in [0, 1): the same model everywhere. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0) / 2 ** 32;
}

/**
 * A covering model shaped like a screening: general integers (agents moved per group) at nearly equal costs, each
 * queue covered by a fractional share of some groups' time or a costly shortfall, pairs of groups sharing a
 * limit. Its relaxation is fractional, so the solver cuts, rounds, searches sub-MIPs and branches.
 */
export function branchAndBoundModel(): string {
  const next = sequence(1);
  const x = (i: number) => `x${i}`;
  const groups = Array.from({ length: AGENT_GROUPS }, (_, i) => i);
  const costs = groups.map((i) => `${(1 + next() * 0.01).toFixed(6)} ${x(i)}`);
  const shortfalls = Array.from({ length: QUEUES }, (_, q) => `1000 s${q}`);
  const lines = ['Minimize', ` obj: ${[...costs, ...shortfalls].join(' + ')}`, 'Subject To'];
  for (let q = 0; q < QUEUES; q++) {
    const terms = groups.flatMap((i) => (next() < 0.3 ? [`${(0.3 + next() * 0.7).toFixed(4)} ${x(i)}`] : []));
    lines.push(` q${q}: ${[...terms, `s${q}`].join(' + ')} >= ${(2 + next() * 6).toFixed(3)}`);
  }
  for (let i = 0; i + 1 < AGENT_GROUPS; i += 2)
    lines.push(` p${i}: ${x(i)} + ${x(i + 1)} <= ${1 + Math.floor(next() * 3)}`);
  lines.push('Bounds', ...groups.map((i) => ` 0 <= ${x(i)} <= ${1 + Math.floor(next() * 3)}`));
  lines.push('General', ` ${groups.map(x).join(' ')}`, 'End');
  return lines.join('\n');
}

/** Solves the warm-up model within its node limit; a failed solver is dropped (`forget`) for the next call's load. */
export function warmUpBranchAndBound(solver: HighsSolver, forget: () => void): void {
  try {
    solver.solve(branchAndBoundModel(), {
      mip_max_nodes: NODES,
      mip_rel_gap: 1e-3,
      random_seed: 1,
      output_flag: false,
      time_limit: 30,
    });
  } catch {
    forget();
  }
}
