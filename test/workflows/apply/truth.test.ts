// applyPlan reports what the org holds: malformed reads never drive writes, a journal never replaces a read,
// overwrites are detected, and each user costs about one request.
import { describe, expect, it } from 'vitest';
import { isPlanLockedError, isValidationError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { MemoryJournal } from '../../../src/workflows/journal/journals.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { startProxy } from '../html-proxy.js';
import { handMadePlan, mismatches, writes } from '../plan-fixtures.js';

const HTML = {
  status: 200,
  contentType: 'text/html',
  body: '<html><body>Please sign in to the corporate proxy</body></html>',
};

describe('applyPlan: malformed reads', () => {
  it('a 200 text/html skills read fails every item with a typed error and writes nothing (validation warn)', async () => {
    const emu = await emulator();
    const proxy = await startProxy(emu.baseUrl, (method, path) =>
      method === 'GET' && path.startsWith('/api/v2/users') ? HTML : undefined,
    );
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, validation: 'warn' });
    const plan = handMadePlan(emu, 6, proxy.baseUrl);
    expect(plan.summary.removes).toBeGreaterThan(0);
    const result = await applyPlan(client, plan, { passes: 2, concurrency: 2 });
    expect(proxy.intercepted.length).toBeGreaterThan(0);
    expect(writes(emu)).toBe(0);
    expect(result.counts.failed).toBe(plan.changes.length);
    expect(result.items.every((i) => isValidationError(i.error))).toBe(true);
    expect(mismatches(emu, plan)).toHaveLength(plan.changes.length);
  });

  it('a mis-shaped JSON listing (skills without proficiency) is refused the same way', async () => {
    const emu = await emulator();
    const bad = JSON.stringify({
      entities: [{ id: 'x', name: 'no proficiency' }],
      pageSize: 100,
      pageNumber: 1,
      pageCount: 1,
    });
    const proxy = await startProxy(emu.baseUrl, (method, path) =>
      method === 'GET' && path.startsWith('/api/v2/users')
        ? {
            status: 200,
            contentType: 'application/json',
            body: path.includes('routingskills') ? bad : JSON.stringify({ entities: 'nope' }),
          }
        : undefined,
    );
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, validation: 'off' });
    const plan = handMadePlan(emu, 4, proxy.baseUrl);
    const result = await applyPlan(client, plan, { passes: 1 });
    expect(writes(emu)).toBe(0);
    expect(result.items.every((i) => i.status === 'failed' && isValidationError(i.error))).toBe(true);
  });
});

describe('applyPlan: a journal re-run confirms against the org', () => {
  it('after a completed apply, a skill set back by hand is re-applied, not reported unchanged', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 8);
    const journal = new MemoryJournal();
    const first = await applyPlan(client, plan, { journal });
    expect(first.counts.applied).toBe(plan.changes.length);
    const edited = plan.changes.find((c) => c.action === 'update')!;
    emu.state.skillsOf(edited.userId).set(edited.skillId, edited.before!);

    const again = await applyPlan(client, plan, { journal });
    const item = again.items.find((i) => i.userId === edited.userId && i.skillId === edited.skillId)!;
    expect(item.status).toBe('applied');
    expect(item.fromJournal).toBeUndefined();
    expect(item.reason).toContain('journal had it done');
    expect(mismatches(emu, plan)).toEqual([]);
    expect(again.counts.applied).toBe(1);
    expect(
      again.items.filter((i) => i.userId !== edited.userId).every((i) => i.status === 'unchanged' && i.fromJournal),
    ).toBe(true);
  });

  it('an edited plan (same id, new targets) re-applied with the same journal writes the new targets', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 5);
    const journal = new MemoryJournal();
    await applyPlan(client, plan, { journal });
    const edited = {
      ...plan,
      changes: plan.changes.map((c) => (c.action === 'update' ? { ...c, before: c.after, after: 1 } : c)),
    };
    const updates = edited.changes.filter((c) => c.action === 'update').length;
    const again = await applyPlan(client, edited, { journal });
    expect(again.counts.applied).toBe(updates);
    expect(again.items.some((i) => i.fromJournal)).toBe(false);
    expect(mismatches(emu, edited)).toEqual([]);
  });
});

describe('applyPlan: concurrent writers', () => {
  it('a value changed by someone else after this run wrote it is reported overwritten', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 3);
    const victim = plan.changes.find((c) => c.action === 'update')!;
    const result = await applyPlan(client, plan, {
      concurrency: 1,
      onProgress: () => {
        const held = emu.state.skillsOf(victim.userId);
        if (held.get(victim.skillId) === victim.after) held.set(victim.skillId, 0.5);
      },
    });
    const item = result.items.find((i) => i.userId === victim.userId && i.skillId === victim.skillId)!;
    expect(item.status).toBe('overwritten');
    expect(item.final).toBe(0.5);
    expect(item.reason).toContain('another writer');
  });

  it('a journal lease keeps a second apply of the same plan out (PlanLockedError), and is released after', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 4);
    const journal = new MemoryJournal();
    const first = applyPlan(client, plan, { journal, lease: { owner: 'a' } });
    await new Promise((r) => setTimeout(r, 5));
    const second = await applyPlan(client, plan, { journal, lease: { owner: 'b', waitMs: 0 } }).catch(
      (e: unknown) => e,
    );
    expect(isPlanLockedError(second)).toBe(true);
    expect((second as { owner: string }).owner).toBe('a');
    expect((await first).counts.applied).toBe(plan.changes.length);
    const third = await applyPlan(client, plan, { journal, lease: { owner: 'b' } });
    expect(third.counts.unchanged).toBe(plan.changes.length);
  });
});

describe('applyPlan: org guard and request floor', () => {
  it('refuses a plan whose org id differs even on the same API base URL; allowOtherOrg forces it', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = { ...handMadePlan(emu, 1), orgId: 'another-org-in-the-same-region' };
    const error = await applyPlan(client, plan).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('plan.orgId');
    expect((error as Error).message).toContain(emu.state.organization.id);
    expect(writes(emu)).toBe(0);
    expect((await applyPlan(client, plan, { allowOtherOrg: true })).counts.applied).toBe(plan.changes.length);
    const own = { ...handMadePlan(emu, 1), orgId: emu.state.organization.id };
    expect((await applyPlan(client, own)).items).toHaveLength(own.changes.length);
  });

  it('reads 100 users per request and confirms from the PATCH answer: about one request per changed user', async () => {
    const emu = await emulator({ org: { users: 260, skills: 12, queues: 4 } });
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 250);
    const updatesOnly = { ...plan, changes: plan.changes.filter((c) => c.action === 'update') };
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.resetStats();
    const result = await applyPlan(client, updatesOnly);
    expect(result.counts.applied).toBe(updatesOnly.changes.length);
    const requests = emu.stats.requestLog.filter(
      (r) => r.path.startsWith('/api/v2/') && !r.path.startsWith('/api/v2/tokens'),
    ).length;
    const users = new Set(updatesOnly.changes.map((c) => c.userId)).size;
    expect(requests / users).toBeLessThanOrEqual(1.1);
    expect(result.reads.perUser).toBe(0);
  });

  it('falls back to a per-user read where expand left skills out (best effort)', async () => {
    const emu = await emulator({ quirks: { partialExpand: true } });
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 10);
    const result = await applyPlan(client, plan);
    expect(result.reads.perUser).toBeGreaterThan(0);
    expect(result.counts.applied).toBe(plan.changes.length);
    expect(mismatches(emu, plan)).toEqual([]);
  });
});

describe('applyPlan: removals as one PUT per user', () => {
  it("removals: 'replace' writes each user with one PUT of the whole set, verified from its answer", async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const plan = handMadePlan(emu, 8);
    expect(plan.summary.removes).toBeGreaterThan(0);
    const untouched = new Map(
      plan.changes.map((c) => [
        c.userId,
        [...emu.state.skillsOf(c.userId)].filter(
          ([s]) => !plan.changes.some((x) => x.userId === c.userId && x.skillId === s),
        ),
      ]),
    );
    emu.resetStats();
    const result = await applyPlan(client, plan, { removals: 'replace' });
    expect(result.counts.applied).toBe(plan.changes.length);
    expect(mismatches(emu, plan)).toEqual([]);
    for (const [userId, kept] of untouched)
      for (const [skillId, p] of kept) expect(emu.state.skillsOf(userId).get(skillId)).toBe(p);
    const log = emu.stats.requestLog;
    expect(log.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(log.filter((r) => r.method === 'PUT' || r.method === 'PATCH')).toHaveLength(
      new Set(plan.changes.map((c) => c.userId)).size,
    );
  });
});

describe('applyPlan: a write that cannot be confirmed', () => {
  it('is unverified when the write timed out (it landed later) and no read could confirm it', async () => {
    const emu = await emulator({
      faults: { rate: 1, kinds: ['slow'], slowMs: 1500, match: (method) => method === 'PATCH' },
    });
    let patched = false;
    const proxy = await startProxy(emu.baseUrl, (method, path) => {
      if (method === 'PATCH') patched = true;
      return patched && method === 'GET' && path.startsWith('/api/v2/users')
        ? {
            status: 503,
            contentType: 'application/json',
            body: '{"message":"down","code":"service.unavailable","status":503}',
          }
        : undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, timeoutMs: 800, maxRetries: 0 });
    const plan = { ...handMadePlan(emu, 1, proxy.baseUrl) };
    plan.changes = plan.changes.filter((c) => c.action === 'update');
    const result = await applyPlan(client, plan, { passes: 1 });
    await new Promise((r) => setTimeout(r, 1000)); // the slow PATCH lands after the client gave up
    expect(result.items[0]).toMatchObject({ status: 'unverified' });
    expect(result.items[0]!.reason).toContain('could not be confirmed');
    expect(mismatches(emu, plan)).toEqual([]); // it did land: "unverified", not "failed"
  });
});
