// The newcomer's pass, automated: every shell command of README.md and docs/getting-started.md, run as written,
// in a fresh clone of this repository (the "clone" sections) and in a fresh project that installed the packed
// package (the rest). Slow (npm ci, the demo, a build, an install, an optimization): a scenario test.
//
// Run as written, with three stated exceptions (never silently): `npm test` is this suite itself; `npm install
// genesys-routing-sdk` installs the package packed from the clone, or in .ci/run from the same commit's build
// (it is not fetched from a registry here); and `export GENESYS_...=...` placeholder credentials are replaced by
// the exports the documented emulator prints.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, shellCommands, type ShellCommand } from '../docs/markdown.js';

const PAGES = ['README.md', 'docs/getting-started.md'];
const COMMAND_TIMEOUT_MS = 10 * 60_000;

const work = mkdtempSync(join(tmpdir(), 'docs-commands-'));
const clone = join(work, 'clone');
const project = join(work, 'project');
const started: ChildProcess[] = [];

afterAll(() => {
  for (const child of started) stop(child);
  rmSync(work, { recursive: true, force: true });
}, 300_000); // two node_modules trees

/** Where a command runs: the clone for the sections about a clone, else the project that installed the package. */
const placeOf = (c: ShellCommand) =>
  (c.file === 'README.md' && !/^(Install)$/i.test(c.section)) || /clone/i.test(c.section) ? 'clone' : 'project';

type Handling =
  | { kind: 'run' }
  | { kind: 'notRun'; why: string }
  | { kind: 'install' }
  | { kind: 'credentials' }
  | { kind: 'emulator' };

function handlingOf(c: ShellCommand): Handling {
  if (/^npm test\b/.test(c.command)) return { kind: 'notRun', why: 'it is this test suite' };
  if (/^npm install genesys-routing-sdk\b/.test(c.command)) return { kind: 'install' };
  if (/^export GENESYS_\w+=\.\.\./.test(c.command)) return { kind: 'credentials' };
  if (/\bgenesys-routing emulator\b/.test(c.command) || /\bnpm run cli -- emulator\b/.test(c.command))
    return { kind: 'emulator' };
  return { kind: 'run' };
}

const commands = PAGES.flatMap(shellCommands);

describe('the documented commands run as written', () => {
  it('finds the commands of both pages', () => {
    expect(commands.filter((c) => c.file === 'README.md').length).toBeGreaterThanOrEqual(4);
    expect(
      commands.filter((c) => c.file === 'docs/getting-started.md' && /genesys-routing (optimize|apply)/.test(c.command))
        .length,
    ).toBeGreaterThanOrEqual(3);
  });

  it(
    'in a fresh clone and in a project that installed the package',
    async () => {
      const cloned = performance.now();
      execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, clone]);
      execFileSync('git', [
        '-C',
        clone,
        'checkout',
        '--quiet',
        execFileSync('git', ['-C', ROOT, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim(),
      ]);
      mkdirSync(project);
      writeFileSync(
        join(project, 'package.json'),
        `${JSON.stringify({ name: 'newcomer', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`,
      );
      const log: string[] = [];
      // Each step is printed as it ends, so a failure shows how far the pass got.
      const note = (line: string) => {
        log.push(line);
        console.log(line);
      };
      note(`git clone and checkout of ${ROOT} (${seconds(cloned)})`);
      let env: Record<string, string> = {};
      let packed: string | undefined;
      let installed = false;
      const done = new Set<string>();

      for (const c of commands) {
        const where = `${c.file}:${c.line} (${c.section})`;
        const h = handlingOf(c);
        const cwd = placeOf(c) === 'clone' ? clone : project;
        if (h.kind === 'notRun') {
          note(`not run: ${c.command}: ${h.why}`);
          continue;
        }
        if (h.kind === 'credentials') continue;
        if (cwd === project && !packed) {
          const t0 = performance.now();
          packed = pack();
          const how = process.env['DOCS_COMMANDS_PACKED']
            ? 'the build .ci/run packed'
            : 'npm run build and npm pack in the clone';
          note(`pack: ${how} (${seconds(t0)})`);
        }
        if (h.kind === 'install') {
          // Both pages show the install: the project installs the tarball once.
          if (installed) {
            note(`${where}: ${c.command} -> already installed above`);
            continue;
          }
          const t0 = performance.now();
          run(`npm install --no-audit --no-fund --prefer-offline ${packed}`, project, {}, where);
          installed = true;
          note(`${where}: ${c.command} -> installed ${packed} (${seconds(t0)})`);
          continue;
        }
        if (h.kind === 'emulator') {
          env = await startEmulator(c.command, cwd, where);
          note(`${where}: ${c.command} -> listening at ${env['GENESYS_API_BASE_URL']}`);
          continue;
        }
        // The same command in the same place (getting-started repeats the README's clone commands) runs once.
        if (done.has(`${cwd}\0${c.command}`) && !/genesys-routing (apply|optimize)\b/.test(c.command)) {
          note(`${where}: ${c.command} -> already run above`);
          continue;
        }
        done.add(`${cwd}\0${c.command}`);
        const t0 = performance.now();
        const out = run(c.command, cwd, env, where);
        note(`${where}: ${c.command} -> exit 0 (${seconds(t0)})`);
        if (/genesys-routing optimize\b/.test(c.command) && env['GENESYS_API_BASE_URL']) {
          // The scenario's org has something to fix: the plan changes skills and every queue reaches its target.
          expect(out, where).toMatch(/Plan \S+: [1-9]\d* skill changes/);
          expect(out, where).not.toContain('(below)');
        }
      }
      expect(log.some((l) => l.includes('genesys-routing optimize'))).toBe(true);
    },
    60 * 60_000,
  );
});

const seconds = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/**
 * Builds and packs the clone (after its documented `npm ci`); the tarball a user would install. .ci/run has built
 * this very commit in a clean clone just before, and passes that build packed as DOCS_COMMANDS_PACKED rather than
 * have it built a second time here (refused when the repository has uncommitted changes: then it is not HEAD's).
 */
function pack(): string {
  const prebuilt = process.env['DOCS_COMMANDS_PACKED'];
  if (prebuilt) {
    const changed = execFileSync('git', ['-C', ROOT, 'status', '--porcelain', '--untracked-files=no'], {
      encoding: 'utf8',
    }).trim();
    if (changed) throw new Error(`DOCS_COMMANDS_PACKED is set, but ${ROOT} has uncommitted changes:\n${changed}`);
    expect(existsSync(prebuilt), prebuilt).toBe(true);
    return prebuilt;
  }
  run('npm run build', clone, {}, 'pack: build');
  const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: clone, encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!;
  expect(readdirSync(work)).toContain(name);
  return join(work, name);
}

function run(command: string, cwd: string, env: Record<string, string>, where: string): string {
  try {
    return execFileSync('bash', ['-c', command], {
      cwd,
      env: { ...cleanEnv(), ...env },
      encoding: 'utf8',
      timeout: COMMAND_TIMEOUT_MS,
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024,
    });
  } catch (error) {
    const e = error as { status?: number; stdout?: string; stderr?: string };
    throw new Error(
      `${where}: \`${command}\` exited ${e.status}\n${(e.stdout ?? '').slice(-3000)}\n${(e.stderr ?? '').slice(-3000)}`,
      { cause: error },
    );
  }
}

/** The environment of a newcomer's shell: no GENESYS_* credentials of whoever runs the tests. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env))
    if (key.startsWith('GENESYS_') || key.startsWith('VITEST') || key === 'NODE_OPTIONS') delete env[key];
  // npm reads packages from its cache when it has them (the registry is still there for the rest).
  return { ...env, npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
}

/** Starts the documented emulator command in its own process group and reads the exports it prints. */
async function startEmulator(command: string, cwd: string, where: string): Promise<Record<string, string>> {
  const child = spawn('bash', ['-c', command], {
    cwd,
    env: cleanEnv(),
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push(child);
  let out = '';
  child.stdout!.on('data', (d: Buffer) => void (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => void (out += d.toString()));
  const deadline = Date.now() + 120_000;
  while (!/Press Ctrl-C to stop/.test(out)) {
    if (child.exitCode !== null || Date.now() > deadline)
      throw new Error(`${where}: \`${command}\` did not start (exit ${child.exitCode}):\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const env = Object.fromEntries([...out.matchAll(/export (GENESYS_\w+)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));
  expect(Object.keys(env).sort(), where).toEqual([
    'GENESYS_API_BASE_URL',
    'GENESYS_CLIENT_ID',
    'GENESYS_CLIENT_SECRET',
    'GENESYS_LOGIN_BASE_URL',
  ]);
  return env;
}

/** Stops a process group this test started (the shell, npx and the node process under it). */
function stop(child: ChildProcess): void {
  if (child.pid === undefined || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}
