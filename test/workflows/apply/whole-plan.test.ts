// applyPlan applies the whole plan: queue memberships first (same statuses, journal, audit trail and dry run), then
// skills; a plan part it cannot apply is refused before any write.
import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { MemoryAuditTrail } from '../../../src/workflows/audit/trail.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { parsePlan, type Plan, type PlannedMembership } from '../../../src/workflows/plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan, mismatches } from '../plan-fixtures.js';

/** handMadePlan plus, for each of its users, a membership of a queue the user is not in. */
function planWithMemberships(emu: Emulator, users: number): Plan & { memberships: PlannedMembership[] } {
  const plan = handMadePlan(emu, users);
  const memberships: PlannedMembership[] = [];
  for (const userId of new Set(plan.changes.map((c) => c.userId))) {
    const queue = [...emu.state.queues.values()].find((q) => !emu.state.membersOf(q.id).has(userId));
    if (queue)
      memberships.push({
        userId,
        userName: emu.state.users.get(userId)?.name,
        queueId: queue.id,
        queueName: queue.name,
        action: 'add',
        reason: 'test',
      });
  }
  return { ...plan, memberships };
}

const isMember = (emu: Emulator, m: PlannedMembership) => emu.state.membersOf(m.queueId).has(m.userId);

describe('applyPlan: one plan, applied whole', () => {
  it('adds every planned membership before the skills, with a status per membership; a re-run writes nothing', async () => {
    const emu = await emulator({ requestLogSize: 5000 });
    const client = clientFor(emu);
    const plan = planWithMemberships(emu, 4);
    expect(plan.memberships.length).toBeGreaterThan(0);
    expect(plan.memberships.some((m) => isMember(emu, m))).toBe(false);
    emu.resetStats();
    const journal = new MemoryJournal();
    const trail = new MemoryAuditTrail();
    const result = await applyPlan(client, plan, { journal, auditTrail: trail });
    expect(result.memberships.map((m) => m.status)).toEqual(plan.memberships.map(() => 'applied'));
    expect(plan.memberships.every((m) => isMember(emu, m))).toBe(true);
    expect(mismatches(emu, plan)).toEqual([]);
    expect(result.counts.applied).toBe(plan.changes.length + plan.memberships.length);
    // Memberships first: the first member POST comes before the first skill write.
    const log = emu.stats.requestLog.filter((r) => r.method !== 'GET' && r.path.startsWith('/api/v2/'));
    const firstMember = log.findIndex((r) => r.path.includes('/members'));
    const firstSkill = log.findIndex((r) => r.path.includes('/routingskills'));
    expect(firstMember).toBeGreaterThanOrEqual(0);
    expect(firstMember).toBeLessThan(firstSkill);
    // Audit trail: one record per membership too, in the same vocabulary.
    const memberRecords = trail.records.filter((r) => r.action === 'membership');
    expect(memberRecords).toHaveLength(plan.memberships.length);
    expect(memberRecords.every((r) => r.result === 'applied' && typeof r.details?.['queueId'] === 'string')).toBe(true);
    // Re-run: nothing written, memberships unchanged and labelled from the journal.
    emu.resetStats();
    const again = await applyPlan(client, plan, { journal });
    expect(again.memberships.every((m) => m.status === 'unchanged' && m.fromJournal)).toBe(true);
    expect(
      emu.stats.requestLog.filter(
        (r) => r.method !== 'GET' && r.path.startsWith('/api/v2/') && !r.path.startsWith('/api/v2/tokens'),
      ),
    ).toHaveLength(0);
  });

  it('a dry run lists memberships as wouldApply and writes nothing', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = planWithMemberships(emu, 3);
    const result = await applyPlan(client, plan, { dryRun: true });
    expect(result.memberships.map((m) => m.status)).toEqual(plan.memberships.map(() => 'wouldApply'));
    expect(result.counts.wouldApply).toBe(plan.changes.length + plan.memberships.length);
    expect(plan.memberships.some((m) => isMember(emu, m))).toBe(false);
  });

  it('a membership that is neither an add nor a removal, or a plan part it cannot apply, is an error before any write', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = planWithMemberships(emu, 4);
    emu.resetStats();
    expect(plan.memberships.length).toBeGreaterThan(0);
    const swap = { ...plan, memberships: [{ ...plan.memberships[0]!, action: 'swap' as 'add' }] };
    const e1 = await applyPlan(client, swap).catch((e: unknown) => e);
    expect(isValidationError(e1)).toBe(true);
    expect(String((e1 as Error).message)).toContain('memberships[0].action');
    const extra = { ...plan, ringChanges: [{ queueId: 'q', userId: 'u', ringNumber: 2 }] } as Plan;
    const e2 = await applyPlan(client, extra).catch((e: unknown) => e);
    expect(isValidationError(e2)).toBe(true);
    expect(String((e2 as Error).message)).toContain('ringChanges');
    expect(
      emu.stats.requestLog.filter(
        (r) => r.method !== 'GET' && r.path.startsWith('/api/v2/') && !r.path.startsWith('/api/v2/tokens'),
      ),
    ).toHaveLength(0);
    expect(() => parsePlan(JSON.stringify(extra))).toThrow(/ringChanges/);
    const twice = { ...plan, memberships: [plan.memberships[0]!, plan.memberships[0]!] };
    const e3 = await applyPlan(client, twice).catch((e: unknown) => e);
    expect(String((e3 as Error).message)).toMatch(/memberships\[1\].*duplicate entry/);
  });

  it('a list of plain values (a note, not a change) is not a plan part', () => {
    const noted = { ...handMadePlanShape(), reviewers: ['ann', 'bo'] };
    expect(parsePlan(JSON.stringify(noted)).id).toBe('p1');
  });

  it('parsePlan keeps memberships and names a snapshot as a snapshot', () => {
    const plan = { ...handMadePlanShape(), memberships: [{ userId: 'u1', queueId: 'q1', action: 'add', reason: 'r' }] };
    expect(parsePlan(JSON.stringify(plan)).memberships).toHaveLength(1);
    expect(() =>
      parsePlan(JSON.stringify({ kind: 'genesys-routing-sdk/routing-snapshot', version: 1, queues: [] })),
    ).toThrow(/this is a routing snapshot.*not a plan/);
  });
});

function handMadePlanShape(): Plan {
  return {
    kind: 'genesys-routing-sdk/skill-plan',
    version: 1,
    id: 'p1',
    createdAt: '2025-01-01T00:00:00Z',
    source: 'test',
    org: 'x',
    changes: [],
    skipped: [],
    violations: [],
    impact: [],
    summary: { users: 0, adds: 0, updates: 0, removes: 0, skipped: 0, violations: 0 },
  };
}
