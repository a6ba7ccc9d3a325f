// The way back to a baseline is an ordinary plan: applyPlan removes planned memberships (action 'remove') with the
// same statuses as adds, confirmed by a read-back, and a re-run writes nothing.
import { afterEach, describe, expect, it } from 'vitest';
import { GenesysClient } from '../../../src/index.js';
import { startEmulator, type Emulator } from '../../../src/testing/index.js';
import { applyPlan } from '../../../src/workflows/index.js';
import { toPlan } from '../../../src/workflows/autopilot/observe/assignment.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

describe('applyPlan with membership removals', () => {
  it('removes, confirms, and is a no-op when run again', async () => {
    const emu = await startEmulator({ seed: 3, org: { users: 20, queues: 2, skills: 2 }, rateLimit: false });
    running.push(emu);
    const client = new GenesysClient({
      clientId: emu.clientId,
      clientSecret: emu.clientSecret,
      apiBaseUrl: emu.baseUrl,
      loginBaseUrl: emu.baseUrl,
    });
    const queueId = [...emu.state.queues.keys()][0] as string;
    const members = [...emu.state.membersOf(queueId).keys()].slice(0, 2);
    const org = { apiBaseUrl: client.org.apiBaseUrl };
    const plan = toPlan(
      'back-1',
      org,
      { changes: [], memberships: members.map((userId) => ({ userId, queueId, action: 'remove', reason: 'back' })) },
      new Date(),
      {},
    );
    const first = await applyPlan(client, plan);
    expect(first.memberships.map((m) => m.status)).toEqual(['applied', 'applied']);
    for (const u of members) expect(emu.state.membersOf(queueId).has(u)).toBe(false);
    const again = await applyPlan(client, plan);
    expect(again.memberships.map((m) => m.status)).toEqual(['unchanged', 'unchanged']);
    const dry = await applyPlan(client, { ...plan, id: 'back-2' }, { dryRun: true });
    expect(dry.counts.wouldApply).toBe(0);
  });
});
