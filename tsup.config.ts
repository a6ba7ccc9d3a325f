import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { defineConfig } from 'tsup';

/**
 * Build-time text loader for the report's vendored assets (uPlot's script and stylesheet): each
 * `export const NAME: string = vendorText('pkg/file');` in src/report/vendor.ts becomes the file's text as a
 * string literal, so the package carries it and reads nothing at run time (from source, vendor.ts reads the
 * files itself: tsx has no text loader).
 */
const inlineVendorText = {
  name: 'inline-vendor-text',
  setup(build: {
    onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => { contents: string; loader: 'js' }): void;
  }) {
    const resolve = createRequire(import.meta.url).resolve;
    build.onLoad({ filter: /[\\/]src[\\/]report[\\/]vendor\.ts$/ }, (args) => {
      const exports = [
        ...readFileSync(args.path, 'utf8').matchAll(/export const (\w+): string = vendorText\('([^']+)'\);/g),
      ];
      if (exports.length === 0) throw new Error(`inline-vendor-text: no vendorText('...') export in ${args.path}`);
      const contents = exports
        .map(
          ([, name, file]) =>
            `export const ${name} = ${JSON.stringify(readFileSync(resolve(file as string), 'utf8'))};`,
        )
        .join('\n');
      return { contents, loader: 'js' };
    });
  },
};

const shared = {
  splitting: true,
  // Unminified, with source maps next to the code: stack traces read like the sources (consumers' bundlers minify).
  sourcemap: true,
  target: 'node20',
  platform: 'node' as const,
  // Still needed (measured without it): Rollup's pass (a) writes the CommonJS chunks itself (without it tsup
  // converts them with sucrase, whose `var X = (_class2 = class ...)` loses every error class's name), and
  // (b) drops the bare `import './chunk-X.js'` kept for chunks whose bindings it removed, which consumers'
  // esbuild warns about (ignored-bare-import), since the package has no side effects.
  treeshake: { moduleSideEffects: 'no-external' as const },
  // import.meta.url in the CommonJS build.
  shims: true,
  esbuildPlugins: [inlineVendorText],
};

const publicEntries = {
  index: 'src/index.ts',
  'workflows/index': 'src/workflows/index.ts',
  'report/index': 'src/report/index.ts',
  'optimizer/index': 'src/optimizer/index.ts',
  'planning/index': 'src/optimizer/planning/index.ts',
  'testing/index': 'src/testing/index.ts',
  'webhooks/index': 'src/webhooks/index.ts',
  'redis/index': 'src/redis/index.ts',
  'mcp/index': 'src/mcp/index.ts',
};

export default defineConfig([
  // The public entry points as ES modules and CommonJS, with declarations. Shared code goes into chunks so
  // `instanceof` holds across entries (an error thrown by /optimizer is the root's ValidationError).
  {
    ...shared,
    format: ['esm', 'cjs'],
    // Plus what `#highs` (package.json "imports") resolves to outside Node: see src/optimizer/routing/screen/highs.ts.
    // Plus the worker threads' entry (a file of its own: workers run it by its URL), and what `#worker-threads`
    // and `#os` resolve to outside Node.
    entry: {
      ...publicEntries,
      'optimizer/highs-unavailable': 'src/optimizer/routing/screen/highs-unavailable.ts',
      'optimizer/worker-pool': 'src/optimizer/routing/worker-pool.ts',
      'optimizer/node-unavailable': 'src/optimizer/routing/node-unavailable.ts',
      'optimizer/node-worker-threads': 'src/optimizer-node/worker-threads.ts',
      'optimizer/node-os': 'src/optimizer-node/os.ts',
    },
    // Resolved by the consumer (Node, or their bundler for its platform) through the package's import map.
    external: ['#highs', '#worker-threads', '#os'],
    dts: { entry: publicEntries },
  },
  // The command line (package bin): ESM only, no type declarations.
  {
    ...shared,
    entry: { cli: 'src/cli/index.ts', 'optimizer/worker-pool': 'src/optimizer/routing/worker-pool.ts' },
    format: ['esm'],
    dts: false,
    external: ['#highs', '#worker-threads', '#os'],
  },
]);
