// Evaluation part by part: a problem whose queues fall into independent parts (see components.ts) is simulated one
// part at a time, and a part whose agents' skills, seed and run length are those of a recent evaluation is not
// simulated again. A search move changes one part, so it costs that part's simulation, not the whole centre's.
import { problemParts, type ProblemPart } from './components.js';
import type { Assignment, Evaluation, QueueEval, RunLength } from './evaluation.js';
import type { NormOptions, NormProblem } from '../input.js';

/** Evaluations kept per part: the search keeps returning to the plans it compares against. */
const KEPT_PER_PART = 32;

interface Part extends ProblemPart {
  /** Added to the seed, so parts draw independent random numbers. */
  seedOffset: number;
  kept: Map<string, Evaluation>;
}

const partsOf = new WeakMap<NormProblem, Part[] | null>();

/** The problem's independent parts, or undefined when it has only one (evaluated whole, as before). */
export function splitParts(problem: NormProblem): Part[] | undefined {
  let parts = partsOf.get(problem);
  if (parts === undefined) {
    const found = problemParts(problem);
    parts = found.length > 1 ? found.map((p, i) => ({ ...p, seedOffset: i * 0x9e3779b9, kept: new Map() })) : null;
    partsOf.set(problem, parts);
  }
  return parts ?? undefined;
}

/** One part's share of an evaluation: what to simulate (when not kept) and where its figures go. */
export interface PartRun {
  part: Part;
  assignment: Assignment;
  seed: number;
  key: string;
  evaluation: Evaluation | undefined;
}

/** Each part's assignment and seed, with its kept evaluation when there is one. */
export function partRuns(
  parts: readonly Part[],
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seed: number,
): PartRun[] {
  const settings = `${seed}|${length.replications}|${length.durationSeconds}|${length.warmupSeconds}|${options.routing}|${options.objective}|${JSON.stringify(options.acceptance)}`;
  return parts.map((part) => {
    const local = new Map(part.queues.map((q, j) => [q, j]));
    const own = part.agents.map(
      (i) => new Map([...(assignment[i] ?? [])].map(([q, p]) => [local.get(q) as number, p])),
    );
    const key = `${settings}|${own.map((m) => [...m].map(([q, p]) => `${q}:${p}`).join(',')).join(';')}`;
    const evaluation = part.kept.get(key);
    if (evaluation) {
      part.kept.delete(key);
      part.kept.set(key, evaluation);
    }
    return { part, assignment: own, seed: seed + part.seedOffset, key, evaluation };
  });
}

/** Keeps a part's fresh evaluation for the next moves that leave the part as it is. */
export function keep(run: PartRun, evaluation: Evaluation): void {
  run.evaluation = evaluation;
  run.part.kept.set(run.key, evaluation);
  if (run.part.kept.size > KEPT_PER_PART) run.part.kept.delete(run.part.kept.keys().next().value as string);
}

/**
 * The whole problem's evaluation from its parts'. `contacts` counts every part, kept or not, so the work budget
 * counts evaluations the same way whether a part was simulated again; `simulated` counts only what ran now.
 */
export function joinParts(
  problem: NormProblem,
  runs: ReadonlyArray<Pick<PartRun, 'part' | 'evaluation'>>,
  cost: { simulated: number; ms: number },
): Evaluation {
  const queues: QueueEval[] = new Array<QueueEval>(problem.queues.length);
  const agentOccupancy = new Float64Array(problem.agents.length);
  let contacts = 0;
  for (const { part, evaluation } of runs) {
    const ev = evaluation as Evaluation;
    part.queues.forEach((q, j) => (queues[q] = ev.queues[j] as QueueEval));
    part.agents.forEach((a, k) => (agentOccupancy[a] = ev.agentOccupancy[k] as number));
    contacts += ev.contacts;
  }
  return { queues, agentOccupancy, contacts, ...cost };
}
