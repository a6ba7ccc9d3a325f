// planRoutingOptimization's first step: does the org's current configuration already meet every target? Then the
// plan is empty, whatever the search would have found on its own random numbers. Without this a re-plan right
// after applying a plan could propose a change (or call the plan infeasible) only because its confirmation ran on
// other random numbers than the first plan's, and the worst of many noisy intervals sat a hair under the bar.
import {
  evaluateRoutingAsync,
  requiredAgents,
  requiredAgentsErlangA,
  type OptimizeRoutingInput,
  type OptimizeRoutingResult,
  type QueueOutcome,
  type EvaluatedQueue,
} from '../../optimizer/index.js';

/** Simulated contacts of the check: as many as the optimizer's own before/after confirmation by default. */
export const CURRENT_CHECK_CONTACTS = 1_500_000;

/**
 * Simulates the model as it is (a day, or one steady hour) on one long run and judges every queue on the plain
 * target (the mean, in every interval with calls). Returns the result of an empty plan when every queue meets it,
 * else undefined (the optimizer then runs). The run is simulated in slices, the event loop free between them;
 * `signal` gives it up.
 */
export async function currentConfigurationMeetsTargets(
  model: OptimizeRoutingInput,
  seed: number,
  signal?: AbortSignal,
): Promise<OptimizeRoutingResult | undefined> {
  if (forcesChanges(model)) return undefined;
  const started = performance.now();
  const ev = await evaluateRoutingAsync(
    { queues: model.queues, agents: model.agents },
    { seed, contacts: CURRENT_CHECK_CONTACTS, acceptance: 'mean', signal },
  );
  if (!ev.queues.every((q) => q.meetsTarget)) return undefined;
  const ms = Math.round(performance.now() - started);
  const intervals = model.queues[0]?.demand?.calls.length;
  return {
    changes: [],
    agents: model.agents.map((a) => ({ id: a.id, skills: { ...a.skills } })),
    queues: ev.queues.map((q, i) => outcome(model.queues[i]!, q)),
    feasible: true,
    shortfall: [],
    unreachable: [],
    lowerBound: { changes: 0, forced: 0, note: 'the current configuration meets every target: no change is needed' },
    warnings: [],
    stats: {
      candidatesEvaluated: 1,
      simulatedContacts: ev.contacts,
      solverMs: 0,
      simulateMs: ms,
      totalMs: ms,
      groups: 0,
      seed,
      ...(intervals !== undefined ? { intervals } : {}),
    },
  };
}

/** Whether the constraints force changes whatever the targets (skills over the cap, queues under their minimum holders). */
function forcesChanges(model: OptimizeRoutingInput): boolean {
  const ids = new Set(model.queues.map((q) => q.id));
  const cap = model.constraints?.maxSkillsPerAgent;
  const held = (a: OptimizeRoutingInput['agents'][number]) => Object.keys(a.skills).filter((k) => ids.has(k));
  if (cap !== undefined && model.agents.some((a) => held(a).length > cap)) return true;
  const min = model.constraints?.minHoldersPerQueue ?? 0;
  return min > 0 && model.queues.some((q) => model.agents.filter((a) => q.id in a.skills).length < min);
}

/** A queue of the empty plan: before and after are the same simulation. */
function outcome(queue: OptimizeRoutingInput['queues'][number], q: EvaluatedQueue): QueueOutcome {
  const measure = (x: EvaluatedQueue['intervals'][number]) => ({
    serviceLevel: x.serviceLevel,
    low: x.low,
    high: x.high,
  });
  return {
    id: q.id,
    target: q.target,
    trafficErlangs: q.trafficErlangs,
    requiredDedicated: dedicated(queue, q.trafficErlangs),
    before: q.measures,
    after: q.measures,
    meetsTarget: true,
    intervals: q.intervals.map((x) => ({ index: x.index, offered: x.offered, before: measure(x), after: measure(x) })),
    worstInterval: {
      index: q.worstInterval.index,
      before: q.worstInterval.serviceLevel,
      after: q.worstInterval.serviceLevel,
    },
  };
}

/** Dedicated agents the queue would need alone at its busiest interval (Erlang C, or Erlang A with patience). */
function dedicated(queue: OptimizeRoutingInput['queues'][number], traffic: number): number {
  if (!(traffic > 0)) return 0;
  const base = { traffic, ahtSeconds: queue.ahtSeconds, targetSeconds: queue.target.withinSeconds };
  return queue.patienceSeconds
    ? requiredAgentsErlangA({
        ...base,
        patienceSeconds: queue.patienceSeconds,
        serviceLevel: queue.target.serviceLevel,
      }).agents
    : requiredAgents({ ...base, serviceLevel: queue.target.serviceLevel }).agents;
}
