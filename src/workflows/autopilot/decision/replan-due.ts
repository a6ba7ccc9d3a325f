// When the autopilot re-plans a queue under pressure, and how much more it sizes the next plan for after a plan
// fell short. Pure: the last re-plan and this decision's assessments in, the verdict out.
import type { QueueAssessment } from './decide.js';
import { missingGrew } from './absence.js';

/**
 * The last re-plan: when, and per queue the re-forecast ratio, the calls planned for (the horizon's peak) and the
 * agents missing from its usual staffing then.
 */
export interface LastPlan {
  at: number;
  ratios: Map<string, number>;
  calls: Map<string, number>;
  away?: Map<string, number>;
}

/** Calls this much above the ratio of the last re-plan make a new one (the surge grew). */
const REPLAN_GROWTH = 1.2;
/** Each miss after a re-plan sizes the queue's next plans for this many times the predicted calls, up to MAX_BOOST. */
const BOOST_STEP = 1.25;
const MAX_BOOST = 2;

/**
 * Whether to re-plan: on new pressure, in each new interval (the horizon moved on), when a queue's calls grew by
 * a fifth since the last re-plan, when the recent rate of calls is a fifth above what the last re-plan planned
 * for, when another of a queue's usual agents is missing since then, or when a queue it planned for is still below
 * target in an interval that started after it (`missed`); otherwise the last changes are given time to take effect.
 */
export function replanDue(
  last: LastPlan | undefined,
  dayStart: number,
  intervalMinutes: number,
  pressured: readonly QueueAssessment[],
  now: number,
): { missed: string[] } | undefined {
  if (!last) return { missed: [] };
  const len = intervalMinutes * 60_000;
  const lastComplete = dayStart + (Math.floor((now - dayStart) / len) - 1) * len;
  // A plan covers the horizon from the interval it was made in: a new interval brings a new one into view.
  const newInterval = Math.floor((now - dayStart) / len) > Math.floor((last.at - dayStart) / len);
  // Only a queue the last re-plan sized can have fallen short of it: a queue that was not under pressure then has
  // no plan to correct, and its first re-plan sizes it from what it sees.
  const missed = pressured
    .filter(
      (a) =>
        lastComplete >= last.at &&
        last.calls.has(a.queueId) &&
        a.lastServiceLevel !== null &&
        a.lastServiceLevel < a.target,
    )
    .map((a) => a.queueId);
  const grew = pressured.some((a) => {
    const ratio = last.ratios.get(a.queueId);
    const planned = last.calls.get(a.queueId);
    return (
      ratio === undefined ||
      a.ratio >= ratio * REPLAN_GROWTH ||
      (planned !== undefined && (a.recentRate ?? 0) >= planned * REPLAN_GROWTH) ||
      missingGrew(a.staff, last.away?.get(a.queueId))
    );
  });
  return grew || newInterval || missed.length > 0 ? { missed } : undefined;
}

/** The next sizing factor of a queue whose plan fell short (1 before the first miss). */
export function nextBoost(current: number | undefined): number {
  return Math.min(MAX_BOOST, (current ?? 1) * BOOST_STEP);
}
