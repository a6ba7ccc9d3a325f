import { defineConfig } from 'tsup';

const shared = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  splitting: true,
  sourcemap: false,
  target: 'node20',
  platform: 'node' as const,
  treeshake: true,
  // import.meta.url in the CJS build (used to require zod lazily).
  shims: true,
  // Whitespace and syntax only: names stay, so stack traces stay readable. Roughly halves what Node has to
  // compile when the root entry is required (part of the import-cost budget).
  esbuildOptions(options: { minifyWhitespace?: boolean; minifySyntax?: boolean }) {
    options.minifyWhitespace = true;
    options.minifySyntax = true;
  },
};

export default defineConfig([
  // The public entry points; shared code goes into chunks so `instanceof` holds across them in ESM.
  {
    ...shared,
    entry: { index: 'src/index.ts', 'optimizer/index': 'src/optimizer/index.ts', 'testing/index': 'src/testing/index.ts', 'redis/index': 'src/redis/index.ts' },
    dts: true,
    clean: true,
  },
  // The command line (package bin): ESM only, no type declarations.
  { ...shared, entry: { cli: 'src/cli/index.ts' }, format: ['esm'], dts: false, clean: false },
]);
