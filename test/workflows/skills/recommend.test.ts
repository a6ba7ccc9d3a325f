import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { recommendRoutingChanges } from '../../../src/workflows/skills/recommend.js';
import { clientFor, emulator } from '../../transport/helpers.js';

const interval = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

describe('recommendRoutingChanges', () => {
  it('suggests removals of unused skills within the caps, reports the deferred rest, and applies cleanly', async () => {
    const emu = await emulator({ seed: 3, analytics: { trafficScale: 0.5 } }); // slack enough that removals pass the service-level guard
    const client = clientFor(emu);
    const plan = await recommendRoutingChanges(client, {
      interval,
      thresholds: { maxChanges: 6, maxChangesPerUser: 1 },
    });
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.changes.length).toBeLessThanOrEqual(6);
    const perUser = new Map<string, number>();
    for (const c of plan.changes) perUser.set(c.userId, (perUser.get(c.userId) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBe(1);
    for (const c of plan.changes.filter((x) => x.action === 'remove')) {
      expect(c.before).toBe(emu.state.skillsOf(c.userId).get(c.skillId));
      expect(c.reasons.join(' ')).toContain(`'${c.skillName}'`);
    }
    expect(plan.skipped.every((s) => s.kind.startsWith('deferred:') || s.kind === 'serviceLevelGuard')).toBe(true);
    expect(plan.summary.skipped).toBe(plan.skipped.length);

    const result = await applyPlan(client, plan);
    expect(result.counts.failed).toBe(0);
    for (const c of plan.changes.filter((x) => x.action === 'remove'))
      expect(emu.state.skillsOf(c.userId).has(c.skillId)).toBe(false);
  });

  it('guards service level: no accepted removal takes a queue below its target; rejected ones say why', async () => {
    const emu = await emulator({
      seed: 42,
      org: { users: 300, skills: 20, queues: 10 },
      analytics: { trafficScale: 6 },
    });
    const client = clientFor(emu);
    const unguarded = await recommendRoutingChanges(client, { interval, guardServiceLevel: false });
    const guarded = await recommendRoutingChanges(client, { interval });
    const target = (queueId: string) => {
      const sl = emu.state.queues.get(queueId)!.mediaSettings.call.serviceLevel;
      return sl.percentage;
    };
    // Without the guard the model predicts at least one queue falling below target; with it, none does.
    expect(
      unguarded.impact.some(
        (q) => q.after.serviceLevel < target(q.queueId) && q.after.serviceLevel < q.before.serviceLevel,
      ),
    ).toBe(true);
    expect(
      guarded.impact.some(
        (q) => q.after.serviceLevel < target(q.queueId) - 1e-9 && q.after.serviceLevel < q.before.serviceLevel - 1e-9,
      ),
    ).toBe(false);
    const rejected = guarded.skipped.filter((s) => s.kind === 'serviceLevelGuard');
    expect(rejected.length).toBeGreaterThan(0);
    expect(rejected[0]!.message).toMatch(/would take .+ from \d+\.\d% to \d+\.\d% at peak \(target \d+\.\d%\)/);
    expect(guarded.changes.length).toBeLessThan(unguarded.changes.length);
  }, 120_000); // two recommendation runs, each simulating every candidate removal
});
