// npx tsx bench/confirm-runs.ts [--case=small|large|xl] [--rounds=N] — one confirmation's four runs (5 replications
// each) on the simulation threads of a 2-thread run, handed over one by one and all together, in turn. One
// simulation's 5 replications split 2 + 3 over 2 threads, so one thread waits a fifth of the time; 20 together
// split 10 + 10. Prints each round's wall times and their medians; the figures are the same either way.
import { loadavg } from 'node:os';
import { routingInstance } from './routing-instance.js';
import { normalizeOptions, normalizeProblem } from '../src/optimizer/routing/input.js';
import { simulationModel } from '../src/optimizer/routing/evaluate/evaluate.js';
import { confirmRunLength } from '../src/optimizer/routing/evaluate/confirm.js';
import { compileModel } from '../src/optimizer/queueing/simulate/compile.js';
import type { ReplicationJob } from '../src/optimizer/queueing/simulate/run.js';
import { ReplicationPool, workersAvailable } from '../src/optimizer/routing/worker-pool.js';

const sizes = { small: [10, 300], large: [50, 2_000], xl: [100, 5_000] } as const;
const name = (process.argv.find((a) => a.startsWith('--case='))?.slice(7) ?? 'xl') as keyof typeof sizes;
const rounds = Number(process.argv.find((a) => a.startsWith('--rounds='))?.slice(9) ?? 5);
if (!(name in sizes)) throw new Error(`--case must be small, large or xl (got ${name})`);
const [queues, agents] = sizes[name];

if (!(await workersAvailable())) throw new Error('worker threads are not available here');
const problem = normalizeProblem(routingInstance(queues, agents, 7));
const opts = normalizeOptions(undefined, problem);
// Runs as long as the confirmation's, on the current skills.
const length = confirmRunLength(problem, opts);
const held = problem.agents.map((a) => a.held);
const jobs: ReplicationJob[] = [0, 1, 2, 3].map((k) => {
  const model = simulationModel(problem, opts, held, length, 1_000 + k);
  return { model, compiled: compileModel(model) };
});

const pool = new ReplicationPool(1);
const timed = (run: () => unknown): number => {
  const t0 = performance.now();
  run();
  return performance.now() - t0;
};
timed(() => pool.runner(jobs.slice(0, 1)));
const apart: number[] = [];
const together: number[] = [];
console.log(`${name}: ${queues} queues, 4 runs x ${length.replications} replications, 2 threads`);
for (let r = 0; r < rounds; r++) {
  apart.push(timed(() => jobs.forEach((job) => pool.runner([job]))));
  together.push(timed(() => pool.runner(jobs)));
  const load = loadavg()[0]?.toFixed(2);
  console.log(`  one by one ${apart.at(-1)?.toFixed(0)} ms, together ${together.at(-1)?.toFixed(0)} ms (load ${load})`);
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const [a, t] = [median(apart), median(together)];
console.log(`median: one by one ${a.toFixed(0)} ms, together ${t.toFixed(0)} ms (${((t / a - 1) * 100).toFixed(1)} %)`);
pool.close();
