// The extra build entries of the CommonJS build: every module a public entry re-exports values from (looking
// through barrel files). An entry of its own puts each such module, and what only it reaches, into chunks apart
// from the rest, and scripts/lazy-cjs.mjs makes each chunk load on first use. The effect: `require()` of an
// entry loads the entry's few lines; using `erlangC` loads the Erlang code, not the simulator or the planners.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

const VALUE_REEXPORT = /^export\s+(?!type\s)(?:\{[^}]*\}|\*(?:\s+as\s+\w+)?)\s+from\s+'(\.{1,2}\/[^']+)\.js';/gm;

function stripComments(code) {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** A barrel only re-exports: every statement is `export … from '…';`. */
function isBarrel(code) {
  const statements = stripComments(code).split(/;\s*\n/).map((s) => s.trim()).filter(Boolean);
  return statements.every((s) => /^export\s[\s\S]*\sfrom\s+'[^']+'$/.test(s.replace(/;$/, '')));
}

function sourceOf(fromFile, specifier) {
  const path = join(dirname(fromFile), `${specifier}.ts`);
  if (existsSync(path)) return path;
  throw new Error(`cjs-lazy-entries: ${specifier} (from ${fromFile}) has no .ts source`);
}

/**
 * @param {string} srcDir absolute path of src/
 * @param {string[]} publicEntries absolute paths of the public entry files
 * @returns {Record<string, string>} entry name (under `lazy/`) -> source path
 */
export function lazyEntries(srcDir, publicEntries) {
  const entries = {};
  const seen = new Set();
  const visit = (file) => {
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(VALUE_REEXPORT)) {
      const target = sourceOf(file, specifier);
      if (seen.has(target)) continue;
      seen.add(target);
      if (isBarrel(readFileSync(target, 'utf8'))) visit(target);
      else entries[`lazy/${relative(srcDir, target).replace(/\.ts$/, '')}`] = target;
    }
  };
  for (const entry of publicEntries) visit(entry);
  return entries;
}
