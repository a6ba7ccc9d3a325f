// The optimizer entry bundles for every esbuild platform from the sources (scripts/bundle-check.mjs does the
// same with the built package), and in a browser-like context with no Node globals its formulas compute while
// optimizeRouting rejects with a typed error instead of pulling Node-only solver code into the bundle.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { build, type Plugin } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { erlangC } from '../../src/optimizer/index.js';

const ROOT = join(import.meta.dirname, '../..');
const highsMap = (
  JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { imports: Record<string, Record<string, string>> }
).imports['#highs']!;

// The package's import map (`#highs`, `#worker-threads`, `#os`), pointed at the sources (dist/ may not be built):
// the Node modules under Node, the stubs elsewhere.
const NODE_TARGETS: Record<string, string> = { '#highs': 'highs', '#worker-threads': 'worker_threads', '#os': 'os' };
const STUBS: Record<string, string> = {
  '#highs': 'src/optimizer/routing/screen/highs-unavailable.ts',
  '#worker-threads': 'src/optimizer/routing/node-unavailable.ts',
  '#os': 'src/optimizer/routing/node-unavailable.ts',
};
const sourceImportMap = (platform: string): Plugin => ({
  name: 'source-import-map',
  setup(b) {
    b.onResolve({ filter: /^#(highs|worker-threads|os)$/ }, (args) =>
      platform === 'node'
        ? { path: NODE_TARGETS[args.path]!, external: true }
        : { path: join(ROOT, STUBS[args.path]!) },
    );
  },
});

async function bundle(
  platform: 'browser' | 'neutral' | 'node',
  contents: string,
  format: 'esm' | 'iife' = 'iife',
): Promise<{ code: string; warnings: string[] }> {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform,
    format,
    write: false,
    logLevel: 'silent',
    plugins: [sourceImportMap(platform)],
  });
  return { code: result.outputFiles[0]!.text, warnings: result.warnings.map((w) => w.text) };
}

describe('the optimizer entry on every platform', () => {
  it('package.json maps #highs to highs under Node and to the stub elsewhere (what bundlers resolve)', () => {
    expect(highsMap).toEqual({ node: 'highs', default: './dist/optimizer/highs-unavailable.js' });
  });

  it.each(['browser', 'neutral', 'node'] as const)(
    'bundles erlangC for platform %s without a warning',
    async (platform) => {
      // As bundlers build for these platforms today (ES modules; scripts/bundle-check.mjs does the same): an iife
      // build also warns that the worker pool's `import.meta.url` is empty there, where the pool is never started.
      const { code, warnings } = await bundle(
        platform,
        "import { erlangC } from './src/optimizer/index.ts'; globalThis.out = erlangC({ agents: 12, traffic: 10 });",
        'esm',
      );
      expect(warnings).toEqual([]);
      expect(code).not.toMatch(/node:module|createRequire/);
    },
  );

  it('the browser bundle computes with no Node globals; optimizeRouting there rejects with SolverUnavailableError', async () => {
    const { code } = await bundle(
      'browser',
      `import { erlangC, optimizeRouting, isSolverUnavailableError } from './src/optimizer/index.ts';
       globalThis.out = erlangC({ agents: 12, traffic: 10 });
       globalThis.solve = optimizeRouting(
         { queues: [{ id: 'q', callsPerHour: 10, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }], agents: [{ id: 'a', skills: { q: 3 } }] },
         { seed: 1 },
       ).then(() => 'solved', (e) => (isSolverUnavailableError(e) ? 'typed: ' + e.message : 'other: ' + e));`,
    );
    // What a browser or edge runtime has (no process, require, Buffer).
    const context = vm.createContext({ console, queueMicrotask, setTimeout, clearTimeout, performance });
    vm.runInContext(code, context);
    expect(vm.runInContext('typeof process + typeof require', context)).toBe('undefinedundefined');
    expect(context.out).toBe(erlangC({ agents: 12, traffic: 10 }));
    const outcome = String(await context.solve);
    expect(outcome).toMatch(/^typed: optimizeRouting: the HiGHS solver is not part of this build/);
  });
});
