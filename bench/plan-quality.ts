// Plan quality on the instances of docs/optimizer.md: changes, bound and an independent judge per seed.
// `npm run bench:quality -- [--instance=ww|ten|day] [--seeds=1,2,3] [--effort=1] [--factor=1.05] [--threads=N]
//   [--acceptance=joint95|lower95|mean] [--patience=N] [--pairs] [--takeback] [--long-judge] [--verbose]
//   [--package=DIR] [--beside=N]` (--patience, --pairs, --takeback: ww and ten; default: optimizeRouting's
//   acceptance and evaluation.searchPatience; --pairs prints, per seed, how many agents of each queue were given
//   each other queue; --takeback judges the plan with one add of each kind taken back, see takeback.ts;
//   --long-judge judges each plan again on 100 x 48 h of other random numbers; --verbose prints each phase change
//   with its wall and CPU time and work, as bench:optimizer's; --package measures the package installed in project
//   DIR, see under-test.ts; --beside runs N CPU-bound processes alongside)
//   ww:  six queues in the style of Wallace & Whitt (2005): loads 5, 10, 15, 20, 20, 20 Erlangs, AHT 300 s, 80 % in
//        30 s, 100 specialists staffed 6/11/17/22/22/22, at most 2 skills each (best known plan: 52 changes).
//   day: five queues over a 20-half-hour day against a greedy witness (bench/quality-day.ts).
//   ten: ten queues of 4..22 Erlangs, specialists staffed in proportion to load at `factor` (default 1.05) times
//        the pooled Erlang C need (145 agents; 1.08 gives 149), at most 2 skills each.
// The judge: 10 replications of 48 h on random numbers the optimizer never saw (seed 987,654). Prints figures
// only; the Wallace-Whitt scenario test asserts seed 1.
import { runDay } from './quality-day.js';
import { requiredAgents, type OptimizeRoutingInput } from '../src/optimizer/index.js';
import { beside } from './beside.js';
import { planFingerprint } from './fingerprint.js';
import { phaseLines } from './progress-lines.js';
import { optimizeRouting, origin } from './under-test.js';
import { judgeLevels, takeBackLines } from './takeback.js';

const arg = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const instance = arg('instance') ?? 'ww';
const seeds = (arg('seeds') ?? '1,2,3').split(',').map(Number);
const effort = Number(arg('effort') ?? 1);
const factor = Number(arg('factor') ?? 1.05);
const threads = arg('threads') === undefined ? {} : { threads: Number(arg('threads')) };
const acceptance = arg('acceptance');
if (acceptance !== undefined && !['joint95', 'lower95', 'mean'].includes(acceptance))
  throw new Error(`--acceptance must be joint95, lower95 or mean (got ${acceptance})`);
const accept = acceptance === undefined ? {} : { acceptance: acceptance as 'joint95' | 'lower95' | 'mean' };
const patience = arg('patience');
const evaluation = patience === undefined ? {} : { evaluation: { searchPatience: Number(patience) } };

const AHT = 300;
const WITHIN = 30;
const target = { serviceLevel: 0.8, withinSeconds: WITHIN };

function build(loads: number[], staff: number[]): OptimizeRoutingInput {
  return {
    queues: loads.map((load, i) => ({ id: `q${i + 1}`, callsPerHour: (load * 3600) / AHT, ahtSeconds: AHT, target })),
    agents: staff.flatMap((n, i) =>
      Array.from({ length: n }, (_, k) => ({ id: `q${i + 1}-${k}`, skills: { [`q${i + 1}`]: 3 } })),
    ),
    constraints: { maxSkillsPerAgent: 2, maxChanges: 200 },
  };
}

/** Specialists in proportion to load (largest remainder), `factor` times the pooled Erlang C need in all. */
function proportional(loads: number[], factor: number): number[] {
  const total = loads.reduce((s, x) => s + x, 0);
  const pooled = requiredAgents({ traffic: total, ahtSeconds: AHT, targetSeconds: WITHIN, serviceLevel: 0.8 }).agents;
  const n = Math.round(pooled * factor);
  const raw = loads.map((l) => (l / total) * n);
  const staff = raw.map(Math.floor);
  const left = n - staff.reduce((s, x) => s + x, 0);
  [...raw.keys()]
    .sort((a, b) => ((raw[b] as number) % 1) - ((raw[a] as number) % 1))
    .slice(0, left)
    .forEach((i) => (staff[i] as number)++);
  return staff;
}

if (
  instance === 'day' &&
  (patience !== undefined || process.argv.includes('--pairs') || process.argv.includes('--takeback'))
)
  throw new Error('--patience, --pairs and --takeback apply to --instance=ww and ten (the day uses its own rules)');
const setting = `effort ${effort}; optimizer from ${origin}; ${beside} CPU-bound process(es) beside`;
if (instance === 'day') {
  console.log(`plan quality: day (5 queues, 20 half-hours, early, late and full-day shifts), ${setting}`);
  await runDay(seeds, effort, { ...threads, ...accept });
  process.exit(0);
}

const input =
  instance === 'ten'
    ? build([4, 6, 8, 10, 12, 14, 16, 18, 20, 22], proportional([4, 6, 8, 10, 12, 14, 16, 18, 20, 22], factor))
    : build([5, 10, 15, 20, 20, 20], [6, 11, 17, 22, 22, 22]);

console.log(`plan quality: ${instance} (${input.queues.length} queues, ${input.agents.length} agents), ${setting}`);
for (const seed of seeds) {
  const t0 = performance.now();
  const r = await optimizeRouting(input, {
    seed,
    effort,
    timeLimitMs: 1_800_000,
    ...threads,
    ...accept,
    ...evaluation,
    onProgress: phaseLines(),
  });
  const seconds = (performance.now() - t0) / 1000;
  const sl = judgeLevels(input, r.agents);
  const planHash = planFingerprint(r.changes);
  console.log(
    `  seed ${seed}: ${r.changes.length} changes (bound ${r.lowerBound?.changes ?? 'n/a'}), feasible ${r.feasible}, ` +
      `${seconds.toFixed(1)} s, stopped by ${r.stats.stoppedBy}, work ${r.stats.work?.used.toFixed(1)} of ${r.stats.work?.budget}; judge min ${Math.min(...sl).toFixed(4)} ` +
      `(${sl.map((x) => x.toFixed(3)).join(' ')}); plan ${planHash}`,
  );
  if (process.argv.includes('--long-judge')) {
    const long = judgeLevels(input, r.agents, 100, 123_457);
    console.log(
      `    long judge (100 x 48 h, seed 123,457): min ${Math.min(...long).toFixed(4)} (${long.map((x) => x.toFixed(3)).join(' ')})`,
    );
  }
  if (process.argv.includes('--pairs')) console.log(`    adds, home queue -> queue: ${pairs(r.changes)}`);
  if (process.argv.includes('--takeback')) for (const l of takeBackLines(input, r)) console.log(l);
}

/** Adds counted per home queue (the agent's id prefix) and queue given, e.g. "q1->q8 2". */
function pairs(changes: ReadonlyArray<{ agentId: string; queueId: string; action: string }>): string {
  const counts = new Map<string, number>();
  for (const c of changes) {
    if (c.action !== 'add') continue;
    const key = `${c.agentId.split('-')[0]}->${c.queueId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].map(([k, n]) => `${k} ${n}`).join(', ');
}
