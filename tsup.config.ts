import { defineConfig } from 'tsup';

// Three public entry points; shared code goes into chunks so `instanceof` holds across them in ESM.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'optimizer/index': 'src/optimizer/index.ts',
    'testing/index': 'src/testing/index.ts',
    cli: 'src/cli/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  splitting: true,
  sourcemap: false,
  clean: true,
  target: 'node20',
  platform: 'node',
  treeshake: true,
  // import.meta.url in the CJS build (used to require zod lazily).
  shims: true,
});
