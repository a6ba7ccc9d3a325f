// Validation of a simulation model by plain checks: ValidationError (context `simulate`) naming the bad field.
import { formatPath, ValidationError } from '../../../errors/index.js';
import { invalid } from '../../field-error.js';
import { keysOf, rejectUnknownKeys } from '../../../internal/unknown-keys.js';
import type {
  AgentAvailability,
  ArrivalProfile,
  RoutingRule,
  SimulationAgent,
  SimulationModel,
  SimulationQueue,
} from './types.js';

const CTX = 'simulate';
/** Longest time accepted anywhere (seconds, ~31 years): sums of many draws stay finite. */
export const MAX_SECONDS = 1e9;
export const MAX_QUEUES = 10_000;
export const MAX_AGENTS = 100_000;
export const MAX_INTERVALS = 100_000;
/** Rings of a bullseye: ring 1 plus at most 5 expansions. */
export const MAX_RINGS = 6;
export const DEFAULT_MAX_CONTACTS = 50_000_000;

/** A queue after validation; exactly one way of giving arrivals remains. */
export interface ParsedQueue {
  id: string;
  skill: string;
  ahtSeconds: number;
  patienceSeconds: number | undefined;
  /** Constant rate per second, or undefined when `profile` is given. */
  ratePerSecond: number | undefined;
  profile: { intervalSeconds: number; callsPerInterval: number[]; ahtSeconds: number[] | undefined } | undefined;
  targetSeconds: number;
  priority: number;
  /** Expansion time of ring 2, 3, ... (empty: one ring). */
  ringSeconds: number[];
}

export interface ParsedAgent {
  id: string;
  skills: Record<string, number>;
  speed: number;
  /** Queue index -> ring number (absent: ring 1). */
  rings: Map<number, number>;
  availability: { intervalSeconds: number; share: number[] } | undefined;
}

export interface ParsedModel {
  queues: ParsedQueue[];
  agents: ParsedAgent[];
  routing: RoutingRule;
  durationSeconds: number;
  warmupSeconds: number;
  replications: number;
  seed: number;
  maxContacts: number;
}

// Zod-free key lists (the compiler checks them against the types), so `import { simulate }` bundles without zod.
const MODEL_KEYS = /* @__PURE__ */ keysOf<SimulationModel>({
  queues: true,
  agents: true,
  routing: true,
  durationSeconds: true,
  warmupSeconds: true,
  replications: true,
  targetSeconds: true,
  seed: true,
  maxContacts: true,
});
const QUEUE_KEYS = /* @__PURE__ */ keysOf<SimulationQueue>({
  id: true,
  skill: true,
  ahtSeconds: true,
  patienceSeconds: true,
  arrivalRatePerHour: true,
  callsPerInterval: true,
  intervalSeconds: true,
  arrivals: true,
  targetSeconds: true,
  priority: true,
  ringSeconds: true,
});
const ARRIVALS_KEYS = /* @__PURE__ */ keysOf<ArrivalProfile>({
  intervalSeconds: true,
  callsPerInterval: true,
  ahtSeconds: true,
});
const AGENT_KEYS = /* @__PURE__ */ keysOf<SimulationAgent>({
  id: true,
  skills: true,
  speed: true,
  rings: true,
  availability: true,
});
const AVAILABILITY_KEYS = /* @__PURE__ */ keysOf<AgentAvailability>({ intervalSeconds: true, share: true });

type Obj = Record<string, unknown>;
const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'bigint') return `${v}n`;
  if (Array.isArray(v)) return 'an array';
  return v === null ? 'null' : typeof v === 'object' ? 'an object' : typeof v === 'symbol' ? 'a symbol' : String(v);
}

interface Range {
  min: number;
  max: number;
  /** `min` itself is not allowed. */
  open?: boolean;
  integer?: boolean;
}

function num(path: string, v: unknown, r: Range): number {
  if (typeof v !== 'number' || !Number.isFinite(v))
    invalid(CTX, path, `must be a finite number, received ${describe(v)}`);
  if (r.integer && !Number.isInteger(v)) invalid(CTX, path, `must be an integer, received ${v}`);
  if (r.open ? !(v > r.min) : !(v >= r.min))
    invalid(CTX, path, `must be ${r.open ? '>' : '>='} ${r.min}, received ${v}`);
  if (!(v <= r.max)) invalid(CTX, path, `must be <= ${r.max}, received ${v}`);
  return v;
}

const optNum = (path: string, v: unknown, r: Range): number | undefined =>
  v === undefined ? undefined : num(path, v, r);

function text(path: string, v: unknown): string {
  if (typeof v !== 'string' || v.length === 0)
    invalid(CTX, path, `must be a non-empty string, received ${describe(v)}`);
  return v;
}

function list(path: string, v: unknown, max: number, nonEmpty: boolean): unknown[] {
  if (!Array.isArray(v)) invalid(CTX, path, `must be an array, received ${describe(v)}`);
  if (nonEmpty && v.length === 0) invalid(CTX, path, 'must not be empty');
  if (v.length > max) invalid(CTX, path, `at most ${max} items, received ${v.length}`);
  return v;
}

const TIME: Range = { min: 0, max: MAX_SECONDS, open: true };
const TIME0: Range = { min: 0, max: MAX_SECONDS };
const COUNT: Range = { min: 0, max: Number.MAX_VALUE };

function parseArrivals(p: string, q: Obj): Pick<ParsedQueue, 'ratePerSecond' | 'profile'> {
  const ways = [
    q.arrivalRatePerHour !== undefined,
    q.callsPerInterval !== undefined || q.intervalSeconds !== undefined,
    q.arrivals !== undefined,
  ];
  const given = ways.filter(Boolean).length;
  if (given !== 1) {
    const message = 'give one of arrivalRatePerHour, callsPerInterval + intervalSeconds, or arrivals';
    if (given === 0) invalid(CTX, `${p}.arrivalRatePerHour`, message);
    const fields = ['arrivalRatePerHour', 'callsPerInterval', 'arrivals'].filter((_, i) => ways[i]);
    throw new ValidationError(
      CTX,
      fields.map((f) => ({ path: `${p}.${f}`, message: `${message}, not several` })),
    );
  }
  if (ways[0])
    return { ratePerSecond: num(`${p}.arrivalRatePerHour`, q.arrivalRatePerHour, COUNT) / 3600, profile: undefined };
  if (ways[1]) {
    if (q.callsPerInterval === undefined)
      invalid(CTX, `${p}.callsPerInterval`, 'callsPerInterval and intervalSeconds go together');
    if (q.intervalSeconds === undefined)
      invalid(CTX, `${p}.intervalSeconds`, 'callsPerInterval and intervalSeconds go together');
    const calls = num(`${p}.callsPerInterval`, q.callsPerInterval, COUNT);
    return { ratePerSecond: calls / num(`${p}.intervalSeconds`, q.intervalSeconds, TIME), profile: undefined };
  }
  const a = q.arrivals;
  if (!isObject(a))
    invalid(CTX, `${p}.arrivals`, `must be an object { intervalSeconds, callsPerInterval }, received ${describe(a)}`);
  rejectUnknownKeys(CTX, a, ARRIVALS_KEYS, `${p}.arrivals`);
  const intervalSeconds = num(`${p}.arrivals.intervalSeconds`, a.intervalSeconds, TIME);
  const calls = list(`${p}.arrivals.callsPerInterval`, a.callsPerInterval, MAX_INTERVALS, true);
  const callsPerInterval = calls.map((c, i) => num(`${p}.arrivals.callsPerInterval[${i}]`, c, COUNT));
  let ahtSeconds: number[] | undefined;
  if (a.ahtSeconds !== undefined) {
    const list_ = list(`${p}.arrivals.ahtSeconds`, a.ahtSeconds, MAX_INTERVALS, true);
    if (list_.length !== callsPerInterval.length)
      invalid(
        CTX,
        `${p}.arrivals.ahtSeconds`,
        `must have one value per interval (${callsPerInterval.length}), received ${list_.length}`,
      );
    ahtSeconds = list_.map((x, i) => num(`${p}.arrivals.ahtSeconds[${i}]`, x, TIME));
  }
  return { ratePerSecond: undefined, profile: { intervalSeconds, callsPerInterval, ahtSeconds } };
}

function parseRings(p: string, v: unknown): number[] {
  if (v === undefined) return [];
  const times = list(p, v, MAX_RINGS - 1, false).map((t, i) => num(`${p}[${i}]`, t, TIME0));
  times.forEach((t, i) => {
    if (i > 0 && t < (times[i - 1] as number))
      invalid(CTX, `${p}[${i}]`, `ring expansion times must not decrease (${t} after ${times[i - 1]})`);
  });
  return times;
}

function parseQueue(p: string, q: unknown, defaultTarget: number | undefined): ParsedQueue {
  if (!isObject(q)) invalid(CTX, p, `must be an object, received ${describe(q)}`);
  rejectUnknownKeys(CTX, q, QUEUE_KEYS, p);
  const id = text(`${p}.id`, q.id);
  const skill = text(`${p}.skill`, q.skill);
  const ahtSeconds = num(`${p}.ahtSeconds`, q.ahtSeconds, TIME);
  const patienceSeconds = optNum(`${p}.patienceSeconds`, q.patienceSeconds, TIME);
  const arrivals = parseArrivals(p, q);
  const targetSeconds = optNum(`${p}.targetSeconds`, q.targetSeconds, TIME0) ?? defaultTarget;
  if (targetSeconds === undefined)
    invalid(CTX, 'targetSeconds', `required: no default target for ${p}, which has none of its own`);
  const priority = optNum(`${p}.priority`, q.priority, { min: -1e9, max: 1e9 }) ?? 0;
  const ringSeconds = parseRings(`${p}.ringSeconds`, q.ringSeconds);
  return { id, skill, ahtSeconds, patienceSeconds, ...arrivals, targetSeconds, priority, ringSeconds };
}

function parseAgent(
  p: string,
  a: unknown,
  queueIndex: ReadonlyMap<string, number>,
  queues: readonly ParsedQueue[],
): ParsedAgent {
  if (!isObject(a)) invalid(CTX, p, `must be an object, received ${describe(a)}`);
  rejectUnknownKeys(CTX, a, AGENT_KEYS, p);
  const id = text(`${p}.id`, a.id);
  if (!isObject(a.skills))
    invalid(CTX, `${p}.skills`, `must be an object of skill -> proficiency, received ${describe(a.skills)}`);
  const skills: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const key of Object.keys(a.skills))
    skills[key] = num(formatPath(`${p}.skills`, [key]), a.skills[key], { min: 0, max: 5 });
  const speed = optNum(`${p}.speed`, a.speed, { min: 0.001, max: 1000 }) ?? 1;
  const rings = new Map<number, number>();
  if (a.rings !== undefined) {
    if (!isObject(a.rings))
      invalid(CTX, `${p}.rings`, `must be an object of queue id -> ring number, received ${describe(a.rings)}`);
    for (const key of Object.keys(a.rings)) {
      const path = formatPath(`${p}.rings`, [key]);
      const q = queueIndex.get(key);
      if (q === undefined) invalid(CTX, path, `unknown queue ${describe(key)}`);
      const count = (queues[q] as ParsedQueue).ringSeconds.length + 1;
      rings.set(q, num(path, a.rings[key], { min: 1, max: count, integer: true }));
    }
  }
  return { id, skills, speed, rings, availability: parseAvailability(`${p}.availability`, a.availability) };
}

function parseAvailability(p: string, v: unknown): ParsedAgent['availability'] {
  if (v === undefined) return undefined;
  if (!isObject(v)) invalid(CTX, p, `must be an object { intervalSeconds, share }, received ${describe(v)}`);
  rejectUnknownKeys(CTX, v, AVAILABILITY_KEYS, p);
  const intervalSeconds = num(`${p}.intervalSeconds`, v.intervalSeconds, TIME);
  const share = list(`${p}.share`, v.share, MAX_INTERVALS, true).map((x, i) =>
    num(`${p}.share[${i}]`, x, { min: 0, max: 1 }),
  );
  return { intervalSeconds, share };
}

function unique(items: ReadonlyArray<{ id: string }>, path: string): void {
  const seen = new Set<string>();
  items.forEach((x, i) => {
    if (seen.has(x.id)) invalid(CTX, `${path}[${i}].id`, `duplicate id ${describe(x.id)}`);
    seen.add(x.id);
  });
}

/** Validates a model; throws ValidationError naming the first bad field. */
export function parseModel(input: SimulationModel): ParsedModel {
  const m: unknown = input;
  if (!isObject(m)) invalid(CTX, '', `the model must be an object, received ${describe(m)}`);
  rejectUnknownKeys(CTX, m, MODEL_KEYS, '');
  const defaultTarget = optNum('targetSeconds', m.targetSeconds, TIME0);
  const queues = list('queues', m.queues, MAX_QUEUES, true).map((q, i) => parseQueue(`queues[${i}]`, q, defaultTarget));
  unique(queues, 'queues');
  const queueIndex = new Map(queues.map((q, i) => [q.id, i]));
  const agents = list('agents', m.agents, MAX_AGENTS, true).map((a, i) =>
    parseAgent(`agents[${i}]`, a, queueIndex, queues),
  );
  unique(agents, 'agents');
  const routing = m.routing ?? 'bestAvailable';
  if (routing !== 'bestAvailable' && routing !== 'longestIdle')
    invalid(CTX, 'routing', `must be 'bestAvailable' or 'longestIdle', received ${describe(routing)}`);
  return {
    queues,
    agents,
    routing,
    durationSeconds: num('durationSeconds', m.durationSeconds, TIME),
    warmupSeconds: optNum('warmupSeconds', m.warmupSeconds, TIME0) ?? 0,
    replications: optNum('replications', m.replications, { min: 2, max: 10_000, integer: true }) ?? 10,
    seed: optNum('seed', m.seed, { min: -(2 ** 53), max: 2 ** 53, integer: true }) ?? 1,
    maxContacts: optNum('maxContacts', m.maxContacts, { min: 1, max: 1e12 }) ?? DEFAULT_MAX_CONTACTS,
  };
}
