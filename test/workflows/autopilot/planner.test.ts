// The autopilot's planner: re-plans on workers kept warm between decisions, and a warm-up that never fails a run.
import { describe, expect, it } from 'vitest';
import {
  keepWarmMs,
  plannerCold,
  replan,
  startWarming,
  warmPlanner,
  type Planner,
} from '../../../src/workflows/autopilot/planner.js';
import { parseAutopilotPolicy } from '../../../src/workflows/autopilot/policy.js';
import type { OptimizeRoutingInput } from '../../../src/optimizer/index.js';

const policyFields = { planEffort: 0.05, planContactsPerEvaluation: 2_000, planConfirmContacts: 5_000 };
const policy = parseAutopilotPolicy(policyFields);
const period = policy.decisionPeriodMinutes * 60_000;

function oneQueue(): OptimizeRoutingInput {
  return {
    queues: [{ id: 'q', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } }],
    agents: [1, 2, 3, 4, 5].map((i) => ({ id: `a${i}`, skills: { q: 3 } })),
  };
}

/** A busy queue and a calm one whose agents can help: the plan gives some of them the busy queue's skill. */
function twoQueues(): OptimizeRoutingInput {
  return {
    queues: [
      { id: 'busy', callsPerHour: 100, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
      { id: 'calm', callsPerHour: 20, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
    ],
    agents: [
      ...[1, 2, 3, 4, 5, 6, 7].map((i) => ({ id: `b${i}`, skills: { busy: 3 } })),
      ...[1, 2, 3, 4, 5, 6].map((i) => ({ id: `c${i}`, skills: { calm: 3 } })),
    ],
  };
}

describe('the autopilot planner', () => {
  it('keeps the workers two decision periods, and calls them cold after one period unused', () => {
    expect(keepWarmMs(policy)).toBe(2 * period);
    expect(plannerCold({ lastRunAt: undefined }, policy, 0)).toBe(true);
    expect(plannerCold({ lastRunAt: 1_000 }, policy, 1_000 + period)).toBe(false);
    expect(plannerCold({ lastRunAt: 1_000 }, policy, 1_001 + period)).toBe(true);
  });

  it('warms up on a real re-plan and records when it ran', async () => {
    const planner: Planner = { lastRunAt: undefined };
    const before = performance.now();
    await warmPlanner(planner, policy, oneQueue(), new AbortController().signal);
    expect(planner.lastRunAt).toBeGreaterThanOrEqual(before);
    expect(plannerCold(planner, policy)).toBe(false);
  }, 60_000);

  it('re-plans on the policy settings it passes (keepWarmMs among them), ending on its work budget', async () => {
    // The warm-up swallows errors, so options the optimizer refused would go unseen there: the re-plan shows them.
    const result = await replan({ lastRunAt: undefined }, policy, oneQueue(), undefined);
    expect(result?.stats.stoppedBy).toBe('work');
    expect(result?.stats.seed).toBe(policy.seed);
  }, 60_000);

  it('passes planPatience as the search patience: 0 skips ruin and rebuild, which a long patience runs', async () => {
    const quick = await replan({ lastRunAt: undefined }, policy, twoQueues(), undefined);
    const patient = parseAutopilotPolicy({ ...policyFields, planPatience: 1_000 });
    const searched = await replan({ lastRunAt: undefined }, patient, twoQueues(), undefined);
    expect(policy.planPatience).toBe(0);
    expect(quick?.changes.length).toBeGreaterThan(0);
    expect(quick?.stats.work?.used).toBeLessThan(searched?.stats.work?.used ?? 0);
  }, 60_000);

  it('never fails the decision: a bad input or a stop during the warm-up resolves', async () => {
    const planner: Planner = { lastRunAt: undefined };
    const bad = { ...oneQueue(), queues: [{ id: 'q', callsPerHour: -1, ahtSeconds: 300 }] } as never;
    await expect(warmPlanner(planner, policy, bad, new AbortController().signal)).resolves.toBeUndefined();
    const stopped = new AbortController();
    stopped.abort(new Error('stopped'));
    await expect(warmPlanner(planner, policy, oneQueue(), stopped.signal)).resolves.toBeUndefined();
  }, 60_000);

  it('warms at the start: counted warm meanwhile, and a re-plan asked then runs after it', async () => {
    const planner: Planner = { lastRunAt: undefined };
    startWarming(planner, policy, twoQueues(), new AbortController().signal);
    const warming = planner.warming;
    expect(warming).toBeDefined();
    expect(plannerCold(planner, policy)).toBe(false);
    const order: string[] = [];
    void warming?.then(() => order.push('warm-up'));
    const result = await replan(planner, policy, oneQueue(), undefined);
    order.push('re-plan');
    expect(order).toEqual(['warm-up', 're-plan']);
    expect(result?.stats.stoppedBy).toBe('work');
    expect(planner.warming).toBeUndefined();
    expect(plannerCold(planner, policy)).toBe(false);
  }, 60_000);

  it('a start warm-up that fails or is stopped never rejects, and does not keep later warm-ups away', async () => {
    const planner: Planner = { lastRunAt: undefined };
    const bad = { ...oneQueue(), queues: [{ id: 'q', callsPerHour: -1, ahtSeconds: 300 }] } as never;
    startWarming(planner, policy, bad, new AbortController().signal);
    await expect(planner.warming).resolves.toBeUndefined();
    const stopped = new AbortController();
    stopped.abort(new Error('stopped'));
    startWarming(planner, policy, oneQueue(), stopped.signal);
    await expect(planner.warming).resolves.toBeUndefined();
    expect(planner.warming).toBeUndefined();
    expect(plannerCold(planner, policy, (planner.lastRunAt ?? 0) + period + 1)).toBe(true);
  }, 60_000);
});
