import { describe, expect, it } from 'vitest';
import { applyPlan } from '../../src/workflows/apply-plan.js';
import { parsePlan } from '../../src/workflows/plan.js';
import { planSkillOptimization } from '../../src/workflows/plan-skills.js';
import { clientFor, emulator } from '../transport/helpers.js';

// A fixed past week: the emulator's synthetic history is then the same on every run.
const interval = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

describe('planSkillOptimization', () => {
  it('re-levels held skills from history, with reasons and the live before values, and the plan round-trips', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const plan = await planSkillOptimization(client, { interval });
    expect(plan.changes.length).toBeGreaterThan(0);
    for (const c of plan.changes) {
      expect(c.action).toBe('update'); // mode 'set' re-levels; it never adds unheld skills or removes
      expect(c.before).toBe(emu.state.skillsOf(c.userId).get(c.skillId));
      expect(c.after).not.toBe(c.before);
      expect(Math.abs(c.after! - c.before!)).toBeLessThanOrEqual(1 + 1e-9); // default policy: at most one level per run
      expect(c.reasons.length).toBeGreaterThan(0);
      expect(emu.state.users.get(c.userId)!.state).toBe('active');
    }
    expect(plan.summary.updates).toBe(plan.changes.length);
    expect(plan.impact.length).toBeGreaterThan(0);
    expect(parsePlan(JSON.stringify(plan))).toEqual(plan);
  });

  it('is deterministic for a fixed interval and applies cleanly', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const a = await planSkillOptimization(client, { interval });
    const b = await planSkillOptimization(client, { interval });
    expect(b.changes).toEqual(a.changes);
    const result = await applyPlan(client, a);
    expect(result.counts.applied).toBe(a.changes.length);
    for (const c of a.changes) expect(emu.state.skillsOf(c.userId).get(c.skillId)).toBe(c.after);
  });

  it('reports users who are not routing-eligible as violations instead of planning for them', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const baseline = await planSkillOptimization(client, { interval });
    const target = baseline.changes[0]!.userId;
    const plan = await planSkillOptimization(client, { interval, eligibility: { [target]: { hasRoutingRole: false } } });
    expect(plan.changes.some((c) => c.userId === target)).toBe(false);
    expect(plan.violations.some((v) => v.userId === target && v.kind === 'missingRoutingRole')).toBe(true);
    expect(plan.summary.violations).toBe(plan.violations.length);
  });

  it('upgradeOnly never lowers a proficiency; lowered ones are reported as skipped', async () => {
    const emu = await emulator({ seed: 3 });
    const plan = await planSkillOptimization(clientFor(emu), { interval, mode: 'upgradeOnly' });
    expect(plan.changes.every((c) => c.after! > c.before!)).toBe(true);
    expect(plan.skipped.some((s) => s.kind === 'wouldLower')).toBe(true);
  });
});
