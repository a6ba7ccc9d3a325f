// An independent judge of a steady-hour plan: 10 replications of 48 h of the simulator on random numbers the
// optimizer never saw (seed 987,654), each queue with its own handle time, target and patience, and the plan's
// skills mapped to the simulator's proficiencies as the optimizer maps them (0..5 onto 1..5).
import { simulate, type OptimizeRoutingInput, type OptimizeRoutingResult } from '../src/optimizer/index.js';

export interface JudgedQueue {
  id: string;
  target: number;
  judged: { mean: number; halfWidth: number };
  reported: number;
  meetsTarget: boolean;
}

export function judgePlan(input: OptimizeRoutingInput, result: OptimizeRoutingResult): JudgedQueue[] {
  const judge = simulate({
    queues: input.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      arrivalRatePerHour: q.callsPerHour ?? 0,
      ahtSeconds: q.ahtSeconds,
      targetSeconds: q.target.withinSeconds,
      ...(q.patienceSeconds === undefined ? {} : { patienceSeconds: q.patienceSeconds }),
    })),
    agents: result.agents.map((a) => ({
      id: a.id,
      skills: Object.fromEntries(Object.entries(a.skills).map(([queueId, p]) => [queueId, 1 + 0.8 * p])),
    })),
    durationSeconds: 48 * 3600,
    warmupSeconds: 3600,
    replications: 10,
    seed: 987_654,
    maxContacts: 1e9,
  });
  return judge.queues.map((q, i) => ({
    id: q.id,
    target: input.queues[i]?.target.serviceLevel ?? 0,
    judged: { mean: q.serviceLevel.mean, halfWidth: q.serviceLevel.halfWidth },
    reported: result.queues[i]?.after.serviceLevel ?? 0,
    meetsTarget: result.queues[i]?.meetsTarget ?? false,
  }));
}

/** A queue with its reported figure and the judge's, to read whether a disagreement is within the error. */
const withFigures = (q: JudgedQueue): string =>
  `${q.id} (reported ${q.reported.toFixed(4)}, judged ${q.judged.mean.toFixed(4)} ± ${q.judged.halfWidth.toFixed(4)})`;

/** The judge's verdicts against the plan's, in one line. */
export function judgeLine(judged: readonly JudgedQueue[]): string {
  const below = judged.filter((q) => q.judged.mean < q.target);
  const reportedMet = below.filter((q) => q.meetsTarget);
  const reportedShort = judged.filter((q) => !q.meetsTarget && q.judged.mean >= q.target);
  // A disagreement counts only where the judge's own 95 % interval excludes the plan's verdict.
  const clearlyBelow = reportedMet.filter((q) => q.judged.mean + q.judged.halfWidth < q.target);
  const clearlyAbove = reportedShort.filter((q) => q.judged.mean - q.judged.halfWidth >= q.target);
  const gap = judged.reduce((s, q) => s + (q.reported - q.judged.mean), 0) / judged.length;
  const lowest = judged.reduce((m, q) => (q.judged.mean - q.target < m.judged.mean - m.target ? q : m));
  return (
    `judge (10 x 48 h, other random numbers): lowest ${lowest.id} ${lowest.judged.mean.toFixed(4)} ± ${lowest.judged.halfWidth.toFixed(4)} (target ${lowest.target}); ` +
    `${below.length} below target, of which reported meeting it: ${reportedMet.map(withFigures).join(', ') || 'none'}; ` +
    `reported short but judged at target: ${reportedShort.map(withFigures).join(', ') || 'none'}; verdicts the judge's interval contradicts: ${clearlyBelow.length + clearlyAbove.length} (${[...clearlyBelow, ...clearlyAbove].map((q) => q.id).join(', ') || 'none'}); ` +
    `reported minus judged ${gap >= 0 ? '+' : ''}${gap.toFixed(4)} on average`
  );
}
