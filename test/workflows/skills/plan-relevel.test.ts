import { describe, expect, it, vi } from 'vitest';
import { isValidationError } from '../../../src/errors/index.js';
import { applyPlan } from '../../../src/workflows/apply/apply-plan.js';
import { parsePlan } from '../../../src/workflows/plan.js';
import { planProficiencyRelevel, planSkillOptimization } from '../../../src/workflows/skills/plan-relevel.js';
import { clientFor, emulator } from '../../transport/helpers.js';

// A fixed past week: the emulator's synthetic history is then the same on every run.
const interval = { from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-11-09T00:00:00Z') };

describe('planProficiencyRelevel', () => {
  it('re-levels held skills from history, with reasons and the live before values, and the plan round-trips', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const plan = await planProficiencyRelevel(client, { interval });
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
    const a = await planProficiencyRelevel(client, { interval });
    const b = await planProficiencyRelevel(client, { interval });
    expect(b.changes).toEqual(a.changes);
    const result = await applyPlan(client, a);
    expect(result.counts.applied).toBe(a.changes.length);
    for (const c of a.changes) expect(emu.state.skillsOf(c.userId).get(c.skillId)).toBe(c.after);
  });

  it('reports users who are not routing-eligible as violations instead of planning for them', async () => {
    const emu = await emulator({ seed: 3 });
    const client = clientFor(emu);
    const baseline = await planProficiencyRelevel(client, { interval });
    const target = baseline.changes[0]!.userId;
    const plan = await planProficiencyRelevel(client, {
      interval,
      eligibility: { [target]: { hasRoutingRole: false } },
    });
    expect(plan.changes.some((c) => c.userId === target)).toBe(false);
    expect(plan.violations.some((v) => v.userId === target && v.kind === 'missingRoutingRole')).toBe(true);
    expect(plan.summary.violations).toBe(plan.violations.length);
  });

  it('upgradeOnly never lowers a proficiency; lowered ones are reported as skipped', async () => {
    const emu = await emulator({ seed: 3 });
    const plan = await planProficiencyRelevel(clientFor(emu), { interval, mode: 'upgradeOnly' });
    expect(plan.changes.every((c) => c.after! > c.before!)).toBe(true);
    expect(plan.skipped.some((s) => s.kind === 'wouldLower')).toBe(true);
  });

  it('names the option the caller gave: days: 0 is an error on `days`, before any request', async () => {
    const emu = await emulator({ seed: 3 });
    const requestsBefore = emu.stats.requests;
    for (const days of [0, -1, 1.5, 367, Number.NaN]) {
      const error = await planProficiencyRelevel(clientFor(emu), { days }).catch((e: unknown) => e);
      expect(isValidationError(error), String(days)).toBe(true);
      expect((error as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['days']);
    }
    const bad = await planProficiencyRelevel(clientFor(emu), {
      interval: { from: interval.to, to: interval.from },
    }).catch((e: unknown) => e);
    expect((bad as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['interval']);
    expect(emu.stats.requests).toBe(requestsBefore);
  });

  it('planSkillOptimization is a deprecated alias: same plan, and a DeprecationWarning once, when called (not when imported)', async () => {
    const warn = vi.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      const { planSkillOptimization: alias } = await import('../../../src/workflows/skills/plan-relevel.js');
      expect(warn).not.toHaveBeenCalled();
      const emu = await emulator({ seed: 3 });
      const a = await alias(clientFor(emu), { interval });
      await planSkillOptimization(clientFor(emu), { interval });
      const b = await planProficiencyRelevel(clientFor(emu), { interval });
      expect(a.changes).toEqual(b.changes);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toMatch(/planSkillOptimization is deprecated: use planProficiencyRelevel/);
    } finally {
      warn.mockRestore();
    }
  });
});
