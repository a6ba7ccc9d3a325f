// npm run check:load (after `npm run build`): the SDK's own load cost, in CPU instructions (valgrind callgrind,
// fixed seeds), on the PACKED package installed in a temporary project: each entry minus the floor of the npm
// dependencies it loads. Instruction counts repeat within about 1 % on a busy machine, so the limits are exact.
// Fails when a share is over its limit (the targets in ms at 0.165 ms per million instructions, a 2-core machine).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  cjsDependencies,
  emptyPackageFloor,
  esmDependencies,
  floorRun,
  instructions,
  valgrindAvailable,
} from './load-instructions.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const LIMITS_M = { require: 90, import: 150, optimizer: 48 };

if (!valgrindAvailable()) throw new Error('check:load needs valgrind (apt-get install valgrind)');
const work = mkdtempSync(join(tmpdir(), 'grs-load-'));
try {
  // The packed package, as a user installs it; its dependencies are this checkout's (linked, not copied).
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: root })
    .toString()
    .trim()
    .split('\n')
    .pop();
  const modules = join(work, 'node_modules');
  const pkg = join(modules, 'genesys-routing-sdk');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(work, tarball), '-C', pkg, '--strip-components=1']);
  for (const name of readdirSync(join(root, 'node_modules'))) {
    if (name === 'genesys-routing-sdk' || name.startsWith('.')) continue;
    symlinkSync(join(root, 'node_modules', name), join(modules, name), 'dir');
  }

  const rootCjs = cjsDependencies('genesys-routing-sdk', pkg, work);
  const rootEsm = esmDependencies(join(pkg, 'dist', 'index.js'));
  const optimizerCjs = cjsDependencies('genesys-routing-sdk/optimizer', pkg, work);
  const checks = [
    [
      'require',
      "require('genesys-routing-sdk')",
      { code: "require('genesys-routing-sdk')" },
      floorRun(rootCjs, false),
      rootCjs,
    ],
    [
      'import',
      "import 'genesys-routing-sdk'",
      { code: "import 'genesys-routing-sdk'", esm: true },
      floorRun(rootEsm, true),
      rootEsm,
    ],
    [
      'optimizer',
      "require('genesys-routing-sdk/optimizer')",
      { code: "require('genesys-routing-sdk/optimizer')" },
      optimizerCjs.length > 0 ? floorRun(optimizerCjs, false) : emptyPackageFloor(work),
      optimizerCjs,
    ],
  ];
  // /optimizer is documented to load no npm dependency (the math runs without zod).
  let failed = optimizerCjs.length > 0;
  if (failed)
    console.log(`require('genesys-routing-sdk/optimizer') loads ${optimizerCjs.join(', ')}: it must load none`);
  for (const [key, name, run, floor, deps] of checks) {
    const entry = instructions(run, work);
    const base = instructions(floor, work);
    if (entry === undefined || base === undefined) throw new Error(`${name}: the run under valgrind failed`);
    const share = entry - base;
    const verdict = `target ${LIMITS_M[key]} M: ${share <= LIMITS_M[key] ? 'ok' : 'OVER'}`;
    failed ||= verdict.endsWith('OVER');
    console.log(
      `${name}: ${entry.toFixed(1)} M instructions, floor (${deps.join(', ') || 'an empty package'}) ${base.toFixed(1)} M, ` +
        `the SDK's share ${share.toFixed(1)} M (${verdict})`,
    );
  }
  if (failed) process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
