// The input of the re-plan that warms the optimizer's workers at a run's start, before any live picture: built from
// the setup alone, shaped like a re-plan under pressure so that it runs the same code (a queue at its usual load
// needs no change, and its re-plan stops after the screening; an agent on queue throughout leaves the simulation's
// shift code unrun, and the first re-plan with a break in it ran that code unoptimized). Its result is not used.
// Pure.
import type { OptimizeRoutingInput } from '../../../optimizer/index.js';
import type { Guardrails } from './guardrails.js';
import { replanInput, type QueueModel } from './decide.js';

/** The warm-up's calls against the forecast: enough that a staffed queue needs agents, so the search runs. */
const SURGE = 2;

export interface WarmUpInput {
  queues: readonly QueueModel[];
  /** userId -> queueId -> proficiency at the baseline: every one of them counted on queue. */
  holds: Readonly<Record<string, Readonly<Record<string, number>>>>;
  intervalMinutes: number;
  horizonIntervals: number;
  guardrails: Guardrails;
  maxChanges: number;
  margin: number;
}

/**
 * Every queue surging to twice the busiest `horizonIntervals` of its forecast, every baseline agent on queue, a
 * third of them leaving during the horizon and a third coming back (see warmUpSpells).
 */
export function warmUpInput(w: WarmUpInput): OptimizeRoutingInput {
  return replanInput({
    queues: w.queues,
    assessments: w.queues.map((q) => ({
      queueId: q.id,
      predicted: busiestWindow(q.forecast, w.horizonIntervals).map((c) => SURGE * c),
      pressure: true,
    })),
    holds: w.holds,
    onQueue: new Set(Object.keys(w.holds)),
    availability: warmUpSpells(Object.keys(w.holds), w.horizonIntervals),
    intervalMinutes: w.intervalMinutes,
    guardrails: w.guardrails,
    maxChanges: w.maxChanges,
    margin: w.margin,
  });
}

/**
 * The agents' shares of each horizon interval in the warm-up, by their place in id order: the first of every three
 * on queue throughout, the second leaving halfway through the horizon, the third coming back then.
 */
export function warmUpSpells(userIds: readonly string[], horizon: number): (userId: string) => number[] | undefined {
  const half = Math.floor(horizon / 2);
  const leaving = Array.from({ length: horizon }, (_, t) => (t < half ? 1 : t === half ? 0.5 : 0));
  const back = [...leaving].reverse();
  const spells = new Map([...userIds].sort().map((id, i) => [id, [undefined, leaving, back][i % 3]]));
  return (userId) => spells.get(userId);
}

/** The `length` consecutive values with the largest sum (the first such run), padded with zeros past the end. */
export function busiestWindow(values: readonly number[], length: number): number[] {
  let best = 0;
  let bestSum = -Infinity;
  for (let start = 0; start < Math.max(1, values.length - length + 1); start++) {
    const sum = values.slice(start, start + length).reduce((a, b) => a + b, 0);
    if (sum > bestSum) [best, bestSum] = [start, sum];
  }
  return Array.from({ length }, (_, i) => values[best + i] ?? 0);
}
