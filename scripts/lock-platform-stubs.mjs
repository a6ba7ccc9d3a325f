// The npm registry reachable here serves only this platform's builds, so `npm install` cannot record the
// other platforms' optional native packages (e.g. @rollup/rollup-darwin-arm64) in package-lock.json, and
// `npm ci` then refuses the lockfile. This adds those entries with their os/cpu/libc, so npm skips them on
// platforms they are not for. Run it after changing dependencies: `npm install && node scripts/lock-platform-stubs.mjs`.
import { readFileSync, writeFileSync } from 'node:fs';

const lockPath = new URL('../package-lock.json', import.meta.url);
const lock = JSON.parse(readFileSync(lockPath, 'utf8'));
const packages = lock.packages;

const OS = ['android', 'darwin', 'freebsd', 'linux', 'openbsd', 'openharmony', 'win32', 'sunos', 'aix', 'netbsd'];
const CPU = {
  arm: 'arm',
  'arm-eabi': 'arm',
  arm64: 'arm64',
  ia32: 'ia32',
  x64: 'x64',
  loong64: 'loong64',
  ppc64: 'ppc64',
  riscv64: 'riscv64',
  s390x: 's390x',
};

function platformOf(name) {
  const base = name.split('/').pop();
  const os = OS.find((o) => base.includes(`-${o}-`) || base.startsWith(`${o}-`));
  const tail = os ? base.slice(base.indexOf(os) + os.length + 1) : '';
  const cpuKey = Object.keys(CPU)
    .sort((a, b) => b.length - a.length)
    .find((c) => tail === c || tail.startsWith(`${c}-`));
  if (!os || !cpuKey) return undefined;
  const libc = /musl/.test(tail) ? ['musl'] : os === 'linux' && /gnu/.test(tail) ? ['glibc'] : undefined;
  return { os: [os], cpu: [CPU[cpuKey]], ...(libc ? { libc } : {}) };
}

let added = 0;
for (const [path, meta] of Object.entries(packages)) {
  for (const [dep, version] of Object.entries(meta.optionalDependencies ?? {})) {
    const parentDir = path === '' ? '' : `${path}/`;
    const candidates = [`${parentDir}node_modules/${dep}`, `node_modules/${dep}`];
    if (candidates.some((c) => packages[c])) continue;
    const platform = platformOf(dep);
    if (!platform) continue;
    packages[`node_modules/${dep}`] = { version, ...(meta.dev ? { dev: true } : {}), optional: true, ...platform };
    added++;
  }
}
const sorted = Object.fromEntries(
  Object.entries(packages).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(lockPath, `${JSON.stringify(lock, null, 2)}\n`);
console.log(`lock-platform-stubs: added ${added} platform-specific optional entries`);
