// Issue: during applyPlan with a RedisJournal, an outage cost ~1 s per unfinished user on journal appends, and a
// permanent one ended with RedisUnavailableError thrown from the lease release after minutes, with no per-item
// results. Here Redis is stopped mid-apply: the run stops new writes within a bounded time and returns every item.
import { afterEach, describe, expect, it } from 'vitest';
import { isJournalUnavailableError, isLeaseLostError } from '../../src/index.js';
import { RedisJournal } from '../../src/redis/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';
import { applyPlan } from '../../src/workflows/apply/apply-plan.js';
import { clientFor } from '../transport/helpers.js';
import { handMadePlan } from '../workflows/plan-fixtures.js';
import { connectBoth, startRedis } from './redis-server.js';

const cleanup: Array<() => Promise<void>> = [];
afterEach(async () => {
  // Bounded: a client of a stopped server may never answer a polite quit.
  const bounded = (p: Promise<void>) =>
    Promise.race([p.catch(() => undefined), new Promise<void>((r) => setTimeout(r, 2_000))]);
  for (const c of cleanup.splice(0).reverse()) await bounded(c());
});

describe.each(['ioredis', 'node-redis'] as const)('applyPlan when Redis goes down mid-apply (%s)', (flavour) => {
  it('stops new writes within a bounded time and returns every item: landed, never written, not journaled', async () => {
    const server = await startRedis();
    cleanup.push(() => server.stop());
    const conn = await connectBoth(server.url);
    conn.clients.ioredis.on('error', () => undefined); // reconnect errors once the server is gone: expected here
    cleanup.push(async () => {
      conn.clients.ioredis.disconnect();
      await conn.clients['node-redis'].disconnect();
    });
    const emu: Emulator = await startEmulator({ org: { users: 90, skills: 12, queues: 4 }, latencyMs: 20 });
    cleanup.push(() => emu.close());
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 80);
    const journal = new RedisJournal({
      redis: conn.clients[flavour],
      prefix: `outage-${flavour}:`,
      commandTimeoutMs: 500,
    });
    let stoppedAt = 0;
    let stopping: Promise<void> = Promise.resolve();
    cleanup.push(() => stopping);
    const t0 = performance.now();
    const result = await applyPlan(client, plan, {
      journal,
      concurrency: 2,
      journalTimeoutMs: 1_000,
      lease: { ttlMs: 3_000 },
      onProgress: (p) => {
        if (p.usersDone >= 5 && stoppedAt === 0) {
          stoppedAt = performance.now();
          stopping = server.stop();
        }
      },
    });
    const afterOutage = performance.now() - stoppedAt;
    console.log(
      `${flavour}: applyPlan returned ${Math.round(afterOutage)} ms after Redis stopped (${Math.round(performance.now() - t0)} ms in all); stopped by ${result.stopped?.name}`,
    );
    expect(stoppedAt).toBeGreaterThan(0);
    expect(afterOutage).toBeLessThan(10_000); // about one journal timeout plus the final read, not ~1 s per user
    expect(isJournalUnavailableError(result.stopped) || isLeaseLostError(result.stopped)).toBe(true);
    expect(result.items).toHaveLength(plan.changes.length);
    const applied = result.items.filter((i) => i.status === 'applied');
    const skipped = result.items.filter((i) => i.status === 'skipped');
    expect(applied.length).toBeGreaterThan(0);
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped.every((i) => i.error === result.stopped)).toBe(true);
    // Every status says what the org holds.
    for (const i of result.items) {
      const truth = emu.state.skillsOf(i.userId).get(i.skillId) ?? null;
      if (i.status === 'applied') expect(truth).toBe(i.after);
      if (i.status === 'skipped') expect(truth).not.toBe(i.after);
    }
    expect(result.notJournaled.length).toBeGreaterThan(0);
  }, 60_000);
});
