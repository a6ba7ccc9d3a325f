// Staffing for a day of 30-minute intervals, notebook style: run it whole, or cell by cell (`// %%`) in an
// editor that understands cells (VS Code with the Jupyter extension, or a TypeScript notebook kernel). Pure
// math from `genesys-routing-sdk/optimizer`: no Genesys org, no emulator, no network, no top-level await.
//
// It imports the package BY NAME, like your notebook would. Inside this repository that name resolves to the
// BUILT package (dist/), so build first:
//
//   npm run build
//   npx tsx examples/staffing-table.ts                   # ESM, Node's `exports` (self-reference)
//
// As plain CommonJS with classic `moduleResolution: "node"` (node10, which ignores `exports` and finds the
// `optimizer` subpath through the package's `typesVersions`), with the shipped examples/tsconfig.notebook.json
// (ts-node is not a dependency of this repository: `npm i -D ts-node@^10.9.2`):
//
//   ln -sfn .. node_modules/genesys-routing-sdk          # node10 has no self-reference: expose the package as installed
//   npx ts-node --project examples/tsconfig.notebook.json -e "require('./examples/staffing-table.ts')"
//   rm node_modules/genesys-routing-sdk
//
// (`ts-node examples/staffing-table.ts` cannot be used here: this package is "type": "module", so Node would
// load the entry file as ESM; requiring it makes ts-node compile it as CommonJS, per the tsconfig's moduleTypes.)
// In your own project (a CommonJS project with ts-node installed): `npx ts-node staffing-table.ts`.
//
// Docs: docs/optimizer.md (the math). One interval from the command line:
// `genesys-routing staff --calls 360 --aht 300 --sl 0.8 --target 20 --shrinkage 0.3` (docs/cli.md).

// %% Setup: imports and the assumptions every cell uses
import {
  erlangA,
  erlangC,
  requiredAgents,
  requiredAgentsErlangA,
  serviceLevel,
  averageSpeedOfAnswer,
  simulate,
  staffIntervals,
} from 'genesys-routing-sdk/optimizer';
import type { IntervalForecast, SimulationAgent } from 'genesys-routing-sdk/optimizer';

const DAILY_CALLS = 4_800;
const INTERVAL_SECONDS = 1_800; // 30 minutes
const TARGETS = { serviceLevel: 0.8, targetSeconds: 20, shrinkage: 0.3 }; // 80 % answered within 20 s; 30 % shrinkage
const PATIENCE_SECONDS = 120; // mean caller patience, for Erlang A and the simulator

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const pad = (value: string | number, width: number) => String(value).padStart(width);
const clock = (i: number) => `${String(Math.floor(i / 2)).padStart(2, '0')}:${i % 2 === 0 ? '00' : '30'}`;

// %% The forecast: an intraday curve over 48 half hours
// Quiet nights, a morning peak around 10:30, a lunch dip, a second peak around 14:30 and an evening tail.
// Handle times are longer at night (fewer, harder calls).
const shape = Array.from({ length: 48 }, (_, i) => {
  const h = i / 2 + 0.25; // middle of the interval, in hours
  return (
    0.015 +
    Math.exp(-(((h - 10.5) / 1.6) ** 2)) +
    0.85 * Math.exp(-(((h - 14.5) / 1.9) ** 2)) +
    0.25 * Math.exp(-(((h - 19) / 1.5) ** 2))
  );
});
const shapeTotal = shape.reduce((a, b) => a + b, 0);
const forecast: IntervalForecast[] = shape.map((w, i) => ({
  id: clock(i),
  queueId: 'support',
  calls: Math.round((DAILY_CALLS * w) / shapeTotal),
  intervalSeconds: INTERVAL_SECONDS,
  ahtSeconds: i < 14 || i >= 44 ? 360 : 300,
}));

// %% Erlang C staffing for every interval (staffIntervals solves the whole day at once)
const staffed = staffIntervals(forecast, TARGETS);
console.log(`Erlang C staffing, ${DAILY_CALLS} calls/day, 80 % in 20 s, shrinkage 30 %\n`);
console.log(
  `${'time'.padEnd(5)} ${pad('calls', 5)} ${pad('Erl', 5)} ${pad('agents', 6)} ${pad('sched', 5)} ${pad('SL', 6)} ${pad('ASA', 6)} ${pad('occ', 6)}`,
);
staffed.forEach((row, i) => {
  const calls = (forecast[i] as { calls: number }).calls;
  console.log(
    `${String(row.id).padEnd(5)} ${pad(calls, 5)} ${pad(row.traffic.toFixed(1), 5)} ${pad(row.agents, 6)} ${pad(row.scheduledAgents, 5)} ${pad(pct(row.serviceLevel), 6)} ${pad(`${row.asaSeconds.toFixed(1)}s`, 6)} ${pad(pct(row.occupancy), 6)}`,
  );
});
const agentHours = staffed.reduce((sum, r) => sum + r.agents / 2, 0);
const scheduledHours = staffed.reduce((sum, r) => sum + r.scheduledAgents / 2, 0);
const peakIndex = staffed.reduce((best, r, i) => (r.traffic > staffed[best]!.traffic ? i : best), 0);
const peak = staffed[peakIndex]!;
console.log(
  `\nDay: ${agentHours.toFixed(1)} agent-hours on the phones, ${scheduledHours.toFixed(1)} scheduled. Peak ${peak.id}: ${peak.agents} agents for ${peak.traffic.toFixed(1)} Erlangs.`,
);

// %% Erlang C vs Erlang A at the peak: what happens around the staffing line
// Erlang C assumes nobody hangs up; Erlang A lets callers abandon after an exponential patience. Below the
// Erlang C line the difference is large: C says the queue collapses, A says it sheds load as abandonment.
const aht = (forecast[peakIndex] as { ahtSeconds: number }).ahtSeconds;
console.log(
  `\nPeak ${peak.id}, ${peak.traffic.toFixed(1)} Erlangs, AHT ${aht} s, patience ${PATIENCE_SECONDS} s (Erlang A)\n`,
);
console.log(
  `${pad('agents', 6)} ${pad('P(wait)', 8)} ${pad('SL C', 7)} ${pad('ASA C', 9)} ${pad('SL A', 7)} ${pad('aband. A', 8)} ${pad('ASA A', 7)}`,
);
for (let agents = peak.agents - 6; agents <= peak.agents + 2; agents++) {
  const c = { agents, traffic: peak.traffic, ahtSeconds: aht };
  const a = erlangA({ ...c, patienceSeconds: PATIENCE_SECONDS, targetSeconds: TARGETS.targetSeconds });
  const asaC = averageSpeedOfAnswer(c);
  console.log(
    `${pad(agents, 6)} ${pad(pct(erlangC({ agents, traffic: peak.traffic })), 8)} ${pad(pct(serviceLevel({ ...c, targetSeconds: TARGETS.targetSeconds })), 7)} ${pad(Number.isFinite(asaC) ? `${asaC.toFixed(1)}s` : 'inf', 9)} ${pad(pct(a.serviceLevel), 7)} ${pad(pct(a.probabilityOfAbandon), 8)} ${pad(`${a.asaSeconds.toFixed(1)}s`, 7)}`,
  );
}

// %% The whole day with Erlang A: the service level alone, then with an abandonment cap
// When callers hang up, the ones left wait less: the service level alone needs fewer agents than Erlang C.
// A cap on abandonment usually becomes the binding target, most of all in small night teams.
const erlangAHours = (maxAbandonRate?: number) =>
  staffed.reduce((sum, row, i) => {
    if (row.traffic === 0) return sum;
    const ahtSeconds = (forecast[i] as { ahtSeconds: number }).ahtSeconds;
    const a = requiredAgentsErlangA({
      traffic: row.traffic,
      ahtSeconds,
      patienceSeconds: PATIENCE_SECONDS,
      targetSeconds: TARGETS.targetSeconds,
      serviceLevel: TARGETS.serviceLevel,
      maxAbandonRate,
    });
    return sum + a.agents / 2;
  }, 0);
console.log('\nAgent-hours on the phones over the day:');
console.log(`  Erlang C, SL >= 80 %:                        ${agentHours.toFixed(1)}`);
console.log(`  Erlang A, SL >= 80 %:                        ${erlangAHours().toFixed(1)}`);
console.log(`  Erlang A, SL >= 80 % and <= 3 % abandoned:   ${erlangAHours(0.03).toFixed(1)}`);
console.log(
  'Erlang C ignores abandonment; Erlang A needs a patience you have measured (abandoned and answered waits).',
);

// %% Shared agents: two queues at the peak, dedicated teams vs some cross-skilled agents (simulator)
// Erlang formulas assume one queue of interchangeable agents. With multi-skilled agents serving two queues,
// simulate() routes every call (best available agent; a freed agent takes the longest-waiting call).
const salesTraffic = peak.traffic * 0.6;
const billingTraffic = peak.traffic * 0.4;
const salesAgents = requiredAgents({ traffic: salesTraffic, ahtSeconds: aht, ...TARGETS }).agents;
const billingAgents = requiredAgents({ traffic: billingTraffic, ahtSeconds: aht, ...TARGETS }).agents;
const pooledAgents = requiredAgents({ traffic: peak.traffic, ahtSeconds: aht, ...TARGETS }).agents;
const queues = [
  {
    id: 'sales',
    skill: 'sales',
    arrivalRatePerHour: (salesTraffic * 3600) / aht,
    ahtSeconds: aht,
    patienceSeconds: PATIENCE_SECONDS,
  },
  {
    id: 'billing',
    skill: 'billing',
    arrivalRatePerHour: (billingTraffic * 3600) / aht,
    ahtSeconds: aht,
    patienceSeconds: PATIENCE_SECONDS,
  },
];
const team = (sales: number, billing: number, both: number): SimulationAgent[] => [
  ...Array.from({ length: sales }, (_, i) => ({ id: `s${i}`, skills: { sales: 4 } })),
  ...Array.from({ length: billing }, (_, i) => ({ id: `b${i}`, skills: { billing: 4 } })),
  ...Array.from({ length: both }, (_, i) => ({
    id: `x${i}`,
    skills: i % 2 === 0 ? { sales: 4, billing: 2 } : { sales: 2, billing: 4 },
  })),
];
const crossSkilled = Math.round((pooledAgents * 0.3) / 2) * 2;
const salesShare = (n: number) => Math.round(n * 0.6);
const scenarios: Array<[string, SimulationAgent[]]> = [
  [`dedicated: ${salesAgents} sales + ${billingAgents} billing`, team(salesAgents, billingAgents, 0)],
  [
    `dedicated: ${salesShare(pooledAgents)} + ${pooledAgents - salesShare(pooledAgents)} (${pooledAgents} agents)`,
    team(salesShare(pooledAgents), pooledAgents - salesShare(pooledAgents), 0),
  ],
  [
    `shared: ${pooledAgents} agents, ${crossSkilled} hold both skills`,
    team(
      salesShare(pooledAgents - crossSkilled),
      pooledAgents - crossSkilled - salesShare(pooledAgents - crossSkilled),
      crossSkilled,
    ),
  ],
];
console.log(
  `\nTwo queues at the peak: sales ${salesTraffic.toFixed(1)} + billing ${billingTraffic.toFixed(1)} Erlangs (Erlang C: ${salesAgents} + ${billingAgents} dedicated, ${pooledAgents} if fully pooled)\n`,
);
for (const [name, agents] of scenarios) {
  const result = simulate({
    queues,
    agents,
    routing: 'bestAvailable',
    durationSeconds: 4 * 3600,
    warmupSeconds: 1800,
    replications: 10,
    targetSeconds: TARGETS.targetSeconds,
    seed: 1,
  });
  const line = result.queues
    .map(
      (q) =>
        `${q.id} SL ${pct(q.serviceLevel.mean)} ± ${pct(q.serviceLevel.halfWidth)}, abandoned ${pct(q.abandonRate.mean)}`,
    )
    .join('; ');
  console.log(`  ${name.padEnd(46)} ${line}`);
}
console.log(
  `\nWith ${crossSkilled} of ${pooledAgents} agents holding both skills, the team serves both queues about as well as two dedicated`,
);
console.log(
  `teams of ${salesAgents + billingAgents}; the same ${pooledAgents} agents without cross-skilling do worse.`,
);
