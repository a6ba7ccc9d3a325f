// `--takeback` of bench:quality: the plan with one add of each kind (home queue -> queue) taken back, judged by the
// bench's judge (10 x 48 h) and the three best again on 40 x 48 h of other random numbers. It says whether a plan
// one change smaller meets every target, and by how much: the margin an acceptance rule would have to confirm.
import { simulate, type OptimizeRoutingInput, type OptimizeRoutingResult } from '../src/optimizer/index.js';

type Agents = OptimizeRoutingResult['agents'];

/** Each queue's service level under the judge (`reps` x 48 h after an hour's warm-up, on `seed`). */
export function judgeLevels(input: OptimizeRoutingInput, agents: Agents, reps = 10, seed = 987_654): number[] {
  const judged = simulate({
    queues: input.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      arrivalRatePerHour: q.callsPerHour as number,
      ahtSeconds: q.ahtSeconds,
      targetSeconds: q.target.withinSeconds,
    })),
    agents,
    durationSeconds: 48 * 3600,
    warmupSeconds: 3600,
    replications: reps,
    seed,
  });
  return judged.queues.map((q) => q.serviceLevel.mean);
}

/** The plan's agents with `queueId` taken from `agentId`. */
function without(agents: Agents, agentId: string, queueId: string): Agents {
  return agents.map((a) =>
    a.id !== agentId
      ? a
      : { ...a, skills: Object.fromEntries(Object.entries(a.skills).filter(([q]) => q !== queueId)) },
  );
}

const line = (sl: number[]) => `min ${Math.min(...sl).toFixed(4)} (${sl.map((x) => x.toFixed(3)).join(' ')})`;

/** One line per take-back: the three best under the judge, then under the longer judge. */
export function takeBackLines(input: OptimizeRoutingInput, result: OptimizeRoutingResult): string[] {
  const kinds = new Map<string, { agentId: string; queueId: string }>();
  for (const c of result.changes) if (c.action === 'add') kinds.set(`${c.agentId.split('-')[0]}->${c.queueId}`, c);
  const judged = [...kinds].map(([kind, c]) => {
    const agents = without(result.agents, c.agentId, c.queueId);
    return { kind, agents, sl: judgeLevels(input, agents) };
  });
  judged.sort((a, b) => Math.min(...b.sl) - Math.min(...a.sl));
  return judged
    .slice(0, 3)
    .map(
      ({ kind, agents, sl }) =>
        `    without one ${kind}: judge ${line(sl)}; 40 x 48 h (seed 123,457) ${line(judgeLevels(input, agents, 40, 123_457))}`,
    );
}
