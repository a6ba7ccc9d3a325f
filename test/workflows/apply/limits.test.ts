// The platform's 50-skills-per-user limit and one-entry-per-user-and-skill, enforced before any write.
import { describe, expect, it } from 'vitest';
import { isBadRequestError, isSkillLimitError, isValidationError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { parsePlan } from '../../../src/workflows/plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan, writes } from '../plan-fixtures.js';

const bigOrg = { org: { users: 6, skills: 70, queues: 2 } };

describe('50 skills per user', () => {
  it('userSkills.replaceAll with 60 skills throws SkillLimitError naming the user and count; nothing is sent', async () => {
    const emu = await emulator(bigOrg);
    const client = clientFor(emu);
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const before = new Map(emu.state.skillsOf(user.id));
    const items = [...emu.state.skills.values()]
      .filter((s) => s.state === 'active')
      .slice(0, 60)
      .map((s) => ({ id: s.id, proficiency: 3 }));
    const error = await client.routing.userSkills.replaceAll(user.id, items).catch((e: unknown) => e);
    expect(isSkillLimitError(error)).toBe(true);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain(user.id);
    expect((error as Error).message).toContain('60');
    expect((error as { count: number }).count).toBe(60);
    expect(writes(emu)).toBe(0);
    expect(emu.state.skillsOf(user.id)).toEqual(before);
    const patch = await client.routing.userSkills.patchBulk(user.id, items).catch((e: unknown) => e);
    expect(isSkillLimitError(patch)).toBe(true);
    expect(writes(emu)).toBe(0);
  });

  it('the emulator answers the 51st skill with the platform 400 and applies nothing of that request', async () => {
    const emu = await emulator(bigOrg);
    const client = clientFor(emu);
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const skills = [...emu.state.skills.values()].filter((s) => s.state === 'active').map((s) => s.id);
    emu.state.skillsOf(user.id).clear();
    await client.routing.userSkills.replaceAll(
      user.id,
      skills.slice(0, 45).map((id) => ({ id, proficiency: 2 })),
    );
    const error = await client.routing.userSkills
      .patchBulk(
        user.id,
        skills.slice(45, 51).map((id) => ({ id, proficiency: 2 })),
      )
      .catch((e: unknown) => e);
    expect(isBadRequestError(error)).toBe(true);
    expect((error as { status: number }).status).toBe(400);
    expect((error as Error).message).toContain('50');
    expect(emu.state.skillsOf(user.id).size).toBe(45);
  });

  it('parsePlan refuses a plan that gives one user more than 50 skills, naming user and count', () => {
    const changes = Array.from({ length: 55 }, (_, i) => ({
      userId: 'u1',
      userName: 'Ann',
      skillId: `s${i}`,
      action: 'add',
      before: null,
      after: 1,
      reasons: [],
    }));
    const plan = {
      kind: 'genesys-routing-sdk/skill-plan',
      version: 1,
      id: 'p',
      createdAt: '',
      source: 't',
      org: 'x',
      changes,
      skipped: [],
      violations: [],
      impact: [],
      summary: {},
    };
    const error = (() => {
      try {
        parsePlan(plan);
      } catch (e) {
        return e;
      }
    })();
    expect(isSkillLimitError(error)).toBe(true);
    expect((error as Error).message).toMatch(/Ann \(u1\) would hold 55 skills/);
    expect(parsePlan(plan, { maxSkillsPerUser: 60 }).changes).toHaveLength(55);
  });

  it('applyPlan writes nothing for a user the plan would take past 50 and reports the typed error', async () => {
    const emu = await emulator(bigOrg);
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 2);
    const victim = plan.changes[0]!.userId;
    const skills = [...emu.state.skills.values()].filter((s) => s.state === 'active').map((s) => s.id);
    const planned = new Set(plan.changes.filter((c) => c.userId === victim).map((c) => c.skillId));
    const held = emu.state.skillsOf(victim);
    for (const id of skills) if (held.size < 50 && !planned.has(id)) held.set(id, 1);
    const before = new Map(held);
    const result = await applyPlan(client, plan);
    const items = result.items.filter((i) => i.userId === victim && i.action === 'add');
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((i) => i.status === 'failed' && isSkillLimitError(i.error))).toBe(true);
    expect(emu.state.skillsOf(victim)).toEqual(before);
    expect(result.items.filter((i) => i.userId !== victim).every((i) => i.status === 'applied')).toBe(true);
  });
});

describe('duplicate entries', () => {
  it('parsePlan rejects the same user and skill listed twice, naming both entries', () => {
    const c = { userId: 'u1', skillId: 's1', action: 'update', before: 1, after: 2, reasons: [] };
    const plan = {
      kind: 'genesys-routing-sdk/skill-plan',
      version: 1,
      id: 'p',
      createdAt: '',
      source: 't',
      org: 'x',
      changes: [c, { ...c, after: 3 }],
      skipped: [],
      violations: [],
      impact: [],
      summary: {},
    };
    const error = (() => {
      try {
        parsePlan(JSON.stringify(plan));
      } catch (e) {
        return e;
      }
    })();
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('changes[1]');
    expect((error as Error).message).toContain('changes[0]');
  });
});

describe('applyPlan options', () => {
  it('bad options are a ValidationError naming the option, before any request', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 1);
    emu.resetStats();
    const error = await applyPlan(client, plan, { concurrency: 0, removals: 'purge' as never }).catch(
      (e: unknown) => e,
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toMatch(/concurrency: must be an integer from 1 to 64; removals/);
    expect(emu.stats.requestLog).toEqual([]);
  });
});

describe('a user at the limit', () => {
  it('holding 50 skills, a plan that removes one and adds one removes first, so the platform never sees 51', async () => {
    const emu = await emulator(bigOrg);
    const client = clientFor(emu);
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const skills = [...emu.state.skills.values()].filter((s) => s.state === 'active').map((s) => s.id);
    const held = emu.state.skillsOf(user.id);
    held.clear();
    for (const id of skills.slice(0, 50)) held.set(id, 2);
    const plan = handMadePlan(emu, 0);
    plan.changes = [
      { userId: user.id, skillId: skills[0]!, action: 'remove', before: 2, after: null, reasons: [] },
      { userId: user.id, skillId: skills[55]!, action: 'add', before: null, after: 3, reasons: [] },
    ];
    emu.resetStats();
    const result = await applyPlan(client, plan);
    expect(result.counts.applied).toBe(2);
    expect(emu.stats.byStatus[400]).toBeUndefined();
    expect(result.passes).toBe(1);
    expect(held.size).toBe(50);
    expect(held.get(skills[55]!)).toBe(3);
  });
});
