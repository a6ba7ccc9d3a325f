// The optimizeRouting a bench measures: this checkout's sources by default, or with `--package=DIR` the package
// installed in the project at DIR (e.g. the tarball of `npm pack`, installed there with `npm install`), loaded
// through that package's own exports map as a user's `import` would. The judge stays this checkout's simulator.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import * as sources from '../src/optimizer/index.js';

type Optimizer = Pick<typeof sources, 'optimizeRouting'>;

const dir = process.argv.find((a) => a.startsWith('--package='))?.slice('--package='.length);

/** Where the optimizer under test comes from, for the bench's first line. */
export const origin = dir === undefined ? 'the sources' : `the package installed in ${dir}`;

export const { optimizeRouting } = dir === undefined ? sources : await fromPackage(dir);

async function fromPackage(project: string): Promise<Optimizer> {
  const root = join(project, 'node_modules', 'genesys-routing-sdk');
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    version: string;
    exports: Record<string, { import: { default: string } }>;
  };
  const entry = manifest.exports['./optimizer']?.import.default;
  if (!entry) throw new Error(`--package: ${root} exports no ./optimizer entry`);
  return (await import(pathToFileURL(join(root, entry)).href)) as Optimizer;
}
