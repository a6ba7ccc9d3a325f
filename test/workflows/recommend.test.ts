import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/workflows/apply-plan.js';
import { recommendRoutingChanges } from '../../src/workflows/recommend.js';
import { clientFor, emulator } from '../transport/helpers.js';

const interval = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

describe('recommendRoutingChanges', () => {
  it('suggests removals of unused skills within the caps, reports the deferred rest, and applies cleanly', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const plan = await recommendRoutingChanges(client, { interval, thresholds: { maxChanges: 6, maxChangesPerUser: 1 } });
    expect(plan.changes.length).toBeGreaterThan(0);
    expect(plan.changes.length).toBeLessThanOrEqual(6);
    const perUser = new Map<string, number>();
    for (const c of plan.changes) perUser.set(c.userId, (perUser.get(c.userId) ?? 0) + 1);
    expect(Math.max(...perUser.values())).toBe(1);
    for (const c of plan.changes.filter((x) => x.action === 'remove')) {
      expect(c.before).toBe(emu.state.skillsOf(c.userId).get(c.skillId));
      expect(c.reasons.join(' ')).toContain(`'${c.skillName}'`);
    }
    expect(plan.skipped.every((s) => s.kind.startsWith('deferred:'))).toBe(true);
    expect(plan.summary.skipped).toBe(plan.skipped.length);

    const result = await applyPlan(client, plan);
    expect(result.counts.failed).toBe(0);
    for (const c of plan.changes.filter((x) => x.action === 'remove')) expect(emu.state.skillsOf(c.userId).has(c.skillId)).toBe(false);
  });
});
