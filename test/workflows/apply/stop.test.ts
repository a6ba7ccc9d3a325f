// A journal that cannot be written, or a lease that is lost, stops new writes within a bounded time, and applyPlan
// still returns a result per item: what landed, what was never written (typed reason), what was not journaled.
import { describe, expect, it } from 'vitest';
import { isJournalUnavailableError, isLeaseLostError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { MemoryJournal, type ApplyJournal, type JournalRecord } from '../../../src/workflows/journal/journals.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan } from '../plan-fixtures.js';

/** A MemoryJournal whose appends start failing (`fail`) or hanging for ever (`hang`) after `okAppends`. */
function brokenJournal(okAppends: number, mode: 'fail' | 'hang'): ApplyJournal & { attempts: number } {
  const inner = new MemoryJournal();
  const journal = {
    attempts: 0,
    read: (planId: string) => inner.read(planId),
    acquire: inner.acquire.bind(inner),
    async append(record: JournalRecord) {
      journal.attempts++;
      if (journal.attempts <= okAppends) return inner.append(record);
      if (mode === 'fail') throw new Error('ECONNREFUSED 127.0.0.1:6379');
      return new Promise<void>(() => undefined);
    },
  };
  return journal;
}

/** Every item's status matches the org: written ones hold the planned value, never-written ones do not. */
function truthful(
  emu: Awaited<ReturnType<typeof emulator>>,
  items: Array<{ userId: string; skillId: string; after: number | null; status: string }>,
) {
  return items.filter((i) => {
    const truth = emu.state.skillsOf(i.userId).get(i.skillId) ?? null;
    return i.status === 'applied' || i.status === 'unchanged'
      ? truth !== i.after
      : i.status === 'skipped' && truth === i.after;
  });
}

describe('applyPlan stops new writes when the journal cannot be written', () => {
  for (const mode of ['fail', 'hang'] as const) {
    it(`journal appends that ${mode}: stops within one timeout, returns every item, names the users not journaled`, async () => {
      const emu = await emulator({ org: { users: 60, skills: 12, queues: 4 } });
      const client = clientFor(emu);
      const plan = handMadePlan(emu, 40);
      const users = new Set(plan.changes.map((c) => c.userId)).size;
      const journal = brokenJournal(3, mode);
      const t0 = performance.now();
      const result = await applyPlan(client, plan, { journal, journalTimeoutMs: 300, concurrency: 2 });
      const ms = performance.now() - t0;
      expect(ms).toBeLessThan(5_000); // one timeout (300 ms) plus the requests, not one timeout per user (40 × 300 ms)
      expect(isJournalUnavailableError(result.stopped)).toBe(true);
      expect(result.items).toHaveLength(plan.changes.length);
      const skipped = result.items.filter((i) => i.status === 'skipped');
      expect(skipped.length).toBeGreaterThan(0);
      expect(skipped.every((i) => isJournalUnavailableError(i.error) && i.reason?.startsWith('not written'))).toBe(
        true,
      );
      expect(result.items.filter((i) => i.status === 'applied').length).toBeGreaterThan(0);
      expect(truthful(emu, result.items)).toEqual([]);
      // The failing append's user and every user finished after it: not journaled, and said so.
      expect(result.notJournaled.length).toBeGreaterThan(0);
      expect(result.notJournaled.length).toBeLessThanOrEqual(users);
      // The breaker: the journal saw at most a few attempts after the first failure, not one per user.
      expect(journal.attempts).toBeLessThanOrEqual(3 + 2);
    });
  }
});

describe('applyPlan with a lost lease', () => {
  it('returns LeaseLostError in the result (not "aborted before this user") and writes nothing after it', async () => {
    const emu = await emulator({ org: { users: 60, skills: 12, queues: 4 }, latencyMs: 15 });
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 40);
    const journal = new MemoryJournal();
    const run = applyPlan(client, plan, { journal, concurrency: 1, lease: { owner: 'paused-worker', ttlMs: 150 } });
    // Another worker takes the plan over once the lease lapses (simulates this worker being paused past its ttl).
    const other = (async () => {
      await new Promise((r) => setTimeout(r, 60));
      return journal.acquire('' + plan.id, { owner: 'other-worker', ttlMs: 60_000, waitMs: 0, takeOver: true });
    })();
    const result = await run;
    await (await other).release();
    expect(isLeaseLostError(result.stopped)).toBe(true);
    expect(result.stopped).toMatchObject({ owner: 'paused-worker', planId: plan.id });
    const skipped = result.items.filter((i) => i.status === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((i) => isLeaseLostError(i.error))).toBe(true);
    expect(result.items.some((i) => /aborted before/.test(i.reason ?? ''))).toBe(false);
    expect(truthful(emu, result.items)).toEqual([]);
  });
});
