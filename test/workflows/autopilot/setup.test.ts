// What the autopilot reads at start, over real HTTP on the emulator: each watched queue's caller patience from the
// history window's waits (the re-plans model hang-ups with it), or none when the policy turns abandonment off.
import { describe, expect, it } from 'vitest';
import { parseAutopilotPolicy } from '../../../src/workflows/autopilot/policy.js';
import { prepareAutopilot } from '../../../src/workflows/autopilot/observe/setup.js';
import { ANCHOR, HISTORY_DAYS, setup } from './loop-fixture.js';

describe('prepareAutopilot', () => {
  it("gives each queue the patience its history's waits show, or none with abandonment off", async () => {
    const { client, watched } = await setup();
    const policy = (abandonment: boolean) =>
      parseAutopilotPolicy({ queueIds: watched, historyDays: HISTORY_DAYS, abandonment });
    const on = await prepareAutopilot(client, policy(true), ANCHOR, undefined, undefined);
    expect(on.queues.map((q) => q.id).sort()).toEqual([...watched].sort());
    for (const q of on.queues) {
      // The emulator's callers wait 150 s (voice) to 600 s (messages) on average before hanging up.
      expect(q.patienceSeconds).toBeGreaterThan(100);
      expect(q.patienceSeconds).toBeLessThan(600);
    }
    const off = await prepareAutopilot(client, policy(false), ANCHOR, undefined, undefined);
    expect(off.queues.every((q) => q.patienceSeconds === undefined)).toBe(true);
  });
});
