// Before the calm return: would the baseline keep the queues the autopilot reinforced at target at the calls of
// the last complete interval? A surge judged against a forecast that runs high for the hour looks over while
// calls are still above what the baseline serves; returning then gives the queue back its miss, and the next
// surge decision re-adds.
import { evaluateRoutingAsync } from '../../../optimizer/index.js';
import { replanInput, type QueueAssessment, type QueueModel } from './decide.js';
import type { Guardrails } from './guardrails.js';

export interface ReturnCheck {
  queues: readonly QueueModel[];
  assessments: readonly QueueAssessment[];
  /** userId -> queueId -> proficiency now and at the baseline (member and skill holder). */
  current: Readonly<Record<string, Readonly<Record<string, number>>>>;
  baseline: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Queues agents hold now that they did not at the baseline. */
  reinforced: ReadonlySet<string>;
  onQueue: ReadonlySet<string>;
  unjoined?: ReadonlySet<string>;
  intervalMinutes: number;
  guardrails: Guardrails;
  availability?: (userId: string) => readonly number[] | undefined;
  /** Agents off queue now who usually come on queue within the horizon, with their share of each interval. */
  returning?: ReadonlyMap<string, readonly number[]>;
  /** Seed and length of each simulation. */
  seed: number;
  contacts: number;
  /** Queue names for the words. */
  names: Readonly<Record<string, string>>;
}

/**
 * The reinforced queues that the agents added still hold at target and the baseline would leave below it, at the
 * calls ahead (each interval at least the last complete interval's calls), in words; undefined when there are
 * none. Both assignments are simulated on the same calls: a model that finds the queue short either way (nobody
 * hangs up in it here, and it knows only the watched queues) says nothing about what the agents added do, and the
 * return goes ahead. The simulations run in slices on the calling thread, so a service's requests and timers go on
 * meanwhile; `signal` gives them up.
 */
export async function baselineShortfall(c: ReturnCheck, signal?: AbortSignal): Promise<string | undefined> {
  if (c.reinforced.size === 0) return undefined;
  const sized = c.assessments.map((a) => {
    const last = lastIntervalCalls(a);
    return { ...a, predicted: a.predicted.map((calls) => Math.max(calls, last)) };
  });
  const judge = async (holds: ReturnCheck['baseline']) => {
    const input = replanInput({
      // On the cautious model, nobody hanging up: returning too early gives a queue its miss back, where holding
      // the agents added a few minutes more costs nothing.
      queues: c.queues.map(({ patienceSeconds: _, ...q }) => q),
      assessments: sized,
      holds,
      onQueue: c.onQueue,
      ...(c.unjoined ? { unjoined: c.unjoined } : {}),
      intervalMinutes: c.intervalMinutes,
      guardrails: c.guardrails,
      maxChanges: 0,
      ...(c.availability ? { availability: c.availability } : {}),
      ...(c.returning ? { returning: c.returning } : {}),
    });
    const options = { seed: c.seed, contacts: c.contacts, acceptance: 'mean' } as const;
    return (await evaluateRoutingAsync({ queues: input.queues, agents: input.agents }, { ...options, signal })).queues;
  };
  const now = await judge(c.current);
  const back = await judge(c.baseline);
  const short = back.filter((q, i) => c.reinforced.has(q.id) && !q.meetsTarget && now[i]?.meetsTarget);
  if (short.length === 0) return undefined;
  return short
    .map((q) => {
      const calls = sized.find((a) => a.queueId === q.id)?.predicted[q.worstInterval.index] ?? 0;
      const withThem = now.find((n) => n.id === q.id)?.intervals[q.worstInterval.index]?.serviceLevel ?? 0;
      return `${c.names[q.id] ?? q.id} at ${q.worstInterval.serviceLevel.toFixed(3)} (${withThem.toFixed(3)} with the agents added) against its ${q.target.serviceLevel} target with ${calls.toFixed(1)} calls an interval`;
    })
    .join('; ');
}

/**
 * Calls of the last complete interval: a whole interval, where the current one's few minutes (the recent rate)
 * are noise, and a source may count them ahead of the clock.
 */
function lastIntervalCalls(a: QueueAssessment): number {
  return Math.max(0, (a.offeredSinceLastInterval ?? 0) - a.offeredNow);
}
