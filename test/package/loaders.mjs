// Part of npm run test:package (after `npm run build`): the built package under every loader docs/getting-started.md lists
// as supported: plain Node requiring the CommonJS build (.cjs) and importing the ES build (.mjs), tsx running a
// CommonJS (.cts) and an ES module (.mts) TypeScript file, and ts-node running a .cts file. Each fixture lists the
// emulator's queues and recognises a NotFoundError. Before p-retry and p-limit were loaded with import(), tsx on a
// .cts file failed with ERR_VM_MODULE_LINK_FAILURE ('is-network-error') on Node 20.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);

// A consumer's project outside the repository (the repository's tsconfig maps the package name to its sources):
// its own package.json, and the package installed as a link to this folder.
const project = mkdtempSync(join(tmpdir(), 'grsdk-loaders-'));
after(() => rmSync(project, { recursive: true, force: true }));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'consumer', private: true }));
mkdirSync(join(project, 'node_modules'));
symlinkSync(root, join(project, 'node_modules', 'genesys-routing-sdk'), 'dir');
for (const file of ['use-package.cjs', 'use-package.mjs', 'use-package.cts', 'use-package.mts'])
  copyFileSync(join(root, 'test', 'package', 'loaders', file), join(project, file));

const runs = [
  ['node, require() of the CommonJS build', process.execPath, 'use-package.cjs'],
  ['node, import of the ES build', process.execPath, 'use-package.mjs'],
  ['tsx, a CommonJS TypeScript file (.cts)', bin('tsx'), 'use-package.cts'],
  ['tsx, an ES module TypeScript file (.mts)', bin('tsx'), 'use-package.mts'],
  ['ts-node, a CommonJS TypeScript file (.cts)', bin('ts-node'), 'use-package.cts'],
];

for (const [name, command, file] of runs) {
  test(name, () => {
    const out = execFileSync(command, [join(project, file)], { cwd: project, encoding: 'utf8', timeout: 120_000 });
    assert.deepEqual(JSON.parse(out.trim().split('\n').at(-1)), { queues: 3, notFound: true });
  });
}
