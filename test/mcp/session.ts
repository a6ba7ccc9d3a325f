// The routing desk's session, as an assistant runs it: queues now -> explain the weakest -> plan -> dry run ->
// apply with confirmation -> the planned queues at target in the emulator -> rollback -> back at the snapshot.
import type { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { expect } from 'vitest';
import type { Emulator } from '../../src/testing/index.js';
import { call, writesSince, type Json } from './helpers.js';

/** The skills of every user in the emulator's own state, as one comparable object. */
export function orgSkills(emu: Emulator): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [userId, held] of emu.state.userSkills) out[userId] = Object.fromEntries([...held].sort());
  return out;
}

export function orgMembers(emu: Emulator): string[] {
  return [...emu.state.queues.keys()].flatMap((q) => [...emu.state.membersOf(q).keys()].map((u) => `${q} ${u}`)).sort();
}

export async function runSession(client: Client, emu: Emulator, confirm: 'elicitation' | 'token'): Promise<void> {
  const now = await call(client, 'queues_now');
  expect(now.queues.length).toBe(4);
  for (const q of now.queues) expect(q.target.serviceLevel).toBeGreaterThan(0);
  const weakest = now.weakest ?? now.queues[0].queueName;
  const explained = await call(client, 'explain_queue', { queue: weakest });
  expect(explained.queueName).toBe(weakest);
  expect(explained.summary).toContain(weakest);
  expect(explained.holdersList.length).toBe(explained.holders > 40 ? 40 : explained.holders);

  const plan = await call(client, 'plan_routing', { horizon: 'hours', effort: 0.2 });
  expect(plan.planId).toMatch(/\S/);
  expect(plan.changes + plan.memberships).toBeGreaterThan(0);
  expect(plan.report.uri).toBe(`genesys-routing://plans/${plan.planId}/report`);
  const short = plan.queues.filter((q: Json) => q.before < q.target);
  expect(short.length).toBeGreaterThan(0);
  const simulatedBefore = new Map<string, number>();
  for (const q of short) {
    const e = await call(client, 'explain_queue', { queue: q.queueId });
    expect(e.simulated.meetsTarget).toBe(false);
    simulatedBefore.set(q.queueId, e.simulated.serviceLevel);
  }

  const skillsBefore = orgSkills(emu);
  const membersBefore = orgMembers(emu);
  const dry = await call(client, 'dry_run_plan', { planId: plan.planId });
  expect(dry.wouldChange).toBe(plan.changes + plan.memberships);
  expect(dry.agents.every((a: Json) => a.name && !a.name.startsWith('u-') && a.changes.length > 0)).toBe(true);
  expect(dry.withinPolicy).toBe(true);

  const since = Date.now();
  const applied = await call(client, 'apply_plan', {
    planId: plan.planId,
    ...(confirm === 'token' ? { confirmationToken: dry.confirmationToken } : {}),
  });
  expect(applied.error).toBeUndefined();
  expect(applied.failed).toBe(0);
  expect(writesSince(emu, since).length).toBeGreaterThan(0);
  expect(orgSkills(emu)).not.toEqual(skillsBefore);
  // The planned queues are at target in the emulator: the plan's model judged on the org's skills read back.
  for (const q of short) {
    const e = await call(client, 'explain_queue', { queue: q.queueId });
    expect(e.simulated.meetsTarget).toBe(true);
    expect(e.simulated.serviceLevel).toBeGreaterThanOrEqual(q.target);
    expect(e.changedToday.some((c: Json) => c.what.includes(plan.planId))).toBe(true);
  }

  const back = await call(client, 'rollback_plan', {});
  expect(back.planId).toBe(plan.planId);
  expect(back.failed).toBe(0);
  expect(back.atSnapshot).toBe(true);
  expect(orgSkills(emu)).toEqual(skillsBefore);
  expect(orgMembers(emu)).toEqual(membersBefore);
  for (const q of short) {
    const e = await call(client, 'explain_queue', { queue: q.queueId });
    expect(e.simulated.serviceLevel).toBe(simulatedBefore.get(q.queueId));
  }
  const again = await call(client, 'rollback_plan', {});
  expect(again.error.reason).toBe('nothingToRollBack');
}
