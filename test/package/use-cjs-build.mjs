// `node --import tsx --import ./test/package/use-cjs-build.mjs examples/x.ts` runs an example against the
// built CommonJS package (dist/*.cjs) instead of the sources: the examples test does this when
// EXAMPLES_AGAINST=cjs (.ci/run), so every example also exercises the CommonJS build.
import { register } from 'node:module';

register('./use-cjs-build-hooks.mjs', import.meta.url);
