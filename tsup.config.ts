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
};

export default defineConfig([
  // The three public entry points; shared code goes into chunks so `instanceof` holds across them in ESM.
  {
    ...shared,
    entry: { index: 'src/index.ts', 'optimizer/index': 'src/optimizer/index.ts', 'testing/index': 'src/testing/index.ts' },
    dts: true,
    clean: true,
  },
  // The command line (package bin): ESM only, no type declarations.
  { ...shared, entry: { cli: 'src/cli/index.ts' }, format: ['esm'], dts: false, clean: false },
]);
