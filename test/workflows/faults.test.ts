// Every workflow end to end with 20 % of requests failing (429, 500, 502, 503, connection resets): the result
// must equal a fault-free run on an identical org, every item must have a result, and nothing may be written
// twice (the emulator decides faults before a handler runs and records an audit message per real change).
import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/workflows/apply/apply-plan.js';
import { distributeWeights } from '../../src/workflows/weights/distribute.js';
import { exportSkillMatrix } from '../../src/workflows/export/skill-matrix.js';
import { planProficiencyRelevel } from '../../src/workflows/skills/plan-relevel.js';
import { recommendRoutingChanges } from '../../src/workflows/skills/recommend.js';
import { driftReport, snapshotRoutingConfig } from '../../src/workflows/snapshot/snapshot.js';
import type { Emulator, EmulatorOptions } from '../../src/testing/index.js';
import { clientFor, emulator } from '../transport/helpers.js';

const interval = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };
const FAULTS = { rate: 0.2, kinds: ['429', '500', '502', '503', 'reset'] as const, seed: 5, retryAfterSeconds: 0 };

/** Two identical orgs: one answers normally, the other fails 20 % of requests. */
async function pair(options: EmulatorOptions = {}): Promise<{ clean: Emulator; faulty: Emulator }> {
  const clean = await emulator({ seed: 8, ...options });
  const faulty = await emulator({ seed: 8, ...options, faults: { ...FAULTS, kinds: [...FAULTS.kinds] } });
  return { clean, faulty };
}
const client = (emu: Emulator) => clientFor(emu, { maxRetries: 8, retryBackoff: { baseMs: 5, maxMs: 50 } });
const faultsInjected = (emu: Emulator) => emu.stats.requestLog.filter((r) => r.fault).length;

describe('workflows under 20 % injected faults', () => {
  it('planProficiencyRelevel + applyPlan: same plan, same end state, each change written once', async () => {
    const { clean, faulty } = await pair();
    const [a, b] = await Promise.all([
      planProficiencyRelevel(client(clean), { interval }),
      planProficiencyRelevel(client(faulty), { interval }),
    ]);
    expect(b.changes).toEqual(a.changes);
    expect(faultsInjected(faulty)).toBeGreaterThan(0);
    const auditBefore = faulty.state.auditLog.length;
    const result = await applyPlan(client(faulty), b);
    expect(result.items).toHaveLength(b.changes.length);
    expect(result.counts.failed).toBe(0);
    for (const c of b.changes) expect(faulty.state.skillsOf(c.userId).get(c.skillId)).toBe(c.after);
    expect(faulty.state.auditLog.length - auditBefore).toBe(new Set(b.changes.map((c) => c.userId)).size);
  });

  it('recommendRoutingChanges: the same recommendations as without faults', async () => {
    const { clean, faulty } = await pair();
    const [a, b] = await Promise.all([
      recommendRoutingChanges(client(clean), { interval }),
      recommendRoutingChanges(client(faulty), { interval }),
    ]);
    expect(b.changes).toEqual(a.changes);
    expect(b.skipped).toEqual(a.skipped);
    expect(faultsInjected(faulty)).toBeGreaterThan(0);
  });

  it('distributeWeights: rings as requested, verified, one write per changed member', async () => {
    const { faulty } = await pair();
    faulty.state.analytics.trafficScale = 0;
    const queueId = [...faulty.state.queues.keys()][0]!;
    const ids = [...faulty.state.membersOf(queueId).values()]
      .filter((m) => m.joined && faulty.state.users.get(m.userId)?.state === 'active')
      .slice(0, 4)
      .map((m) => m.userId);
    for (const id of ids) faulty.state.setRoutingStatus(id, 'IDLE');
    ids.forEach((id) => (faulty.state.membersOf(queueId).get(id)!.ringNumber = 2));
    const weights = ids.map((memberId, i) => ({ memberId, weight: [0.4, 0.3, 0.2, 0.1][i]! }));
    const auditBefore = faulty.state.auditLog.length;
    const result = await distributeWeights(client(faulty), { queueId, memberWeights: weights });
    expect(result.items).toHaveLength(4);
    expect(result.counts.failed).toBe(0);
    const applied = result.items.filter((i) => i.status === 'applied');
    for (const item of applied)
      expect(faulty.state.membersOf(queueId).get(item.memberId)!.ringNumber).toBe(item.ring!.after);
    expect(faulty.state.auditLog.length - auditBefore).toBe(applied.length);
    expect(applied.length).toBeGreaterThan(0);
    expect(faultsInjected(faulty)).toBeGreaterThan(0);
  });

  it('snapshot, drift and export read the same data as without faults', async () => {
    const { clean, faulty } = await pair({ org: { users: 60, skills: 10, queues: 4 } });
    const report = await driftReport(
      await snapshotRoutingConfig(client(clean)),
      await snapshotRoutingConfig(client(faulty)),
    );
    expect(report.identical).toBe(true);
    const read = async (emu: Emulator) => {
      let text = '';
      for await (const chunk of exportSkillMatrix(client(emu), { format: 'csv' }).chunks) text += chunk;
      return text;
    };
    expect(await read(faulty)).toBe(await read(clean));
    expect(faultsInjected(faulty)).toBeGreaterThan(0);
  });
});
