// npm run bench:package — what the published package costs its users, measured on dist/ (run `npm run build`
// first; the npm script does). Prints figures; asserts nothing.
//   1. bundle size: a consumer file bundled with esbuild (minified, one file), as a serverless deploy does
//      (platform node), and `import { erlangC }` also for the browser and neutral platforms;
//   2. load cost: require() of each entry, and a first use of the root and the optimizer, over a bare `node`
//      start (wall time and max RSS, medians);
//      BENCH_INSTRUCTIONS=1 adds CPU instructions under valgrind (callgrind), which repeat exactly (fixed seeds,
//      no address randomization) where wall time on a shared machine drifts by a third.
// Targets: erlangC <= 10 KB min+gzip on every platform, requiredAgents <= 12 KB, a handler listing queues
// <= 50 KB gzip; require('genesys-routing-sdk/optimizer') <= 12 ms and <= 3 MiB, the root <= 15 ms and <= 5 MiB.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 41);

// A consumer project: its node_modules holds only a link to this package (dependencies resolve from here).
const work = mkdtempSync(join(tmpdir(), 'grs-bench-'));
mkdirSync(join(work, 'node_modules'));
symlinkSync(root, join(work, 'node_modules', 'genesys-routing-sdk'), 'dir');

const consumers = {
  ...Object.fromEntries(
    ['node', 'browser', 'neutral'].map((platform) => [
      `import { erlangC } from '/optimizer' (${platform})`,
      {
        code: "import { erlangC } from 'genesys-routing-sdk/optimizer'; export const run = (a) => erlangC(a);",
        target: 10,
        platform,
      },
    ]),
  ),
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
    target: 50,
  },
};
// The same handler bundled as docs/guides/serverless.md shows: node-fetch-native's native entry, so ofetch's Node
// build carries no node-fetch (every Node the SDK supports has a global fetch).
consumers['a handler that lists queues, --alias node-fetch-native'] = {
  ...consumers['a handler that lists queues (root)'],
  alias: { 'node-fetch-native': 'node-fetch-native/native' },
};

/** Bundles one consumer file into a single file (dynamic imports inlined), returns minified and gzip sizes. */
async function bundleSize(code, platform = 'node', alias = undefined) {
  const result = await build({
    stdin: { contents: code, resolveDir: work, loader: 'js' },
    bundle: true,
    minify: true,
    platform,
    format: 'esm',
    ...(platform === 'node' ? { target: 'node20' } : {}),
    write: false,
    logLevel: 'silent',
    metafile: true,
    ...(alias ? { alias } : {}),
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
  const out = execFileSync(
    process.execPath,
    ['-e', `${code};process.stdout.write(String(process.resourceUsage().maxRSS))`],
    { cwd: work },
  );
  return { ms: performance.now() - t, mib: Number(out.toString()) / 1024 };
}

/** Bare and loading (`code`) process starts interleaved so machine drift hits both alike; medians of each. */
function loadCost(code) {
  const bare = [];
  const loaded = [];
  for (let i = 0; i < RUNS; i++) {
    bare.push(runNode('0'));
    loaded.push(runNode(code));
  }
  const inProcess = [];
  for (let i = 0; i < RUNS; i++) {
    const out = execFileSync(
      process.execPath,
      ['-e', `const t=performance.now();${code};process.stdout.write(String(performance.now()-t))`],
      { cwd: work },
    );
    inProcess.push(Number(out.toString()));
  }
  return {
    ms: median(loaded.map((r) => r.ms)) - median(bare.map((r) => r.ms)),
    mib: median(loaded.map((r) => r.mib)) - median(bare.map((r) => r.mib)),
    inProcessMs: median(inProcess),
  };
}

// Fixed V8 seeds, and no address randomization where setarch exists: then a count repeats exactly run to run.
const SETARCH =
  spawnSync('setarch', ['--help']).status === 0
    ? ['setarch', process.arch === 'x64' ? 'x86_64' : process.arch, '-R']
    : [];
/** Millions of CPU instructions a `node -e` run executes (valgrind callgrind), or undefined without valgrind. */
function instructions(code) {
  const argv = [
    ...SETARCH,
    'valgrind',
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    '--hash-seed=1',
    '--random-seed=1',
    '-e',
    code,
  ];
  const run = spawnSync(argv[0], argv.slice(1), { cwd: work, encoding: 'utf8' });
  const m = /Collected\s*:\s*(\d+)/.exec(run.stderr ?? '');
  return m ? Number(m[1]) / 1e6 : undefined;
}

const kb = (n) => (n / 1024).toFixed(1);
try {
  console.log('bundle size (esbuild, ESM, minified, one file; platform node unless named):');
  for (const [name, { code, target, platform, alias }] of Object.entries(consumers)) {
    const s = await bundleSize(code, platform, alias);
    const verdict = s.gzip / 1024 <= target ? 'ok' : 'OVER';
    console.log(
      `  ${name.padEnd(54)} ${kb(s.min).padStart(7)} KB min  ${kb(s.gzip).padStart(6)} KB gzip   (target <= ${target} KB gzip: ${verdict})`,
    );
    console.log(`    largest inputs: ${s.heaviest.map(([f, b]) => `${f} ${kb(b)} KB`).join(', ')}`);
  }
  console.log(`load cost over a bare node start (median of ${RUNS} runs each, interleaved; wall time, max RSS):`);
  // The "first use" rows add what a program then does after require() (no target; they show where the cost goes).
  const loads = [
    ["require('genesys-routing-sdk/optimizer')", [12, 3]],
    ["require('genesys-routing-sdk')", [15, 5]],
    ["require('genesys-routing-sdk/webhooks')", [15, 5]],
    [
      'first use: requiredAgents(...) from /optimizer',
      undefined,
      "require('genesys-routing-sdk/optimizer').requiredAgents({ traffic: 52.7, ahtSeconds: 240, targetSeconds: 20, serviceLevel: 0.8 })",
    ],
    [
      'first use: new GenesysClient(...).routing.queues.list()',
      undefined,
      "new (require('genesys-routing-sdk').GenesysClient)({ clientId: 'id', clientSecret: 'secret', region: 'us_east_1' }).routing.queues.list()",
    ],
  ];
  for (const [name, target, code = name] of loads) {
    let c;
    try {
      c = loadCost(code);
    } catch {
      console.log(`  ${name} not available in this build`);
      continue;
    }
    const verdict = target
      ? `target <= ${target[0]} ms, <= ${target[1]} MiB: ${c.ms <= target[0] && c.mib <= target[1] ? 'ok' : 'OVER'}`
      : 'no target';
    console.log(
      `  ${name}`.padEnd(50) +
        ` +${c.ms.toFixed(1)} ms  +${c.mib.toFixed(1)} MiB  (in process ${c.inProcessMs.toFixed(1)} ms; ${verdict})`,
    );
    if (process.env.BENCH_INSTRUCTIONS) {
      const bare = instructions('0');
      const loaded = instructions(code);
      console.log(
        bare === undefined || loaded === undefined
          ? '    instructions: valgrind not available'
          : `    instructions: +${(loaded - bare).toFixed(1)} M over a bare start (${bare.toFixed(1)} M)`,
      );
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
