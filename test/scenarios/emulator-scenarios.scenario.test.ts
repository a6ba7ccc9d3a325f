// planRoutingOptimization over the emulator's scenarios, the day model end to end (slow: a week of history and a
// day simulation each). understaffed: changes that bring every queue to target in every interval; balanced:
// nothing to change. Elsewhere: the same plan whenever the emulator started (the day model from history, on the
// demo org) is test/workflows/optimize/plan-routing.test.ts's, as a scenario is applied once at start and, but for the
// surge, never reads the clock; the day from WFM (demand 'forecast') on the understaffed org is the guide's plan,
// checked by test/workflows/optimize/plan-routing-guide.test.ts.
import { afterEach, describe, expect, it } from 'vitest';
import { GenesysClient } from '../../src/index.js';
import {
  reproducibleHistoryWindow,
  startEmulator,
  type Emulator,
  type EmulatorOptions,
} from '../../src/testing/index.js';
import { planRoutingOptimization, type RoutingOptimizationPlan } from '../../src/workflows/index.js';

const running: Emulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((e) => e.close()));
});

const ORG = { users: 120, skills: 8, queues: 4 };

async function plan(options: EmulatorOptions): Promise<RoutingOptimizationPlan> {
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
    effort: 0.5, // half the default work: these tests are about the day model, not the last change saved
  });
}

describe('planRoutingOptimization on the emulator scenarios', () => {
  it('understaffed: proposes changes that bring every queue to target in every interval', async () => {
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
  }, 600_000);

  it('balanced: every queue is at target in every interval and nothing changes', async () => {
    const p = await plan({ scenario: 'balanced', anchor: '2025-03-12T15:37:00Z' });
    expect(p.changes).toEqual([]);
    expect(p.memberships).toEqual([]);
    for (const q of p.optimization.queues) expect(q.worstInterval.before).toBeGreaterThanOrEqual(q.target.serviceLevel);
  }, 600_000);
});
