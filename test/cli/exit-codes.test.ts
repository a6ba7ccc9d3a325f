// Every exit code docs/cli.md documents, tried as a new user would, and messages that name the flag.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { captureCliOutput, io, run, useOrg } from './helpers.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-exit-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const stderr = () => io.err.join('\n');

describe('exit codes as docs/cli.md documents them', () => {
  it('0: --help (top level and every command), --version', async () => {
    expect(await run('--help')).toBe(0);
    for (const name of Object.keys(commands)) expect(await run(name, '--help')).toBe(0);
    io.out = [];
    expect(await run('--version')).toBe(0);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    expect(io.out.join('\n')).toBe(`genesys-routing ${pkg.version}`);
  }, 60_000);

  it('2: no command, unknown command, unknown option, an option without its value', async () => {
    expect(await run()).toBe(2);
    expect(await run('nope')).toBe(2);
    expect(await run('staff', '--bogus')).toBe(2);
    expect(stderr()).toContain('unknown option --bogus');
    expect(await run('staff', '--calls')).toBe(2);
    expect(stderr()).toContain('--calls needs a value');
  }, 60_000);

  it('drift: 2 on a missing file, malformed JSON or a JSON file that is not a snapshot', async () => {
    expect(await run('drift', join(dir, 'missing.json'), join(dir, 'missing2.json'))).toBe(2);
    expect(stderr()).toContain('no such file');
    const bad = file('bad.json', '{ not json');
    expect(await run('drift', bad, bad)).toBe(2);
    expect(stderr()).toContain('is not a routing snapshot');
    const other = file('other.json', JSON.stringify({ hello: 'world' }));
    expect(await run('drift', other, other)).toBe(2);
    expect(await run('drift', other)).toBe(2);
  }, 60_000);

  it('apply: 2 on malformed JSON, on a file that is not a plan, on a missing file', async () => {
    useOrg({ clientId: 'x', clientSecret: 'y', baseUrl: 'http://127.0.0.1:9' });
    expect(await run('apply', file('broken-plan.json', '{"kind": '))).toBe(2);
    expect(stderr()).toContain('is not a plan');
    expect(await run('apply', file('not-plan.json', '[]'))).toBe(2);
    expect(await run('apply', join(dir, 'nope.json'))).toBe(2);
  }, 60_000);

  it('validate: 0 valid, 1 invalid, 2 unreadable or not JSON', async () => {
    const rules = {
      skills: ['billing'],
      queues: [{ name: 'Billing', priority: 50, capacity: 10, requiredSkills: ['billing'] }],
    };
    expect(await run('validate', file('ok-rules.json', JSON.stringify(rules)))).toBe(0);
    expect(
      await run(
        'validate',
        file('bad-rules.json', JSON.stringify({ ...rules, queues: [{ ...rules.queues[0], priority: 500 }] })),
      ),
    ).toBe(1);
    expect(await run('validate', file('junk-rules.json', 'nope'))).toBe(2);
    expect(await run('validate', join(dir, 'absent.json'))).toBe(2);
  }, 60_000);

  it('emulator: 2 on a port outside 0..65535 or a non-number', async () => {
    expect(await run('emulator', '--port', '99999')).toBe(2);
    expect(stderr()).toContain('--port must be between 0 and 65535');
    expect(await run('emulator', '--port', 'abc')).toBe(2);
    expect(await run('emulator', '--faults', '10')).toBe(2);
    expect(stderr()).toContain('did you mean --faults 0.1?');
  }, 60_000);

  it('1: a runtime error, and a connection failure names the host', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    useOrg({ clientId: 'x', clientSecret: 'y', baseUrl: `http://127.0.0.1:${port}` });
    expect(await run('queues')).toBe(1);
    expect(stderr()).toContain(`cannot connect to 127.0.0.1:${port}`);
  }, 60_000);

  it('2: credentials missing, a region typo (with "did you mean"), a region and base URLs that disagree', async () => {
    expect(await run('queues')).toBe(2);
    expect(stderr()).toContain('GENESYS_CLIENT_SECRET');
    Object.assign(process.env, { GENESYS_CLIENT_ID: 'x', GENESYS_CLIENT_SECRET: 'y', GENESYS_REGION: 'eu_west1' });
    expect(await run('queues')).toBe(2);
    expect(stderr()).toContain('did you mean "eu_west_1"?');
    useOrg({ clientId: 'x', clientSecret: 'y', baseUrl: 'http://127.0.0.1:9' });
    process.env.GENESYS_REGION = 'eu_west_1';
    expect(await run('queues')).toBe(2);
    expect(stderr()).toMatch(/GENESYS_API_BASE_URL.*disagrees with region eu_west_1/);
  }, 60_000);
});

describe('staff: errors name the flag', () => {
  const base = ['staff', '--calls', '300', '--aht', '240', '--target', '20'];

  it('--sl 80 says it is a share between 0 and 1 and suggests 0.8', async () => {
    expect(await run(...base, '--sl', '80')).toBe(2);
    expect(stderr()).toContain('--sl must be between 0 and 1');
    expect(stderr()).toContain('did you mean --sl 0.8?');
    expect(stderr()).not.toContain('serviceLevel');
  }, 60_000);

  it('--calls -5 gets a clear message, not "ambiguous"', async () => {
    expect(await run('staff', '--calls', '-5', '--aht', '240', '--sl', '0.8', '--target', '20')).toBe(2);
    expect(stderr()).toContain('--calls must be >= 0');
    expect(stderr()).not.toContain('ambiguous');
  }, 60_000);

  it('bad input the library refuses is a usage error naming the flag (exit 2)', async () => {
    expect(await run(...base, '--sl', '1', '--patience', '60')).toBe(2);
    expect(stderr()).toMatch(/--sl: /);
    expect(stderr()).not.toContain('serviceLevel');
    expect(await run('staff', '--calls', '300', '--aht', '240', '--sl', '0.8')).toBe(2);
    expect(stderr()).toContain('--sl needs --target');
    expect(await run('staff', '--calls', '300', '--aht', '240')).toBe(2);
    expect(stderr()).toContain('give at least one target');
    expect(await run('staff', '--calls', 'lots', '--aht', '240', '--max-asa', '20')).toBe(2);
    expect(await run('staff', '--calls', '300', '--aht', '0', '--max-asa', '20')).toBe(2);
    expect(stderr()).toContain('--aht must be');
  }, 60_000);

  it('plan and recommend: --days 0 is a flag error before any request', async () => {
    useOrg({ clientId: 'x', clientSecret: 'y', baseUrl: 'http://127.0.0.1:9' });
    expect(await run('plan', '--days', '0')).toBe(2);
    expect(stderr()).toContain('--days must be between 1 and 366');
    expect(await run('recommend', '--days', '1.5')).toBe(2);
    expect(stderr()).toContain('--days must be a whole number');
  }, 60_000);
});
