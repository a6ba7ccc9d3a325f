// Removals with `removals: 'replace'`: one PUT of the user's whole set, built from a read of a small group taken right
// before the writes (about 1 + 1/concurrency requests per user); the default `delete` keeps skills other writers assign.
// Other writers are simulated by a proxy that changes the emulator's state just before it forwards a request.
import { describe, expect, it } from 'vitest';
import type { Emulator } from '../../../src/testing/index.js';
import { isGenesysApiError } from '../../../src/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { summarize, type Plan } from '../../../src/workflows/plan.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { startProxy } from '../html-proxy.js';
import { handMadePlan, mismatches } from '../plan-fixtures.js';

/** handMadePlan restricted to users that get an update, an add and a removal. */
function fullPlan(emu: Emulator, users: number, org?: string): Plan {
  const plan = handMadePlan(emu, users, org);
  const kinds = new Map<string, Set<string>>();
  for (const c of plan.changes) kinds.set(c.userId, (kinds.get(c.userId) ?? new Set()).add(c.action));
  const changes = plan.changes.filter((c) => kinds.get(c.userId)!.size === 3);
  return { ...plan, changes, summary: summarize(changes, [], []) };
}

/** An active skill the user neither holds nor has in the plan. */
function foreignSkill(emu: Emulator, plan: Plan, userId: string): string {
  const planned = new Set(plan.changes.filter((c) => c.userId === userId).map((c) => c.skillId));
  const held = emu.state.skillsOf(userId);
  return [...emu.state.skills.values()].find((s) => s.state === 'active' && !held.has(s.id) && !planned.has(s.id))!.id;
}

const apiRequests = (emu: Emulator) =>
  emu.stats.requestLog.filter((r) => r.path.startsWith('/api/v2/') && !r.path.startsWith('/api/v2/tokens'));

describe("applyPlan removals: 'replace' (opt-in: one PUT per user, read right before)", () => {
  it('costs at most 1.3 requests per user when every user has an update, an add and a removal', async () => {
    const emu = await emulator({ org: { users: 220, skills: 12, queues: 4 }, requestLogSize: 5000 });
    const client = clientFor(emu);
    const plan = fullPlan(emu, 200);
    const users = new Set(plan.changes.map((c) => c.userId)).size;
    expect(users).toBeGreaterThanOrEqual(100);
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.resetStats();
    const result = await applyPlan(client, plan, { removals: 'replace', conflictCheck: false });
    expect(result.counts.applied).toBe(plan.changes.length);
    expect(mismatches(emu, plan)).toEqual([]);
    const log = apiRequests(emu);
    expect(log.filter((r) => r.method === 'DELETE')).toHaveLength(0);
    expect(log.filter((r) => r.method === 'PUT')).toHaveLength(users);
    expect(log.length / users).toBeLessThanOrEqual(1.3);
    expect(result.reads.bulk).toBe(Math.ceil(users / 4) + Math.ceil(users / 100)); // groups of 4 + the final read
  });

  it('keeps a skill another writer assigned before the group was read (the read is one group old, not 100 users)', async () => {
    const emu = await emulator();
    let late = '';
    let foreign = '';
    let assigned = false;
    const proxy = await startProxy(emu.baseUrl, (method) => {
      if (method === 'PUT' && !assigned) {
        assigned = true; // the first write of the run: the last user is still to be read
        emu.state.skillsOf(late).set(foreign, 3);
      }
      return undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl });
    const plan = fullPlan(emu, 12, proxy.baseUrl);
    late = plan.changes.at(-1)!.userId;
    foreign = foreignSkill(emu, plan, late);
    const result = await applyPlan(client, plan, { concurrency: 2, removals: 'replace' });
    expect(assigned).toBe(true);
    expect(emu.state.skillsOf(late).get(foreign)).toBe(3);
    expect(result.counts.applied).toBe(plan.changes.length);
    expect(mismatches(emu, plan)).toEqual([]);
    expect(emu.stats.requestLog.filter((r) => r.method === 'DELETE')).toHaveLength(0);
  });

  it("removes a skill assigned between the group's read and the PUT (the documented window); 'delete' keeps it", async () => {
    for (const removals of ['replace', 'delete'] as const) {
      const emu = await emulator();
      let victim = '';
      let foreign = '';
      const proxy = await startProxy(emu.baseUrl, (method, path) => {
        if (
          method !== 'GET' &&
          path.includes(`/users/${victim}/routingskills`) &&
          !emu.state.skillsOf(victim).has(foreign)
        )
          emu.state.skillsOf(victim).set(foreign, 3);
        return undefined;
      });
      const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl });
      const plan = fullPlan(emu, 3, proxy.baseUrl);
      victim = plan.changes[0]!.userId;
      foreign = foreignSkill(emu, plan, victim);
      const result = await applyPlan(client, plan, { removals });
      expect(result.counts.applied).toBe(plan.changes.length); // the planned changes are exact either way
      expect(mismatches(emu, plan)).toEqual([]);
      expect(emu.state.skillsOf(victim).get(foreign), removals).toBe(removals === 'delete' ? 3 : undefined);
    }
  });

  it('reports every status exactly: applied, unchanged, failed (refused PUT), overwritten (changed after the PUT)', async () => {
    const emu = await emulator();
    let refused = '';
    let overwritten = { userId: '', skillId: '' };
    const proxy = await startProxy(emu.baseUrl, (method, path) => {
      if (method === 'PUT' && path.includes(`/users/${refused}/`)) {
        return {
          status: 400,
          contentType: 'application/json',
          body: '{"message":"refused","code":"bad.request","status":400}',
        };
      }
      // The final read comes after every write: another writer changes a value this run wrote.
      if (
        method === 'GET' &&
        path.startsWith('/api/v2/users?') &&
        emu.state.skillsOf(overwritten.userId).get(overwritten.skillId) === 5
      ) {
        emu.state.skillsOf(overwritten.userId).set(overwritten.skillId, 0.5);
      }
      return undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl });
    const plan = fullPlan(emu, 8, proxy.baseUrl);
    const [first, second, third] = [...new Set(plan.changes.map((c) => c.userId))];
    refused = first!;
    const update = plan.changes.find((c) => c.userId === second && c.action === 'update')!;
    overwritten = { userId: update.userId, skillId: update.skillId };
    for (const c of plan.changes.filter((x) => x.userId === third)) {
      if (c.after === null) emu.state.skillsOf(c.userId).delete(c.skillId);
      else emu.state.skillsOf(c.userId).set(c.skillId, c.after);
    }
    const result = await applyPlan(client, plan, { passes: 1, removals: 'replace' });
    const status = (userId: string) => [
      ...new Set(result.items.filter((i) => i.userId === userId).map((i) => i.status)),
    ];
    expect(status(refused)).toEqual(['failed']);
    expect(
      result.items
        .filter((i) => i.userId === refused)
        .every((i) => isGenesysApiError(i.error) && i.error.status === 400),
    ).toBe(true);
    expect(status(third!)).toEqual(['unchanged']);
    const item = result.items.find((i) => i.userId === update.userId && i.skillId === update.skillId)!;
    expect(item).toMatchObject({ status: 'overwritten', final: 0.5 });
    const truthful = result.items.filter((i) => {
      const truth = emu.state.skillsOf(i.userId).get(i.skillId) ?? null;
      return i.status === 'applied' || i.status === 'unchanged' ? truth === i.after : truth !== i.after;
    });
    expect(truthful).toHaveLength(result.items.length);
    expect(result.counts.applied).toBe(plan.changes.length - 3 * 2 - 1);
  });

  it('is unverified when the PUT timed out (it landed later) and no read could confirm it', async () => {
    const emu = await emulator({
      faults: { rate: 1, kinds: ['slow'], slowMs: 1500, match: (method) => method === 'PUT' },
    });
    let put = false;
    const proxy = await startProxy(emu.baseUrl, (method, path) => {
      if (method === 'PUT') put = true;
      return put && method === 'GET' && path.startsWith('/api/v2/users')
        ? {
            status: 503,
            contentType: 'application/json',
            body: '{"message":"down","code":"service.unavailable","status":503}',
          }
        : undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, timeoutMs: 800, maxRetries: 0 });
    const plan = fullPlan(emu, 1, proxy.baseUrl);
    const result = await applyPlan(client, plan, { passes: 1, removals: 'replace' });
    await new Promise((r) => setTimeout(r, 1000)); // the slow PUT lands after the client gave up
    expect(result.items.map((i) => i.status)).toEqual(plan.changes.map(() => 'unverified'));
    expect(mismatches(emu, plan)).toEqual([]);
  });
});
