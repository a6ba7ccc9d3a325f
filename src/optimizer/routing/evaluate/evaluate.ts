// The evaluator: a whole-system simulation of an assignment, with common random numbers across candidates
// (same seed => same arrivals, service work and patience for every candidate).
import { runHere, runRange, runSliced, type ReplicationRunner } from '../../queueing/simulate/run.js';
import { compileModel, type CompiledModel } from '../../queueing/simulate/compile.js';
import type { ReplicationStats } from '../../queueing/simulate/engine.js';
import { summarize } from '../../queueing/simulate/summary.js';
import { DEFAULT_MAX_CONTACTS } from '../../queueing/simulate/model.js';
import { studentT975 } from '../../queueing/simulate/stats.js';
import { invalid } from '../../field-error.js';
import type { SimulationAgent, SimulationModel, SimulationResult } from '../../queueing/simulate/types.js';
import type { NormOptions, NormProblem, NormQueue } from '../input.js';
import type { QueueMeasures } from '../types.js';

import type { Assignment, Evaluation, QueueEval, RunLength } from './evaluation.js';
import { joinParts, keep, partRuns, splitParts, type PartRun } from './split.js';

export type { Assignment, Evaluation, QueueEval, RunLength } from './evaluation.js';

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
  if (problem.horizon.timeVarying) return dayLength(problem, contacts, replications);
  const perHour = problem.queues.reduce((s, q) => s + q.callsPerHour, 0);
  const longest = problem.queues.reduce((m, q) => Math.max(m, q.aht, q.patience ?? 0, q.within), 0);
  const warmupSeconds = Math.min(7_200, Math.max(600, warmupFactor * longest));
  // At most 1e8 s: a near-zero call rate would otherwise ask for an unbounded window.
  const durationSeconds =
    perHour > 0 ? Math.min(1e8, Math.max(1_800, (contacts * 3600) / (replications * perHour) - warmupSeconds)) : 3_600;
  // The minimum window can make extreme volumes far costlier than asked: refuse them, naming the busiest queue.
  const expected = expectedContacts(problem, { replications, durationSeconds, warmupSeconds });
  if (!(expected <= MAX_EVALUATION_CONTACTS)) {
    const busiest = problem.queues.reduce(
      (b, q) => (q.callsPerHour > (problem.queues[b] as NormQueue).callsPerHour ? q.index : b),
      0,
    );
    invalid(
      'optimizeRouting',
      `queues[${busiest}].callsPerHour`,
      `${perHour} calls per hour in all need about ${expected.toExponential(2)} simulated contacts per evaluation, above ${MAX_EVALUATION_CONTACTS}`,
    );
  }
  return { replications, durationSeconds, warmupSeconds };
}

/** Most simulated days per evaluation: beyond this, a small centre's evaluation would cost more than it gains. */
const MAX_DAYS = 400;

/** Warm-up before a day: an hour, at least 10 of the longest time constants (handle time, patience, target). */
const DAY_WARMUP_SECONDS = 3_600;

const DAY_SECONDS = 86_400;

/**
 * Intervals simulated before a horizon of whole days starts: its last ones, as if the day followed a day like
 * itself, so the first interval starts with the queue its previous interval leaves (empty when the centre was
 * closed then). A horizon that is not whole days (its end does not lead into its start) starts empty.
 */
export function warmupIntervals(problem: NormProblem): number {
  const { intervals, intervalSeconds } = problem.horizon;
  if ((intervals * intervalSeconds) % DAY_SECONDS !== 0) return 0;
  const longest = problem.queues.reduce((m, q) => Math.max(m, q.aht, q.patience ?? 0, q.within), 0);
  return Math.min(intervals, Math.ceil(Math.max(DAY_WARMUP_SECONDS, 10 * longest) / intervalSeconds));
}

/**
 * A time-varying horizon is simulated as it happens: the day's last intervals first (the warm-up, see
 * `warmupIntervals`), then the day to the end of its last interval (calls still waiting then are followed to
 * their outcome); independent days as replications, as many as `contacts` buys (at least `replications`).
 */
function dayLength(problem: NormProblem, contacts: number, replications: number): RunLength {
  const { intervals, intervalSeconds } = problem.horizon;
  const perDay = problem.queues.reduce((s, q) => s + q.calls.reduce((x, c) => x + c, 0), 0);
  const days = perDay > 0 ? Math.round(contacts / perDay) : replications;
  const reps = Math.min(Math.max(replications, days), Math.max(replications, MAX_DAYS));
  const length = {
    replications: reps,
    durationSeconds: intervals * intervalSeconds,
    warmupSeconds: warmupIntervals(problem) * intervalSeconds,
  };
  const expected = expectedContacts(problem, length);
  if (!(expected <= MAX_EVALUATION_CONTACTS))
    invalid(
      'optimizeRouting',
      'queues',
      `the horizon's calls need about ${expected.toExponential(2)} simulated contacts per evaluation, above ${MAX_EVALUATION_CONTACTS}`,
    );
  return length;
}

const finite = (x: number, fallback: number): number => (Number.isFinite(x) ? x : fallback);

/**
 * Simulator proficiency of a held skill. Holding a queue's skill at any proficiency, 0 included, lets an agent
 * take the queue's calls (as on the platform), while the simulator treats 0 as "does not serve": map 0..5 onto
 * 1..5, keeping the order that best-available routing uses.
 */
const simulatorProficiency = (p: number): number => 1 + 0.8 * p;

/** The simulation model of an assignment: one skill per queue, per-queue targets, priorities and speeds. */
export function simulationModel(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seed: number,
): SimulationModel {
  const agents: SimulationAgent[] = problem.agents.map((a, i) => {
    const skills: Record<string, number> = {};
    for (const [q, p] of assignment[i] ?? []) skills[(problem.queues[q] as NormQueue).id] = simulatorProficiency(p);
    return a.speed === 1 ? { id: a.id, skills } : { id: a.id, skills, speed: a.speed };
  });
  // The simulator counts a contact as dearer when an agent serves more than 32 queues.
  const maxServed = assignment.reduce((m, held) => Math.max(m, held.size), 0);
  const { horizon } = problem;
  // Over a day the warm-up replays the day's last intervals before its first (see warmupIntervals).
  const warm = horizon.timeVarying ? Math.round(length.warmupSeconds / horizon.intervalSeconds) : 0;
  const day = <T>(xs: readonly T[]): T[] => (warm > 0 ? [...xs.slice(xs.length - warm), ...xs] : [...xs]);
  problem.agents.forEach((a, i) => {
    if (a.available)
      (agents[i] as SimulationAgent).availability = {
        intervalSeconds: horizon.intervalSeconds,
        share: day(a.available),
      };
  });
  return {
    queues: problem.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      ...(horizon.timeVarying
        ? {
            arrivals: {
              intervalSeconds: horizon.intervalSeconds,
              callsPerInterval: day(q.calls),
              ahtSeconds: day(q.ahts),
            },
          }
        : { arrivalRatePerHour: q.callsPerHour }),
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
    maxContacts: Math.max(
      DEFAULT_MAX_CONTACTS,
      Math.ceil(1.01 * expectedContacts(problem, length) * Math.max(1, maxServed / 32)) +
        10 * (problem.queues.length + problem.agents.length) * length.replications,
    ),
  };
}

/** Simulates the assignment, part by part when it splits (split.ts); deterministic for a seed. */
export function evaluate(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seed: number,
): Evaluation {
  const parts = splitParts(problem);
  if (!parts) return evaluateWhole(problem, options, assignment, length, seed);
  const started = performance.now();
  const runs = partRuns(parts, options, assignment, length, seed);
  let simulated = 0;
  for (const run of runs.filter((r) => !r.evaluation)) {
    const ev = evaluateWhole(run.part.problem, options, run.assignment, length, run.seed);
    simulated += ev.simulated;
    keep(run, ev);
  }
  return joinParts(problem, runs, { simulated, ms: performance.now() - started });
}

/**
 * evaluate() on each of `seeds`, for the search and the confirmation: the same figures. With a `runner`, the seeds'
 * simulations go to it together, so its threads share all their replications; on the calling thread (no `runner`:
 * a browser, an edge function) each simulation gives the event loop a turn every few milliseconds instead of
 * holding it throughout.
 */
export async function evaluateAsync(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seeds: readonly number[],
): Promise<Evaluation[]> {
  const parts = splitParts(problem);
  if (!parts)
    return simulateEach(
      problem,
      options,
      length,
      seeds.map((seed) => ({ assignment, seed })),
    );
  const evals: Evaluation[] = [];
  for (const seed of seeds) {
    // The parts not kept are simulated; evaluate() then joins them, every part kept by then.
    const started = performance.now();
    let simulated = 0;
    for (let i = 0; i < parts.length; i++)
      simulated += (await evaluatePartAsync(problem, options, assignment, length, [seed], i))[0]?.simulated ?? 0;
    evals.push({ ...evaluate(problem, options, assignment, length, seed), simulated, ms: performance.now() - started });
  }
  return evals;
}

/**
 * Part `index` of a problem that splits (splitParts) on its own, on each of `seeds`: its evaluation on its own
 * queues and agents (indexed as in the part's problem), kept from an earlier evaluation of the same skills, seed
 * and length or simulated now (the seeds not kept together, as evaluateAsync's). A kept one reports nothing
 * simulated and no time.
 */
export async function evaluatePartAsync(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seeds: readonly number[],
  index: number,
): Promise<Evaluation[]> {
  const part = (splitParts(problem) ?? [])[index];
  if (!part) throw new RangeError(`evaluatePartAsync: no part ${index}`);
  const runs = seeds.map((seed) => partRuns([part], options, assignment, length, seed)[0] as PartRun);
  const fresh = runs.filter((run) => !run.evaluation);
  const evals = await simulateEach(part.problem, options, length, fresh);
  fresh.forEach((run, k) => keep(run, evals[k] as Evaluation));
  return runs.map((run) =>
    fresh.includes(run) ? (run.evaluation as Evaluation) : { ...(run.evaluation as Evaluation), simulated: 0, ms: 0 },
  );
}

/**
 * One simulation of the whole problem per plan: handed to the runner together (each reports an equal share of
 * their time), or on this thread one after the other, in slices.
 */
async function simulateEach(
  problem: NormProblem,
  options: NormOptions,
  length: RunLength,
  plans: ReadonlyArray<{ assignment: Assignment; seed: number }>,
): Promise<Evaluation[]> {
  const evals: Evaluation[] = [];
  const { runner } = options;
  if (!runner) {
    for (const { assignment, seed } of plans)
      evals.push(await evaluateSliced(problem, options, assignment, length, seed));
    return evals;
  }
  return simulateTogether(problem, options, length, plans, runner);
}

/** One simulation per plan, all handed to `runner` at once; each reports an equal share of their time. */
function simulateTogether(
  problem: NormProblem,
  options: NormOptions,
  length: RunLength,
  plans: ReadonlyArray<{ assignment: Assignment; seed: number }>,
  runner: ReplicationRunner = runHere,
): Evaluation[] {
  const started = performance.now();
  const jobs = plans.map(({ assignment, seed }) => {
    return { compiled: compileModel(simulationModel(problem, options, assignment, length, seed)) };
  });
  const runs = runner(jobs);
  const evals = jobs.map(({ compiled }, k) => {
    const { assignment } = plans[k] as { assignment: Assignment };
    return evaluationOf(problem, options, assignment, { compiled, runs: runs[k] ?? [], length, started });
  });
  const ms = (performance.now() - started) / Math.max(1, jobs.length);
  return evals.map((ev) => ({ ...ev, ms }));
}

/** One simulation of the whole problem (on the runner's threads when there is one). */
function evaluateWhole(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seed: number,
): Evaluation {
  const checkpoint = options.checkpoint;
  const runner: ReplicationRunner | undefined =
    options.runner ??
    (checkpoint && ((jobs) => jobs.map(({ compiled: c }) => runRange(c, 0, c.replications, checkpoint))));
  return simulateTogether(problem, options, length, [{ assignment, seed }], runner)[0] as Evaluation;
}

/** One simulation of the whole problem on this thread, in slices that let the event loop run between them. */
async function evaluateSliced(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  length: RunLength,
  seed: number,
): Promise<Evaluation> {
  const started = performance.now();
  const compiled = compileModel(simulationModel(problem, options, assignment, length, seed));
  const runs = await runSliced(compiled, options.checkpoint);
  return evaluationOf(problem, options, assignment, { compiled, runs, length, started });
}

/** The search's figures of one simulation's replications (`started`: when the evaluation began). */
function evaluationOf(
  problem: NormProblem,
  options: NormOptions,
  assignment: Assignment,
  {
    compiled,
    runs,
    length,
    started,
  }: { compiled: CompiledModel; runs: ReplicationStats[]; length: RunLength; started: number },
): Evaluation {
  const result: SimulationResult = summarize(compiled, runs);
  const warm = problem.horizon.timeVarying ? Math.round(length.warmupSeconds / problem.horizon.intervalSeconds) : 0;
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
    if (problem.horizon.timeVarying)
      return dayEval(problem.queues[q] as NormQueue, r, options, holders[q] as number, busy[q] as number, warm);
    return {
      mean: noCalls ? 1 : finite(r.serviceLevel.mean, 0),
      offered: finite(r.offered.mean, 0),
      halfWidth: noCalls ? 0 : finite(r.serviceLevel.halfWidth, 1),
      asa: finite(r.asaSeconds.mean, 0),
      abandonRate: finite(r.abandonRate.mean, 0),
      occupancy: (holders[q] as number) > 0 ? (busy[q] as number) / (holders[q] as number) : 0,
      holders: holders[q] as number,
    };
  });
  return {
    queues,
    agentOccupancy,
    contacts: result.contacts,
    simulated: result.contacts,
    ms: performance.now() - started,
  };
}

/** Per-interval figures of a day, and the judged figure: the whole horizon (`weighted`) or its worst interval. */
function dayEval(
  q: NormQueue,
  r: SimulationResult['queues'][number],
  options: NormOptions,
  holders: number,
  busy: number,
  warm: number,
): QueueEval {
  const total = q.calls.reduce((s, c) => s + c, 0);
  // The warm-up's intervals come first in the simulated profile: the day's own start after them.
  const intervals = (r.intervals ?? []).slice(warm).map((x, t) => {
    const expected = q.calls[t] ?? 0;
    const offered = finite(x.offered.mean, 0);
    // An interval without calls (or none simulated) cannot miss its target.
    if (!(expected > 0) || !(x.serviceLevel.mean === x.serviceLevel.mean)) return { offered, mean: 1, halfWidth: 0 };
    return { offered, mean: finite(x.serviceLevel.mean, 0), halfWidth: finite(x.serviceLevel.halfWidth, 1) };
  });
  const base = {
    offered: finite(r.offered.mean, 0),
    asa: finite(r.asaSeconds.mean, 0),
    abandonRate: finite(r.abandonRate.mean, 0),
    occupancy: holders > 0 ? busy / holders : 0,
    holders,
    intervals,
    horizon: {
      mean: total > 0 ? finite(r.serviceLevel.mean, 0) : 1,
      halfWidth: total > 0 ? finite(r.serviceLevel.halfWidth, 1) : 0,
    },
  };
  if (options.objective === 'weighted' || intervals.length === 0) {
    return { ...base, ...base.horizon };
  }
  let worst = 0;
  intervals.forEach((x, t) => {
    const w = intervals[worst] as { mean: number; halfWidth: number };
    if (judged(x, options.acceptance) < judged(w, options.acceptance)) worst = t;
  });
  const w = intervals[worst] as { mean: number; halfWidth: number };
  return { ...base, mean: w.mean, halfWidth: w.halfWidth, worst };
}

/**
 * The service level a queue is judged on: the mean (`mean`), or the mean less the margin of a one-sided test of
 * `z` standard errors, so "meets" means the target is not rejected as too high. Half-widths are two-sided 95 %
 * ones: ÷ 1.96 gives the standard error.
 */
export function judged(e: { mean: number; halfWidth: number }, acceptance: NormOptions['acceptance']): number {
  return acceptance === 'mean' ? e.mean : e.mean - (acceptance.z / 1.96) * e.halfWidth;
}

type Figure = { mean: number; halfWidth: number };

/**
 * Mean of independent estimates of equal weight, and its 95 % half-width. Each run's half-width is a Student-t
 * one over `replications` replications: its standard error is the half-width ÷ t(replications − 1), not ÷ 1.96
 * (with 5 replications that alone would overstate the error by 42 %). The pooled half-width uses t on the
 * pooled degrees of freedom.
 */
function poolFigures(xs: readonly Figure[], replications: number): Figure {
  const k = xs.length;
  const mean = xs.reduce((s, x) => s + x.mean, 0) / k;
  const t = studentT975(Math.max(1, replications - 1));
  const se = Math.sqrt(xs.reduce((s, x) => s + (x.halfWidth / t) ** 2, 0)) / k;
  return { mean, halfWidth: studentT975(Math.max(1, k * (replications - 1))) * se };
}

/**
 * Pools evaluations of one plan on independent random numbers (different seeds) into one: means of means,
 * half-widths from the runs' own errors, the judged interval chosen again on the pooled figures.
 */
export function poolEvaluations(
  evals: readonly Evaluation[],
  acceptance: NormOptions['acceptance'],
  replications: number,
): Evaluation {
  const first = evals[0] as Evaluation;
  const avg = (f: (e: Evaluation) => number): number => evals.reduce((s, e) => s + f(e), 0) / evals.length;
  const queues = first.queues.map((q0, i): QueueEval => {
    const all = evals.map((e) => e.queues[i] as QueueEval);
    const pooled: QueueEval = {
      ...poolFigures(all, replications),
      offered: avg((e) => (e.queues[i] as QueueEval).offered),
      asa: avg((e) => (e.queues[i] as QueueEval).asa),
      abandonRate: avg((e) => (e.queues[i] as QueueEval).abandonRate),
      occupancy: avg((e) => (e.queues[i] as QueueEval).occupancy),
      holders: q0.holders,
    };
    if (q0.horizon)
      pooled.horizon = poolFigures(
        all.map((x) => x.horizon as Figure),
        replications,
      );
    if (q0.intervals) {
      const intervals = q0.intervals.map((_, t) => ({
        offered: all.reduce((s, x) => s + (x.intervals?.[t]?.offered ?? 0), 0) / all.length,
        ...poolFigures(
          all.map((x) => x.intervals?.[t] as Figure),
          replications,
        ),
      }));
      pooled.intervals = intervals;
      if (q0.worst !== undefined) {
        let worst = 0;
        intervals.forEach((x, t) => {
          if (judged(x, acceptance) < judged(intervals[worst] as Figure, acceptance)) worst = t;
        });
        pooled.worst = worst;
        pooled.mean = (intervals[worst] as Figure).mean;
        pooled.halfWidth = (intervals[worst] as Figure).halfWidth;
      }
    }
    return pooled;
  });
  const agentOccupancy = new Float64Array(first.agentOccupancy.length);
  for (const e of evals)
    e.agentOccupancy.forEach((x, a) => (agentOccupancy[a] = (agentOccupancy[a] as number) + x / evals.length));
  return {
    queues,
    agentOccupancy,
    contacts: evals.reduce((s, e) => s + e.contacts, 0),
    simulated: evals.reduce((s, e) => s + e.simulated, 0),
    ms: evals.reduce((s, e) => s + e.ms, 0),
  };
}

export function meets(q: NormQueue, e: QueueEval, acceptance: NormOptions['acceptance']): boolean {
  return judged(e, acceptance) >= q.sl - 1e-12;
}

/** Weighted shortfall: Σ weight × max(0, target − judged service level). 0 when every target is met. */
export function shortfallScore(problem: NormProblem, ev: Evaluation, acceptance: NormOptions['acceptance']): number {
  let s = 0;
  problem.queues.forEach((q, i) => {
    const e = ev.queues[i] as QueueEval;
    if (e.worst === undefined) s += q.weight * Math.max(0, q.sl - judged(e, acceptance));
    // Every interval below target counts (by its share of the busiest interval's calls), so a plan that
    // lifts one interval while another stays short still scores better.
    else
      for (const [t, x] of (e.intervals ?? []).entries())
        s += q.weight * Math.max(0, q.sl - judged(x, acceptance)) * intervalWeight(q, t);
  });
  return s;
}

/**
 * True when a queue (or one of its intervals) is within the error of its target: its mean reaches the target but
 * its one-sided lower bound does not. More runs would decide it.
 */
export function undecided(problem: NormProblem, ev: Evaluation, acceptance: NormOptions['acceptance']): boolean {
  const open = (sl: number, x: { mean: number; halfWidth: number }): boolean =>
    x.mean >= sl - 1e-12 && judged(x, acceptance) < sl - 1e-12;
  return problem.queues.some((q, i) => {
    const e = ev.queues[i] as QueueEval;
    return e.worst === undefined ? open(q.sl, e) : (e.intervals ?? []).some((x) => open(q.sl, x));
  });
}

export function toMeasures(q: NormQueue, e: QueueEval): QueueMeasures {
  // Over a horizon, the queue's figure is the whole horizon's (its intervals are reported one by one).
  const { mean, halfWidth } = e.horizon ?? e;
  const m: QueueMeasures = {
    serviceLevel: mean,
    ci95: [Math.max(0, mean - halfWidth), Math.min(1, mean + halfWidth)],
    asa: e.asa,
    occupancy: e.occupancy,
    holders: e.holders,
  };
  if (q.patience !== undefined) m.abandonRate = e.abandonRate;
  return m;
}

/** Weight of interval t in the shortfall: its calls relative to the queue's busiest interval, at least 0.25. */
function intervalWeight(q: NormQueue, t: number): number {
  const peak = q.calls[q.peak] ?? 0;
  return peak > 0 ? Math.max(0.25, (q.calls[t] ?? 0) / peak) : 1;
}
