// planRoutingOptimization over the emulator's scenarios, the day model end to end (slow: a week of history and a
// day simulation each). understaffed: changes that bring every queue to target in every interval, the same plan
// whenever the emulator started; balanced: nothing to change; demand 'forecast': the day from WFM.
import { afterEach, describe, expect, it } from 'vitest';
import { GenesysClient } from '../../src/index.js';
import {
  reproducibleHistoryWindow,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../src/testing/index.js';
import {
  planRoutingOptimization,
  type PlanRoutingOptimizationOptions,
  type RoutingOptimizationPlan,
} from '../../src/workflows/index.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

const ORG = { users: 120, skills: 8, queues: 4 };

async function plan(
  options: EmulatorOptions,
  extra: PlanRoutingOptimizationOptions = {},
): Promise<RoutingOptimizationPlan> {
  const emu = await startEmulator({ seed: 7, rateLimit: false, org: ORG, ...options });
  running.push(emu);
  const client = new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    timeoutMs: 180_000,
  });
  return planRoutingOptimization(client, {
    interval: reproducibleHistoryWindow(emu.now()),
    timeLimitMs: 120_000, // a safety cap for a busy machine: the search stops on its work budget
    effort: 0.5, // the demo's effort: these tests are about the day model, not the last change saved
    ...extra,
  });
}

describe('planRoutingOptimization on the emulator scenarios', () => {
  it('understaffed: proposes changes that bring every queue to target in every interval; the same plan whenever started', async () => {
    const anchored = await plan({ scenario: 'understaffed', anchor: '2025-03-12T15:37:00Z' });
    const o = anchored.optimization;
    expect(anchored.day?.intervalMinutes).toBe(30);
    expect(anchored.day?.source).toMatch(/^history/);
    expect(o.queues.some((q) => q.worstInterval.before < q.target.serviceLevel)).toBe(true); // something to fix
    expect(anchored.changes.length).toBeGreaterThan(0);
    expect(o.feasible).toBe(true);
    for (const q of o.queues) {
      expect(q.meetsTarget, q.id).toBe(true);
      expect(q.intervals).toHaveLength(48);
      expect(q.worstInterval.after).toBeGreaterThanOrEqual(q.target.serviceLevel);
    }
    const wallClock = await plan({ scenario: 'understaffed' });
    expect(wallClock.changes).toEqual(anchored.changes);
    expect(wallClock.memberships).toEqual(anchored.memberships);
  }, 900_000);

  it('balanced: every queue is at target in every interval and nothing changes', async () => {
    const p = await plan({ scenario: 'balanced', anchor: '2025-03-12T15:37:00Z' });
    expect(p.changes).toEqual([]);
    expect(p.memberships).toEqual([]);
    for (const q of p.optimization.queues) expect(q.worstInterval.before).toBeGreaterThanOrEqual(q.target.serviceLevel);
  }, 600_000);

  it("demand 'forecast': plans the day from the WFM forecast and schedule, and raises the worst intervals", async () => {
    const p = await plan(
      { scenario: 'understaffed', anchor: '2025-03-12T15:37:00Z' },
      { demand: 'forecast', day: '2025-03-13' },
    );
    expect(p.day?.date).toBe('2025-03-13');
    expect(p.day?.source).toMatch(/^forecast .* \(week of 2025-03-10\)/);
    expect(p.day?.agentsOnShift).toBeGreaterThan(0);
    expect(p.changes.length).toBeGreaterThan(0);
    const short = p.optimization.queues.filter((q) => q.worstInterval.before < q.target.serviceLevel);
    expect(short.length).toBeGreaterThan(0);
    for (const q of short) expect(q.worstInterval.after).toBeGreaterThan(q.worstInterval.before);
  }, 600_000);
});
