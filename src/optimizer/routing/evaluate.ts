// The evaluator: a whole-system simulation of an assignment, with common random numbers across candidates
// (same seed => same arrivals, service work and patience for every candidate).
import { simulate } from '../queueing/simulate/index.js';
import { DEFAULT_MAX_CONTACTS } from '../queueing/simulate/model.js';
import { invalid } from '../invalid.js';
import type { SimulationAgent, SimulationModel, SimulationResult } from '../queueing/simulate/types.js';
import type { NormOptions, NormProblem, NormQueue } from './input.js';
import type { QueueMeasures } from './types.js';

/** Queue index -> proficiency, per agent (the queue skills only). */
export type Assignment = ReadonlyArray<ReadonlyMap<number, number>>;

export interface QueueEval {
  mean: number;
  halfWidth: number;
  asa: number;
  abandonRate: number;
  occupancy: number;
  holders: number;
}

export interface Evaluation {
  queues: QueueEval[];
  /** Per agent: simulated occupancy (busy on any queue). */
  agentOccupancy: Float64Array;
  contacts: number;
  ms: number;
}

export interface RunLength {
  replications: number;
  durationSeconds: number;
  warmupSeconds: number;
}

/**
 * Most simulated contacts one evaluation may need. The options already bound the contacts asked for (confirmation
 * runs up to 50 M); the minimum window (30 min + warm-up) can add to that at extreme volumes.
 */
const MAX_EVALUATION_CONTACTS = 2 * DEFAULT_MAX_CONTACTS;

/** Expected simulated contacts of a run, as the simulator's work cap counts them (priorities double the tail). */
function expectedContacts(problem: NormProblem, length: RunLength): number {
  const perHour = problem.queues.reduce((s, q) => s + q.callsPerHour, 0);
  const tail = new Set(problem.queues.map((q) => q.priority)).size > 1 ? length.durationSeconds : 0;
  return ((perHour * (length.warmupSeconds + length.durationSeconds + tail)) / 3600) * length.replications;
}

/**
 * Run length that simulates about `contacts` calls in `replications` runs. The warm-up is 20 of the longest
 * time constants (handle time, patience, target), at most 2 h; `warmupFactor` shortens it for paired search
 * comparisons, where both candidates start empty on the same calls and a longer run confirms the winner.
 */
export function runLength(problem: NormProblem, contacts: number, replications: number, warmupFactor = 20): RunLength {
  const perHour = problem.queues.reduce((s, q) => s + q.callsPerHour, 0);
  const longest = problem.queues.reduce((m, q) => Math.max(m, q.aht, q.patience ?? 0, q.within), 0);
  const warmupSeconds = Math.min(7_200, Math.max(600, warmupFactor * longest));
  // At most 1e8 s: a near-zero call rate would otherwise ask for an unbounded window.
  const durationSeconds = perHour > 0 ? Math.min(1e8, Math.max(1_800, (contacts * 3600) / (replications * perHour) - warmupSeconds)) : 3_600;
  // The minimum window can make extreme volumes far costlier than asked: refuse them, naming the busiest queue.
  const expected = expectedContacts(problem, { replications, durationSeconds, warmupSeconds });
  if (!(expected <= MAX_EVALUATION_CONTACTS)) {
    const busiest = problem.queues.reduce((b, q) => (q.callsPerHour > (problem.queues[b] as NormQueue).callsPerHour ? q.index : b), 0);
    invalid('optimizeRouting', `queues[${busiest}].callsPerHour`, `${perHour} calls per hour in all need about ${expected.toExponential(2)} simulated contacts per evaluation, above ${MAX_EVALUATION_CONTACTS}`);
  }
  return { replications, durationSeconds, warmupSeconds };
}

const finite = (x: number, fallback: number): number => (Number.isFinite(x) ? x : fallback);

/**
 * Simulator proficiency of a held skill. Holding a queue's skill at any proficiency, 0 included, lets an agent
 * take the queue's calls (as on the platform), while the simulator treats 0 as "does not serve": map 0..5 onto
 * 1..5, keeping the order that best-available routing uses.
 */
const simulatorProficiency = (p: number): number => 1 + 0.8 * p;

/** The simulation model of an assignment: one skill per queue, per-queue targets, priorities and speeds. */
export function simulationModel(problem: NormProblem, options: NormOptions, assignment: Assignment, length: RunLength, seed: number): SimulationModel {
  const agents: SimulationAgent[] = problem.agents.map((a, i) => {
    const skills: Record<string, number> = {};
    for (const [q, p] of assignment[i] ?? []) skills[(problem.queues[q] as NormQueue).id] = simulatorProficiency(p);
    return a.speed === 1 ? { id: a.id, skills } : { id: a.id, skills, speed: a.speed };
  });
  // The simulator counts a contact as dearer when an agent serves more than 32 queues.
  const maxServed = assignment.reduce((m, held) => Math.max(m, held.size), 0);
  return {
    queues: problem.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      arrivalRatePerHour: q.callsPerHour,
      ahtSeconds: q.aht,
      targetSeconds: q.within,
      ...(q.patience === undefined ? {} : { patienceSeconds: q.patience }),
      ...(q.priority === 0 ? {} : { priority: q.priority }),
    })),
    agents,
    routing: options.routing,
    durationSeconds: length.durationSeconds,
    warmupSeconds: length.warmupSeconds,
    replications: length.replications,
    seed,
    // runLength bounded the work already; the simulator's default cap must not refuse a long confirmation run.
    maxContacts: Math.max(DEFAULT_MAX_CONTACTS, Math.ceil(1.01 * expectedContacts(problem, length) * Math.max(1, maxServed / 32)) + 10 * (problem.queues.length + problem.agents.length) * length.replications),
  };
}

/** Simulates the assignment; deterministic for a seed. */
export function evaluate(problem: NormProblem, options: NormOptions, assignment: Assignment, length: RunLength, seed: number): Evaluation {
  const started = performance.now();
  const model = simulationModel(problem, options, assignment, length, seed);
  const result: SimulationResult = simulate(model);
  const holders = problem.queues.map(() => 0);
  const busy = problem.queues.map(() => 0);
  const agentOccupancy = new Float64Array(problem.agents.length);
  result.agents.forEach((r, i) => {
    agentOccupancy[i] = finite(r.occupancy.mean, 0);
    for (const q of assignment[i]?.keys() ?? []) {
      holders[q] = (holders[q] as number) + 1;
      busy[q] = (busy[q] as number) + (agentOccupancy[i] as number);
    }
  });
  const queues = result.queues.map((r, q): QueueEval => {
    const noCalls = problem.queues[q]?.callsPerHour === 0;
    return {
      mean: noCalls ? 1 : finite(r.serviceLevel.mean, 0),
      halfWidth: noCalls ? 0 : finite(r.serviceLevel.halfWidth, 1),
      asa: finite(r.asaSeconds.mean, 0),
      abandonRate: finite(r.abandonRate.mean, 0),
      occupancy: (holders[q] as number) > 0 ? (busy[q] as number) / (holders[q] as number) : 0,
      holders: holders[q] as number,
    };
  });
  return { queues, agentOccupancy, contacts: result.contacts, ms: performance.now() - started };
}

/** The service level a queue is judged on: the mean, or the lower end of its 95 % interval. */
export function judged(e: QueueEval, acceptance: NormOptions['acceptance']): number {
  return acceptance === 'mean' ? e.mean : e.mean - e.halfWidth;
}

export function meets(q: NormQueue, e: QueueEval, acceptance: NormOptions['acceptance']): boolean {
  return judged(e, acceptance) >= q.sl - 1e-12;
}

/** Weighted shortfall: Σ weight × max(0, target − judged service level). 0 when every target is met. */
export function shortfallScore(problem: NormProblem, ev: Evaluation, acceptance: NormOptions['acceptance']): number {
  let s = 0;
  problem.queues.forEach((q, i) => {
    const e = ev.queues[i] as QueueEval;
    s += q.weight * Math.max(0, q.sl - judged(e, acceptance));
  });
  return s;
}

export function toMeasures(q: NormQueue, e: QueueEval): QueueMeasures {
  const m: QueueMeasures = {
    serviceLevel: e.mean,
    ci95: [Math.max(0, e.mean - e.halfWidth), Math.min(1, e.mean + e.halfWidth)],
    asa: e.asa,
    occupancy: e.occupancy,
    holders: e.holders,
  };
  if (q.patience !== undefined) m.abandonRate = e.abandonRate;
  return m;
}
