import * as fsPromises from 'node:fs/promises';
import * as http from 'node:http';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as root from '../../../src/index.js';
import * as webhooksEntry from '../../../src/webhooks/index.js';
import { isValidationError } from '../../../src/index.js';
import type { Emulator } from '../../../src/testing/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import * as crossCheckModule from '../../../src/workflows/audit/crosscheck.js';
import { crossCheckAuditTrail } from '../../../src/workflows/audit/crosscheck.js';
import * as auditTrailModule from '../../../src/workflows/audit/trail.js';
import { MemoryAuditTrail, type AuditRecord } from '../../../src/workflows/audit/trail.js';
import * as distributeModule from '../../../src/workflows/weights/distribute.js';
import { distributeWeights } from '../../../src/workflows/weights/distribute.js';
import * as exportModule from '../../../src/workflows/export/skill-matrix.js';
import * as exportSummaryModule from '../../../src/workflows/export/summary.js';
import { runExample, tsBlocks } from '../../docs-examples.js';
import { clientFor, emulator } from '../../transport/helpers.js';
import { handMadePlan } from '../plan-fixtures.js';

async function appliedPlan(users = 5) {
  const emu = await emulator();
  const client = clientFor(emu);
  const plan = handMadePlan(emu, users);
  const trail = new MemoryAuditTrail();
  await applyPlan(client, plan, { auditTrail: trail });
  return { emu, client, plan, trail };
}

/** A queue with 4 active joined members, quiet (no live traffic), rings all 3 and no queue skill held. */
function weightedQueue(emu: Emulator) {
  emu.state.analytics.trafficScale = 0;
  const active = (q: string) =>
    [...emu.state.membersOf(q).values()]
      .filter((m) => m.joined && emu.state.users.get(m.userId)?.state === 'active')
      .map((m) => m.userId);
  const queueId = [...emu.state.queues.keys()].find((q) => active(q).length >= 4)!;
  const ids = active(queueId).slice(0, 4);
  const skillId = emu.state.queueSkill.get(queueId) ?? [...emu.state.skills.keys()][0]!;
  for (const id of ids) {
    emu.state.setRoutingStatus(id, 'IDLE');
    emu.state.membersOf(queueId).get(id)!.ringNumber = 3;
    emu.state.skillsOf(id).delete(skillId);
  }
  const memberWeights = ids.map((memberId, i) => ({ memberId, weight: [0.4, 0.3, 0.2, 0.1][i]! }));
  return { queueId, ids, skillId, memberWeights };
}

describe('crossCheckAuditTrail', () => {
  it('matches every change applyPlan recorded with the platform audit log', async () => {
    const { client, trail } = await appliedPlan();
    const applied = trail.records.filter((r) => r.result === 'applied');
    expect(applied.length).toBeGreaterThan(5);
    const check = await crossCheckAuditTrail(client, trail.records);
    expect(check.source).toBe('realtime');
    expect(check.checked).toBe(applied.length);
    expect(check.matched).toHaveLength(applied.length);
    expect(
      check.matched.every(
        (m) => m.exact && m.platform.kind === 'skill' && m.platform.actor.clientId === 'emulator-client',
      ),
    ).toBe(true);
    expect(check.missingOnPlatform).toEqual([]);
    expect(check.unexpectedOnPlatform).toEqual([]);
    expect(check.platformMessages).toBeGreaterThan(0);
  });

  it('reports a change made outside the trail as unexpected, and a recorded change that never happened as missing', async () => {
    const { client, emu, trail } = await appliedPlan(3);
    const someone = trail.records[0]!;
    const otherSkill = [...emu.state.skills.values()].find(
      (s) => s.state === 'active' && !emu.state.skillsOf(someone.userId).has(s.id),
    )!;
    await client.routing.userSkills.patchBulk(someone.userId, [{ id: otherSkill.id, proficiency: 4.5 }]); // outside the trail
    const ghost: AuditRecord = {
      ...someone,
      skillId: otherSkill.id,
      action: 'update',
      before: 4.5,
      after: 1,
      result: 'applied',
      correlationIds: [],
    };

    const check = await crossCheckAuditTrail(client, [...trail.records, ghost]);
    expect(check.unexpectedOnPlatform).toHaveLength(1);
    expect(check.unexpectedOnPlatform[0]).toMatchObject({
      kind: 'skill',
      userId: someone.userId,
      skillId: otherSkill.id,
      before: null,
      after: 4.5,
    });
    expect(check.missingOnPlatform).toEqual([ghost]);
    expect(check.matched).toHaveLength(check.checked - 1);
  });

  it('ignores dry-run and unchanged records', async () => {
    const { client, emu } = await appliedPlan(0);
    const plan = handMadePlan(emu, 3);
    const trail = new MemoryAuditTrail();
    await applyPlan(client, plan, { auditTrail: trail, dryRun: true });
    const check = await crossCheckAuditTrail(client, trail.records);
    expect(check).toMatchObject({
      checked: 0,
      ignored: trail.records.length,
      matched: [],
      missingOnPlatform: [],
      source: 'none',
    });
  });

  it('checks distributeWeights records: ring numbers against Queue MemberUpdate audits, proficiency against User audits', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const { queueId, skillId, memberWeights } = weightedQueue(emu);
    const trail = new MemoryAuditTrail();
    const result = await distributeWeights(client, {
      queueId,
      memberWeights,
      lever: 'both',
      skillId,
      auditTrail: trail,
    });
    expect(result.status).toBe('applied');
    const check = await crossCheckAuditTrail(client, trail.records);
    expect(check.matched).toHaveLength(trail.records.length);
    expect(
      check.matched.filter((m) => m.platform.kind === 'ringNumber').every((m) => m.platform.queueId === queueId),
    ).toBe(true);
    expect(check.matched.filter((m) => m.platform.kind === 'ringNumber')).toHaveLength(
      trail.records.filter((r) => r.action === 'ringNumber').length,
    );
    expect(check.missingOnPlatform).toEqual([]);
    expect(check.unexpectedOnPlatform).toEqual([]);

    // Someone moves another member of the same queue to ring 2: unexpected.
    const other = [...emu.state.membersOf(queueId).keys()].find(
      (id) => !memberWeights.some((w) => w.memberId === id) && emu.state.membersOf(queueId).get(id)!.ringNumber !== 2,
    )!;
    await client.routing.members.setRingNumber(queueId, other, 2);
    const again = await crossCheckAuditTrail(client, trail.records);
    expect(again.unexpectedOnPlatform).toEqual([
      expect.objectContaining({ kind: 'ringNumber', queueId, userId: other, after: 2 }),
    ]);

    const skipped = await crossCheckAuditTrail(client, trail.records, { ringNumbers: 'skip' });
    expect(skipped.notCheckable).toHaveLength(trail.records.filter((r) => r.action === 'ringNumber').length);
  });

  it('reports ring records as not checkable when the platform logged no ring change for their queue (auto)', async () => {
    const { client, emu, trail } = await appliedPlan(1);
    const queueId = [...emu.state.queues.keys()][1]!;
    const base = trail.records[0]!;
    const ring: AuditRecord = { ...base, action: 'ringNumber', skillId: '', before: 1, after: 2, details: { queueId } };
    const noQueue: AuditRecord = { ...ring, details: {} };
    const check = await crossCheckAuditTrail(client, [ring, noQueue]);
    expect(check.notCheckable.map((n) => n.reason)).toEqual([
      expect.stringContaining('unconfirmed'),
      expect.stringContaining('details.queueId'),
    ]);
    expect(check.missingOnPlatform).toEqual([]);
    const strict = await crossCheckAuditTrail(client, [ring], { ringNumbers: 'require' });
    expect(strict.missingOnPlatform).toEqual([ring]);
  });

  it('uses the async audit query for intervals older than the realtime window, and lists unreadable changes', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    const user = [...emu.state.users.values()].find((u) => u.state === 'active')!;
    const skill = [...emu.state.skills.values()][0]!;
    const at = new Date(Date.now() - 20 * 86_400_000);
    const entity = { id: user.id, name: user.name };
    emu.state.recordAudit({
      action: 'Update',
      entityType: 'User',
      entity,
      eventDate: at.toISOString(),
      client: { id: 'someone-else' },
      propertyChanges: [
        {
          property: 'skills',
          oldValues: [],
          newValues: [JSON.stringify({ id: skill.id, name: skill.name, proficiency: 3 })],
        },
      ],
    });
    emu.state.recordAudit({
      action: 'Update',
      entityType: 'User',
      entity,
      client: { id: 'someone-else' },
      eventDate: new Date(at.getTime() + 1000).toISOString(),
      propertyChanges: [{ property: 'skills', oldValues: ['Billing=3'], newValues: ['Billing=4'] }],
    });
    const record: AuditRecord = {
      planId: 'p1',
      userId: user.id,
      skillId: skill.id,
      action: 'add',
      before: null,
      after: 3,
      result: 'applied',
      startedAt: new Date(at.getTime() - 500).toISOString(),
      finishedAt: new Date(at.getTime() + 500).toISOString(),
      latencyMs: 1000,
      correlationIds: [],
      dryRun: false,
    };
    emu.resetStats();
    const check = await crossCheckAuditTrail(client, [record], { pollIntervalMs: 10 });
    expect(check.source).toBe('query');
    expect(emu.stats.requestLog.some((r) => r.method === 'POST' && r.path === '/api/v2/audits/query')).toBe(true);
    expect(check.matched).toHaveLength(1);
    expect(check.matched[0]!.platform.actor.clientId).toBe('someone-else');
    expect(check.unparsed).toEqual([expect.objectContaining({ reason: expect.stringContaining('not JSON') })]);
  });

  it('validates its options', async () => {
    const { client } = await appliedPlan(0);
    const error = await crossCheckAuditTrail(client, [], { interval: { from: 'nope', to: new Date() } }).catch(
      (e: unknown) => e,
    );
    expect(isValidationError(error)).toBe(true);
    expect((error as Error).message).toContain('interval.from');
  });
});

// docs/guides/audit-and-export.md: every TypeScript block runs against a fresh emulator.
const blocks = tsBlocks(new URL('../../../docs/guides/audit-and-export.md', import.meta.url));
const sdk = {
  ...root,
  ...webhooksEntry,
  ...auditTrailModule,
  ...crossCheckModule,
  ...distributeModule,
  ...exportModule,
  ...exportSummaryModule,
};
const modules = {
  'genesys-routing-sdk': sdk,
  'genesys-routing-sdk/webhooks': sdk,
  'genesys-routing-sdk/workflows': sdk,
  'node:fs/promises': fsPromises,
  'node:http': http,
  'node:os': os,
  'node:path': path,
};

describe('docs/guides/audit-and-export.md examples', () => {
  it('has examples', () => expect(blocks.length).toBeGreaterThan(2));
  it.each(blocks.map((code, i) => [i + 1, code] as const))('example %i runs', async (_n, code) => {
    const emu = await emulator();
    const { queueId, skillId } = weightedQueue(emu);
    const logs: unknown[][] = [];
    const console = { log: (...args: unknown[]) => logs.push(args) };
    await runExample(code, modules, { console, client: clientFor(emu), queueId, skillId });
    expect(logs.length).toBeGreaterThan(0);
    if (code.includes('unexpectedOnPlatform')) {
      const [checked, matched, missing] = logs[0] as number[];
      expect(checked).toBeGreaterThan(0);
      expect([matched, missing]).toEqual([checked, 0]);
      expect(logs.some((l) => l[0] === 'changed outside the trail:')).toBe(true);
    }
    if (code.includes('notCheckable.map')) expect(String(logs[0]?.[0])).toContain('unconfirmed');
    if (code.includes('createWebhookHandler')) expect(logs.some((l) => l[0] === 'received')).toBe(true);
    if (code.includes('port 9')) expect(logs.some((l) => l[0] === 'not delivered:')).toBe(true);
  });
});
