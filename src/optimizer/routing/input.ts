// Validation of optimizeRouting's input (plain checks, no schema library) into a normalized problem.
import { invalid } from '../field-error.js';
import { normalQuantile } from '../queueing/simulate/stats.js';
import type { ReplicationRunner } from '../queueing/simulate/run.js';
import { keysOf, rejectUnknownKeys } from '../../internal/unknown-keys.js';
import type {
  EvaluationSettings,
  LockedPair,
  OptimizeAgent,
  OptimizeConstraints,
  OptimizeQueue,
  OptimizeRoutingInput,
  OptimizeRoutingOptions,
  QueueDemand,
  ServiceTarget,
} from './types.js';

const CTX = 'optimizeRouting';

export interface NormQueue {
  id: string;
  index: number;
  callsPerHour: number;
  aht: number;
  sl: number;
  within: number;
  patience: number | undefined;
  weight: number;
  priority: number;
  /** Offered load in Erlangs (steady input; with `demand`, the load of the queue's busiest interval). */
  load: number;
  /** Per interval of the horizon: expected offered calls, mean handle time (s) and load (Erlangs). */
  calls: number[];
  ahts: number[];
  loads: number[];
  /** Index of the busiest interval (highest load; the first of equals). */
  peak: number;
}

export interface NormAgent {
  id: string;
  index: number;
  /** Queue index -> proficiency, for the queue skills held now. */
  held: Map<number, number>;
  /** Skills that are not queues: carried through untouched. */
  other: Record<string, number>;
  /** Queue indices this agent may be given. */
  eligible: ReadonlySet<number>;
  /** Queue indices locked for this agent. */
  locked: Set<number>;
  speed: number;
  /** Per interval: share of the interval on queue (0..1); undefined = always on. */
  available: number[] | undefined;
}

/** The planning horizon: one steady interval (no `demand`) or a day / week of intervals. */
export interface Horizon {
  /** True when the queues gave `demand`: simulated as one day from empty, interval by interval. */
  timeVarying: boolean;
  intervals: number;
  /** Interval length in seconds (3600 for the steady hour). */
  intervalSeconds: number;
}

export interface NormProblem {
  queues: NormQueue[];
  agents: NormAgent[];
  maxSkills: number;
  maxChanges: number;
  maxChangesPerAgent: number;
  minHolders: number;
  horizon: Horizon;
}

/**
 * How a queue's simulated figure is judged against its target: on its mean, or on the lower end of a one-sided
 * test of `z` standard errors (see `acceptanceRule`).
 */
export type Acceptance = 'mean' | { readonly z: number };

/**
 * The acceptance option as a rule. `joint95`: every queue at once with 95 % confidence, so each queue's one-sided
 * test runs at level 0.95^(1/n) (Šidák; n = queues, over a horizon each judged on its worst interval). `lower95`:
 * each queue alone at 95 %, which on ten queues sitting at their targets lets one through below target far more
 * often than one time in twenty.
 */
export function acceptanceRule(acceptance: 'joint95' | 'lower95' | 'mean', queues: number): Acceptance {
  if (acceptance === 'mean') return 'mean';
  const level = acceptance === 'joint95' ? 0.95 ** (1 / Math.max(1, queues)) : 0.95;
  return { z: normalQuantile(level) };
}

/**
 * Queues up to which `joint95` is the default acceptance on a steady hour. Beyond, the confirmation's few runs
 * spread their calls over many queues, and the joint test's wider margin cost a third more changes (50 queues:
 * 95 -> 128 at the 60 s cap). Over a day each queue is already judged on its worst interval, the lowest of many
 * noisy figures; the joint margin on top made a plan fail again on the next fresh runs right after it was
 * applied (a re-plan then proposed a change). Each queue is tested alone in both.
 */
export const JOINT_DEFAULT_MAX_QUEUES = 15;

/** The acceptance rule when none is given: joint on a steady hour of up to 15 queues, each queue alone else. */
export function defaultAcceptance(problem: Pick<NormProblem, 'queues' | 'horizon'>): 'joint95' | 'lower95' {
  return problem.queues.length <= JOINT_DEFAULT_MAX_QUEUES && !problem.horizon.timeVarying ? 'joint95' : 'lower95';
}

export interface NormOptions {
  seed: number;
  /** The caller's safety cap in ms; undefined: the default cap, which scales with the run's own pace. */
  timeLimitMs: number | undefined;
  /** Threads the simulations may use (the Node worker pool; one elsewhere). */
  threads: number;
  /** How long the run's workers wait for the next call (the Node worker pool; undefined: its default). */
  keepWarmMs: number | undefined;
  /** Runs a simulation's replications (the worker pool's, or this thread's when absent). */
  runner?: ReplicationRunner | undefined;
  /** Called as a simulation on this thread goes (no `runner`); throws to give the run up (its time limit). */
  checkpoint?: (() => void) | undefined;
  /** Multiplier of the search's work budget (evaluations); see OptimizeRoutingOptions.effort. */
  effort: number;
  signal: AbortSignal | undefined;
  onProgress: OptimizeRoutingOptions['onProgress'];
  addProficiency: number;
  acceptance: Acceptance;
  replications: number;
  contactsPerEvaluation: number;
  confirmContacts: number;
  routing: 'bestAvailable' | 'longestIdle';
  /** Undefined: the run's default (run-state.ts), which depends on the problem. */
  searchPatience: number | undefined;
  objective: 'every-interval' | 'weighted';
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function num(
  path: string,
  v: unknown,
  min: number,
  max: number,
  opts: { minOpen?: boolean; integer?: boolean } = {},
): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    invalid(CTX, path, `must be a finite number, received ${describe(v)}`);
  if (opts.integer && !Number.isInteger(v)) invalid(CTX, path, `must be an integer, received ${v}`);
  if (opts.minOpen ? !(v > min) : !(v >= min))
    invalid(CTX, path, `must be ${opts.minOpen ? '>' : '>='} ${min}, received ${v}`);
  if (!(v <= max)) invalid(CTX, path, `must be <= ${max}, received ${v}`);
  return v;
}

function optNum(
  path: string,
  v: unknown,
  min: number,
  max: number,
  fallback: number,
  opts: { minOpen?: boolean; integer?: boolean } = {},
): number {
  return v === undefined ? fallback : num(path, v, min, max, opts);
}

function id(path: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0)
    invalid(CTX, path, `must be a non-empty string, received ${describe(v)}`);
  if (v.length > 1000) invalid(CTX, path, 'must be at most 1000 characters');
  return v;
}

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : String(v);
}

// Every object of the input and options is checked for unknown keys (a typo is an error, never a default).
const INPUT_KEYS = keysOf<OptimizeRoutingInput>({ queues: true, agents: true, constraints: true });
const QUEUE_KEYS = keysOf<OptimizeQueue>({
  id: true,
  callsPerHour: true,
  ahtSeconds: true,
  demand: true,
  target: true,
  patienceSeconds: true,
  weight: true,
  priority: true,
});
const TARGET_KEYS = keysOf<ServiceTarget>({ serviceLevel: true, withinSeconds: true });
const DEMAND_KEYS = keysOf<QueueDemand>({ intervalSeconds: true, calls: true, ahtSeconds: true });
const AGENT_KEYS = keysOf<OptimizeAgent>({ id: true, skills: true, eligible: true, speed: true, available: true });
const CONSTRAINT_KEYS = keysOf<OptimizeConstraints>({
  maxSkillsPerAgent: true,
  maxChanges: true,
  maxChangesPerAgent: true,
  minHoldersPerQueue: true,
  locked: true,
});
const LOCKED_KEYS = keysOf<LockedPair>({ agentId: true, queueId: true });
const OPTION_KEYS = keysOf<OptimizeRoutingOptions>({
  seed: true,
  effort: true,
  timeLimitMs: true,
  signal: true,
  onProgress: true,
  addProficiency: true,
  acceptance: true,
  evaluation: true,
  objective: true,
  threads: true,
  keepWarmMs: true,
});
const EVALUATION_KEYS = keysOf<EvaluationSettings>({
  replications: true,
  contactsPerEvaluation: true,
  confirmContacts: true,
  searchPatience: true,
  routing: true,
});
const known = (value: object, keys: readonly string[], path: string) => rejectUnknownKeys(CTX, value, keys, path);

const MAX_TIME = 1e7; // seconds: far beyond any real handle time or patience, small enough to stay finite
const MAX_ITEMS = 100_000;

/** Validates the input; throws ValidationError naming the bad field (`queues[2].target.serviceLevel`). */
export function normalizeProblem(input: OptimizeRoutingInput): NormProblem {
  if (!isObject(input)) invalid(CTX, '', `input must be an object, received ${describe(input)}`);
  known(input, INPUT_KEYS, '');
  if (!Array.isArray(input.queues) || input.queues.length === 0) invalid(CTX, 'queues', 'must be a non-empty array');
  if (!Array.isArray(input.agents)) invalid(CTX, 'agents', 'must be an array');
  if (input.queues.length > 5_000) invalid(CTX, 'queues', `at most 5000 queues, received ${input.queues.length}`);
  if (input.agents.length > MAX_ITEMS)
    invalid(CTX, 'agents', `at most ${MAX_ITEMS} agents, received ${input.agents.length}`);

  const horizon = parseHorizon(input.queues);
  const byId = new Map<string, number>();
  const queues = input.queues.map((q, i) => parseQueue(q, i, horizon, byId));

  const c = input.constraints === undefined ? {} : input.constraints;
  if (!isObject(c)) invalid(CTX, 'constraints', `must be an object, received ${describe(c)}`);
  known(c, CONSTRAINT_KEYS, 'constraints');
  const maxSkills = optNum('constraints.maxSkillsPerAgent', c.maxSkillsPerAgent, 1, 1e6, Infinity, { integer: true });
  const maxChanges = optNum('constraints.maxChanges', c.maxChanges, 0, 1e9, Infinity, { integer: true });
  const maxChangesPerAgent = optNum('constraints.maxChangesPerAgent', c.maxChangesPerAgent, 0, 1e6, Infinity, {
    integer: true,
  });
  const minHolders = optNum('constraints.minHoldersPerQueue', c.minHoldersPerQueue, 0, 1e6, 0, { integer: true });

  const agentIndex = new Map<string, number>();
  // Shared by every agent without an `eligible` list (never written after parsing): a copy each costs agents × queues.
  const everyQueue: ReadonlySet<number> = new Set(queues.map((q) => q.index));
  const agents = input.agents.map((a, i) =>
    parseAgent(a, i, { everyQueue, byId, agentIndex, intervals: horizon.intervals }),
  );

  lockPairs(c.locked, agents, agentIndex, byId);
  return { queues, agents, maxSkills, maxChanges, maxChangesPerAgent, minHolders, horizon };
}

type QueueInput = OptimizeRoutingInput['queues'][number];
type AgentInput = OptimizeRoutingInput['agents'][number];

/** Queue i, validated (ValidationError naming the field), with its per-interval calls, handle times and loads. */
function parseQueue(q: QueueInput, i: number, horizon: NormProblem['horizon'], byId: Map<string, number>): NormQueue {
  const p = `queues[${i}]`;
  if (!isObject(q)) invalid(CTX, p, `must be an object, received ${describe(q)}`);
  known(q, QUEUE_KEYS, p);
  const qid = id(`${p}.id`, q.id);
  if (byId.has(qid)) invalid(CTX, `${p}.id`, `duplicate queue id ${JSON.stringify(qid)}`);
  byId.set(qid, i);
  const aht = num(`${p}.ahtSeconds`, q.ahtSeconds, 0.001, MAX_TIME);
  const { calls, ahts } = parseDemand(p, q, aht, horizon);
  const loads = calls.map((c, t) => (c * (ahts[t] as number)) / horizon.intervalSeconds);
  const total = calls.reduce((s, c) => s + c, 0);
  const callsPerHour = (total * 3600) / (horizon.intervals * horizon.intervalSeconds);
  // The mean handle time over the horizon, weighted by calls (the plain one when nothing is offered).
  const meanAht = total > 0 ? calls.reduce((s, c, t) => s + c * (ahts[t] as number), 0) / total : aht;
  if (!isObject(q.target)) invalid(CTX, `${p}.target`, 'must be an object { serviceLevel, withinSeconds }');
  known(q.target, TARGET_KEYS, `${p}.target`);
  const sl = num(`${p}.target.serviceLevel`, q.target.serviceLevel, 0, 0.9999, { minOpen: true });
  const within = num(`${p}.target.withinSeconds`, q.target.withinSeconds, 0, MAX_TIME);
  const patience =
    q.patienceSeconds === undefined ? undefined : num(`${p}.patienceSeconds`, q.patienceSeconds, 0.001, MAX_TIME);
  const weight = optNum(`${p}.weight`, q.weight, 0, 1e6, 1, { minOpen: true });
  const priority = optNum(`${p}.priority`, q.priority, -1e6, 1e6, 0);
  const peak = loads.reduce((b, x, t) => (x > (loads[b] as number) ? t : b), 0);
  const load = loads[peak] as number;
  if (load > 1e6)
    invalid(
      CTX,
      horizon.timeVarying ? `${p}.demand.calls` : `${p}.callsPerHour`,
      `offered load ${load.toFixed(0)} Erlangs is beyond what can be simulated (at most 1e6)`,
    );
  return {
    id: qid,
    index: i,
    callsPerHour,
    aht: meanAht,
    sl,
    within,
    patience,
    weight,
    priority,
    load,
    calls,
    ahts,
    loads,
    peak,
  };
}

/** Agent i, validated, its skills split into the modelled queues' (by index) and the others. */
function parseAgent(
  a: AgentInput,
  i: number,
  ctx: {
    everyQueue: ReadonlySet<number>;
    byId: ReadonlyMap<string, number>;
    agentIndex: Map<string, number>;
    intervals: number;
  },
): NormAgent {
  const { byId, agentIndex } = ctx;
  const p = `agents[${i}]`;
  if (!isObject(a)) invalid(CTX, p, `must be an object, received ${describe(a)}`);
  known(a, AGENT_KEYS, p);
  const aid = id(`${p}.id`, a.id);
  if (agentIndex.has(aid)) invalid(CTX, `${p}.id`, `duplicate agent id ${JSON.stringify(aid)}`);
  agentIndex.set(aid, i);
  if (!isObject(a.skills))
    invalid(CTX, `${p}.skills`, `must be an object of queue id -> proficiency, received ${describe(a.skills)}`);
  const held = new Map<number, number>();
  const other: Record<string, number> = {};
  for (const key of Object.keys(a.skills)) {
    const value = num(`${p}.skills.${key}`, a.skills[key], 0, 5);
    const qi = byId.get(key);
    if (qi === undefined) other[key] = value;
    else held.set(qi, value);
  }
  let eligible = ctx.everyQueue;
  if (a.eligible !== undefined) {
    if (!Array.isArray(a.eligible)) invalid(CTX, `${p}.eligible`, 'must be an array of queue ids');
    const listed = new Set<number>();
    a.eligible.forEach((qid: unknown, k: number) => {
      const qi = byId.get(id(`${p}.eligible[${k}]`, qid));
      if (qi === undefined) invalid(CTX, `${p}.eligible[${k}]`, `unknown queue ${JSON.stringify(qid)}`);
      listed.add(qi);
    });
    eligible = listed;
  }
  const speed = optNum(`${p}.speed`, a.speed, 0.01, 100, 1);
  const available = parseAvailable(`${p}.available`, a.available, ctx.intervals);
  return { id: aid, index: i, held, other, eligible, locked: new Set(), speed, available };
}

/** `constraints.locked`: each pair's skill is kept as it is (the agent and the queue must exist). */
function lockPairs(
  locked: unknown,
  agents: readonly NormAgent[],
  agentIndex: ReadonlyMap<string, number>,
  byId: ReadonlyMap<string, number>,
): void {
  if (locked === undefined) return;
  if (!Array.isArray(locked)) invalid(CTX, 'constraints.locked', 'must be an array of { agentId, queueId }');
  locked.forEach((pair: unknown, k: number) => {
    const p = `constraints.locked[${k}]`;
    if (!isObject(pair)) invalid(CTX, p, 'must be an object { agentId, queueId }');
    known(pair, LOCKED_KEYS, p);
    const ai = agentIndex.get(id(`${p}.agentId`, pair.agentId));
    if (ai === undefined) invalid(CTX, `${p}.agentId`, `unknown agent ${JSON.stringify(pair.agentId)}`);
    const qi = byId.get(id(`${p}.queueId`, pair.queueId));
    if (qi === undefined) invalid(CTX, `${p}.queueId`, `unknown queue ${JSON.stringify(pair.queueId)}`);
    (agents[ai] as NormAgent).locked.add(qi);
  });
}

const MAX_INTERVALS = 10_000;

/** The horizon from the queues' `demand`: every queue that gives one agrees on its interval length and count. */
function parseHorizon(queues: readonly unknown[]): Horizon {
  let horizon: Horizon | undefined;
  queues.forEach((q, i) => {
    if (!isObject(q) || q.demand === undefined) return;
    const p = `queues[${i}].demand`;
    if (!isObject(q.demand))
      invalid(CTX, p, `must be an object { intervalSeconds, calls }, received ${describe(q.demand)}`);
    known(q.demand, DEMAND_KEYS, p);
    const intervalSeconds = num(`${p}.intervalSeconds`, q.demand.intervalSeconds, 1, 86_400 * 7);
    if (!Array.isArray(q.demand.calls) || q.demand.calls.length === 0)
      invalid(CTX, `${p}.calls`, 'must be a non-empty array of offered calls per interval');
    const intervals = q.demand.calls.length;
    if (intervals > MAX_INTERVALS)
      invalid(CTX, `${p}.calls`, `at most ${MAX_INTERVALS} intervals, received ${intervals}`);
    if (!horizon) horizon = { timeVarying: true, intervals, intervalSeconds };
    else if (horizon.intervalSeconds !== intervalSeconds)
      invalid(
        CTX,
        `${p}.intervalSeconds`,
        `every queue's demand must use the same interval length (${horizon.intervalSeconds} s), received ${intervalSeconds}`,
      );
    else if (horizon.intervals !== intervals)
      invalid(
        CTX,
        `${p}.calls`,
        `every queue's demand must have the same number of intervals (${horizon.intervals}), received ${intervals}`,
      );
  });
  return horizon ?? { timeVarying: false, intervals: 1, intervalSeconds: 3600 };
}

/** Calls and handle time per interval: from `demand`, or the steady `callsPerHour` spread over the horizon. */
function parseDemand(
  p: string,
  q: Record<string, unknown>,
  aht: number,
  horizon: Horizon,
): { calls: number[]; ahts: number[] } {
  const d = q.demand;
  if (!isObject(d)) {
    if (q.callsPerHour === undefined && horizon.timeVarying) {
      invalid(CTX, `${p}.callsPerHour`, 'give callsPerHour or demand (other queues give demand per interval)');
    }
    const perHour = num(`${p}.callsPerHour`, q.callsPerHour, 0, 1e7);
    const perInterval = (perHour * horizon.intervalSeconds) / 3600;
    return {
      calls: new Array<number>(horizon.intervals).fill(perInterval),
      ahts: new Array<number>(horizon.intervals).fill(aht),
    };
  }
  const calls = (d.calls as unknown[]).map((c, t) => num(`${p}.demand.calls[${t}]`, c, 0, 1e9));
  if (d.ahtSeconds === undefined) return { calls, ahts: calls.map(() => aht) };
  if (!Array.isArray(d.ahtSeconds) || d.ahtSeconds.length !== calls.length) {
    invalid(CTX, `${p}.demand.ahtSeconds`, `must be an array of ${calls.length} handle times (one per interval)`);
  }
  const ahts = (d.ahtSeconds as unknown[]).map((x, t) => num(`${p}.demand.ahtSeconds[${t}]`, x, 0.001, MAX_TIME));
  return { calls, ahts };
}

/** An agent's share on queue per interval; undefined when always on (so such agents stay one group). */
function parseAvailable(p: string, v: unknown, intervals: number): number[] | undefined {
  if (v === undefined) return undefined;
  if (!Array.isArray(v)) invalid(CTX, p, `must be an array of booleans or shares 0..1, received ${describe(v)}`);
  if (v.length !== intervals)
    invalid(CTX, p, `must have one value per interval of the horizon (${intervals}), received ${v.length}`);
  const shares = v.map((x: unknown, t: number) => (typeof x === 'boolean' ? (x ? 1 : 0) : num(`${p}[${t}]`, x, 0, 1)));
  return shares.every((x) => x === 1) ? undefined : shares;
}

/** Default simulated contacts per search evaluation: long enough that the search's shared error stays small. */
export const SEARCH_CONTACTS = 300_000;

/** Default simulated contacts of one confirmation (its pooled runs together): its error sets the acceptance margin. */
export const CONFIRM_CONTACTS = 1_500_000;

/**
 * Above ten queues the default confirmation grows by this many contacts per queue (at most the option's bound), so
 * each queue's share of its calls, and the error of its verdict, stays as on ten.
 */
const CONFIRM_CONTACTS_PER_QUEUE = 150_000;

/** The default confirmation length for a problem of `queues` queues. */
export function defaultConfirmContacts(queues: number): number {
  return Math.min(50_000_000, Math.max(CONFIRM_CONTACTS, CONFIRM_CONTACTS_PER_QUEUE * queues));
}

/** Validates the options and fills the defaults. */
export function normalizeOptions(
  options: OptimizeRoutingOptions | undefined,
  problem: Pick<NormProblem, 'queues' | 'horizon'>,
): NormOptions {
  const o = options === undefined ? {} : options;
  if (!isObject(o)) invalid(CTX, 'options', `must be an object, received ${describe(o)}`);
  known(o, OPTION_KEYS, 'options');
  const seed = optNum('options.seed', o.seed, -(2 ** 53), 2 ** 53, 1, { integer: true });
  const timeLimitMs =
    o.timeLimitMs === undefined ? undefined : optNum('options.timeLimitMs', o.timeLimitMs, 100, 86_400_000, 0);
  const threads = optNum('options.threads', o.threads, 1, 256, 1, { integer: true });
  const keepWarmMs =
    o.keepWarmMs === undefined
      ? undefined
      : optNum('options.keepWarmMs', o.keepWarmMs, 0, 86_400_000, 0, { integer: true });
  const effort = optNum('options.effort', o.effort, 0.01, 1_000, 1);
  if (o.signal !== undefined && !(typeof o.signal === 'object' && o.signal !== null && 'aborted' in o.signal)) {
    invalid(CTX, 'options.signal', 'must be an AbortSignal');
  }
  if (o.onProgress !== undefined && typeof o.onProgress !== 'function')
    invalid(CTX, 'options.onProgress', 'must be a function');
  const addProficiency = optNum('options.addProficiency', o.addProficiency, 0, 5, 1);
  const acceptance = o.acceptance ?? defaultAcceptance(problem);
  if (acceptance !== 'joint95' && acceptance !== 'lower95' && acceptance !== 'mean')
    invalid(CTX, 'options.acceptance', "must be 'joint95', 'lower95' or 'mean'");
  const e = o.evaluation === undefined ? {} : o.evaluation;
  if (!isObject(e)) invalid(CTX, 'options.evaluation', 'must be an object');
  known(e, EVALUATION_KEYS, 'options.evaluation');
  const replications = optNum('options.evaluation.replications', e.replications, 2, 200, 8, { integer: true });
  // Never derived from the time limit: the same input and options must give the same plan on any machine.
  const searchDefault = SEARCH_CONTACTS;
  const contactsPerEvaluation = optNum(
    'options.evaluation.contactsPerEvaluation',
    e.contactsPerEvaluation,
    1_000,
    20_000_000,
    searchDefault,
  );
  const confirmContacts = optNum(
    'options.evaluation.confirmContacts',
    e.confirmContacts,
    1_000,
    50_000_000,
    defaultConfirmContacts(problem.queues.length),
  );
  const objective = o.objective ?? 'every-interval';
  if (objective !== 'every-interval' && objective !== 'weighted')
    invalid(CTX, 'options.objective', "must be 'every-interval' or 'weighted'");
  const searchPatience =
    e.searchPatience === undefined
      ? undefined
      : num('options.evaluation.searchPatience', e.searchPatience, 0, 100_000, { integer: true });
  const routing = e.routing ?? 'bestAvailable';
  if (routing !== 'bestAvailable' && routing !== 'longestIdle')
    invalid(CTX, 'options.evaluation.routing', "must be 'bestAvailable' or 'longestIdle'");
  return {
    seed,
    timeLimitMs,
    threads,
    keepWarmMs,
    effort,
    signal: o.signal as AbortSignal | undefined,
    onProgress: o.onProgress as OptimizeRoutingOptions['onProgress'],
    addProficiency,
    acceptance: acceptanceRule(acceptance, problem.queues.length),
    replications,
    contactsPerEvaluation,
    confirmContacts,
    routing,
    searchPatience,
    objective,
  };
}
