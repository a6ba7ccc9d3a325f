// What-if with the discrete-event simulator: the whole system at once, shared agents included.
import { simulate } from '../../queueing/index.js';
import type { Estimate, SimulationAgent, SimulationResult } from '../../queueing/simulate/types.js';
import { compareStrings, getOwn } from '../schemas.js';
import { WhatIfSimulationSchema, type ParsedQueue, type ParsedWhatIf } from './what-if-model.js';

/** Simulated measures of one queue (what `whatIf` reports apart from the staffing counts). */
export interface SimulatedMeasures {
  serviceLevel: number;
  asaSeconds: number | null;
  occupancy: number;
  abandonRate: number | null;
  halfWidth: {
    serviceLevel: number | null;
    asaSeconds: number | null;
    abandonRate: number | null;
    occupancy: number | null;
  };
}

/** One scenario: the skills in force and the queues each user serves under them. */
export interface Scenario {
  skills: Readonly<Record<string, Readonly<Record<string, number>>>>;
  served: ReadonlyMap<string, readonly ParsedQueue[]>;
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/** Simulator skill key of a queue: one synthetic skill per queue encodes membership + all required skills. */
const queueSkill = (queueId: string): string => `queue:${queueId}`;

/**
 * Simulates each scenario with the same seed (common random numbers) and returns, per scenario, the measures
 * of each queue in input order.
 *
 * The simulator routes one skill per queue, so each queue gets a synthetic skill that an agent holds exactly
 * when it serves the queue (member + every required skill > 0), at the lowest of its proficiencies on the
 * required skills (1 when the queue requires none): `bestAvailable` then prefers the agent whose weakest
 * required skill is strongest. The simulator takes one answer target per run, so a run is made per distinct
 * `targetSeconds` with the same seed: the sample paths are identical, only the threshold differs.
 */
export function simulateScenarios(input: ParsedWhatIf, scenarios: readonly Scenario[]): SimulatedMeasures[][] {
  const settings = WhatIfSimulationSchema.parse(input.options.simulation ?? {});
  const longest = input.queues.reduce((m, q) => Math.max(m, q.intervalSeconds), 0);
  const durationSeconds = settings.durationSeconds ?? 20 * longest;
  const warmupSeconds = settings.warmupSeconds ?? 0.1 * durationSeconds;
  const targets = [...new Set(input.queues.map((q) => q.targetSeconds))];
  const queues = input.queues.map((q) => ({
    id: q.queueId,
    skill: queueSkill(q.queueId),
    ahtSeconds: q.ahtSeconds,
    callsPerInterval: q.calls,
    intervalSeconds: q.intervalSeconds,
    ...(q.patienceSeconds === undefined ? {} : { patienceSeconds: q.patienceSeconds }),
  }));

  return scenarios.map((scenario) => {
    const agents = scenarioAgents(scenario);
    if (input.queues.length === 0) return [];
    if (agents.length === 0) return input.queues.map(noAgents);
    const byTarget = new Map<number, SimulationResult>();
    for (const targetSeconds of targets) {
      byTarget.set(
        targetSeconds,
        simulate({
          queues,
          agents,
          routing: settings.routing,
          durationSeconds,
          warmupSeconds,
          replications: settings.replications,
          seed: settings.seed,
          targetSeconds,
        }),
      );
    }
    const occupancyOf = new Map<string, Estimate>();
    for (const a of byTarget.values().next().value?.agents ?? []) occupancyOf.set(a.id, a.occupancy);
    return input.queues.map((q) => queueMeasures(q, byTarget.get(q.targetSeconds), agents, occupancyOf));
  });
}

/** The scenario's agents, each holding one synthetic skill per queue it serves (its weakest required skill). */
function scenarioAgents(scenario: Scenario): SimulationAgent[] {
  const agents: SimulationAgent[] = [];
  for (const userId of [...scenario.served.keys()].sort(compareStrings)) {
    const held = getOwn(scenario.skills, userId) ?? {};
    const skills: Record<string, number> = {};
    for (const q of scenario.served.get(userId) ?? []) {
      const levels = q.requiredSkillIds.map((s) => getOwn(held, s) ?? 0);
      skills[queueSkill(q.queueId)] = levels.length === 0 ? 1 : Math.min(...levels);
    }
    agents.push({ id: userId, skills });
  }
  return agents;
}

/** One queue's measures from its target's run, with the mean occupancy of the agents who serve it. */
function queueMeasures(
  q: ParsedQueue,
  run: SimulationResult | undefined,
  agents: readonly SimulationAgent[],
  occupancyOf: ReadonlyMap<string, Estimate>,
): SimulatedMeasures {
  const r = run?.queues.find((x) => x.id === q.queueId);
  const occ = agents
    .filter((a) => Object.hasOwn(a.skills, queueSkill(q.queueId)))
    .map((a) => occupancyOf.get(a.id))
    .filter((e): e is Estimate => e !== undefined);
  const mean = (xs: readonly number[]): number => (xs.length === 0 ? 0 : xs.reduce((s, x) => s + x, 0) / xs.length);
  const occHalf = occ.every((e) => Number.isFinite(e.halfWidth)) ? mean(occ.map((e) => e.halfWidth)) : null;
  const occupancy = { mean: mean(occ.map((e) => e.mean)), halfWidth: occ.length === 0 ? null : occHalf };
  if (!r || r.offered.mean === 0) {
    // No call offered in any replication: nothing waited, nothing was missed (as Erlang C at traffic 0).
    return {
      serviceLevel: 1,
      asaSeconds: 0,
      occupancy: occupancy.mean,
      abandonRate: q.patienceSeconds === undefined ? null : 0,
      halfWidth: { serviceLevel: null, asaSeconds: null, abandonRate: null, occupancy: occupancy.halfWidth },
    };
  }
  const abandon = q.patienceSeconds === undefined ? null : r.abandonRate.mean;
  return {
    serviceLevel: r.serviceLevel.mean,
    // No call answered in any replication: the wait of answered calls is undefined.
    asaSeconds: r.answered.mean === 0 ? null : r.asaSeconds.mean,
    occupancy: occupancy.mean,
    abandonRate: abandon,
    halfWidth: {
      serviceLevel: finiteOrNull(r.serviceLevel.halfWidth),
      asaSeconds: r.answered.mean === 0 ? null : finiteOrNull(r.asaSeconds.halfWidth),
      abandonRate: abandon === null ? null : finiteOrNull(r.abandonRate.halfWidth),
      occupancy: occupancy.halfWidth,
    },
  };
}

/** Nobody serves any queue: nothing is answered. */
function noAgents(q: ParsedQueue): SimulatedMeasures {
  const busy = q.calls > 0;
  return {
    serviceLevel: busy ? 0 : 1,
    asaSeconds: busy ? null : 0,
    occupancy: 0,
    abandonRate: q.patienceSeconds === undefined ? null : busy ? 1 : 0,
    halfWidth: {
      serviceLevel: 0,
      asaSeconds: null,
      abandonRate: q.patienceSeconds === undefined ? null : 0,
      occupancy: 0,
    },
  };
}
