// removals: 'replace' looks for what its PUTs undid in the audit log; when that check cannot run it says why.
import { describe, expect, it } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import type { Emulator } from '../../../src/testing/index.js';
import { startProxy } from '../html-proxy.js';
import { handMadePlan, mismatches } from '../plan-fixtures.js';

/** Another OAuth client's skill write, recorded like the emulator's write path does (entityType User, property skills). */
function otherClientWrites(emu: Emulator, userId: string, edit: (skills: Map<string, number>) => void): void {
  const skills = emu.state.skillsOf(userId);
  const describe = (m: Map<string, number>) =>
    [...m].map(([id, proficiency]) => JSON.stringify({ id, name: emu.state.skills.get(id)?.name ?? id, proficiency }));
  const before = new Map(skills);
  edit(skills);
  const user = emu.state.users.get(userId)!;
  emu.state.recordAudit({
    client: { id: 'wfm-sync' },
    action: 'Update',
    entityType: 'User',
    entity: { id: userId, name: user.name },
    propertyChanges: [{ property: 'skills', oldValues: describe(before), newValues: describe(skills) }],
  });
}

describe("applyPlan removals: 'replace' conflict check", () => {
  it("reports another client's assignment its PUT removed and its removal the PUT put back (who, what, when), and re-applies both", async () => {
    const emu = await emulator();
    const plan = handMadePlan(emu, 3);
    const victim = plan.changes.find((c) => c.action === 'remove')!.userId;
    const planned = new Set(plan.changes.filter((c) => c.userId === victim).map((c) => c.skillId));
    const held = emu.state.skillsOf(victim);
    const assigned = [...emu.state.skills.values()].find(
      (s) => s.state === 'active' && !planned.has(s.id) && !held.has(s.id),
    )!.id;
    const removed = [...held.keys()].find((id) => !planned.has(id))!;
    expect(removed).toBeDefined();
    // Between this run's read of the victim and its PUT, another OAuth client assigns one skill and removes another
    // (the emulator's state and audit log change as its write path would record them).
    const proxy = await startProxy(emu.baseUrl, (method, path) => {
      if (method === 'PUT' && path.includes(`/users/${victim}/routingskills/bulk`) && !held.has(assigned)) {
        otherClientWrites(emu, victim, (skills) => {
          skills.set(assigned, 4);
          skills.delete(removed);
        });
      }
      return undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl });
    const result = await applyPlan(client, { ...plan, org: proxy.baseUrl }, { removals: 'replace', concurrency: 1 });
    expect(result.conflictCheck).toMatchObject({ ran: true, entityType: 'User', serviceName: 'Routing' });
    const bySkill = new Map(result.conflicts.map((c) => [c.skillId, c]));
    expect(bySkill.get(assigned)).toMatchObject({
      userId: victim,
      before: null,
      after: 4,
      ours: null,
      by: { clientId: 'wfm-sync' },
      resolution: 'reapplied',
    });
    expect(bySkill.get(removed)).toMatchObject({
      userId: victim,
      after: null,
      by: { clientId: 'wfm-sync' },
      resolution: 'reapplied',
    });
    expect(Date.parse(bySkill.get(assigned)!.at)).toBeGreaterThan(0);
    expect(result.conflicts).toHaveLength(2);
    // Re-applied: the org holds the other writer's edits and the plan's changes.
    expect(emu.state.skillsOf(victim).get(assigned)).toBe(4);
    expect(emu.state.skillsOf(victim).has(removed)).toBe(false);
    expect(mismatches(emu, plan)).toEqual([]);
  });

  it('says so when the check cannot run: entity type unknown, audit permission missing', async () => {
    const emu = await emulator({
      clients: [{ clientId: 'no-audit', clientSecret: 's', permissions: ['routing:*:*', 'directory:*:*'] }],
    });
    const unknown = await applyPlan(clientFor(emu), handMadePlan(emu, 2), {
      removals: 'replace',
      conflictCheck: { entityTypes: ['UserSkillAssignment'] },
    });
    expect(unknown.conflictCheck).toMatchObject({ ran: false });
    expect(unknown.conflictCheck!.reason).toMatch(/none of the entity types UserSkillAssignment/);
    expect(unknown.warnings.join('\n')).toMatch(/conflict check did not run/);
    const noAudit = new GenesysClient({
      clientId: 'no-audit',
      clientSecret: 's',
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
    });
    const plan = handMadePlan(emu, 4);
    const denied = await applyPlan(noAudit, plan, { removals: 'replace' });
    expect(denied.items.filter((i) => i.status !== 'applied').map((i) => i.reason)).toEqual([]);
    expect(denied.conflictCheck).toMatchObject({ ran: false });
    expect(denied.conflictCheck!.reason).toMatch(/audits:audit:view/);
    expect(mismatches(emu, plan)).toEqual([]);
  });

  it("says so when the audit log does not show the run's own PUTs (wrong entity type, or audit lag past waitForAuditMs)", async () => {
    const emu = await emulator();
    const result = await applyPlan(clientFor(emu), handMadePlan(emu, 3), {
      removals: 'replace',
      conflictCheck: { entityTypes: ['Queue'], waitForAuditMs: 0 },
    });
    expect(result.conflictCheck).toMatchObject({ ran: true, entityType: 'Queue' });
    expect(result.conflictCheck!.notCheckable.length).toBe(result.conflictCheck!.windows);
    expect(result.warnings.join('\n')).toMatch(/not fully checked.*may have undone other writers' changes unseen/);
  });
});
