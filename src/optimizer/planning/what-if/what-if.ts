// What-if: the service level, ASA and occupancy of each queue before and after a set of skill changes.
import { averageSpeedOfAnswer, erlangA, occupancy, serviceLevel, trafficFromVolume } from '../../queueing/index.js';
import { parseInput } from '../../parse-input.js';
import { simulateScenarios } from './what-if-simulate.js';
import {
  WhatIfInputSchema,
  applyChanges,
  checkModel,
  servedQueues,
  staffing,
  type ParsedQueue,
  type WhatIfInput,
  type WhatIfWarning,
} from './what-if-model.js';

/** Measures of one queue in one scenario. */
export interface WhatIfMetrics {
  /** Effective agents: the sum of the shares of the agents serving the queue (see `options.apportion`). */
  agents: number;
  /** Distinct agents who serve the queue (member + every required skill with proficiency > 0). */
  headcount: number;
  /** Share of offered calls answered within `targetSeconds`. */
  serviceLevel: number;
  /** Mean wait of answered calls, seconds; `null` when unbounded (agents <= traffic without abandonment) or undefined (no agent). */
  asaSeconds: number | null;
  /** Agent occupancy. Simulation: the mean occupancy of the agents serving the queue (busy on any queue). */
  occupancy: number;
  /** Share of offered calls that abandon; `null` when abandonment is not modelled (no `patienceSeconds`). */
  abandonRate: number | null;
  /** True when effective agents <= offered traffic (the queue cannot keep up without abandonment). */
  overloaded: boolean;
  /** Simulation only: 95 % confidence half-widths (`null` where the simulation had too little data). */
  halfWidth?: {
    /** Of `serviceLevel`. */
    serviceLevel: number | null;
    /** Of `asaSeconds`, seconds. */
    asaSeconds: number | null;
    /** Of `abandonRate`. */
    abandonRate: number | null;
    /** Of `occupancy`. */
    occupancy: number | null;
  };
}

/** One queue's before/after comparison. */
export interface WhatIfQueueResult {
  /** Queue id. */
  queueId: string;
  /** Offered traffic in Erlangs: calls x AHT / interval. */
  trafficErlangs: number;
  /** How it was measured: `erlangC`, `erlangA` (the queue has patience) or `simulate`. */
  method: 'erlangC' | 'erlangA' | 'simulate';
  /** Measures with the current skills. */
  before: WhatIfMetrics;
  /** Measures with the changes applied. */
  after: WhatIfMetrics;
  /** after - before; `null` where either side is `null`. */
  delta: {
    /** Change of effective agents. */
    agents: number;
    /** Change of distinct agents serving the queue. */
    headcount: number;
    /** Change of the service level (share 0..1; +0.05 = five points better). */
    serviceLevel: number;
    /** Change of the mean wait of answered calls, seconds. */
    asaSeconds: number | null;
    /** Change of occupancy (share 0..1). */
    occupancy: number;
    /** Change of the abandon rate (share 0..1). */
    abandonRate: number | null;
  };
}

/** Output of {@link whatIf}. */
export interface WhatIfResult {
  /** The engine used: `erlang` or `simulate`. */
  engine: 'erlang' | 'simulate';
  /** In input order. */
  queues: WhatIfQueueResult[];
  /** Changes that did not do what they say (removing a skill not held, touching no queue...). */
  warnings: WhatIfWarning[];
}

type Measures = Omit<WhatIfMetrics, 'agents' | 'headcount' | 'overloaded' | 'halfWidth'>;

/** Erlang measures at a whole number of agents. */
function atHeadcount(
  q: ParsedQueue,
  traffic: number,
  n: number,
): { sl: number; asa: number | undefined; occ: number; ab: number | null } {
  if (q.patienceSeconds === undefined) {
    const asa = averageSpeedOfAnswer({ agents: n, traffic, ahtSeconds: q.ahtSeconds });
    return {
      sl: serviceLevel({ agents: n, traffic, ahtSeconds: q.ahtSeconds, targetSeconds: q.targetSeconds }),
      asa: Number.isFinite(asa) ? asa : undefined,
      occ: occupancy({ agents: n, traffic }),
      ab: null,
    };
  }
  if (n === 0) {
    // No agent: every call abandons (none answered, so no ASA).
    return { sl: traffic > 0 ? 0 : 1, asa: traffic > 0 ? undefined : 0, occ: 0, ab: traffic > 0 ? 1 : 0 };
  }
  const r = erlangA({
    agents: n,
    traffic,
    ahtSeconds: q.ahtSeconds,
    patienceSeconds: q.patienceSeconds,
    targetSeconds: q.targetSeconds,
  });
  return { sl: r.serviceLevel, asa: r.asaSeconds, occ: r.occupancy, ab: r.probabilityOfAbandon };
}

/**
 * Erlang C (Erlang A with patience) at a possibly fractional agent count: each measure is interpolated linearly
 * between the whole head counts below and above. ASA is `null` if either end is unbounded or undefined.
 */
function erlangMeasures(q: ParsedQueue, traffic: number, agents: number): Measures {
  const lo = Math.floor(agents);
  const f = agents - lo;
  const a = atHeadcount(q, traffic, lo);
  if (f === 0) return { serviceLevel: a.sl, asaSeconds: a.asa ?? null, occupancy: a.occ, abandonRate: a.ab };
  const b = atHeadcount(q, traffic, lo + 1);
  const mix = (x: number, y: number): number => x + f * (y - x);
  return {
    serviceLevel: mix(a.sl, b.sl),
    asaSeconds: a.asa === undefined || b.asa === undefined ? null : mix(a.asa, b.asa),
    occupancy: mix(a.occ, b.occ),
    abandonRate: a.ab === null || b.ab === null ? null : mix(a.ab, b.ab),
  };
}

const diffOrNull = (a: number | null, b: number | null): number | null => (a === null || b === null ? null : b - a);

/**
 * Projects each queue's service level, ASA, occupancy (and abandonment) before and after a set of skill changes.
 *
 * Who counts for a queue comes from the real skill -> queue relationship: an agent serves a queue when it is a
 * member (`membership.members`) and holds every one of the queue's `requiredSkillIds` with proficiency > 0
 * (proficiency 0 is treated as "parked"). `changes` (add / update / remove a user's skill) are applied to
 * `membership.userSkills` in order; the head counts before and after follow.
 *
 * Engine 'erlang' (default): per queue, traffic A = calls x AHT / interval; Erlang C, or Erlang A when the queue
 * has `patienceSeconds`. An agent serving several queues is apportioned by `options.apportion`: 'load' (default)
 * gives each queue a share proportional to its traffic, 'equal' splits evenly, 'full' counts it fully
 * everywhere (an optimistic bound). Fractional agent counts are interpolated between whole head counts.
 *
 * Engine 'simulate': runs the discrete-event simulator on the whole system at once (shared agents take work
 * from all their queues, with `bestAvailable` or `longestIdle` routing), with the same seed before and after
 * (common random numbers, so the deltas are sharper than either estimate). Use it when agents are shared
 * heavily: apportioning is then a rough approximation.
 *
 * @throws ValidationError naming the bad field (`changes[2].proficiency`, `queues[0].ahtSeconds`,
 * `membership.members[4].queueId` for an unknown queue...).
 */
export function whatIf(input: WhatIfInput): WhatIfResult {
  const ctx = 'whatIf';
  const parsed = parseInput(ctx, WhatIfInputSchema, input);
  checkModel(ctx, parsed);
  const { skills: afterSkills, warnings } = applyChanges(parsed);
  const { engine, apportion } = parsed.options;
  const traffic = new Map(
    parsed.queues.map((q) => [
      q.queueId,
      trafficFromVolume({ calls: q.calls, intervalSeconds: q.intervalSeconds, ahtSeconds: q.ahtSeconds }),
    ]),
  );
  const servedBefore = servedQueues(parsed, parsed.membership.userSkills);
  const servedAfter = servedQueues(parsed, afterSkills);
  const staffBefore = staffing(parsed.queues, servedBefore, traffic, apportion);
  const staffAfter = staffing(parsed.queues, servedAfter, traffic, apportion);

  const simulated =
    engine === 'simulate'
      ? simulateScenarios(parsed, [
          { skills: parsed.membership.userSkills, served: servedBefore },
          { skills: afterSkills, served: servedAfter },
        ])
      : undefined;

  const queues = parsed.queues.map((q, qi): WhatIfQueueResult => {
    const a = traffic.get(q.queueId) ?? 0;
    const scenario = (which: 0 | 1): WhatIfMetrics => {
      const staff = (which === 0 ? staffBefore : staffAfter).get(q.queueId) ?? { agents: 0, headcount: 0 };
      const agents = Number(staff.agents.toFixed(9));
      const sim = simulated?.[which]?.[qi];
      const measures = sim ?? erlangMeasures(q, a, agents);
      return { agents, headcount: staff.headcount, ...measures, overloaded: a > 0 && agents <= a };
    };
    const before = scenario(0);
    const after = scenario(1);
    return {
      queueId: q.queueId,
      trafficErlangs: a,
      method: engine === 'simulate' ? 'simulate' : q.patienceSeconds === undefined ? 'erlangC' : 'erlangA',
      before,
      after,
      delta: {
        agents: Number((after.agents - before.agents).toFixed(9)),
        headcount: after.headcount - before.headcount,
        serviceLevel: after.serviceLevel - before.serviceLevel,
        asaSeconds: diffOrNull(before.asaSeconds, after.asaSeconds),
        occupancy: after.occupancy - before.occupancy,
        abandonRate: diffOrNull(before.abandonRate, after.abandonRate),
      },
    };
  });
  return { engine, queues, warnings };
}
