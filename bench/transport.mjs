// npm run bench:transport — per-request cost of the client vs plain fetch on loopback, and import cost.
// Prints figures; asserts nothing (targets: <= 1.2x plain fetch; import <= 10 ms and <= 5 MiB over bare node).
import { execFileSync } from 'node:child_process';
import http from 'node:http';
import { GenesysClient } from '../dist/index.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 3000);
const WARMUP = 300;
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 15);

const skill = JSON.stringify({ id: 'skill-1', name: 'Billing', state: 'active', version: 1, selfUri: '/api/v2/routing/skills/skill-1' });
const server = http.createServer((req, res) => {
  if (req.url === '/oauth/token') {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'bench-token-0123456789', token_type: 'bearer', expires_in: 86400 }));
    });
    return;
  }
  res.writeHead(200, {
    'content-type': 'application/json',
    'inin-correlation-id': 'c0ffee00-0000-4000-8000-000000000000',
    'inin-ratelimit-count': '1',
    'inin-ratelimit-allowed': '1000000',
    'inin-ratelimit-reset': '60',
  });
  res.end(skill);
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

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
  fetch(`${base}/api/v2/routing/skills/skill-1`, { headers: { authorization: 'Bearer bench-token-0123456789', accept: 'application/json' } }).then((r) => r.json());
const client = new GenesysClient({ clientId: 'bench', clientSecret: 'bench-secret', apiBaseUrl: base, loginBaseUrl: base });
const unvalidated = new GenesysClient({ clientId: 'bench', clientSecret: 'bench-secret', apiBaseUrl: base, loginBaseUrl: base, validation: 'off' });

// Interleave to even out machine noise; take the better of two rounds for each.
const results = { plain: [], client: [], clientNoValidation: [] };
for (let round = 0; round < 2; round++) {
  results.plain.push(await time(plain));
  results.client.push(await time(() => client.routing.skills.get('skill-1')));
  results.clientNoValidation.push(await time(() => unvalidated.routing.skills.get('skill-1')));
}
server.close();
const plainMs = Math.min(...results.plain);
const clientMs = Math.min(...results.client);
const offMs = Math.min(...results.clientNoValidation);

function importCost(code) {
  const times = [];
  const rss = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    const out = execFileSync(process.execPath, ['-e', `${code};process.stdout.write(String(process.resourceUsage().maxRSS))`], { cwd: new URL('..', import.meta.url) });
    times.push(performance.now() - t);
    rss.push(Number(out.toString()) / 1024);
  }
  return { ms: median(times), mib: median(rss) };
}
const bare = importCost('0');
const cjs = importCost("require('genesys-routing-sdk')");
const optimizer = importCost("require('genesys-routing-sdk/optimizer')");

const f = (n) => n.toFixed(3);
console.log(`per-request median over ${REQUESTS} sequential GETs on loopback (best of 2 rounds):`);
console.log(`  plain fetch                 ${f(plainMs)} ms`);
console.log(`  client (validation 'warn')  ${f(clientMs)} ms  ratio ${(clientMs / plainMs).toFixed(2)}x   (target <= 1.2x)`);
console.log(`  client (validation 'off')   ${f(offMs)} ms  ratio ${(offMs / plainMs).toFixed(2)}x`);
console.log(`import cost, median of ${RUNS} process starts (wall time, max RSS):`);
console.log(`  node -e 0                                         ${bare.ms.toFixed(1)} ms  ${bare.mib.toFixed(1)} MiB`);
console.log(`  require('genesys-routing-sdk')           +${(cjs.ms - bare.ms).toFixed(1)} ms  +${(cjs.mib - bare.mib).toFixed(1)} MiB   (target <= 10 ms, <= 5 MiB)`);
console.log(`  require('genesys-routing-sdk/optimizer') +${(optimizer.ms - bare.ms).toFixed(1)} ms  +${(optimizer.mib - bare.mib).toFixed(1)} MiB`);
