// Post-build step for the CommonJS build: a chunk is loaded when one of its exports is first used, not when a
// file that imports it loads (the same idea as Babel's `lazy` option for its CommonJS transform).
//
// tsup's CommonJS files import a chunk as `var chunkX_cjs = require('./chunk-X.cjs');` on a line of its own and
// read every binding as `chunkX_cjs.name` where it is used. This script replaces each such line with an object
// that has one getter per name the file reads: the first read requires the chunk and turns that property into a
// plain value. Only that line changes, so the source maps (which map the other lines) stay exact.
//
// `require('genesys-routing-sdk')` then loads the entry file and the chunks its top-level code needs; the
// analytics code, say, loads the first time `client.analytics` is used. ESM output is untouched: Node loads
// every static import of an ES module up front, and bundlers see the same code either way.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const IMPORT_LINE = /^var (\w+) = require\('(\.{1,2}\/[^']*chunk-[\w-]+\.cjs)'\);$/gm;
const EXPORT_NAMES = /^exports\.(\w+) = |^Object\.defineProperty\(exports, "(\w+)"/gm;

// One copy per file that imports a chunk (a shared helper file would itself be one more file to load).
const HELPER =
  'function __lazyChunk(load,names){let m;const o={};for(const n of names)Object.defineProperty(o,n,{configurable:true,enumerable:true,get(){m??=load();' +
  // While the chunk is still loading (an import cycle) its exports are not assigned yet: keep the getter.
  'if(n in m)Object.defineProperty(o,n,{value:m[n],enumerable:true});return m[n]}});return o}';

function cjsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return cjsFiles(path);
    return entry.name.endsWith('.cjs') ? [path] : [];
  });
}

const exportNames = new Map();
function namesOf(file) {
  if (!exportNames.has(file)) {
    const names = [...readFileSync(file, 'utf8').matchAll(EXPORT_NAMES)].map((m) => m[1] ?? m[2]);
    exportNames.set(file, [...new Set(names)]);
  }
  return exportNames.get(file);
}

/** Fails on an import cycle between chunks: loaded lazily, one side could read the other's exports unassigned. */
function assertAcyclic(edges) {
  const state = new Map();
  const visit = (file, path) => {
    state.set(file, 'open');
    for (const next of edges.get(file) ?? []) {
      if (state.get(next) === 'open') throw new Error(`lazy-cjs: import cycle ${[...path, file, next].join(' -> ')}`);
      if (!state.has(next)) visit(next, [...path, file]);
    }
    state.set(file, 'done');
  };
  for (const file of edges.keys()) if (!state.has(file)) visit(file, []);
}

const edges = new Map();
// `import('./x.cjs')` and `import('fs')` in a CommonJS file start Node's ESM loader (about 5 ms of a cold start
// on Node 20) to load what `require` loads. Each becomes `_imp$N('./x.cjs')`, same length (columns and source
// maps stay), where `_imp$N` is defined on the first line with a literal `require('./x.cjs')` bundlers can see.
// Package imports (highs, ws, redis) keep import(): some are ES modules.
const DYNAMIC_IMPORT = /(?<![\w$.])import\('([^']+)'\)/g;
const HELPER_NAMES = '0123456789abcdefghijklmnopqrstuvwxyz';

function requireDynamicImports(code, file) {
  const helpers = new Map();
  const out = code.replace(DYNAMIC_IMPORT, (call, specifier) => {
    if (!(specifier.startsWith('.') && specifier.endsWith('.cjs')) && !isBuiltin(specifier)) return call;
    if (!helpers.has(specifier)) {
      if (helpers.size === HELPER_NAMES.length) throw new Error(`lazy-cjs: more than ${HELPER_NAMES.length} dynamic imports in ${file}`);
      helpers.set(specifier, `_imp$${HELPER_NAMES[helpers.size]}`);
    }
    return `${helpers.get(specifier)}('${specifier}')`;
  });
  const definitions = [...helpers].map(([specifier, name]) => `const ${name}=()=>Promise.resolve().then(()=>require('${specifier}'));`).join('');
  return { out, definitions, count: helpers.size };
}

let rewritten = 0;
let dynamicRewritten = 0;
for (const file of cjsFiles(dist)) {
  const original = readFileSync(file, 'utf8');
  const dynamic = requireDynamicImports(original, file);
  dynamicRewritten += dynamic.count;
  const code = dynamic.out;
  let helperNeeded = false;
  const out = code.replace(IMPORT_LINE, (_line, binding, specifier) => {
    const target = resolve(dirname(file), specifier);
    edges.set(file, [...(edges.get(file) ?? []), target]);
    const exported = namesOf(target);
    // Only the names this file reads: a chunk may export many more. Any other use of the binding (passing the
    // module object around) would see only those names, so it fails the build.
    const otherUses = [...code.matchAll(new RegExp(`\\b${binding}\\b(?!\\.\\w)`, 'g'))].length - 1;
    if (otherUses > 0) throw new Error(`lazy-cjs: ${file} uses ${binding} other than as ${binding}.name`);
    const names = [...new Set([...code.matchAll(new RegExp(`\\b${binding}\\.(\\w+)`, 'g'))].map((m) => m[1]))];
    const unknown = names.filter((name) => !exported.includes(name));
    if (unknown.length > 0) throw new Error(`lazy-cjs: ${file} reads ${unknown.join(', ')} from ${specifier}, which does not export it`);
    helperNeeded = true;
    rewritten++;
    return `var ${binding} = __lazyChunk(() => require('${specifier}'), ${JSON.stringify(names)});`;
  });
  if (!helperNeeded && dynamic.count === 0) continue;
  // The helpers go on the `'use strict';` line so every later line keeps its number (source maps).
  if (!out.startsWith("'use strict';\n")) throw new Error(`lazy-cjs: ${file} does not start with 'use strict';`);
  writeFileSync(file, out.replace("'use strict';\n", `'use strict';${helperNeeded ? HELPER : ''}${dynamic.definitions}\n`));
}
assertAcyclic(edges);
console.log(`lazy-cjs: ${rewritten} chunk imports made lazy, ${dynamicRewritten} dynamic imports turned into require`);
