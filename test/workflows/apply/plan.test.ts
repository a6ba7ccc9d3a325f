import { describe, expect, it } from 'vitest';
import { isValidationError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { MemoryAuditTrail } from '../../../src/workflows/audit/trail.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan, mismatches, writes } from '../plan-fixtures.js';

describe('applyPlan', () => {
  it('applies adds, updates and removals, verifies them, and a second run writes nothing', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 12);
    expect(plan.summary.removes).toBeGreaterThan(0);
    const trail = new MemoryAuditTrail();
    const first = await applyPlan(client, plan, { auditTrail: trail });
    expect(first.counts.applied).toBe(plan.changes.length);
    expect(mismatches(emu, plan)).toEqual([]);
    expect(trail.records).toHaveLength(plan.changes.length);
    expect(trail.records.every((r) => r.result === 'applied' && r.correlationIds.length > 0)).toBe(true);

    const before = writes(emu);
    const second = await applyPlan(client, plan);
    expect(second.counts.unchanged).toBe(plan.changes.length);
    expect(writes(emu)).toBe(before);
  });

  it('dry run reads and reports, writes nothing', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 5);
    const result = await applyPlan(client, plan, { dryRun: true });
    expect(result.counts.wouldApply).toBe(plan.changes.length);
    expect(writes(emu)).toBe(0);
    expect(mismatches(emu, plan).length).toBe(plan.changes.length);
  });

  it('skips a skill that changed since planning, with the reason; onDrift apply overrides', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 3);
    const victim = plan.changes.find((c) => c.action === 'update')!;
    emu.state.skillsOf(victim.userId).set(victim.skillId, 0.5);
    const result = await applyPlan(client, plan);
    const item = result.items.find((i) => i.userId === victim.userId && i.skillId === victim.skillId)!;
    expect(item.status).toBe('skipped');
    expect(item.reason).toContain('changed since planned');
    expect(item.actual).toBe(0.5);
    const forced = await applyPlan(client, plan, { onDrift: 'apply' });
    expect(forced.items.find((i) => i.skillId === victim.skillId && i.userId === victim.userId)!.status).toBe(
      'applied',
    );
    expect(mismatches(emu, plan)).toEqual([]);
  });

  it('resumes an interrupted run: the journal labels earlier work, every user is confirmed against the org', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 10);
    const journal = new MemoryJournal();
    const controller = new AbortController();
    const first = await applyPlan(client, plan, {
      journal,
      concurrency: 1,
      signal: controller.signal,
      onProgress: (p) => p.usersDone === 4 && controller.abort(),
    });
    expect(first.aborted).toBe(true);
    expect(first.items.some((i) => i.status !== 'applied')).toBe(true);
    const doneUsers = new Set(journal.records.filter((e) => e.status === 'done').map((e) => e.userId));
    expect(doneUsers.size).toBeGreaterThanOrEqual(4);

    emu.resetStats();
    const second = await applyPlan(client, plan, { journal });
    expect(mismatches(emu, plan)).toEqual([]);
    expect(second.users.fromJournal).toBe(doneUsers.size);
    expect(
      second.items.filter((i) => i.fromJournal).every((i) => doneUsers.has(i.userId) && i.status === 'unchanged'),
    ).toBe(true);
    // Users the journal had as done were re-read (batched), never written again.
    const written = emu.stats.requestLog.filter(
      (r) => r.method !== 'GET' && [...doneUsers].some((u) => r.path.includes(u)),
    );
    expect(written).toEqual([]);
  });

  it.each(['replace', 'delete'] as const)(
    'reaches the desired state under 20 %% injected faults, with a result per item and nothing written twice (removals: %s)',
    async (removals) => {
      const emu = await emulator({
        faults: { rate: 0.2, kinds: ['429', '500', '502', '503', 'reset'], seed: 11, retryAfterSeconds: 0 },
      });
      const client = clientFor(emu, { maxRetries: 6 });
      const plan = handMadePlan(emu, 15);
      const auditBefore = emu.state.auditLog.length;
      const result = await applyPlan(client, plan, { removals });
      expect(result.items).toHaveLength(plan.changes.length);
      expect(result.counts.failed).toBe(0);
      expect(mismatches(emu, plan)).toEqual([]);
      // Each change lands exactly once: 'replace' writes each user once (PUT with removals, else PATCH); 'delete'
      // writes one PATCH per user with adds/updates and one DELETE per removal.
      const users = new Set(plan.changes.map((c) => c.userId)).size;
      const upsertUsers = new Set(plan.changes.filter((c) => c.after !== null).map((c) => c.userId)).size;
      expect(emu.state.auditLog.length - auditBefore).toBe(
        removals === 'replace' ? users : upsertUsers + plan.summary.removes,
      );
    },
  );

  it('refuses a plan made for another org', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 1, 'https://api.mypurecloud.ie');
    const error = await applyPlan(client, plan).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('plan.org');
  });
});
