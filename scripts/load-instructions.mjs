// Load cost by CPU instruction count (valgrind callgrind), for bench/package.mjs and scripts/load-check.mjs.
// A count repeats within about 1 % on a busy machine where wall time drifts by a third, so the SDK's own share is
// read as instructions over the dependencies' floor: a run that loads exactly the npm dependencies the entry
// loads, and nothing else.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const BUILTINS = new Set(builtinModules);
const isDependency = (spec) => !spec.startsWith('.') && !spec.startsWith('node:') && !BUILTINS.has(spec);

// Fixed V8 seeds, no optimizing compiler, no address randomization where setarch exists: a count repeats.
const SETARCH =
  spawnSync('setarch', ['--help']).status === 0
    ? ['setarch', process.arch === 'x64' ? 'x86_64' : process.arch, '-R']
    : [];

export const valgrindAvailable = () => spawnSync('valgrind', ['--version']).status === 0;

/** Node's argv for one measured run: `-e` code (CommonJS), ESM code, or a file. */
export function nodeArgs({ code, esm = false, file }) {
  if (file) return [file];
  return esm ? ['--input-type=module', '-e', code] : ['-e', code];
}

/** Millions of CPU instructions one run executes under callgrind, or undefined if it failed. */
export function instructions(run, cwd) {
  const argv = [
    ...SETARCH,
    'valgrind',
    '--tool=callgrind',
    '--callgrind-out-file=/dev/null',
    process.execPath,
    '--hash-seed=1',
    '--random-seed=1',
    // The optimizing compiler works on a background thread whose jobs finish before exit or not depending on
    // scheduling (tens of millions of instructions either way); loading a module does not wait for it.
    '--no-opt',
    ...nodeArgs(run),
  ];
  const child = spawnSync(argv[0], argv.slice(1), { cwd, encoding: 'utf8' });
  const m = /Collected\s*:\s*(\d+)/.exec(child.stderr ?? '');
  return child.status === 0 && m ? Number(m[1]) / 1e6 : undefined;
}

/**
 * The npm dependencies an ES module entry loads before it runs: a walk of the static `import`/`export ... from`
 * statements of the built files (an `import()` is a boundary the walk does not cross, as Node does not at load).
 */
export function esmDependencies(entryFile) {
  const seen = new Set();
  const deps = new Set();
  const visit = (file) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    const statements = /^(?:import|export)\s(?:[^'"`;]*?\sfrom\s)?['"]([^'"]+)['"]/gm;
    for (const [, spec] of text.matchAll(statements)) {
      if (spec.startsWith('.')) visit(resolve(dirname(file), spec));
      else if (isDependency(spec)) deps.add(spec);
    }
  };
  visit(entryFile);
  return [...deps].sort();
}

/**
 * The npm dependencies a CommonJS entry requires while it loads: recorded by a hook on `require` in a child
 * process, keeping the requests made from the package's own dist/ files.
 */
export function cjsDependencies(specifier, packageDir, cwd) {
  const distDir = join(packageDir, 'dist');
  const code = `const M = require('node:module'); const seen = new Set(); const orig = M.prototype.require;
M.prototype.require = function (id) { if ((this.filename ?? '').startsWith(${JSON.stringify(distDir)})) seen.add(id); return orig.call(this, id); };
require(${JSON.stringify(specifier)}); process.stdout.write(JSON.stringify([...seen]));`;
  const child = spawnSync(process.execPath, ['-e', code], { cwd, encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`cannot list the dependencies of ${specifier}: ${child.stderr}`);
  return JSON.parse(child.stdout).filter(isDependency).sort();
}

/**
 * The floor of an entry that loads no npm dependency: an empty package required by name, written into
 * `dir`/node_modules. The first package a program requires makes Node load its package resolution (node_modules
 * lookup, package.json, the exports map; about 12 M instructions over requiring a file by path), which is no more
 * the SDK's than it is zod's: an entry with dependencies pays it inside their floor.
 */
export function emptyPackageFloor(dir) {
  const pkg = join(dir, 'node_modules', 'load-floor-empty');
  mkdirSync(pkg, { recursive: true });
  const exports = { '.': { import: './index.js', require: './index.cjs' } };
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'load-floor-empty', version: '1.0.0', exports }));
  writeFileSync(join(pkg, 'index.cjs'), '');
  writeFileSync(join(pkg, 'index.js'), '');
  return { code: "require('load-floor-empty')", cwd: dir };
}

/** A run that loads exactly `deps` (the floor an entry cannot go under while it uses them). */
export function floorRun(deps, esm) {
  const code = esm
    ? deps.map((d) => `import ${JSON.stringify(d)};`).join('') || '0'
    : deps.map((d) => `require(${JSON.stringify(d)});`).join('') || '0';
  return { code, esm };
}
