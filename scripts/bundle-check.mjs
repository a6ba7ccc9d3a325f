// npm run check:bundles (after `npm run build`): the built package as consumers bundle it, with esbuild.
//  1. `import { erlangC } from 'genesys-routing-sdk/optimizer'` bundles for the browser, neutral and node
//     platforms, each within 10 KB gzip, and the browser bundle computes in a context with no Node globals.
//  2. A function calling optimizeRouting, bundled for Node into a folder with no node_modules: without highs.wasm
//     it rejects with SolverUnavailableError saying what to do; with the file copied beside the bundle, or its
//     bytes passed through configureSolver({ wasm }), it solves.
import assert from 'node:assert/strict';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
if (!existsSync(join(root, 'dist', 'optimizer', 'index.js')))
  throw new Error('dist/ is missing: run npm run build first');
const work = mkdtempSync(join(tmpdir(), 'grs-bundles-'));
// The consumer's project: the package installed under its name (a link to this folder).
mkdirSync(join(work, 'node_modules'));
symlinkSync(root, join(work, 'node_modules', 'genesys-routing-sdk'), 'dir');
const MAX_ERLANG_GZIP = 10 * 1024;

try {
  const consumer = join(work, 'erlang.mjs');
  writeFileSync(
    consumer,
    "import { erlangC } from 'genesys-routing-sdk/optimizer';\n" +
      'globalThis.result = erlangC({ agents: 12, traffic: 10 });\n',
  );
  for (const platform of ['browser', 'neutral', 'node']) {
    const outfile = join(work, `erlang-${platform}.js`);
    const result = await build({
      entryPoints: [consumer],
      bundle: true,
      platform,
      format: 'esm',
      minify: true,
      outfile,
      logLevel: 'silent',
      absWorkingDir: work,
    });
    assert.deepEqual(
      result.warnings.map((w) => w.text),
      [],
      `${platform}: no esbuild warning`,
    );
    const code = readFileSync(outfile);
    const gzip = gzipSync(code).length;
    console.log(
      `bundles: erlangC, platform ${platform}: ${(code.length / 1024).toFixed(1)} KB minified, ${(gzip / 1024).toFixed(1)} KB gzip`,
    );
    assert.ok(gzip <= MAX_ERLANG_GZIP, `${platform}: ${gzip} B gzip > ${MAX_ERLANG_GZIP}`);
    assert.ok(!code.includes('highs.wasm'), `${platform}: the solver is not in an erlangC bundle`);
  }
  // The browser bundle in a fresh context: no process, require, Buffer or module.
  const browserCode = readFileSync(join(work, 'erlang-browser.js'), 'utf8').replace(/^export\s*\{[^}]*\};?\s*$/m, '');
  const context = vm.createContext({ console });
  vm.runInContext(browserCode, context);
  const probability = context.result;
  assert.ok(
    typeof probability === 'number' && probability > 0 && probability < 1,
    `erlangC in the browser bundle: ${probability}`,
  );
  assert.equal(
    probability,
    (await import(pathToFileURL(join(root, 'dist', 'optimizer', 'index.js')).href)).erlangC({
      agents: 12,
      traffic: 10,
    }),
  );
  console.log(
    `bundles: the browser bundle computes erlangC(12 agents, 10 E) = ${probability.toFixed(4)} with no Node globals`,
  );

  // optimizeRouting from a bundled function.
  const fn = join(work, 'fn');
  mkdirSync(fn);
  const handler = join(work, 'optimize.mjs');
  writeFileSync(
    handler,
    `import { configureSolver, isSolverUnavailableError, optimizeRouting } from 'genesys-routing-sdk/optimizer';
const agents = [
  ...Array.from({ length: 6 }, (_, i) => ({ id: 'b' + i, skills: { billing: 4 } })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: 's' + i, skills: { sales: 4 } })),
  ...Array.from({ length: 6 }, (_, i) => ({ id: 'x' + i, skills: { slack: 2 } })),
];
const queues = [
  { id: 'billing', callsPerHour: 70, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
  { id: 'sales', callsPerHour: 70, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
  { id: 'slack', callsPerHour: 20, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
];
export async function handler(event = {}) {
  if (event.wasm) configureSolver({ wasm: event.wasm });
  try {
    const r = await optimizeRouting({ queues, agents }, { seed: 1, timeLimitMs: 20_000, evaluation: { contactsPerEvaluation: 20_000, confirmContacts: 60_000 } });
    return { ok: true, changes: r.changes.length, feasible: r.feasible };
  } catch (error) {
    return { ok: false, name: error.name, typed: isSolverUnavailableError(error), message: error.message };
  }
}
`,
  );
  const bundled = await build({
    entryPoints: [handler],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: join(fn, 'index.mjs'),
    logLevel: 'silent',
    absWorkingDir: work,
  });
  assert.deepEqual(
    bundled.warnings.map((w) => w.text),
    [],
    'optimizeRouting bundle: no esbuild warning',
  );
  rmSync(join(work, 'node_modules'), { recursive: true });
  const run = async (tag, event) =>
    (await import(`${pathToFileURL(join(fn, 'index.mjs')).href}?${tag}`)).handler(event);

  const missing = await run('missing');
  assert.equal(missing.ok, false, 'without highs.wasm the function cannot solve');
  assert.equal(missing.typed, true, `a SolverUnavailableError, not ${missing.name}: ${missing.message}`);
  assert.match(missing.message, /highs\.wasm/);
  assert.match(missing.message, /configureSolver/);
  console.log(`bundles: optimizeRouting without highs.wasm -> ${missing.name}: ${missing.message.slice(0, 120)}...`);

  const wasm = join(root, 'node_modules', 'highs', 'build', 'highs.wasm');
  const bytes = await run('bytes', { wasm: new Uint8Array(readFileSync(wasm)) });
  assert.equal(bytes.ok, true, `configureSolver({ wasm: bytes }): ${bytes.message}`);
  console.log(
    `bundles: optimizeRouting with configureSolver({ wasm: bytes }) -> ${bytes.changes} changes, feasible ${bytes.feasible}`,
  );

  copyFileSync(wasm, join(fn, 'highs.wasm'));
  const beside = await run('beside');
  assert.equal(beside.ok, true, `highs.wasm beside the bundle: ${beside.message}`);
  console.log(
    `bundles: optimizeRouting with highs.wasm beside the bundle -> ${beside.changes} changes, feasible ${beside.feasible}`,
  );
  console.log(`bundles: ok on Node ${process.versions.node}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
