// Resolve hooks for use-cjs-build.mjs: the package's public entries, by source path or by name, resolve to the
// CommonJS build. Registered after tsx, so these run first.
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const ENTRIES = {
  '': 'index',
  '/workflows': 'workflows/index',
  '/report': 'report/index',
  '/optimizer': 'optimizer/index',
  '/testing': 'testing/index',
  '/webhooks': 'webhooks/index',
  '/redis': 'redis/index',
};
const bySource = new Map(Object.values(ENTRIES).map((entry) => [`${root}src/${entry}.js`, entry]));

export async function resolve(specifier, context, nextResolve) {
  let entry;
  const byName = /^genesys-routing-sdk(\/\w+)?$/.exec(specifier);
  if (byName) entry = ENTRIES[byName[1] ?? ''];
  else if (specifier.startsWith('.') && context.parentURL?.startsWith('file:')) {
    entry = bySource.get(fileURLToPath(new URL(specifier, context.parentURL)));
  }
  if (!entry) return nextResolve(specifier, context);
  return { url: pathToFileURL(`${root}dist/${entry}.cjs`).href, format: 'commonjs', shortCircuit: true };
}
