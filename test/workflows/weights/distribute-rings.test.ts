// distributeWeights' ring lever through the shared apply engine, over HTTP to the emulator: transient errors are
// retried in a later pass, another writer's change after our write is `overwritten`, a ring changed before our
// retry is skipped as drift, dry runs and re-runs write nothing. Other writers are simulated by a proxy that changes
// the emulator's state just before it forwards a request.
import { describe, expect, it } from 'vitest';
import { isServerError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { MemoryAuditTrail } from '../../../src/workflows/audit/trail.js';
import { distributeWeights } from '../../../src/workflows/weights/distribute.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { startProxy } from '../html-proxy.js';

/** A quiet queue with 4 active joined members in rings 2, 2, 1, 1; the weights map them to rings 1, 1, 2, 3. */
async function setup() {
  const emu = await emulator({ requestLogSize: 5000 });
  emu.state.analytics.trafficScale = 0;
  const active = (queueId: string) =>
    [...emu.state.membersOf(queueId).values()]
      .filter((m) => m.joined && emu.state.users.get(m.userId)?.state === 'active')
      .map((m) => m.userId);
  const queueId = [...emu.state.queues.keys()].find((id) => active(id).length >= 4)!;
  const ids = active(queueId).slice(0, 4);
  for (const id of ids) emu.state.setRoutingStatus(id, 'IDLE');
  [2, 2, 1, 1].forEach((ring, i) => (emu.state.membersOf(queueId).get(ids[i]!)!.ringNumber = ring));
  const weights = ids.map((memberId, i) => ({ memberId, weight: [0.4, 0.3, 0.2, 0.1][i]! }));
  return { emu, queueId, ids, weights };
}

const ringOf = (emu: Emulator, queueId: string, userId: string) => emu.state.membersOf(queueId).get(userId)?.ringNumber;
const memberPatches = (emu: Emulator, queueId: string) =>
  emu.stats.requestLog.filter(
    (r) => r.method === 'PATCH' && r.path.startsWith(`/api/v2/routing/queues/${queueId}/members/`),
  );
const memberListings = (emu: Emulator, queueId: string) =>
  emu.stats.requestLog.filter((r) => r.method === 'GET' && r.path === `/api/v2/routing/queues/${queueId}/members`);

describe('distributeWeights ring lever (shared apply engine)', () => {
  it('retries ring writes refused with 429 / 5xx in a later pass and ends applied; a re-run writes nothing', async () => {
    const { emu, queueId, ids, weights } = await setup();
    // The first PATCH of three members is refused (the client does not retry itself: maxRetries 0). The fourth
    // lands: passes continue while they make progress.
    const refused = new Set<string>();
    const faulted = (path: string) =>
      ids.slice(0, 3).some((id) => path.endsWith(`/members/${id}`)) && !refused.has(path) && Boolean(refused.add(path));
    emu.setFaults({
      rate: 1,
      kinds: ['429', '500', '502', '503', '504'],
      retryAfterSeconds: 0,
      match: (method, path) => method === 'PATCH' && faulted(path),
    });
    const client = clientFor(emu, { maxRetries: 0 });
    emu.resetStats();
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, { queueId, memberWeights: weights, auditTrail: trail });

    expect(result.rings).toBe(3);
    expect(ids.map((id) => ringOf(emu, queueId, id))).toEqual([1, 1, 2, 3]);
    expect(result.status).toBe('applied');
    expect(result.counts).toMatchObject({ applied: 4, failed: 0, unverified: 0 });
    const patches = memberPatches(emu, queueId);
    expect(patches.filter((r) => r.fault)).toHaveLength(3);
    expect(
      patches
        .filter((r) => r.fault)
        .map((r) => r.fault)
        .sort(),
    ).toEqual(['429', '500', '504']); // the seeded dice
    expect(patches.filter((r) => !r.fault)).toHaveLength(4); // the three refused are written again in pass 2
    // The live listing is pass 1's read; pass 2 and the final confirmation read one listing each.
    expect(memberListings(emu, queueId)).toHaveLength(3);
    for (const item of result.items) {
      expect(item.ring).toMatchObject({ status: 'applied', verified: item.target?.ringNumber, error: undefined });
      expect(item.ring!.correlationIds.length).toBeGreaterThan(0);
    }
    expect(trail.records.map((r) => [r.action, r.result, r.before, r.after])).toEqual([
      ['ringNumber', 'applied', 2, 1],
      ['ringNumber', 'applied', 2, 1],
      ['ringNumber', 'applied', 1, 2],
      ['ringNumber', 'applied', 1, 3],
    ]);

    emu.setFaults(null);
    emu.resetStats();
    const again = await distributeWeights(client, { queueId, memberWeights: weights });
    expect(again.status).toBe('unchanged');
    expect(again.items.map((i) => i.ring?.status)).toEqual(['unchanged', 'unchanged', 'unchanged', 'unchanged']);
    expect(memberPatches(emu, queueId)).toEqual([]);
  });

  it('a ring whose write keeps failing ends failed with the last error, after the passes stopped making progress', async () => {
    const { emu, queueId, ids, weights } = await setup();
    emu.setFaults({
      rate: 1,
      kinds: ['503'],
      match: (method, path) => method === 'PATCH' && path.endsWith(`/members/${ids[0]}`),
    });
    const client = clientFor(emu, { maxRetries: 0 });
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, { queueId, memberWeights: weights, auditTrail: trail });
    expect(result.status).toBe('partial');
    const failed = result.items[0]!;
    expect(failed).toMatchObject({ status: 'failed', ring: { status: 'failed', before: 2, after: 1, verified: 2 } });
    expect(isServerError(failed.error)).toBe(true);
    expect(result.items.slice(1).map((i) => i.status)).toEqual(['applied', 'applied', 'applied']);
    expect(trail.records.find((r) => r.userId === ids[0])).toMatchObject({ result: 'failed', error: { status: 503 } });
  });

  it('a ring another writer changes after our write is overwritten; one changed before our retry is skipped as drift', async () => {
    const { emu, queueId, ids, weights } = await setup();
    let patched = false;
    let overwritten = false;
    let drifted = false;
    const proxy = await startProxy(emu.baseUrl, (method, path) => {
      if (method === 'PATCH' && path.endsWith(`/members/${ids[1]}`) && !drifted) {
        // Our first write for ids[1] fails; meanwhile someone else moves it to ring 3 (neither planned nor found).
        drifted = true;
        emu.state.membersOf(queueId).get(ids[1]!)!.ringNumber = 3;
        return {
          status: 503,
          contentType: 'application/json',
          body: '{"status":503,"code":"service.unavailable","message":"try later"}',
        };
      }
      if (method === 'PATCH') patched = true;
      if (
        method === 'GET' &&
        path.split('?')[0] === `/api/v2/routing/queues/${queueId}/members` &&
        patched &&
        drifted &&
        !overwritten &&
        ringOf(emu, queueId, ids[0]!) === 1
      ) {
        // After our writes: another writer moves ids[0] from the ring we wrote (1) to ring 2.
        overwritten = true;
        emu.state.membersOf(queueId).get(ids[0]!)!.ringNumber = 2;
      }
      return undefined;
    });
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, maxRetries: 0 });
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      concurrency: 1,
      auditTrail: trail,
    });

    expect(result.status).toBe('partial');
    expect(result.items[0]).toMatchObject({
      status: 'overwritten',
      ring: { status: 'overwritten', before: 2, after: 1, verified: 2 },
    });
    expect(result.items[0]!.reason).toContain('another writer');
    expect(result.items[1]).toMatchObject({ status: 'skipped', ring: { status: 'skipped', before: 2, after: 1 } });
    expect(result.items[1]!.reason).toBe('changed since planned: expected 2, found 3');
    expect(ringOf(emu, queueId, ids[1]!)).toBe(3); // the other writer's value is kept
    expect(result.items.slice(2).map((i) => i.status)).toEqual(['applied', 'applied']);
    expect(result.counts).toMatchObject({ overwritten: 1, skipped: 1, applied: 2 });
    // The overwritten ring is audited with the shared vocabulary; the skipped one is not a change.
    expect(trail.records.find((r) => r.userId === ids[0])).toMatchObject({
      action: 'ringNumber',
      result: 'overwritten',
    });
    expect(trail.records.find((r) => r.userId === ids[1])).toBeUndefined();
  });

  it('dry run: rings that differ are wouldApply, the rest unchanged; nothing written, no read beyond the live listing', async () => {
    const { emu, queueId, ids, weights } = await setup();
    emu.state.membersOf(queueId).get(ids[3]!)!.ringNumber = 3; // already at its target
    const client = clientFor(emu);
    emu.resetStats();
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      dryRun: true,
      auditTrail: trail,
    });
    expect(result.status).toBe('dryRun');
    expect(result.items.map((i) => i.ring?.status)).toEqual(['wouldApply', 'wouldApply', 'wouldApply', 'unchanged']);
    expect(result.items.map((i) => i.status)).toEqual(['wouldApply', 'wouldApply', 'wouldApply', 'unchanged']);
    expect(memberPatches(emu, queueId)).toEqual([]);
    expect(memberListings(emu, queueId)).toHaveLength(1);
    expect(trail.records.map((r) => [r.result, r.before, r.after, r.dryRun])).toEqual([
      ['wouldApply', 2, 1, true],
      ['wouldApply', 2, 1, true],
      ['wouldApply', 1, 2, true],
    ]);
  });
});
