import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'tsup';
import { lazyEntries } from './scripts/cjs-lazy-entries.mjs';

/**
 * Build-time text loader for the report's vendored assets (uPlot's script and stylesheet): each
 * `export const NAME: string = vendorText('pkg/file');` in src/report/vendor.ts becomes the file's text as a
 * string literal, so the package carries it and reads nothing at run time (from source, vendor.ts reads the
 * files itself: tsx has no text loader).
 */
const inlineVendorText = {
  name: 'inline-vendor-text',
  setup(build: { onLoad(options: { filter: RegExp }, callback: (args: { path: string }) => { contents: string; loader: 'js' }): void }) {
    const resolve = createRequire(import.meta.url).resolve;
    build.onLoad({ filter: /[\\/]src[\\/]report[\\/]vendor\.ts$/ }, (args) => {
      const exports = [...readFileSync(args.path, 'utf8').matchAll(/export const (\w+): string = vendorText\('([^']+)'\);/g)];
      if (exports.length === 0) throw new Error(`inline-vendor-text: no vendorText('...') export in ${args.path}`);
      const contents = exports.map(([, name, file]) => `export const ${name} = ${JSON.stringify(readFileSync(resolve(file as string), 'utf8'))};`).join('\n');
      return { contents, loader: 'js' };
    });
  },
};



const shared = {
  splitting: true,
  // Stack traces point at src/ (the maps ship in dist/ next to the code).
  sourcemap: true,
  target: 'node20',
  platform: 'node' as const,
  // Rollup's pass sees each chunk alone, with the other chunks as externals; by default it keeps a bare
  // `import './chunk-X.js'` for every external whose bindings it dropped, and consumers' esbuild then warns
  // (ignored-bare-import) about each, since the package has no side effects.
  treeshake: { moduleSideEffects: 'no-external' as const },
  // import.meta.url in the CJS build.
  shims: true,
  esbuildPlugins: [inlineVendorText],
  // Whitespace and syntax only: names stay, so stack traces stay readable. (Not keepNames: its __name()
  // calls are side effects that stop consumers' bundlers from tree-shaking; test/package checks that every
  // error class keeps its name without it.)
  esbuildOptions(options: { minifyWhitespace?: boolean; minifySyntax?: boolean }) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
};

const publicEntries = {
  index: 'src/index.ts',
  'optimizer/index': 'src/optimizer/index.ts',
  'testing/index': 'src/testing/index.ts',
  'webhooks/index': 'src/webhooks/index.ts',
  'redis/index': 'src/redis/index.ts',
};
const src = fileURLToPath(new URL('src/', import.meta.url));
// The client builds these resource groups on first use: each in chunks of its own, so it loads then (CommonJS).
const resourceGroups = Object.fromEntries(['routing', 'analytics', 'audit', 'notifications'].map((group) => [`lazy/resources/${group}/index`, join(src, 'resources', group, 'index.ts')]));

export default defineConfig([
  // ESM: the public entry points; shared code goes into chunks so `instanceof` holds across them.
  { ...shared, format: ['esm'], entry: publicEntries, dts: true },
  // CommonJS: the same entries plus one per re-exported module (see scripts/cjs-lazy-entries.mjs), whose
  // chunks scripts/lazy-cjs.mjs then loads on first use. Declarations for the public entries only.
  {
    ...shared,
    format: ['cjs'],
    entry: { ...publicEntries, ...lazyEntries(src, Object.values(publicEntries).map((file) => join(src, '..', file))), ...resourceGroups },
    dts: { entry: publicEntries },
  },
  // The command line (package bin): ESM only, no type declarations.
  { ...shared, entry: { cli: 'src/cli/index.ts' }, format: ['esm'], dts: false },
]);
