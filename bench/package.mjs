// npm run bench:package — what the published package costs its users, measured on dist/ (run `npm run build`
// first; the npm script does). Prints figures; asserts nothing.
//   1. bundle size: a consumer file bundled with esbuild (platform node, minified), as a serverless deploy does;
//   2. load cost: require() of each entry, over a bare `node` start (wall time and max RSS, medians);
//      BENCH_INSTRUCTIONS=1 adds CPU instructions under valgrind (callgrind), which repeat to ~1% where wall
//      time on a shared machine drifts by a third.
// Targets: erlangC <= 10 KB min+gzip, requiredAgents <= 12 KB, a handler listing queues <= 40 KB gzip;
// require('genesys-routing-sdk/optimizer') <= 10 ms and <= 3 MiB, the root <= 10 ms and <= 5 MiB.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 21);

// A consumer project: its node_modules holds only a link to this package (dependencies resolve from here).
const work = mkdtempSync(join(tmpdir(), 'grs-bench-'));
mkdirSync(join(work, 'node_modules'));
symlinkSync(root, join(work, 'node_modules', 'genesys-routing-sdk'), 'dir');

const consumers = {
  "import { erlangC } from '/optimizer'": {
    code: "import { erlangC } from 'genesys-routing-sdk/optimizer'; export const run = (a) => erlangC(a);",
    target: 10,
  },
  "import { requiredAgents } from '/optimizer'": {
    code: "import { requiredAgents } from 'genesys-routing-sdk/optimizer'; export const run = (a) => requiredAgents(a);",
    target: 12,
  },
  'a handler that lists queues (root)': {
    code: `import { GenesysClient } from 'genesys-routing-sdk';
export async function handler() {
  const client = GenesysClient.fromEnv();
  return client.routing.queues.list().toArray();
}`,
    target: 40,
  },
};

/** Bundles one consumer file into a single file (dynamic imports inlined), returns minified and gzip sizes. */
async function bundleSize(code) {
  const result = await build({
    stdin: { contents: code, resolveDir: work, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    logLevel: 'silent',
    metafile: true,
  });
  const bytes = result.outputFiles[0].contents;
  const inputs = Object.entries(result.metafile.outputs)[0][1].inputs;
  const heaviest = Object.entries(inputs)
    .map(([file, { bytesInOutput }]) => [file.replace(/^.*node_modules\//, ''), bytesInOutput])
    .sort((a, b) => b[1] - a[1])
    .slice(0, 3);
  return { min: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, heaviest };
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function runNode(code) {
  const t = performance.now();
  const out = execFileSync(process.execPath, ['-e', `${code};process.stdout.write(String(process.resourceUsage().maxRSS))`], { cwd: work });
  return { ms: performance.now() - t, mib: Number(out.toString()) / 1024 };
}

/** Bare and loading process starts interleaved so machine drift hits both alike; medians of each. */
function loadCost(specifier) {
  const bare = [];
  const loaded = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(runNode('0'));
    loaded.push(runNode(`require('${specifier}')`));
  }
  const inProcess = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(process.execPath, ['-e', `const t=performance.now();require('${specifier}');process.stdout.write(String(performance.now()-t))`], { cwd: work });
    inProcess.push(Number(out.toString()));
  }
  return {
    ms: median(loaded.map((r) => r.ms)) - median(bare.map((r) => r.ms)),
    mib: median(loaded.map((r) => r.mib)) - median(bare.map((r) => r.mib)),
    inProcessMs: median(inProcess),
  };
}

/** Millions of CPU instructions a `node -e` run executes (valgrind callgrind), or undefined without valgrind. */
function instructions(code) {
  const run = spawnSync('valgrind', ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '-e', code], { cwd: work, encoding: 'utf8' });
  const m = /Collected\s*:\s*(\d+)/.exec(run.stderr ?? '');
  return m ? Number(m[1]) / 1e6 : undefined;
}

const kb = (n) => (n / 1024).toFixed(1);
try {
  console.log('bundle size (esbuild, platform node, ESM, minified, one file):');
  for (const [name, { code, target }] of Object.entries(consumers)) {
    const s = await bundleSize(code);
    const verdict = s.gzip / 1024 <= target ? 'ok' : 'OVER';
    console.log(`  ${name.padEnd(46)} ${kb(s.min).padStart(7)} KB min  ${kb(s.gzip).padStart(6)} KB gzip   (target <= ${target} KB gzip: ${verdict})`);
    console.log(`    largest inputs: ${s.heaviest.map(([f, b]) => `${f} ${kb(b)} KB`).join(', ')}`);
  }
  console.log(`load cost over a bare node start (median of ${RUNS} runs each, interleaved; wall time, max RSS):`);
  const loads = { 'genesys-routing-sdk/optimizer': [10, 3], 'genesys-routing-sdk': [10, 5], 'genesys-routing-sdk/webhooks': [10, 5] };
  for (const [specifier, [ms, mib]] of Object.entries(loads)) {
    let c;
    try {
      c = loadCost(specifier);
    } catch {
      console.log(`  require('${specifier}') not available in this build`);
      continue;
    }
    const verdict = c.ms <= ms && c.mib <= mib ? 'ok' : 'OVER';
    console.log(`  require('${specifier}')`.padEnd(46) + ` +${c.ms.toFixed(1)} ms  +${c.mib.toFixed(1)} MiB  (require alone ${c.inProcessMs.toFixed(1)} ms; target <= ${ms} ms, <= ${mib} MiB: ${verdict})`);
    if (process.env.BENCH_INSTRUCTIONS) {
      const bare = instructions('0');
      const loaded = instructions(`require('${specifier}')`);
      console.log(bare === undefined || loaded === undefined ? '    instructions: valgrind not available' : `    instructions: +${(loaded - bare).toFixed(1)} M over a bare start (${bare.toFixed(1)} M)`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
