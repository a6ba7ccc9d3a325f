// Report inputs built with the real functions (staffIntervals, optimizeRouting) or shaped like the demo's plan.
import {
  optimizeRouting,
  staffIntervals,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
} from '../../src/optimizer/index.js';
import {
  PLAN_KIND,
  PLAN_VERSION,
  summarize,
  type Plan,
  type PlannedChange,
  type QueueImpact,
} from '../../src/workflows/plan.js';
import type { StaffingReport } from '../../src/report/types.js';

/** A day of 30-minute intervals with a morning and an afternoon peak, staffed by staffIntervals (Erlang C). */
export function dayOfStaffing(name: string, peakCalls: number, patienceSeconds?: number): StaffingReport {
  const targets = { serviceLevel: 0.8, targetSeconds: 20, shrinkage: 0.3 };
  const ahtSeconds = 300;
  const forecasts = Array.from({ length: 48 }, (_, i) => {
    const hour = i / 2;
    const shape = Math.exp(-((hour - 10.5) ** 2) / 6) + 0.8 * Math.exp(-((hour - 15) ** 2) / 5);
    return {
      id: `${String(Math.floor(hour)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      calls: Math.round(peakCalls * shape),
      intervalSeconds: 1800,
      ahtSeconds,
    };
  });
  const rows = staffIntervals(forecasts, targets).map((r, i) => ({ ...r, calls: forecasts[i]!.calls }));
  return { name, rows, targets, ahtSeconds, ...(patienceSeconds ? { patienceSeconds } : {}) };
}

const REASON =
  'resolution rate 95.7% (worst 50%, best 95%): score 1 x weight 0.45 -> +1.8 proficiency; transfer rate 4.3% (best 0%, worst 30%): score 0.855 x weight 0.25 -> +0.855 proficiency; handle time 402 s = 1.186x the queue median 339 s: score 0.191 x weight 0.3 -> +0.229 proficiency; weighted score 0.721 on 1..5 -> 3.884; change 2 -> 4 exceeds maxChangePerRun 1: limited to 3';

/**
 * A plan shaped like the demo's (planProficiencyRelevel on the emulator's 300-agent org): 10 queues with
 * what-if impact and intervals, 220 updates over 167 agents, each with the planner's long reasons.
 */
export function demoSizedPlan(
  names: { queue?: (i: number) => string; agent?: (i: number) => string; skill?: (i: number) => string } = {},
): Plan {
  const queue = names.queue ?? ((i) => `Queue ${i}`);
  const agent = names.agent ?? ((i) => `Agent ${i}`);
  const skill = names.skill ?? ((i) => `Skill ${i}`);
  const changes: PlannedChange[] = Array.from({ length: 220 }, (_, i) => {
    const before = 1 + (i % 4);
    return {
      userId: `u${i % 167}`,
      userName: agent(i % 167),
      skillId: `s${i % 10}`,
      skillName: skill(i % 10),
      action: 'update',
      before,
      after: before + 1,
      reasons: [REASON, `${before} -> ${before + 1} (step 1)`],
    };
  });
  const impact: QueueImpact[] = Array.from({ length: 10 }, (_, i) => {
    const m = (sl: number) => ({
      agents: 30 + i,
      headcount: 30 + i,
      serviceLevel: sl,
      asaSeconds: 4.2,
      occupancy: 0.81,
      abandonRate: null,
      ci95: [sl - 0.01, Math.min(1, sl + 0.01)],
    });
    return {
      queueId: `q${i}`,
      queueName: queue(i),
      before: m(0.7 + i * 0.02),
      after: m(0.74 + i * 0.02),
    } as QueueImpact;
  });
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: 'plan-20261122133910-demo',
    createdAt: '2026-11-22T13:39:10.534Z',
    source: 'planProficiencyRelevel',
    org: 'https://api.mypurecloud.com',
    changes,
    skipped: [],
    violations: [],
    impact,
    summary: summarize(changes, [], []),
    inputs: { interval: '2026-11-15T00:00:00.000Z/2026-11-22T00:00:00.000Z' },
  };
}

/** A small optimizeRouting run: capacity must move from 'slack' to two busy queues. */
export async function smallOptimization(): Promise<{ input: OptimizeRoutingInput; result: OptimizeRoutingResult }> {
  const input: OptimizeRoutingInput = {
    queues: [
      { id: 'billing', callsPerHour: 110, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
      { id: 'sales', callsPerHour: 105, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
      { id: 'slack', callsPerHour: 60, ahtSeconds: 300, target: { serviceLevel: 0.8, withinSeconds: 30 } },
    ],
    agents: [
      ...Array.from({ length: 10 }, (_, i) => ({ id: `b${i}`, skills: { billing: 4 } })),
      ...Array.from({ length: 10 }, (_, i) => ({ id: `s${i}`, skills: { sales: 4 } })),
      ...Array.from({ length: 14 }, (_, i) => ({ id: `x${i}`, skills: { slack: 2 } })),
    ],
  };
  const result = await optimizeRouting(input, {
    seed: 3,
    evaluation: { contactsPerEvaluation: 10_000, confirmContacts: 40_000 },
    timeLimitMs: 30_000,
  });
  return { input, result };
}
