// Common random numbers in the simulator: how much pairing shrinks the variance of a difference.
// 56 vs 55 agents at 50 Erlangs (600 calls/h, AHT 300 s, 80/20-style target), then two routing assignments of a
// six-queue system, each with the same seed; prints the variance reduction (Var(A) + Var(B)) ÷ Var(A − B) of the
// per-replication service levels, and the simulator's throughput on the paired runs.
//   npm run bench:crn
import { compareSimulations, simulate, type SimulationModel } from '../src/optimizer/index.js';

const fmt = (x: number, digits = 1) => x.toLocaleString('en-US', { maximumFractionDigits: digits });
const agents = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `a${i}`, skills: { s: 1 } }));

function report(label: string, base: SimulationModel, variant: SimulationModel): void {
  const cpu = process.cpuUsage();
  const cmp = compareSimulations(base, variant);
  const used = process.cpuUsage(cpu);
  const seconds = (used.user + used.system) / 1e6;
  const contacts = cmp.base.contacts + cmp.variant.contacts;
  console.log(label);
  for (const q of cmp.queues) {
    const d = q.serviceLevel;
    console.log(
      `  ${q.id.padEnd(6)} SL change ${(100 * d.mean).toFixed(2)} ± ${(100 * d.halfWidth).toFixed(2)} points;` +
        ` variance reduction ${q.varianceReduction === null ? 'n/a' : `${fmt(q.varianceReduction)}x`}`,
    );
  }
  console.log(
    `  ${fmt(contacts, 0)} contacts in ${seconds.toFixed(2)} CPU-s (${fmt(contacts / seconds, 0)} per CPU-second, first runs include JIT warm-up)`,
  );
}

const fifty: SimulationModel = {
  queues: [{ id: 'q', skill: 's', arrivalRatePerHour: 600, ahtSeconds: 300 }],
  agents: agents(56),
  durationSeconds: 8 * 3600,
  warmupSeconds: 3600,
  replications: 30,
  targetSeconds: 20,
  seed: 7,
};
report('56 vs 55 agents, 50 Erlangs, 30 replications of 8 h (seed 7)', fifty, { ...fifty, agents: agents(55) });
const impatient = { ...fifty, queues: [{ ...fifty.queues[0]!, patienceSeconds: 180 }] };
report('same, with 180 s mean patience', impatient, { ...impatient, agents: agents(55) });

// Six queues (5, 10, 15, 20, 20, 20 Erlangs, AHT 300 s) and 100 specialists staffed 6/11/17/22/22/22; the
// variant is a small routing change of the kind the optimizer weighs: five agents of q3 also take q0.
const loads = [5, 10, 15, 20, 20, 20];
const staff = [6, 11, 17, 22, 22, 22];
const queues = loads.map((l, q) => ({
  id: `q${q}`,
  skill: `s${q}`,
  arrivalRatePerHour: (l * 3600) / 300,
  ahtSeconds: 300,
}));
const home = staff.flatMap((n, q) => Array.from({ length: n }, () => q));
const specialists = home.map((q, i) => ({ id: `a${i}`, skills: { [`s${q}`]: 5 } }));
const firstOfQ3 = home.indexOf(3);
const fiveMore = home.map((q, i) => ({
  id: `a${i}`,
  skills: i >= firstOfQ3 && i < firstOfQ3 + 5 ? { s3: 5, s0: 1 } : { [`s${q}`]: 5 },
}));
const six: SimulationModel = {
  queues,
  agents: specialists,
  durationSeconds: 8 * 3600,
  warmupSeconds: 3600,
  replications: 20,
  targetSeconds: 30,
  seed: 1,
};
report('six queues: specialists vs five of q3 also on q0, 20 replications of 8 h (seed 1)', six, {
  ...six,
  agents: fiveMore,
});

// Throughput on the model of bench/optimizer.ts (10 queues, 200 agents, 3 skills each, patience on half the
// queues), per CPU-second so that a loaded machine does not distort it: median and best of 9 runs.
const QUEUES = 10;
const throughputModel: SimulationModel = {
  queues: Array.from({ length: QUEUES }, (_, q) => ({
    id: `q${q}`,
    skill: `s${q}`,
    arrivalRatePerHour: 222,
    ahtSeconds: 300,
    ...(q % 2 === 0 ? { patienceSeconds: 120 } : {}),
  })),
  agents: Array.from({ length: 200 }, (_, a) => ({
    id: `agent${a}`,
    skills: { [`s${a % QUEUES}`]: 3 + (a % 3), [`s${(a + 3) % QUEUES}`]: 1 + (a % 2), [`s${(a + 7) % QUEUES}`]: 1 },
  })),
  routing: 'bestAvailable',
  durationSeconds: 86_400,
  warmupSeconds: 3_600,
  replications: 5,
  targetSeconds: 20,
  seed: 1,
};
const rates: number[] = [];
for (let i = 0; i < 9; i++) {
  const cpu = process.cpuUsage();
  const { contacts } = simulate(throughputModel);
  const used = process.cpuUsage(cpu);
  rates.push(contacts / ((used.user + used.system) / 1e6));
}
rates.sort((x, y) => x - y);
console.log('simulate throughput: 10 queues, 200 agents, bestAvailable, 5 replications of 25 h');
console.log(`  ${fmt(rates[4] ?? 0, 0)} contacts per CPU-second (best ${fmt(rates[8] ?? 0, 0)})`);
