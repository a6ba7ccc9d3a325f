// npm run bench:package — what the published package costs its users, measured on dist/ (run `npm run build`
// first; the npm script does). Prints figures; asserts nothing.
//   1. bundle size: a consumer file bundled with esbuild (minified, one file), as a serverless deploy does
//      (platform node), and `import { erlangC }` also for the browser and neutral platforms;
//   2. load cost (bench/load-cost.mjs): each entry, the dependencies' floor and the bundled queue-listing handler
//      over a bare `node` start, in wall time and max RSS (medians) and in CPU instructions (valgrind callgrind,
//      when installed; BENCH_NO_INSTRUCTIONS=1 skips it), and the SDK's own share over the floor.
// Targets: erlangC <= 10 KB gzip on every platform, requiredAgents <= 12 KB, the queue-listing handler <= 62 KB
// gzip with the node-fetch-native alias; the SDK's share over the floor <= 15 ms for require() of the root,
// <= 25 ms for import, <= 8 ms for /optimizer.
import { mkdtempSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { printLoadCosts } from './load-cost.mjs';

// BENCH_PACKAGE_DIR measures another built copy of the package (e.g. a before/after comparison).
const root = process.env.BENCH_PACKAGE_DIR ?? fileURLToPath(new URL('..', import.meta.url));

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
    target: undefined,
    code: `import { GenesysClient } from 'genesys-routing-sdk';
export async function handler() {
  const client = GenesysClient.fromEnv();
  return client.routing.queues.list().toArray();
}`,
  },
};
// The same handler bundled as docs/guides/serverless.md shows: node-fetch-native's native entry, so ofetch's Node
// build carries no node-fetch (every Node the SDK supports has a global fetch).
consumers['a handler that lists queues, --alias node-fetch-native'] = {
  ...consumers['a handler that lists queues (root)'],
  alias: { 'node-fetch-native': 'node-fetch-native/native' },
  target: 62,
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

const kb = (n) => (n / 1024).toFixed(1);
try {
  console.log('bundle size (esbuild, ESM, minified, one file; platform node unless named):');
  for (const [name, { code, target, platform, alias }] of Object.entries(consumers)) {
    const s = await bundleSize(code, platform, alias);
    const verdict =
      target === undefined ? 'no target' : `target <= ${target} KB gzip: ${s.gzip / 1024 <= target ? 'ok' : 'OVER'}`;
    console.log(
      `  ${name.padEnd(54)} ${kb(s.min).padStart(7)} KB min  ${kb(s.gzip).padStart(6)} KB gzip   (${verdict})`,
    );
    console.log(`    largest inputs: ${s.heaviest.map(([f, b]) => `${f} ${kb(b)} KB`).join(', ')}`);
  }
  await printLoadCosts(root, work, consumers['a handler that lists queues, --alias node-fetch-native']);
} finally {
  rmSync(work, { recursive: true, force: true });
}
