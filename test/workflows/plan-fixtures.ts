// Builds plans by hand from emulator state (independent of the planner under test).
import type { Emulator } from '../../src/testing/index.js';
import {
  PLAN_KIND,
  PLAN_VERSION,
  newPlanId,
  summarize,
  type Plan,
  type PlannedChange,
} from '../../src/workflows/plan.js';

/** For `users` users: re-level their first skill to 5, add one skill they lack at 2, remove their second skill if any. */
export function handMadePlan(emu: Emulator, users: number, org = emu.baseUrl): Plan {
  const skillIds = [...emu.state.skills.values()].filter((s) => s.state === 'active').map((s) => s.id);
  const changes: PlannedChange[] = [];
  const active = [...emu.state.users.values()].filter((u) => u.state === 'active').slice(0, users);
  for (const user of active) {
    const current = emu.state.skillsOf(user.id);
    const held = [...current.keys()];
    if (held[0])
      changes.push({
        userId: user.id,
        skillId: held[0],
        action: 'update',
        before: current.get(held[0])!,
        after: 5,
        reasons: ['test'],
      });
    const missing = skillIds.find((s) => !current.has(s));
    if (missing)
      changes.push({ userId: user.id, skillId: missing, action: 'add', before: null, after: 2, reasons: ['test'] });
    if (held[1])
      changes.push({
        userId: user.id,
        skillId: held[1],
        action: 'remove',
        before: current.get(held[1])!,
        after: null,
        reasons: ['test'],
      });
  }
  // Drop no-op updates (already at 5) so every change is a real write.
  const real = changes.filter((c) => c.before !== c.after);
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'test',
    org,
    changes: real,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarize(real, [], []),
  };
}

/** Every change of the plan holds in the emulator's state. */
export function mismatches(emu: Emulator, plan: Plan): string[] {
  const out: string[] = [];
  for (const c of plan.changes) {
    const actual = emu.state.skillsOf(c.userId).get(c.skillId) ?? null;
    if (actual !== c.after) out.push(`${c.userId}/${c.skillId}: ${actual} != ${c.after}`);
  }
  return out;
}

export function writes(emu: Emulator): number {
  return emu.stats.requestLog.filter((r) => r.method !== 'GET' && r.path.includes('/routingskills')).length;
}
