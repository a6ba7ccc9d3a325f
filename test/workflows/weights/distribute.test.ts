import { describe, expect, it } from 'vitest';
import * as root from '../../../src/index.js';
import { isValidationError, ValidationError } from '../../../src/index.js';
import * as optimizer from '../../../src/optimizer/index.js';
import * as planning from '../../../src/optimizer/planning/index.js';
import * as testing from '../../../src/testing/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import * as auditTrailModule from '../../../src/workflows/audit/trail.js';
import { MemoryAuditTrail } from '../../../src/workflows/audit/trail.js';
import * as distributeModule from '../../../src/workflows/weights/distribute.js';
import { distributeWeights } from '../../../src/workflows/weights/distribute.js';
import * as balanceModule from '../../../src/optimizer/planning/weights/weights-balance.js';
import { balanceAccuracy, expectedOfferShares } from '../../../src/optimizer/planning/weights/weights-balance.js';
import { runExample, tsBlocks } from '../../docs-examples.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { startProxy } from '../html-proxy.js';

/** A queue with at least 4 active joined members, all on queue (IDLE); no live traffic unless a test adds it. */
async function setup() {
  const emu = await emulator();
  emu.state.analytics.trafficScale = 0;
  const client = clientFor(emu);
  const active = (queueId: string) =>
    [...emu.state.membersOf(queueId).values()]
      .filter((m) => m.joined && emu.state.users.get(m.userId)?.state === 'active')
      .map((m) => m.userId);
  const queueId = [...emu.state.queues.keys()].find((id) => active(id).length >= 4)!;
  const ids = active(queueId).slice(0, 4);
  for (const id of ids) emu.state.setRoutingStatus(id, 'IDLE');
  const skillId = emu.state.queueSkill.get(queueId) ?? [...emu.state.skills.keys()][0]!;
  const weights = [
    { memberId: ids[0]!, weight: 0.4 },
    { memberId: ids[1]!, weight: 0.3 },
    { memberId: ids[2]!, weight: 0.2 },
    { memberId: ids[3]!, weight: 0.1 },
  ];
  return { emu, client, queueId, ids, skillId, weights };
}

const patches = (emu: Emulator, fragment = '') =>
  emu.stats.requestLog.filter((r) => r.method === 'PATCH' && r.path.includes(fragment));
const ringOf = (emu: Emulator, queueId: string, userId: string) => emu.state.membersOf(queueId).get(userId)?.ringNumber;

describe('distributeWeights', () => {
  it('maps weights onto ring numbers, verifies, audits each change, skips non-members, and a second run writes nothing', async () => {
    const { emu, client, queueId, ids, weights } = await setup();
    [2, 2, 1, 1].forEach((ring, i) => (emu.state.membersOf(queueId).get(ids[i]!)!.ringNumber = ring));
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: [...weights, { memberId: 'not-a-member', weight: 0 }],
      auditTrail: trail,
    });

    // Queue has 3 bullseye rings: ratios 1, .75, .5, .25 of the largest weight -> rings 1, 1, 2, 3.
    expect(result.rings).toBe(3);
    expect(ids.map((id) => ringOf(emu, queueId, id))).toEqual([1, 1, 2, 3]);
    expect(result.status).toBe('applied');
    expect(result.counts).toMatchObject({ applied: 4, skipped: 1, failed: 0 });
    const skipped = result.items.find((i) => i.memberId === 'not-a-member')!;
    expect(skipped.status).toBe('skipped');
    expect(skipped.reason).toContain('not a member');
    expect(result.items.filter((i) => i.status === 'applied').every((i) => i.ring?.verified === i.ring?.after)).toBe(
      true,
    );
    expect(patches(emu, `/routing/queues/${queueId}/members/`)).toHaveLength(4);

    // No live load: the next offer goes to ring 1 (ids 0 and 1 share it) -> 1 − ½(.1 + .2 + .2 + .1) = 0.7.
    expect(result.projection.live.demandErlangs).toBe(0);
    expect(result.projection.block).toBe(false);
    expect(result.items.map((i) => i.achievedShare)).toEqual([0.5, 0.5, 0, 0, 0]);
    expect(result.balanceAccuracy).toBeCloseTo(0.7, 9);
    expect(result.shareBasis).toBe('final');

    expect(trail.records).toHaveLength(4);
    for (const r of trail.records) {
      expect(r).toMatchObject({
        planId: result.planId,
        action: 'ringNumber',
        result: 'applied',
        dryRun: false,
        skillId: '',
      });
      expect(r.correlationIds.length).toBeGreaterThan(0);
      expect(r.details).toMatchObject({ queueId, balanceAccuracy: result.balanceAccuracy });
      expect(typeof r.details?.['requestedWeight']).toBe('number');
      expect(typeof r.details?.['achievedShare']).toBe('number');
      expect(r.latencyMs).toBeGreaterThanOrEqual(0);
    }
    expect(trail.records.map((r) => [r.before, r.after])).toEqual([
      [2, 1],
      [2, 1],
      [1, 2],
      [1, 3],
    ]);

    emu.resetStats();
    const again = await distributeWeights(client, { queueId, memberWeights: weights });
    expect(again.status).toBe('unchanged');
    expect(again.counts.unchanged).toBe(4);
    expect(patches(emu)).toEqual([]);
  });

  it('proficiency lever: PATCHes only the queue skill of users whose proficiency differs, keeps their other skills', async () => {
    const { emu, client, queueId, ids, skillId, weights } = await setup();
    for (const id of ids) emu.state.setUserSkill(id, skillId, 1);
    const otherBefore = ids.map((id) => [...emu.state.skillsOf(id)].filter(([s]) => s !== skillId));
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'proficiency',
      skillId,
      auditTrail: trail,
    });

    expect(result.status).toBe('applied');
    // weightsToProficiency, 0..5 step 1: 0.4 -> 5, 0.3 -> 4 (3.75), 0.2 -> 3 (2.5), 0.1 -> 1 (1.25)
    const targets = result.items.map((i) => i.target?.proficiency);
    expect(targets).toEqual([5, 4, 3, 1]);
    expect(ids.map((id) => emu.state.skillsOf(id).get(skillId))).toEqual(targets);
    expect(ids.map((id) => [...emu.state.skillsOf(id)].filter(([s]) => s !== skillId))).toEqual(otherBefore);
    expect(result.counts).toMatchObject({ applied: 3, unchanged: 1 }); // the 0.1 member already held 1
    expect(patches(emu, '/routingskills/bulk')).toHaveLength(3);
    expect(patches(emu, '/members/')).toHaveLength(0);
    expect(trail.records.map((r) => [r.action, r.skillId, r.before, r.after])).toEqual([
      ['update', skillId, 1, 5],
      ['update', skillId, 1, 4],
      ['update', skillId, 1, 3],
    ]);
    // Best available, no load: the single proficiency-5 member takes the next offer.
    expect(result.items[0]!.achievedShare).toBe(1);
    expect(result.balanceAccuracy).toBeCloseTo(0.4, 9);

    emu.resetStats();
    expect(
      (await distributeWeights(client, { queueId, memberWeights: weights, lever: 'proficiency', skillId })).status,
    ).toBe('unchanged');
    expect(patches(emu)).toEqual([]);
  });

  it('both levers: one audit record per lever change; the model orders by ring, then proficiency', async () => {
    const { emu, client, queueId, ids, skillId, weights } = await setup();
    for (const id of ids) {
      emu.state.membersOf(queueId).get(id)!.ringNumber = 3;
      emu.state.skillsOf(id).delete(skillId);
    }
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'both',
      skillId,
      auditTrail: trail,
    });
    expect(result.status).toBe('applied');
    expect(ids.map((id) => ringOf(emu, queueId, id))).toEqual([1, 1, 2, 3]);
    expect(ids.map((id) => emu.state.skillsOf(id).get(skillId))).toEqual([5, 4, 3, 1]);
    const actions = trail.records.map((r) => `${r.userId === ids[0] ? 'top' : 'other'}:${r.action}`);
    expect(actions.filter((a) => a.endsWith('ringNumber'))).toHaveLength(3); // the last member already sat in ring 3
    expect(trail.records.filter((r) => r.action === 'add')).toHaveLength(4); // nobody held the skill
    // Ring 1 holds ids 0 and 1; within it, best proficiency (5) wins the next offer.
    expect(result.items.map((i) => i.achievedShare)).toEqual([1, 0, 0, 0]);
  });

  it('dry run reads and reports, writes nothing, records planned changes', async () => {
    const { emu, client, queueId, ids, skillId, weights } = await setup();
    for (const id of ids) emu.state.membersOf(queueId).get(id)!.ringNumber = 3;
    const before = JSON.stringify(emu.state.toJSON().members);
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'both',
      skillId,
      dryRun: true,
      auditTrail: trail,
    });
    expect(result.status).toBe('dryRun');
    expect(result.shareBasis).toBe('target');
    expect(result.balanceAccuracy).toBe(result.plannedBalanceAccuracy);
    expect(result.items.every((i) => i.status === 'wouldApply')).toBe(true);
    const writes = emu.stats.requestLog.filter(
      (r) => r.method !== 'GET' && r.path !== '/oauth/token' && !r.path.startsWith('/api/v2/analytics/'),
    );
    expect(writes).toEqual([]);
    expect(JSON.stringify(emu.state.toJSON().members)).toBe(before);
    expect(trail.records.length).toBeGreaterThan(0);
    expect(trail.records.every((r) => r.result === 'wouldApply' && r.dryRun)).toBe(true);
  });

  it('blocks on a saturated queue: no write, the reason and the projection in the result', async () => {
    const { emu, client, queueId, weights } = await setup();
    // A busy weekday afternoon with 20x the usual traffic, carried by the 4 listed members alone (Σ weights = 1).
    emu.state.now = () => new Date('2025-01-08T13:00:00Z');
    emu.state.analytics.trafficScale = 20;
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, { queueId, memberWeights: weights, auditTrail: trail });
    expect(result.status).toBe('blocked');
    expect(result.projection.block).toBe(true);
    expect(result.projection.live.servingAgents).toBe(4);
    expect(result.projection.live.demandErlangs).toBeGreaterThan(4);
    expect(result.projection.projectedUtilization!).toBeGreaterThanOrEqual(0.95);
    expect(result.reason).toContain('block threshold');
    expect(result.items.every((i) => i.status === 'skipped' && i.reason?.includes('saturation gate'))).toBe(true);
    expect(patches(emu)).toEqual([]);
    expect(trail.records).toEqual([]);

    // The same weights on a quiet queue pass the gate.
    emu.state.analytics.trafficScale = 0;
    expect((await distributeWeights(client, { queueId, memberWeights: weights })).projection.block).toBe(false);
  });

  it('invalid weights throw a ValidationError naming the field, before any request', async () => {
    const { emu, client, queueId, weights } = await setup();
    emu.resetStats();
    const bad = [weights[0]!, { memberId: weights[1]!.memberId, weight: 1.5 }];
    const error = await distributeWeights(client, { queueId, memberWeights: bad }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    const paths = (error as ValidationError).issues.map((i) => i.path);
    expect(paths).toContain('memberWeights[1].weight');
    expect((error as Error).message).toContain('memberWeights[1].weight');

    const sum = await distributeWeights(client, {
      queueId,
      memberWeights: weights.map((w) => ({ ...w, weight: 0.5 })),
    }).catch((e: unknown) => e);
    expect((sum as ValidationError).issues.map((i) => i.path)).toEqual(['memberWeights']);
    const noSkill = await distributeWeights(client, { queueId, memberWeights: weights, lever: 'proficiency' }).catch(
      (e: unknown) => e,
    );
    expect((noSkill as ValidationError).issues.map((i) => i.path)).toEqual(['skillId']);
    const threshold = await distributeWeights(client, { queueId, memberWeights: weights, overflowThreshold: 2 }).catch(
      (e: unknown) => e,
    );
    expect((threshold as ValidationError).issues.map((i) => i.path)).toEqual(['overflowThreshold']);
    const scale = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'proficiency',
      skillId: 'x',
      proficiencyScale: { min: 4, max: 2 },
    }).catch((e: unknown) => e);
    expect((scale as ValidationError).issues.map((i) => i.path)).toContain('proficiencyScale.min');
    expect(emu.stats.requestLog).toEqual([]);

    const unknownSkill = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'proficiency',
      skillId: 'no-such-skill',
    }).catch((e: unknown) => e);
    expect((unknownSkill as ValidationError).issues.map((i) => i.path)).toEqual(['skillId']);
    expect(patches(emu)).toEqual([]);
  });

  it('a member that fails mid-run is reported failed with its error; the others are applied (partial)', async () => {
    const { emu, client, queueId, ids, weights } = await setup();
    [2, 2, 1, 1].forEach((ring, i) => (emu.state.membersOf(queueId).get(ids[i]!)!.ringNumber = ring));
    // After the first member, the last one leaves the queue: its ring write answers 404.
    const onProgress = (p: { membersDone: number }) =>
      p.membersDone === 1 && emu.state.membersOf(queueId).delete(ids[3]!);
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      concurrency: 1,
      onProgress,
      auditTrail: trail,
    });
    expect(result.status).toBe('partial');
    const failed = result.items.find((i) => i.memberId === ids[3])!;
    expect(failed.status).toBe('failed');
    expect(root.isNotFoundError(failed.error)).toBe(true);
    expect(result.counts).toMatchObject({ applied: 3, failed: 1 });
    expect(trail.records.find((r) => r.userId === ids[3])).toMatchObject({ result: 'failed', error: { status: 404 } });
  });

  it('stops taking members when aborted; the rest are skipped with the reason (partial)', async () => {
    const { emu, client, queueId, ids, weights } = await setup();
    [2, 2, 1, 1].forEach((ring, i) => (emu.state.membersOf(queueId).get(ids[i]!)!.ringNumber = ring));
    const controller = new AbortController();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      concurrency: 1,
      signal: controller.signal,
      verify: false,
      onProgress: (p) => p.membersDone === 2 && controller.abort(),
    });
    expect(result).toMatchObject({ status: 'partial', aborted: true });
    expect(result.items.map((i) => i.status)).toEqual(['applied', 'applied', 'skipped', 'skipped']);
    expect(result.items[3]!.reason).toBe('aborted before this member');
    expect(ids.map((id) => ringOf(emu, queueId, id))).toEqual([1, 1, 1, 1]);
  });

  it('emits progress and reports warnings about the levers', async () => {
    const { emu, client, queueId, skillId, weights } = await setup();
    emu.state.queues.get(queueId)!.skillEvaluationMethod = 'ALL';
    const seen: number[] = [];
    client.on('progress', (e) => e.operation === 'distributeWeights' && seen.push(e.done));
    const result = await distributeWeights(client, {
      queueId,
      memberWeights: weights,
      lever: 'proficiency',
      skillId,
      dryRun: true,
    });
    expect(seen).toEqual([1, 2, 3, 4]);
    expect(result.warnings.some((w) => w.includes('skillEvaluationMethod is ALL'))).toBe(true);
  });

  it('reads that drive writes refuse a malformed answer: an HTML members page stops the run before any write', async () => {
    const { emu, queueId, weights } = await setup();
    const proxy = await startProxy(emu.baseUrl, (method, path) =>
      method === 'GET' && path.includes('/members')
        ? { status: 200, contentType: 'text/html', body: '<html>maintenance</html>' }
        : undefined,
    );
    const client = clientFor(emu, { apiBaseUrl: proxy.baseUrl, validation: 'off' });
    const error = await distributeWeights(client, { queueId, memberWeights: weights }).catch((e: unknown) => e);
    expect(isValidationError(error)).toBe(true);
    expect(
      emu.stats.requestLog.filter(
        (r) => r.method !== 'GET' && r.path !== '/oauth/token' && !r.path.startsWith('/api/v2/analytics/'),
      ),
    ).toEqual([]);
  });

  it('the proficiency lever is read in one bulk request and verified from the PATCH answer (shared apply engine)', async () => {
    const { emu, client, queueId, ids, skillId, weights } = await setup();
    for (const id of ids) emu.state.setUserSkill(id, skillId, 0);
    emu.resetStats();
    const result = await distributeWeights(client, { queueId, memberWeights: weights, lever: 'proficiency', skillId });
    expect(result.counts.applied).toBe(4);
    const skillReads = emu.stats.requestLog.filter(
      (r) => r.method === 'GET' && (r.path === '/api/v2/users' || r.path.includes('/routingskills')),
    );
    expect(skillReads.map((r) => r.path)).toEqual(['/api/v2/users', '/api/v2/users']); // first read + final confirmation
    expect(result.items.every((i) => i.proficiency?.verified === i.target?.proficiency)).toBe(true);
  });
});

describe('offer model and balance accuracy', () => {
  it('fills levels in order up to the overflow threshold, then spreads the excess', () => {
    const members = [
      { memberId: 'ann', ringNumber: 1 },
      { memberId: 'bob', ringNumber: 2 },
      { memberId: 'cat', ringNumber: 2 },
    ];
    const shares = expectedOfferShares(members, { lever: 'rings', load: 1.5, overflowThreshold: 0.8 });
    expect(shares.get('ann')).toBeCloseTo(0.8 / 1.5, 12);
    expect(shares.get('bob')).toBeCloseTo(0.35 / 1.5, 12);
    // Beyond every level's threshold (3 x 0.8 = 2.4), the excess 0.6 is spread evenly.
    const saturated = expectedOfferShares(members, { lever: 'rings', load: 3, overflowThreshold: 0.8 });
    expect([...saturated.values()].map((s) => s * 3)).toEqual([1, 1, 1].map((x) => expect.closeTo(x, 12)));
    // No load: the first level takes the next offer; threshold 0: no preference at all.
    expect([...expectedOfferShares(members, { lever: 'rings', load: 0, overflowThreshold: 0.8 }).values()]).toEqual([
      1, 0, 0,
    ]);
    expect([...expectedOfferShares(members, { lever: 'rings', load: 0, overflowThreshold: 0 }).values()]).toEqual([
      1 / 3,
      1 / 3,
      1 / 3,
    ]);
  });

  it('proficiency: best first, no skill = never offered; both: ring first, then proficiency', () => {
    const members = [
      { memberId: 'a', ringNumber: 2, proficiency: 5 },
      { memberId: 'b', ringNumber: 1, proficiency: 2 },
      { memberId: 'c', ringNumber: 1, proficiency: null },
    ];
    expect(
      Object.fromEntries(expectedOfferShares(members, { lever: 'proficiency', load: 0.5, overflowThreshold: 0.9 })),
    ).toEqual({ a: 1, b: 0, c: 0 });
    expect(
      Object.fromEntries(expectedOfferShares(members, { lever: 'both', load: 0.5, overflowThreshold: 0.9 })),
    ).toEqual({ a: 0, b: 1, c: 0 });
    expect(
      Object.fromEntries(expectedOfferShares(members, { lever: 'rings', load: 0.5, overflowThreshold: 0.9 })),
    ).toEqual({ a: 0, b: 0.5, c: 0.5 });
  });

  it('balance accuracy is 1 − total variation distance, normalising the requested weights', () => {
    expect(balanceAccuracy({ ann: 0.5, bob: 0.3, cat: 0.2 }, { ann: 0.6, bob: 0.4, cat: 0 })).toBeCloseTo(0.8, 12);
    expect(
      balanceAccuracy(
        { ann: 2, bob: 2 },
        new Map([
          ['ann', 0.5],
          ['bob', 0.5],
        ]),
      ),
    ).toBe(1);
    expect(balanceAccuracy({ ann: 1 }, { bob: 1 })).toBe(0);
    expect(balanceAccuracy({ ann: 0 }, { ann: 1 })).toBe(0);
  });
});

// docs/guides/distribute-weights.md: every TypeScript block runs against a fresh emulator.
const blocks = tsBlocks(new URL('../../../docs/guides/distribute-weights.md', import.meta.url));
const sdk = { ...root, ...auditTrailModule, ...distributeModule, ...balanceModule };
const modules = {
  'genesys-routing-sdk': sdk,
  'genesys-routing-sdk/workflows': sdk,
  'genesys-routing-sdk/optimizer': optimizer,
  'genesys-routing-sdk/planning': planning,
  'genesys-routing-sdk/testing': testing,
};

describe('docs/guides/distribute-weights.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThan(1));
  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', async (_n, code) => {
    const { client, queueId, skillId } = await setup();
    const logs: unknown[][] = [];
    const console = { log: (...args: unknown[]) => logs.push(args) };
    await runExample(code, modules, { console, client, queueId, skillId });
    expect(logs.length).toBeGreaterThan(0);
  });
});
