// Optimizer benchmark: `npx tsx bench/optimizer.ts` (npm run bench:optimizer).
// `npm run bench:optimizer -- --routing [--case=small|large|xl|day|huge|sites] [--limit-factor=N] [--effort=N]
// [--threads=N] [--no-limit] [--judge] [--sites=N] [--patience=N] [--verbose] [--package=DIR] [--beside=N]` runs
// only the optimizeRouting part (--verbose prints each phase change with wall and CPU time; --package measures the
// package installed in project DIR, see under-test.ts; --beside runs N CPU-bound processes alongside).
// Prints figures only; nothing here is asserted by the unit tests.
import { PerformanceObserver } from 'node:perf_hooks';
import { requiredAgents, simulate, staffIntervals } from '../src/optimizer/index.js';
import { beside } from './beside.js';
import { phaseLines } from './progress-lines.js';
import { planFingerprint } from './fingerprint.js';
import { optimizeRouting, origin } from './under-test.js';
import type { SimulationModel, VolumeForecast } from '../src/optimizer/index.js';
import { judgeLine, judgePlan } from './judge.js';
import { mulberry32, routingDay, routingInstance, routingSites } from './routing-instance.js';

const ROUNDS = 15;
const AHT = 180;
const INTERVAL = 1800;
const T = 20;
const SL = 0.8;

/** Runs `fn` ROUNDS times after a warm-up; returns [median, best] of `work / seconds`. */
function measure(work: number, fn: () => void): [number, number] {
  for (let i = 0; i < 10; i++) fn();
  const rates: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const t0 = performance.now();
    fn();
    rates.push(work / ((performance.now() - t0) / 1000));
  }
  rates.sort((x, y) => x - y);
  return [rates[Math.floor(ROUNDS / 2)] as number, rates[ROUNDS - 1] as number];
}

/** The plain approach: Erlang B recursion upward from n = 1, computing C and SL until the target is met. */
function plainRequiredAgents(traffic: number): number {
  let b = 1;
  for (let n = 1; ; n++) {
    b = (traffic * b) / (n + traffic * b);
    if (n > traffic) {
      const c = (n * b) / (n - traffic * (1 - b));
      if (1 - c * Math.exp((-(n - traffic) * T) / AHT) >= SL) return n;
    }
  }
}

const fmt = (x: number) => Math.round(x).toLocaleString('en-US');

if (!process.argv.includes('--routing')) runQueueingBench();
await runRoutingBench();

function runQueueingBench(): void {
  // 10,000 interval forecasts, volumes spread evenly over 1..20,000 calls per 30 minutes (all distinct, so
  // memoization cannot help), in shuffled order.
  const COUNT = 10_000;
  const rand = mulberry32(2024);
  const forecasts: VolumeForecast[] = Array.from({ length: COUNT }, (_, i) => ({
    id: i,
    calls: 1 + Math.round((i * 19_999) / (COUNT - 1)),
    intervalSeconds: INTERVAL,
    ahtSeconds: AHT,
  }));
  for (let i = COUNT - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [forecasts[i], forecasts[j]] = [forecasts[j] as VolumeForecast, forecasts[i] as VolumeForecast];
  }
  const traffic = forecasts.map((f) => (f.calls * AHT) / INTERVAL);
  const targets = { targetSeconds: T, serviceLevel: SL };

  const batch = staffIntervals(forecasts, targets);
  const agree = batch.every((r, i) => r.agents === plainRequiredAgents(traffic[i] as number));

  let sink = 0;
  const [batchMedian, batchBest] = measure(COUNT, () => {
    sink += staffIntervals(forecasts, targets).length;
  });
  const [singleMedian, singleBest] = measure(COUNT, () => {
    for (const a of traffic)
      sink += requiredAgents({ traffic: a, ahtSeconds: AHT, targetSeconds: T, serviceLevel: SL }).agents;
  });
  const [plainMedian, plainBest] = measure(COUNT, () => {
    for (const a of traffic) sink += plainRequiredAgents(a);
  });

  // A year of 15-minute intervals (35,040) for one queue with a daily and weekly profile: volumes repeat,
  // so staffIntervals' memo helps.
  const year: VolumeForecast[] = [];
  for (let i = 0; i < 35_040; i++) {
    const hour = (i % 96) / 4;
    const weekday = Math.floor(i / 96) % 7 < 5 ? 1 : 0.45;
    const shape = Math.max(0, Math.sin(((hour - 6) / 14) * Math.PI));
    year.push({
      calls: Math.round(400 * weekday * shape * (0.9 + 0.2 * rand())),
      intervalSeconds: 900,
      ahtSeconds: 300,
    });
  }
  const [yearMedian, yearBest] = measure(year.length, () => {
    sink += staffIntervals(year, { targetSeconds: 20, serviceLevel: 0.8, shrinkage: 0.3 }).length;
  });

  console.log(
    `requiredAgents on ${fmt(COUNT)} forecasts, 1..20,000 calls / 30 min, AHT ${AHT} s, ${SL * 100} % in ${T} s`,
  );
  console.log(
    `  (median and best of ${ROUNDS} rounds; node ${process.version}; results agree with the plain method: ${agree ? 'yes' : 'NO'})`,
  );
  console.log(
    `  staffIntervals (batch)        ${fmt(batchMedian).padStart(11)} solves/s  (best ${fmt(batchBest)})  ${(batchMedian / plainMedian).toFixed(1)}x plain`,
  );
  console.log(
    `  requiredAgents (one by one)   ${fmt(singleMedian).padStart(11)} solves/s  (best ${fmt(singleBest)})  ${(singleMedian / plainMedian).toFixed(1)}x plain`,
  );
  console.log(`  plain Erlang B from n = 1     ${fmt(plainMedian).padStart(11)} solves/s  (best ${fmt(plainBest)})`);
  console.log(
    `  a year of 15-min intervals    ${fmt(yearMedian).padStart(11)} solves/s  (best ${fmt(yearBest)}; 35,040 rows with repeats, memoized)`,
  );

  // Simulation: 10 queues, 200 agents, each agent one primary skill and two secondary ones.
  const QUEUES = 10;
  const model: SimulationModel = {
    queues: Array.from({ length: QUEUES }, (_, q) => ({
      id: `q${q}`,
      skill: `s${q}`,
      arrivalRatePerHour: 222, // 18.5 Erlangs per queue: 92.5 % of 200 agents
      ahtSeconds: 300,
      ...(q % 2 === 0 ? { patienceSeconds: 120 } : {}),
    })),
    agents: Array.from({ length: 200 }, (_, a) => ({
      id: `agent${a}`,
      skills: {
        [`s${a % QUEUES}`]: 3 + (a % 3),
        [`s${(a + 3) % QUEUES}`]: 1 + (a % 2),
        [`s${(a + 7) % QUEUES}`]: 1,
      },
    })),
    routing: 'bestAvailable',
    durationSeconds: 86_400,
    warmupSeconds: 3_600,
    replications: 5,
    targetSeconds: 20,
    seed: 1,
  };
  const probe = simulate(model);
  const [simMedian, simBest] = measure(probe.contacts, () => {
    sink += simulate(model).contacts;
  });
  const sl = probe.queues.map((q) => q.serviceLevel.mean);
  console.log(
    `simulate: ${QUEUES} queues, 200 agents, bestAvailable, ${fmt(probe.contacts)} contacts per run (5 replications of 25 h)`,
  );
  console.log(
    `  ${fmt(simMedian).padStart(11)} contacts/s  (best ${fmt(simBest)}); SL by queue ${Math.min(...sl).toFixed(3)}..${Math.max(...sl).toFixed(3)}`,
  );
  if (sink === 0) console.log('');
}

async function runRoutingBench(): Promise<void> {
  const only = process.argv.find((a) => a.startsWith('--case='))?.slice(7);
  // `day`: 48 half-hours with shifts; `huge`: the time limit is the target (it must return its best plan by then).
  const cases = [
    { name: 'small', queues: 10, agents: 300, target: 10, day: false },
    { name: 'large', queues: 50, agents: 2_000, target: 60, day: false },
    { name: 'xl', queues: 100, agents: 5_000, target: 150, day: false },
    { name: 'day', queues: 50, agents: 2_000, target: 180, day: true },
    { name: 'huge', queues: 200, agents: 10_000, target: 300, day: false },
    // xl's size in 10 sites that share no agent: simulated site by site.
    { name: 'sites', queues: 100, agents: 5_000, target: 150, day: false, sites: 10 },
  ].filter((c) => (only === undefined ? c.name !== 'huge' || process.argv.includes('--huge') : c.name === only));
  // On a shared machine the optimizer gets a fraction of a core: `--limit-factor=N` multiplies the time limit
  // (default: the target itself) so the figures measure the work, and the CPU time is printed next to wall time.
  const limitFactor = Number(process.argv.find((a) => a.startsWith('--limit-factor='))?.slice(15) ?? 1);
  // `--effort=N`: the search's work budget (default 1); the time limit is then a safety cap.
  const effort = Number(process.argv.find((a) => a.startsWith('--effort='))?.slice(9) ?? 1);
  // `--seed=N`: the optimizer's seed (default 1), to see how much a figure owes to one seed.
  const seed = Number(process.argv.find((a) => a.startsWith('--seed='))?.slice(7) ?? 1);
  // `--threads=N`: threads that run the simulations (default: available parallelism); `--no-limit`: the default
  // safety cap (it scales with the work) instead of the target.
  const threadsArg = process.argv.find((a) => a.startsWith('--threads='))?.slice(10);
  const threads = threadsArg === undefined ? {} : { threads: Number(threadsArg) };
  const noLimit = process.argv.includes('--no-limit');
  // `--judge`: an independent long run of the plan (bench/judge.ts), against the plan's own verdicts.
  const judge = process.argv.includes('--judge');
  // `--patience=N`: evaluation.searchPatience (ruin-and-rebuild rounds without a smaller plan before it stops).
  const patience = process.argv.find((a) => a.startsWith('--patience='))?.slice(11);
  console.log(
    `optimizeRouting (seed ${seed}; node ${process.version}; target wall time in brackets; time limit ${limitFactor} x target; ` +
      `optimizer from ${origin}; ${beside} CPU-bound process(es) beside)`,
  );
  // `--sites=N`: a steady case's queues in N sites that share no agent (routingSites).
  const sitesArg = process.argv.find((a) => a.startsWith('--sites='))?.slice(8);
  for (const listed of cases) {
    const c = sitesArg === undefined || listed.day ? listed : { ...listed, sites: Number(sitesArg) };
    const input = c.day
      ? routingDay(c.queues, c.agents, 7)
      : c.sites
        ? routingSites(c.queues, c.agents, 7, c.sites)
        : routingInstance(c.queues, c.agents, 7);
    const t0 = performance.now();
    const cpu0 = process.cpuUsage();
    // The caller's event loop: the longest gap between ticks of a 20 ms timer during the run.
    let lastTick = performance.now();
    let stallMs = 0;
    const ticker = setInterval(() => {
      const now = performance.now();
      stallMs = Math.max(stallMs, now - lastTick);
      lastTick = now;
    }, 20);
    // This thread's garbage-collection pauses, so a long gap can be told from one the OS scheduler made.
    let gcMs = 0;
    const gcWatch = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) gcMs = Math.max(gcMs, e.duration);
    });
    gcWatch.observe({ entryTypes: ['gc'] });
    const result = await optimizeRouting(input, {
      seed,
      effort,
      ...threads,
      ...(patience === undefined ? {} : { evaluation: { searchPatience: Number(patience) } }),
      ...(noLimit ? {} : { timeLimitMs: c.target * 1000 * limitFactor }),
      onProgress: phaseLines(), // --verbose: where the time and the work go
    });
    clearInterval(ticker);
    gcWatch.disconnect();
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    // Meeting the target before: in every interval (the steady hour has one), by the mean, as `meetsTarget` after.
    const before = result.queues.filter((q) => q.worstInterval.before >= q.target.serviceLevel).length;
    const after = result.queues.filter((q) => q.meetsTarget).length;
    const s = result.stats;
    console.log(
      `  ${c.queues} queues / ${fmt(c.agents)} agents${c.day ? ' / 48-interval day' : ''}${c.sites ? ` in ${c.sites} sites` : ''}: ${seconds.toFixed(1)} s wall [<= ${c.target} s] ${seconds <= c.target ? 'ok' : 'MISSED'}; ${cpuSeconds.toFixed(1)} s CPU (all threads; on a shared machine wall time exceeds CPU time); threads ${threadsArg ?? 'default'}; longest event-loop gap ${stallMs.toFixed(0)} ms (longest GC pause on that thread ${gcMs.toFixed(0)} ms)`,
    );
    console.log(
      `    changes ${result.changes.length} (lower bound ${result.lowerBound?.changes ?? 'n/a'}, budget ${input.constraints?.maxChanges}); queues meeting target ${before} -> ${after} of ${c.queues}; every queue: ${result.feasible ? 'yes' : 'no'}; plan ${planFingerprint(result.changes)}`,
    );
    console.log(
      `    stopped by ${s.stoppedBy ?? 'n/a'} (work ${s.work?.used ?? 'n/a'} of ${s.work?.budget ?? 'n/a'} evaluations, effort ${effort}); ${s.candidatesEvaluated} simulations, ${fmt(s.simulatedContacts)} contacts, ${fmt(s.simulatedContacts / (s.simulateMs / 1000))} contacts/s while simulating; solver ${fmt(s.solverMs)} ms, simulation ${fmt(s.simulateMs)} ms, ${s.groups} agent groups`,
    );
    // The worst interval per queue (the steady hour has one): the lowest of them, before and after.
    const worst = result.queues.reduce((w, q) => (q.worstInterval.after < w.worstInterval.after ? q : w));
    const missed = result.queues.filter((q) => q.worstInterval.after < q.target.serviceLevel).length;
    console.log(
      `    worst interval: ${worst.id} #${worst.worstInterval.index} ${(worst.worstInterval.before * 100).toFixed(1)} % -> ${(worst.worstInterval.after * 100).toFixed(1)} %; queues whose worst interval is below target after: ${missed}; bound note: ${result.lowerBound?.note ?? 'n/a'}`,
    );
    if (result.shortfall.length > 0)
      console.log(`    short: ${result.shortfall.map((x) => `${x.queueId} (${x.agentsMissing})`).join(', ')}`);
    for (const w of result.warnings) console.log(`    note: ${w}`);
    if (judge) console.log(`    ${c.day ? 'judge: steady cases only' : judgeLine(judgePlan(input, result))}`);
  }
}
