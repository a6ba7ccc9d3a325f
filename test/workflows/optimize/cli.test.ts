// `genesys-routing optimize` writes a plan that `genesys-routing apply` applies, queue memberships first.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

const ENV = ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'];

describe('genesys-routing optimize + apply', () => {
  it('optimize writes a reviewable plan (exit 1 only when a target cannot be met); apply adds its memberships, then its skills', async () => {
    const emu = await emulator({ seed: 3, rateLimit: false });
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: emu.clientId,
      GENESYS_CLIENT_SECRET: emu.clientSecret,
      GENESYS_API_BASE_URL: emu.baseUrl,
      GENESYS_LOGIN_BASE_URL: emu.baseUrl,
    });
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'grsdk-optimize-')), 'plan.json');
      const code = await main([
        'optimize',
        '--days',
        '3',
        '--max-skills',
        '3',
        '--max-changes',
        '10',
        '--time-limit',
        '300',
        // A short search (a quarter of the default work): what is tested is the CLI's plan file, exit code and
        // apply, whatever the plan holds.
        '--effort',
        '0.25',
        '--out',
        file,
      ]);
      const plan = JSON.parse(readFileSync(file, 'utf8'));
      expect(plan.source).toBe('planRoutingOptimization');
      expect(plan.optimization.queues.length).toBeGreaterThan(0);
      expect(code).toBe(plan.optimization.feasible ? 0 : 1);
      const printed = out.join('\n');
      expect(printed).toMatch(/skill changes and \d+ queue memberships/);
      for (const s of plan.optimization.shortfall) expect(printed).toContain(`lacks about ${s.agentsMissing} agent(s)`);

      // A membership the plan needs: a user who is not yet a member of one of the org's queues.
      const planned = (u: string, q: string) =>
        plan.memberships.some((m: { userId: string; queueId: string }) => m.userId === u && m.queueId === q);
      const pairs = [...emu.state.queues.keys()].flatMap((q) =>
        [...emu.state.users.keys()]
          .filter((u) => !emu.state.membersOf(q).has(u) && !planned(u, q))
          .map((u) => [u, q] as const),
      );
      expect(pairs.length).toBeGreaterThan(0);
      const [userId, queueId] = pairs[0]!;
      plan.memberships.push({
        userId,
        queueId,
        action: 'add',
        reason: 'needed to take the queue calls with the new skill',
      });
      writeFileSync(file, JSON.stringify(plan));

      expect(await main(['apply', file, '--dry-run'])).toBe(0);
      expect(emu.state.membersOf(queueId).has(userId)).toBe(false);
      expect(out.join('\n')).toContain('wouldApply');
      expect(await main(['apply', file])).toBe(0);
      for (const m of plan.memberships as Array<{ userId: string; queueId: string }>)
        expect(emu.state.membersOf(m.queueId).has(m.userId)).toBe(true);
      out.length = 0;
      expect(await main(['apply', file, '--json'])).toBe(0);
      expect(JSON.parse(out.join('\n')).counts.applied ?? 0).toBe(0);
    } finally {
      for (const k of ENV) delete process.env[k];
    }
  }, 600_000);
});
