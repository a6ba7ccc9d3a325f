// `genesys-routing optimize` on an org short of agents (emulator --users 60 --scenario understaffed: 60 agents
// for about 120 Erlangs): it says first which queues cannot reach their targets and how many agents each lacks,
// names queues and agents in its words, and removes no skill from a queue below its target.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../../src/cli/index.js';
import { emulator } from '../../transport/helpers.js';

let out: string[];
beforeEach(() => {
  out = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => vi.restoreAllMocks());

interface Unreachable {
  queueId: string;
  queueName?: string;
  agentsNeeded: number;
  agentsAvailable: number;
  shortBy: number;
  demand: { callsPerHour: number; ahtSeconds: number; trafficErlangs: number };
}

describe('genesys-routing optimize on an understaffed org', () => {
  it('names the queues out of reach first, with what each lacks, and takes no skill from them', async () => {
    const emu = await emulator({ seed: 1, org: { users: 60 }, scenario: 'understaffed', rateLimit: false });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    const dir = mkdtempSync(join(tmpdir(), 'grsdk-understaffed-'));
    const file = join(dir, 'plan.json');
    // The skill cap invites removals ("make room"): none may come from a queue below its target.
    const code = await main(['optimize', '--max-skills', '2', '--effort', '0.25', '--out', file]);
    expect(code).toBe(1);
    const plan = JSON.parse(readFileSync(file, 'utf8'));
    const o = plan.optimization;
    const unreachable = o.unreachable as Unreachable[];
    expect(unreachable.length).toBeGreaterThan(0);
    const names = new Map<string, string>(
      plan.impact.map((q: { queueId: string; queueName: string }) => [q.queueId, q.queueName]),
    );
    const printed = out.join('\n');
    // First: the queues out of reach, before the per-queue table and the changes.
    expect(printed.indexOf('Out of reach')).toBeGreaterThan(-1);
    expect(printed.indexOf('Out of reach')).toBeLessThan(printed.indexOf('after 95 % interval'));
    for (const u of unreachable) {
      expect(u.queueName).toBe(names.get(u.queueId));
      expect(u.agentsNeeded).toBeGreaterThan(u.demand.trafficErlangs);
      expect(u.shortBy).toBe(Math.ceil(u.agentsNeeded - u.agentsAvailable - 1e-6));
      const line = printed.split('\n').find((l) => l.startsWith(u.queueName!));
      expect(line).toContain(`add ${u.shortBy} agent`);
      expect(line).toContain(String(u.agentsNeeded));
    }
    // 60 agents cannot carry the load: together they lack at least the load less the agents.
    const load = o.queues.reduce((s: number, q: { trafficErlangs: number }) => s + q.trafficErlangs, 0);
    const lacking = unreachable.reduce((s, u) => s + u.shortBy, 0);
    expect(lacking).toBeGreaterThanOrEqual(Math.floor(load - 60));
    // No skill removed from a queue below target.
    const below = new Set(
      o.queues.filter((q: { meetsTarget: boolean }) => !q.meetsTarget).map((q: { id: string }) => q.id),
    );
    const skillOf = plan.inputs.queueSkills as Record<string, string>;
    const belowSkills = new Set([...below].map((q) => skillOf[q as string]));
    const removals = plan.changes.filter(
      (c: { action: string; skillId: string }) => c.action === 'remove' && belowSkills.has(c.skillId),
    );
    expect(removals).toEqual([]);
    // Words a reader can act on: names, not ids; never a negative "above target"; a few notes, not a list of ids.
    const ids = [...names.keys()];
    for (const c of plan.changes as Array<{ reasons: string[] }>)
      for (const id of ids) expect(c.reasons.join(' ')).not.toContain(id);
    expect(printed).not.toMatch(/-\d+(\.\d+)? % above target/);
    expect(printed.split('\n').filter((l) => l.startsWith('note:')).length).toBeLessThanOrEqual(5);
    // Verdicts and figures from one evaluation: a queue marked as meeting its target reads at target.
    for (const q of o.queues)
      if (q.meetsTarget) expect(q.after.serviceLevel).toBeGreaterThanOrEqual(q.target.serviceLevel);
  }, 300_000);
});
