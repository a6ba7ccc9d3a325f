// The load-cost half of `npm run bench:package`: each entry's load over a bare `node` start, in wall time and max
// RSS (medians, all rows interleaved so machine drift hits them alike) and in CPU instructions (callgrind), and
// the SDK's own share: the entry minus the floor of the npm dependencies it loads. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import {
  cjsDependencies,
  emptyPackageFloor,
  esmDependencies,
  floorRun,
  instructions,
  nodeArgs,
  valgrindAvailable,
} from '../scripts/load-instructions.mjs';

const RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 41);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Wall time, CPU time and max RSS of one run (CPU and RSS written by a preloaded exit hook, alike for every row). */
function wallRun(run, cwd, rssHook) {
  const t = performance.now();
  const out = execFileSync(process.execPath, ['-r', rssHook, ...nodeArgs(run)], { cwd });
  const [cpuUs, rssKiB] = out.toString().split('USAGE=').pop().split(',').map(Number);
  return { ms: performance.now() - t, cpuMs: cpuUs / 1000, mib: rssKiB / 1024 };
}

/** The rows: what is measured, against which floor, and the target on the SDK's share (ms). */
async function rowsFor(packageDir, work, handler) {
  const handlerFile = join(work, 'handler.mjs');
  await build({
    stdin: { contents: handler.code, resolveDir: work, loader: 'js' },
    bundle: true,
    minify: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: handlerFile,
    alias: handler.alias,
    logLevel: 'silent',
  });
  const rootCjs = cjsDependencies('genesys-routing-sdk', packageDir, packageDir);
  const rootEsm = esmDependencies(join(packageDir, 'dist', 'index.js'));
  const optimizerCjs = cjsDependencies('genesys-routing-sdk/optimizer', packageDir, packageDir);
  return [
    { name: 'bare node', run: { code: '0' }, counted: true },
    { name: `floor, require: ${rootCjs.join(', ')}`, id: 'floorCjs', run: floorRun(rootCjs, false), counted: true },
    {
      name: "require('genesys-routing-sdk')",
      run: { code: "require('genesys-routing-sdk')" },
      floor: 'floorCjs',
      target: 15,
      counted: true,
    },
    { name: `floor, import: ${rootEsm.join(', ')}`, id: 'floorEsm', run: floorRun(rootEsm, true), counted: true },
    {
      name: "import 'genesys-routing-sdk'",
      run: { code: "import 'genesys-routing-sdk'", esm: true },
      floor: 'floorEsm',
      target: 25,
      counted: true,
    },
    {
      name: `floor of /optimizer: ${optimizerCjs.join(', ') || 'an empty package'}`,
      id: 'floorOpt',
      run: optimizerCjs.length > 0 ? floorRun(optimizerCjs, false) : emptyPackageFloor(work),
      counted: true,
    },
    {
      name: "require('genesys-routing-sdk/optimizer')",
      run: { code: "require('genesys-routing-sdk/optimizer')" },
      floor: 'floorOpt',
      target: 8,
      counted: true,
    },
    { name: 'queue-listing handler bundled (--alias), loaded', run: { file: handlerFile }, counted: true },
    { name: "require('genesys-routing-sdk/webhooks')", run: { code: "require('genesys-routing-sdk/webhooks')" } },
    {
      name: 'first use: new GenesysClient(...).routing.queues.list()',
      run: {
        code: "new (require('genesys-routing-sdk').GenesysClient)({ clientId: 'id', clientSecret: 'secret', region: 'us_east_1' }).routing.queues.list()",
      },
    },
  ];
}

/** Medians of RUNS wall runs per row, rows interleaved run by run. */
function measureWall(rows, cwd, work) {
  const rssHook = join(work, 'rss-hook.cjs');
  writeFileSync(
    rssHook,
    "process.on('exit', () => { const u = process.resourceUsage(); process.stdout.write('USAGE=' + (u.userCPUTime + u.systemCPUTime) + ',' + u.maxRSS); });",
  );
  const samples = rows.map(() => []);
  for (let i = 0; i < RUNS; i++)
    rows.forEach((row, r) => samples[r].push(wallRun(row.run, row.run.cwd ?? cwd, rssHook)));
  rows.forEach((row, r) => {
    row.ms = median(samples[r].map((s) => s.ms));
    row.cpuMs = median(samples[r].map((s) => s.cpuMs));
    row.mib = median(samples[r].map((s) => s.mib));
  });
}

/**
 * Milliseconds per million instructions on this machine: least-squares slope of the medians of `key` (wall or CPU
 * time) on the counts. CPU time is what a process spends running, so a busy machine inflates it far less than wall.
 */
function msPerMillion(rows, key) {
  const pts = rows.filter((r) => r.minstr !== undefined);
  const mx = pts.reduce((s, r) => s + r.minstr, 0) / pts.length;
  const my = pts.reduce((s, r) => s + r[key], 0) / pts.length;
  const cov = pts.reduce((s, r) => s + (r.minstr - mx) * (r[key] - my), 0);
  const varx = pts.reduce((s, r) => s + (r.minstr - mx) ** 2, 0);
  return cov / varx;
}

export async function printLoadCosts(packageDir, work, handler) {
  const rows = await rowsFor(packageDir, work, handler);
  measureWall(rows, packageDir, work);
  const counting = valgrindAvailable() && !process.env.BENCH_NO_INSTRUCTIONS;
  if (counting)
    for (const row of rows.filter((r) => r.counted)) row.minstr = instructions(row.run, row.run.cwd ?? packageDir);
  const bare = rows[0];
  const byId = Object.fromEntries(rows.filter((r) => r.id).map((r) => [r.id, r]));
  console.log(
    `load cost (wall: median of ${RUNS} runs, rows interleaved; instructions: valgrind callgrind, fixed seeds):`,
  );
  for (const row of rows) {
    const instr =
      row.minstr === undefined
        ? ''
        : `  ${row.minstr.toFixed(1).padStart(7)} M instr (+${(row.minstr - bare.minstr).toFixed(1)} M)`;
    console.log(
      `  ${row.name}`.padEnd(66) +
        ` ${row.ms.toFixed(1).padStart(6)} ms (+${(row.ms - bare.ms).toFixed(1)})  CPU ${row.cpuMs.toFixed(1)} ms (+${(row.cpuMs - bare.cpuMs).toFixed(1)})  ${row.mib.toFixed(1)} MiB (+${(row.mib - bare.mib).toFixed(1)})${instr}`,
    );
  }
  const perM = counting ? msPerMillion(rows, 'cpuMs') : undefined;
  if (perM !== undefined)
    console.log(
      `  conversion on this machine: ${perM.toFixed(4)} ms per M instructions (slope of CPU-time medians on counts; ` +
        `of wall medians: ${msPerMillion(rows, 'ms').toFixed(4)})`,
    );
  console.log("the SDK's own share over its dependencies' floor:");
  for (const row of rows.filter((r) => r.floor)) {
    const floor = byId[row.floor];
    const wall = row.ms - floor.ms;
    const cpu = row.cpuMs - floor.cpuMs;
    const minstr = counting ? row.minstr - floor.minstr : undefined;
    const ms = minstr === undefined ? cpu : minstr * perM;
    const verdict = ms <= row.target ? 'ok' : 'OVER';
    const counted = minstr === undefined ? '' : `${minstr.toFixed(1)} M instr = ${ms.toFixed(1)} ms; `;
    console.log(
      `  ${row.name}`.padEnd(44) +
        ` ${counted}wall ${wall.toFixed(1)} ms, CPU ${cpu.toFixed(1)} ms  (target <= ${row.target} ms: ${verdict})`,
    );
  }
}
