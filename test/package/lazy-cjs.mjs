// npm run test:package (after `npm run build`): the CommonJS build loads a chunk when one of its exports is first
// used (scripts/lazy-cjs.mjs). Each check runs in a fresh `node` so the module cache starts empty; it counts the
// package's files in require.cache, never time.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const entries = ['genesys-routing-sdk', 'genesys-routing-sdk/optimizer', 'genesys-routing-sdk/testing', 'genesys-routing-sdk/webhooks', 'genesys-routing-sdk/redis'];

/** Runs `code` in a fresh node (cwd: the package root, so the package resolves to itself) and returns what it prints as JSON. */
function fresh(code) {
  const loaded = "() => Object.keys(require.cache).filter((f) => f.includes('/dist/')).length";
  return JSON.parse(execFileSync(process.execPath, ['-e', `const loaded = ${loaded}; ${code}`], { cwd: root, encoding: 'utf8' }));
}

test('require() of an entry loads its own file and nothing else until an export is read', () => {
  for (const entry of entries) {
    const files = fresh(`require('${entry}'); console.log(JSON.stringify(Object.keys(require.cache).filter((f) => f.includes('/dist/'))))`);
    // Besides the entry file, at most esbuild's namespace helper (`__export`, for /optimizer's `schemas`).
    const others = files.slice(1).reduce((bytes, file) => bytes + statSync(file).size, 0);
    assert.ok(others < 1024, `${entry} loaded ${files.join(', ')}`);
  }
});

test('a first use loads only what it needs: the client and routing, not analytics, audit or notifications', () => {
  const counts = fresh(`
    const { GenesysClient } = require('genesys-routing-sdk');
    const client = new GenesysClient({ clientId: 'id', clientSecret: 'secret', region: 'us_east_1' });
    client.routing.queues.list();
    const routing = loaded();
    client.analytics; client.audit; client.notifications;
    console.log(JSON.stringify({ routing, all: loaded() }));`);
  assert.ok(counts.routing > 1, `the client and routing load chunks (${counts.routing} files)`);
  assert.ok(counts.all > counts.routing, `analytics, audit and notifications load on first use (${counts.routing} -> ${counts.all} files)`);
});

test('erlangC loads the Erlang code, not the simulator or the planners', () => {
  const counts = fresh(`
    const optimizer = require('genesys-routing-sdk/optimizer');
    optimizer.erlangC({ agents: 10, traffic: 8 });
    const erlang = loaded();
    for (const name of Object.keys(optimizer)) optimizer[name];
    console.log(JSON.stringify({ erlang, all: loaded() }));`);
  assert.ok(counts.erlang < counts.all / 2, `erlangC loaded ${counts.erlang} of ${counts.all} files`);
});

// Chunks load in whatever order a program reads exports: every order must see every export defined.
test('every export reads as defined whichever order a program reads them in', () => {
  for (const entry of entries) {
    for (const order of ['forward', 'reverse']) {
      const undefinedNames = fresh(`
        const m = require('${entry}');
        const names = Object.keys(m);
        if ('${order}' === 'reverse') names.reverse();
        console.log(JSON.stringify(names.filter((name) => m[name] === undefined)));`);
      assert.deepEqual(undefinedNames, [], `${entry} (${order})`);
    }
  }
});

// import() in a CommonJS file starts Node's ESM loader (about 5 ms on Node 20) for what require() loads.
test("the CommonJS build loads its own files and Node's built-ins with require, not import()", () => {
  const files = execFileSync('find', [join(root, 'dist'), '-name', '*.cjs'], { encoding: 'utf8' }).trim().split('\n');
  const imports = files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/(?<![\w$.])import\('([^']+)'\)/g)].map((m) => m[1]).filter((s) => s.startsWith('.') || isBuiltin(s)).map((s) => `${file}: ${s}`),
  );
  assert.deepEqual(imports, []);
  // Script files, not -e: node -e starts the ESM loader itself once the code has run. Node 24 starts it for every
  // CommonJS program, so the check is against the same program without the SDK.
  const dir = mkdtempSync(join(tmpdir(), 'grs-lazy-'));
  const esmLoaderModules = (body) => {
    const script = join(dir, 'script.cjs');
    writeFileSync(script, `${body}.then(() => console.log(JSON.stringify(process.moduleLoadList.filter((m) => m.includes('esm/loader')))));`);
    return JSON.parse(execFileSync(process.execPath, [script], { encoding: 'utf8' }));
  };
  const baseline = esmLoaderModules('Promise.resolve()');
  const loaded = esmLoaderModules(`
    require(${JSON.stringify(join(root, 'dist', 'index.cjs'))}).applyPlan(undefined, undefined).catch((error) => {
      if (!String(error).includes('changes')) throw error; // the run chunk loaded and rejected the plan
    })`);
  rmSync(dir, { recursive: true });
  assert.deepEqual(loaded, baseline, 'a workflow call (its run chunk loads with require) started the ESM loader');
});
