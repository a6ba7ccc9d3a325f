// The day instance of bench:quality: five queues over 20 half-hours (08:00-18:00) with early, late and full-day
// shifts and lunch breaks, each queue staffed by its own specialists for its own peak, a little off. The
// optimizer's plan is set against a greedy witness (add the worst interval's skill to the agent with the most
// slack then, until every interval is at target on the witness's own runs: at 95 % confidence, the optimizer's
// default rule over a day, and at the mean, a laxer one), and all are judged by an independent
// long run: `simulate` over 30 days on random numbers none of them saw, each day starting empty as when the centre
// opens (the profile is padded to 24 h with closed, callless intervals).
import { planFingerprint } from './fingerprint.js';
import { mulberry32 } from './routing-instance.js';
import { optimizeRouting } from './under-test.js';
import {
  requiredAgents,
  simulate,
  type OptimizeAgent,
  type OptimizeRoutingInput,
  type OptimizeRoutingOptions,
  type SimulationResult,
} from '../src/optimizer/index.js';

const INTERVALS = 20;
const WIDTH = 1800;
const CLOSED = 48 - INTERVALS;
const EARLY = [0, 12] as const;
const LATE = [8, 20] as const;
const MAX_SKILLS = 2;
const ADD_PROFICIENCY = 1;

/** The day's five queues and their specialists, from `seed`. */
export function fiveQueueDay(seed: number): OptimizeRoutingInput {
  const r = mulberry32(seed);
  const agents: OptimizeAgent[] = [];
  const queues = Array.from({ length: 5 }, (_, q) => {
    const id = `q${q + 1}`;
    const aht = 240 + 60 * Math.floor(r() * 3);
    const target = { serviceLevel: 0.8, withinSeconds: q % 2 === 0 ? 20 : 30 };
    const base = 6 + 8 * r();
    const peak = 1 + 18 * r();
    const load = Array.from({ length: INTERVALS }, (_, t) => base * (0.6 + 0.6 * Math.exp(-(((t - peak) / 4) ** 2))));
    const need = load.map(
      (a) =>
        requiredAgents({ traffic: a, ahtSeconds: aht, targetSeconds: target.withinSeconds, serviceLevel: 0.8 }).agents,
    );
    agents.push(...specialists(id, need, r));
    const calls = load.map((a) => Math.round((10 * a * WIDTH) / aht) / 10);
    return { id, ahtSeconds: aht, target, demand: { intervalSeconds: WIDTH, calls } };
  });
  return { queues, agents, constraints: { maxSkillsPerAgent: MAX_SKILLS, maxChanges: 200 } };
}

/**
 * A queue's specialists: full-day agents for its quietest interval's need (half of it), early and late shifts for
 * the rest of its morning and afternoon peaks, each count off by -3..+1 so some intervals are short and others
 * have slack. Full-day agents take a half-hour lunch between 12:00 and 14:00, spread over the four half-hours.
 */
function specialists(queueId: string, need: readonly number[], r: () => number): OptimizeAgent[] {
  const full = Math.floor(Math.min(...need) / 2);
  const morning = Math.max(...need.slice(EARLY[0], LATE[0])) - full;
  const afternoon = Math.max(...need.slice(EARLY[1], LATE[1])) - full;
  const off = (): number => Math.floor(r() * 5) - 3;
  const counts = { full, early: Math.max(1, morning + off()), late: Math.max(1, afternoon + off()) };
  const out: OptimizeAgent[] = [];
  for (const [shift, n] of Object.entries(counts))
    for (let k = 0; k < n; k++)
      out.push({ id: `${queueId}-${shift}-${k}`, skills: { [queueId]: 3 }, available: availability(shift, k) });
  return out;
}

function availability(shift: string, k: number): number[] {
  return Array.from({ length: INTERVALS }, (_, t) => {
    if (shift === 'early') return t >= EARLY[0] && t < EARLY[1] ? 1 : 0;
    if (shift === 'late') return t >= LATE[0] && t < LATE[1] ? 1 : 0;
    return t === 8 + (k % 4) ? 0 : 1;
  });
}

/** Runs of the day for `agents`: each queue's service level per interval (mean and 95 % half-width). */
export function simulateDay(
  input: OptimizeRoutingInput,
  agents: readonly OptimizeAgent[],
  seed: number,
  days: number,
): SimulationResult {
  return simulate({
    queues: input.queues.map((q) => ({
      id: q.id,
      skill: q.id,
      ahtSeconds: q.ahtSeconds,
      targetSeconds: q.target.withinSeconds,
      arrivals: { intervalSeconds: WIDTH, callsPerInterval: [...(q.demand?.calls ?? []), ...zeros(CLOSED)] },
    })),
    agents: agents.map((a) => ({
      id: a.id,
      // As the optimizer maps them: a held skill at 0 still takes calls, and the order of proficiencies is kept.
      skills: Object.fromEntries(Object.entries(a.skills).map(([queueId, p]) => [queueId, 1 + 0.8 * p])),
      availability: { intervalSeconds: WIDTH, share: [...((a.available ?? []) as number[]), ...zeros(CLOSED)] },
    })),
    durationSeconds: days * 86_400,
    replications: 10,
    seed,
    maxContacts: 200_000_000,
  });
}

const zeros = (n: number): number[] => Array.from({ length: n }, () => 0);

/** Student t quantile (0.975, 9 degrees of freedom): turns the runs' 95 % half-widths back into standard errors. */
const T975_9 = 2.262;

/**
 * Each open interval's margin per queue: mean − target, or with `confident` the one-sided 95 % lower bound
 * (mean − 1.645 standard errors) − target, the rule optimizeRouting's default acceptance applies over a day.
 */
export function margins(input: OptimizeRoutingInput, run: SimulationResult, confident = false): number[][] {
  return run.queues.map((q, i) =>
    (q.intervals ?? []).slice(0, INTERVALS).map((x) => {
      if (x.offered.mean === 0) return 1;
      const bound = confident ? (1.645 * x.serviceLevel.halfWidth) / T975_9 : 0;
      return x.serviceLevel.mean - bound - (input.queues[i]?.target.serviceLevel ?? 0);
    }),
  );
}

/**
 * The greedy witness: while some interval is below target on its own 10 × 10-day runs (seed 11), by the same
 * one-sided 95 % rule as the optimizer's default, add the worst one's skill to the on-shift agent, with a free skill slot, whose own queue has the most slack in that interval.
 * Returns the agents after it and the number of skills it added.
 */
export function greedyWitness(
  input: OptimizeRoutingInput,
  confident: boolean,
): { agents: OptimizeAgent[]; changes: number } {
  const agents = input.agents.map((a) => ({ ...a, skills: { ...a.skills } }));
  for (let changes = 0; ; changes++) {
    const m = margins(input, simulateDay(input, agents, 11, 10), confident);
    const worst = worstShort(m);
    if (!worst) return { agents, changes };
    const queueId = input.queues[worst.queue]?.id as string;
    const helper = slackest(agents, queueId, worst.interval, input, m);
    if (!helper) throw new Error(`greedy witness: nobody can help ${queueId} in interval ${worst.interval}`);
    helper.skills[queueId] = ADD_PROFICIENCY;
  }
}

function worstShort(m: number[][]): { queue: number; interval: number } | undefined {
  let worst: { queue: number; interval: number; margin: number } | undefined;
  m.forEach((row, queue) =>
    row.forEach((margin, interval) => {
      if (margin < 0 && (!worst || margin < worst.margin)) worst = { queue, interval, margin };
    }),
  );
  return worst;
}

function slackest(
  agents: OptimizeAgent[],
  queueId: string,
  interval: number,
  input: OptimizeRoutingInput,
  m: number[][],
): OptimizeAgent | undefined {
  const index = new Map(input.queues.map((q, i) => [q.id, i]));
  const slack = (a: OptimizeAgent): number =>
    Math.min(...Object.keys(a.skills).map((id) => m[index.get(id) as number]?.[interval] ?? 0));
  return agents
    .filter((a) => ((a.available ?? []) as number[])[interval] === 1)
    .filter((a) => !(queueId in a.skills) && Object.keys(a.skills).length < MAX_SKILLS)
    .sort((a, b) => slack(b) - slack(a) || a.id.localeCompare(b.id))[0];
}

/** The input's agents (with their shifts) holding the skills of the plan's assignment. */
function planned(
  input: OptimizeRoutingInput,
  after: ReadonlyArray<{ skills: Record<string, number> }>,
): OptimizeAgent[] {
  return input.agents.map((a, i) => ({ ...a, skills: after[i]?.skills ?? a.skills }));
}

/** The judge's line: lowest interval margin with its error, and how many open intervals are below target. */
function judgeLine(input: OptimizeRoutingInput, agents: readonly OptimizeAgent[]): string {
  const run = simulateDay(input, agents, 987_654, 30);
  const m = margins(input, run);
  let low = { margin: Infinity, halfWidth: 0, at: '' };
  let short = 0;
  m.forEach((row, q) =>
    row.forEach((margin, t) => {
      const halfWidth = run.queues[q]?.intervals?.[t]?.serviceLevel.halfWidth ?? 0;
      if (margin + halfWidth < 0) short++;
      if (margin < low.margin) low = { margin, halfWidth, at: `${input.queues[q]?.id}@${t}` };
    }),
  );
  return `judge lowest ${low.at} ${low.margin >= 0 ? '+' : ''}${low.margin.toFixed(4)} ± ${low.halfWidth.toFixed(4)}, ${short} intervals below beyond the error`;
}

/** bench:quality --instance=day: per seed, the optimizer's changes against two greedy witnesses, all judged. */
export async function runDay(
  seeds: readonly number[],
  effort: number,
  options: Pick<OptimizeRoutingOptions, 'threads' | 'acceptance'>,
): Promise<void> {
  for (const seed of seeds) {
    const input = fiveQueueDay(seed);
    const witnesses = { 'witness at 95 %': greedyWitness(input, true), 'witness at mean': greedyWitness(input, false) };
    const t0 = performance.now();
    const r = await optimizeRouting(input, { seed, effort, timeLimitMs: 1_800_000, ...options });
    const seconds = (performance.now() - t0) / 1000;
    console.log(
      `  seed ${seed} (${input.agents.length} agents): optimizer ${r.changes.length} changes, feasible ${r.feasible}, ` +
        `${seconds.toFixed(1)} s, stopped by ${r.stats.stoppedBy}, work ${r.stats.work?.used.toFixed(1)} of ${r.stats.work?.budget}, ` +
        `plan ${planFingerprint(r.changes)}`,
    );
    console.log(`    optimizer:       ${judgeLine(input, planned(input, r.agents))}`);
    for (const [name, w] of Object.entries(witnesses)) {
      const ratio = (r.changes.length / Math.max(1, w.changes)).toFixed(2);
      console.log(`    ${name}: ${w.changes} changes (optimizer ${ratio}x); ${judgeLine(input, w.agents)}`);
    }
  }
}
