// npm run bench:transport — per-request cost of the client vs plain fetch on loopback, and import cost.
// Prints figures; asserts nothing (targets: <= 1.2x plain fetch; import <= 10 ms and <= 5 MiB over bare node).
import { execFileSync, fork } from 'node:child_process';
import { GenesysClient } from '../dist/index.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const WARMUP = 300;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 30);

// The server runs in its own process: sharing the client's event loop would charge its work to the client.
const serverProcess = fork(new URL('./loopback-server.mjs', import.meta.url), [], {
  stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
});
const port = await new Promise((resolve) =>
  serverProcess.stdout.once('data', (d) => resolve(Number(String(d).trim()))),
);
const base = `http://127.0.0.1:${port}`;

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(fn) {
  for (let i = 0; i < WARMUP; i++) await fn();
  const samples = new Array(REQUESTS);
  for (let i = 0; i < REQUESTS; i++) {
    const t = performance.now();
    await fn();
    samples[i] = performance.now() - t;
  }
  return median(samples);
}

const plain = () =>
  fetch(`${base}/api/v2/routing/skills/skill-1`, {
    headers: { authorization: 'Bearer bench-token-0123456789', accept: 'application/json' },
  }).then((r) => r.json());
const client = new GenesysClient({
  clientId: 'bench',
  clientSecret: 'bench-secret',
  apiBaseUrl: base,
  loginBaseUrl: base,
});
const unvalidated = new GenesysClient({
  clientId: 'bench',
  clientSecret: 'bench-secret',
  apiBaseUrl: base,
  loginBaseUrl: base,
  validation: 'off',
});

// Interleave to even out machine noise; take the better of two rounds for each.
const results = { plain: [], client: [], clientNoValidation: [] };
for (let round = 0; round < 2; round++) {
  results.plain.push(await time(plain));
  results.client.push(await time(() => client.routing.skills.get('skill-1')));
  results.clientNoValidation.push(await time(() => unvalidated.routing.skills.get('skill-1')));
}
serverProcess.kill();
const plainMs = Math.min(...results.plain);
const clientMs = Math.min(...results.client);
const offMs = Math.min(...results.clientNoValidation);

function runNode(code) {
  const t = performance.now();
  const out = execFileSync(
    process.execPath,
    ['-e', `${code};process.stdout.write(String(process.resourceUsage().maxRSS))`],
    { cwd: new URL('..', import.meta.url) },
  );
  return { ms: performance.now() - t, mib: Number(out.toString()) / 1024 };
}

/** Interleaves bare and loading runs so machine drift hits both alike; medians of each. */
function importCost(code) {
  const bare = [];
  const loaded = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(runNode('0'));
    loaded.push(runNode(code));
  }
  return {
    bare: { ms: median(bare.map((r) => r.ms)), mib: median(bare.map((r) => r.mib)) },
    ms: median(loaded.map((r) => r.ms)),
    mib: median(loaded.map((r) => r.mib)),
  };
}

/** The require itself, timed inside the process (no process start-up noise). */
function inProcess(specifier) {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', `const t=performance.now();require('${specifier}');process.stdout.write(String(performance.now()-t))`],
      { cwd: new URL('..', import.meta.url) },
    );
    times.push(Number(out.toString()));
  }
  return median(times);
}
const cjs = importCost("require('genesys-routing-sdk')");
const optimizer = importCost("require('genesys-routing-sdk/optimizer')");
const cjsInProcess = inProcess('genesys-routing-sdk');
const bare = cjs.bare;

const f = (n) => n.toFixed(3);
console.log(
  `per-request median over ${REQUESTS} sequential GETs to a loopback server in another process (best of 2 rounds):`,
);
console.log(`  plain fetch                 ${f(plainMs)} ms`);
console.log(
  `  client (validation 'warn')  ${f(clientMs)} ms  ratio ${(clientMs / plainMs).toFixed(2)}x   (target <= 1.2x)`,
);
console.log(`  client (validation 'off')   ${f(offMs)} ms  ratio ${(offMs / plainMs).toFixed(2)}x`);
console.log(
  `import cost, median of ${RUNS} process starts each, bare and loading runs interleaved (wall time, max RSS):`,
);
console.log(`  node -e 0                                         ${bare.ms.toFixed(1)} ms  ${bare.mib.toFixed(1)} MiB`);
console.log(
  `  require('genesys-routing-sdk')           +${(cjs.ms - bare.ms).toFixed(1)} ms  +${(cjs.mib - bare.mib).toFixed(1)} MiB   (target <= 10 ms, <= 5 MiB)`,
);
console.log(
  `  require('genesys-routing-sdk/optimizer') +${(optimizer.ms - optimizer.bare.ms).toFixed(1)} ms  +${(optimizer.mib - optimizer.bare.mib).toFixed(1)} MiB`,
);
console.log(`  require('genesys-routing-sdk') timed inside the process: ${cjsInProcess.toFixed(1)} ms`);
