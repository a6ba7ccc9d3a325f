// planRoutingOptimization and the 50-skills-per-user limit: an add the limit keeps out of the plan takes the queue
// membership planned for it along (a membership without the skill joins a queue the agent cannot serve).
import { afterEach, describe, expect, it } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import { reproducibleHistoryWindow, startEmulator, type Emulator } from '../../../src/testing/index.js';
import { planRoutingOptimization } from '../../../src/workflows/index.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('planRoutingOptimization: adds skipped by the per-user skill limit', () => {
  it('skips the membership planned for a skipped add, with the reason, and keeps no membership for it', async () => {
    const emu = await startEmulator({
      seed: 42,
      analytics: { trafficScale: 1 },
      rateLimit: false,
      org: { users: 60, skills: 60, queues: 3 },
    });
    running.push(emu);
    // Each agent stays a member of one queue only (so adds need memberships) and holds 50 skills that no queue
    // requests (so every add is over the limit).
    const seen = new Set<string>();
    for (const queueId of emu.state.queues.keys()) {
      for (const userId of [...emu.state.membersOf(queueId).keys()]) {
        if (seen.has(userId)) emu.state.membersOf(queueId).delete(userId);
        seen.add(userId);
      }
    }
    const queueSkills = new Set(emu.state.queueSkill.values());
    const filler = [...emu.state.skills.values()]
      .filter((s) => s.state === 'active' && !queueSkills.has(s.id))
      .map((s) => s.id);
    for (const userId of seen) {
      const held = emu.state.skillsOf(userId);
      for (const skillId of filler) if (held.size < 50) held.set(skillId, 1);
      expect(held.size).toBe(50);
    }
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
      timeoutMs: 120_000,
    });
    const plan = await planRoutingOptimization(client, {
      interval: reproducibleHistoryWindow(emu.now()),
      constraints: { maxChanges: 40 },
      // A short search: what is tested is which adds the skill limit keeps out (measured: effort 0.1 keeps out 21
      // adds and 15 memberships, 0.25 keeps out 20 and 14; either way 1 membership stays).
      effort: 0.1,
      timeLimitMs: 60_000,
    });

    const queueSkill = plan.inputs!.queueSkills as Record<string, string>;
    const skippedAdds = plan.skipped.filter((i) => i.kind === 'skillLimit' && i.queueId === undefined);
    const skippedMemberships = plan.skipped.filter((i) => i.kind === 'skillLimit' && i.queueId !== undefined);
    expect(skippedAdds.length).toBeGreaterThan(0);
    expect(plan.changes.filter((c) => c.action === 'add')).toEqual([]);
    expect(skippedMemberships.length).toBeGreaterThan(0);
    for (const m of skippedMemberships) {
      expect(m.skillId).toBe(queueSkill[m.queueId!]);
      expect(skippedAdds.some((a) => a.userId === m.userId && a.skillId === m.skillId)).toBe(true);
      expect(m.message).toContain('not added');
      expect(m.message).toContain('per-user skill limit');
    }
    // A membership stays only where its skill is held already (no add needed).
    for (const m of plan.memberships) expect(emu.state.skillsOf(m.userId).has(queueSkill[m.queueId]!)).toBe(true);
    expect(plan.summary.skipped).toBe(plan.skipped.length);
  }, 120_000);
});
