// genesys-routing apply: names beside ids, items taken from the journal said so, the org guard and its override.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { emulator } from '../transport/helpers.js';
import { handMadePlan } from '../workflows/plan-fixtures.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
    delete process.env[k];
});
const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-apply-'));

describe('genesys-routing apply', () => {
  it('says which items it took from the journal (confirmed against the org) and names users and skills', async () => {
    const emu = await emulator({ seed: 4 });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    const plan = handMadePlan(emu, 4);
    for (const c of plan.changes)
      Object.assign(c, {
        userName: emu.state.users.get(c.userId)!.name,
        skillName: emu.state.skills.get(c.skillId)!.name,
      });
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(plan));
    expect(await main(['apply', file])).toBe(0);
    const edited = plan.changes.find((c) => c.action === 'update')!;
    emu.state.skillsOf(edited.userId).set(edited.skillId, 0.25);
    out.length = 0;
    expect(await main(['apply', file])).toBe(1); // drift: skipped, named
    const text = out.join('\n');
    expect(text).toMatch(/were done by an earlier run \(journal\) and confirmed against the org/);
    expect(text).toContain(
      `skipped: user ${edited.userName} (${edited.userId}) skill ${edited.skillName} (${edited.skillId})`,
    );
    out.length = 0;
    expect(await main(['apply', file, '--json'])).toBe(1);
    const json = JSON.parse(out.join('\n'));
    expect(json.items[0]).toMatchObject({ userName: plan.changes[0]!.userName, skillName: plan.changes[0]!.skillName });
  });

  it('refuses a plan made for another org id; --allow-other-org applies it', async () => {
    const emu = await emulator({ seed: 4 });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    const plan = { ...handMadePlan(emu, 2), orgId: 'prod-org-id' };
    const file = join(dir, 'other-org.json');
    writeFileSync(file, JSON.stringify(plan));
    expect(await main(['apply', file, '--journal', join(dir, 'other.journal')])).not.toBe(0);
    expect(err.join('\n')).toContain('plan.orgId');
    expect(await main(['apply', file, '--allow-other-org', '--journal', join(dir, 'other.journal')])).toBe(0);
  });

  it('removals default to one DELETE per removal (--removals replace: one PUT per user); a bad value is a usage error', async () => {
    const emu = await emulator({ seed: 4 });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    const plan = handMadePlan(emu, 3);
    expect(plan.summary.removes).toBeGreaterThan(0);
    const file = join(dir, 'removals.json');
    writeFileSync(file, JSON.stringify(plan));
    expect(await main(['apply', file, '--removals', 'purge'])).toBe(2);
    expect(err.join('\n')).toContain('--removals must be delete or replace');
    expect(await main(['apply', file, '--journal', join(dir, 'removals.journal')])).toBe(0);
    const deletes = emu.stats.requestLog.filter(
      (r) => r.method === 'DELETE' && r.path.includes('/routingskills/'),
    ).length;
    expect(deletes).toBe(plan.summary.removes);
    expect(emu.stats.requestLog.filter((r) => r.method === 'PUT')).toHaveLength(0);
  });
});
