import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { requiredAgents, trafficFromVolume } from '../../src/optimizer/index.js';
import { adminState } from '../../src/testing/emulator/state/admin.js';
import { emulator } from '../transport/helpers.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => vi.restoreAllMocks());

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-'));

describe('genesys-routing CLI', () => {
  it('staff prints the same staffing as the optimizer', async () => {
    expect(await main(['staff', '--calls', '300', '--aht', '240', '--sl', '0.8', '--target', '20', '--json'])).toBe(0);
    const printed = JSON.parse(out.join('\n'));
    const expected = requiredAgents({
      traffic: trafficFromVolume({ calls: 300, intervalSeconds: 1800, ahtSeconds: 240 }),
      ahtSeconds: 240,
      serviceLevel: 0.8,
      targetSeconds: 20,
    });
    expect(printed.agents).toBe(expected.agents);
  });

  it('staff --range prints one row per volume, the service level labelled with its answer time', async () => {
    expect(await main(['staff', '--range', '100..300:100', '--aht', '180', '--max-asa', '30'])).toBe(0);
    const lines = out.join('\n').split('\n');
    expect(lines.filter((l) => /^\s*\d/.test(l))).toHaveLength(3);
    expect(lines[0]).toContain('answered in 20 s');
    expect(lines.at(-1)).toContain('no --target given');
  });

  it('bad usage exits 2 and names the problem', async () => {
    expect(await main(['staff', '--aht', '180', '--sl', '0.8', '--target', '20'])).toBe(2);
    expect(err.join('\n')).toContain('--calls is required');
    expect(await main(['nope'])).toBe(2);
    expect(await main([])).toBe(2);
  });

  it('validate exits 0 for valid rules and 1 for invalid ones', async () => {
    const valid = {
      skills: ['billing'],
      queues: [{ name: 'Billing', priority: 50, capacity: 10, requiredSkills: ['billing'] }],
    };
    const file = join(dir, 'rules.json');
    writeFileSync(file, JSON.stringify(valid));
    const code = await main(['validate', file]);
    if (code !== 0) throw new Error(`expected valid rules, got: ${out.join('\n')}`);
    writeFileSync(
      file,
      JSON.stringify({ ...valid, queues: [{ ...valid.queues[0], priority: 101, overflowQueue: 'missing' }] }),
    );
    expect(await main(['validate', file])).toBe(1);
    expect(out.join('\n')).toMatch(/priority/);
  });

  it('drift compares the live org with a snapshot and exits 1 on drift', async () => {
    const emu = await emulator();
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    try {
      const snap = join(dir, 'snap.json');
      expect(await main(['drift', '--snapshot', snap])).toBe(0);
      expect(out.join('\n')).toMatch(
        /\d+ user languages, \d+ skill groups, \d+ skill group members, \d+ wrap-up codes/,
      );
      expect(await main(['drift', snap, 'live'])).toBe(0);
      const queueId = [...emu.state.queues.keys()][0]!;
      emu.state.membersOf(queueId).delete([...emu.state.membersOf(queueId).keys()][0]!);
      out.length = 0;
      expect(await main(['drift', snap, 'live', '--format', 'markdown'])).toBe(1);
      expect(out.join('\n')).toContain('members');
      // A user's language taken away shows as a removed language of that user, by name.
      const [userId, held] = [...adminState(emu.state).userLanguages].find(
        ([id, l]) => l.size > 0 && emu.state.users.get(id)?.state === 'active',
      )!;
      const languageId = [...held.keys()][0]!;
      held.delete(languageId);
      out.length = 0;
      expect(await main(['drift', snap, 'live'])).toBe(1);
      const language = adminState(emu.state).languages.get(languageId)!.name;
      expect(out.join('\n')).toContain(`- language ${language} of user ${emu.state.users.get(userId)!.name}`);
    } finally {
      for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
        delete process.env[k];
    }
  });

  it('plan writes a plan, apply --dry-run writes nothing, apply applies it and a re-run changes nothing', async () => {
    const emu = await emulator({ seed: 3 });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    try {
      const planFile = join(dir, 'plan.json');
      expect(await main(['relevel', '--days', '3', '--out', planFile])).toBe(0);
      expect(out.join('\n')).toMatch(/Plan plan-/);
      const plan = JSON.parse(readFileSync(planFile, 'utf8'));
      expect(plan.changes.length).toBeGreaterThan(0);
      const writes = () =>
        emu.stats.requestLog.filter((r) => r.method !== 'GET' && r.path.includes('/routingskills')).length;
      expect(await main(['apply', planFile, '--dry-run'])).toBe(0);
      expect(writes()).toBe(0);
      const audit = join(dir, 'audit.jsonl');
      expect(await main(['apply', planFile, '--audit', audit])).toBe(0);
      expect(readFileSync(audit, 'utf8').trim().split('\n')).toHaveLength(plan.changes.length);
      const after = writes();
      expect(after).toBeGreaterThan(0);
      out.length = 0;
      expect(await main(['apply', planFile, '--json'])).toBe(0);
      expect(writes()).toBe(after);
      expect(JSON.parse(out.join('\n')).counts.unchanged).toBe(plan.changes.length);
      expect(await main(['recommend', '--days', '3', '--max-changes', '3', '--json'])).toBe(0);
    } finally {
      for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
        delete process.env[k];
    }
  });

  it('apply refuses a file that is not a plan, naming the problem', async () => {
    const file = join(dir, 'not-a-plan.json');
    writeFileSync(file, JSON.stringify({ hello: 'world' }));
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: 'x',
      GENESYS_CLIENT_SECRET: 'y',
      GENESYS_API_BASE_URL: 'http://127.0.0.1:9',
      GENESYS_LOGIN_BASE_URL: 'http://127.0.0.1:9',
    });
    try {
      expect(await main(['apply', file])).toBe(2);
      expect(err.join('\n')).toContain('kind');
    } finally {
      for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
        delete process.env[k];
    }
  });
});
