// Compilation of a validated model to flat typed arrays for the event loop, and the up-front work cap.
import { ValidationError } from '../../../errors/index.js';
import { invalid } from '../../field-error.js';
import { parseModel, type ParsedModel, type ParsedQueue } from './model.js';
import type { RoutingRule, SimulationModel } from './types.js';

/** The model flattened for the event loop. */
export interface CompiledModel {
  queueIds: string[];
  agentIds: string[];
  routing: RoutingRule;
  /** Per queue: mean time between arrivals in seconds (Infinity for no arrivals; unused with a profile). */
  meanInterarrival: Float64Array;
  /** Per queue: offset of its profile in `profileRates` and its length (0 = constant rate). */
  profileStart: Int32Array;
  profileLength: Int32Array;
  /** Arrival rates per second of every profile interval, queues one after the other. */
  profileRates: Float64Array;
  /** Per queue: interval length of its profile (seconds). */
  profileInterval: Float64Array;
  /** Mean handle time of every profile interval (indices as in `profileRates`). */
  profileAht: Float64Array;
  aht: Float64Array;
  /** Infinity when callers never abandon. */
  patience: Float64Array;
  target: Float64Array;
  priority: Float64Array;
  /** Per queue: rings (1 = no widening) and the offset of its expansion times in `ringTimes` (ring 2 first). */
  ringCount: Int32Array;
  ringStart: Int32Array;
  ringTimes: Float64Array;
  /** Per queue: idle lists, `levelCount` per ring, ring 1 first, highest proficiency first within a ring. */
  listStart: Int32Array;
  levelCount: Int32Array;
  /** Per agent: the queues it serves and, for each, the idle list it joins and its ring. */
  agentQueueStart: Int32Array;
  agentQueues: Int32Array;
  agentLists: Int32Array;
  agentRings: Int32Array;
  speed: Float64Array;
  /**
   * Shifts: per agent, its on-queue spells within one cycle (`shiftOn[k]`..`shiftOff[k]`, seconds from the
   * cycle start, sorted, adjacent spells merged) from `shiftStart[a]` to `shiftStart[a + 1]`, and the cycle
   * length (`shiftPeriod[a]`, 0 = on queue throughout).
   */
  shiftStart: Int32Array;
  shiftOn: Float64Array;
  shiftOff: Float64Array;
  shiftPeriod: Float64Array;
  /** Per idle list: how many agents can be in it. */
  listMembers: Int32Array;
  /** Arrivals continue after the window until measured calls have left (priorities or rings break the drain). */
  tail: boolean;
  warmup: number;
  duration: number;
  replications: number;
  seed: number;
}

/** Agent-queue pairs in all: bounds memory and set-up time before the work cap can be computed. */
const MAX_PAIRS = 5_000_000;

/** Expected arrivals in [0, horizon) of a constant rate or a repeating profile. */
function expectedArrivals(q: ParsedQueue, horizon: number): number {
  if (q.profile === undefined) return (q.ratePerSecond as number) * horizon;
  const { intervalSeconds, callsPerInterval } = q.profile;
  const perCycle = callsPerInterval.reduce((s, c) => s + c, 0);
  const period = intervalSeconds * callsPerInterval.length;
  const cycles = Math.floor(horizon / period);
  let rest = horizon - cycles * period;
  let partial = 0;
  for (const c of callsPerInterval) {
    if (rest <= 0) break;
    partial += c * Math.min(1, rest / intervalSeconds);
    rest -= intervalSeconds;
  }
  return cycles * perCycle + partial;
}

/**
 * Rejects, before any simulation, a model whose work exceeds `maxContacts`: expected contacts over all
 * replications (an agent serving more than 32 queues makes each contact dearer), plus the queues, agents and
 * profile intervals set up once per replication. Names the fields that drive it.
 */
function checkWork(m: ParsedModel, tail: boolean, maxServed: number): void {
  const horizon = m.warmupSeconds + m.durationSeconds * (tail ? 2 : 1);
  const perQueue = m.queues.map((q) => expectedArrivals(q, horizon));
  const contacts = perQueue.reduce((s, x) => s + x, 0) * m.replications * Math.max(1, maxServed / 32);
  const setup =
    m.replications *
    (m.queues.length + m.agents.length + m.queues.reduce((s, q) => s + (q.profile?.callsPerInterval.length ?? 0), 0));
  const work = contacts + setup;
  if (work <= m.maxContacts) return;
  const shown = Number.isFinite(work) ? work.toExponential(2) : 'unbounded';
  const message = `about ${shown} contacts of simulated work, above maxContacts = ${m.maxContacts}`;
  const issues = [
    {
      path: 'durationSeconds',
      message: `${message}: shorten durationSeconds (or warmupSeconds), lower replications, or raise maxContacts`,
    },
  ];
  if (m.warmupSeconds > 0) issues.push({ path: 'warmupSeconds', message });
  issues.push({ path: 'replications', message }, { path: 'maxContacts', message });
  if (setup > contacts) issues.push({ path: 'queues', message }, { path: 'agents', message });
  else {
    const busiest = perQueue.reduce((b, x, i) => (x > (perQueue[b] as number) || Number.isNaN(x) ? i : b), 0);
    const q = m.queues[busiest] as ParsedQueue;
    const field = q.profile
      ? 'arrivals'
      : q.ratePerSecond !== undefined && q.ratePerSecond * 3600 > 0
        ? 'arrivalRatePerHour'
        : 'callsPerInterval';
    issues.push({ path: `queues[${busiest}].${field}`, message });
    if (maxServed > 32) issues.push({ path: 'agents', message: `${message} (an agent serves ${maxServed} queues)` });
  }
  throw new ValidationError('simulate', issues);
}

/** Validates (ValidationError naming the field, context `simulate`), checks the work cap and compiles a model. */
// eslint-disable-next-line max-lines-per-function -- one pass builds the flat tables together: they share the pair and list indices computed here
export function compileModel(input: SimulationModel): CompiledModel {
  const m = parseModel(input);
  const nq = m.queues.length;
  const byRoutingLevel = (p: number) => (m.routing === 'bestAvailable' ? p : 1);
  // Queues by skill, so agents are matched through their own skills (no queues × agents scan).
  const queuesBySkill = new Map<string, number[]>();
  m.queues.forEach((q, i) => {
    const same = queuesBySkill.get(q.skill);
    if (same) same.push(i);
    else queuesBySkill.set(q.skill, [i]);
  });
  const pairs: Array<[agent: number, queue: number, level: number]> = [];
  const levels = m.queues.map(() => new Set<number>());
  const served = new Int32Array(m.agents.length);
  m.agents.forEach((a, ai) => {
    for (const skill of Object.keys(a.skills)) {
      const p = a.skills[skill] as number;
      if (!(p > 0)) continue;
      for (const qi of queuesBySkill.get(skill) ?? []) {
        if (pairs.length >= MAX_PAIRS)
          invalid('simulate', `agents[${ai}].skills`, `more than ${MAX_PAIRS} (agent, queue) pairs in all`);
        pairs.push([ai, qi, byRoutingLevel(p)]);
        (levels[qi] as Set<number>).add(byRoutingLevel(p));
        served[ai] = (served[ai] as number) + 1;
      }
    }
  });
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  const priorities = new Set(m.queues.map((q) => q.priority));
  const tail = priorities.size > 1 || m.queues.some((q) => q.ringSeconds.length > 0);
  checkWork(
    m,
    tail,
    served.reduce((x, y) => Math.max(x, y), 0),
  );

  const sortedLevels = levels.map((s) => [...s].sort((x, y) => y - x));
  const listStart = new Int32Array(nq);
  const levelCount = new Int32Array(nq);
  const ringCount = new Int32Array(nq);
  const ringStart = new Int32Array(nq);
  const profileStart = new Int32Array(nq);
  const profileLength = new Int32Array(nq);
  const profileInterval = new Float64Array(nq);
  const ringTimes: number[] = [];
  const profileRates: number[] = [];
  const profileAht: number[] = [];
  let lists = 0;
  m.queues.forEach((q, i) => {
    const count = (sortedLevels[i] as number[]).length;
    listStart[i] = lists;
    levelCount[i] = count;
    ringCount[i] = q.ringSeconds.length + 1;
    ringStart[i] = ringTimes.length;
    ringTimes.push(...q.ringSeconds);
    lists += count * (q.ringSeconds.length + 1);
    profileStart[i] = profileRates.length;
    if (q.profile) {
      const { intervalSeconds, callsPerInterval } = q.profile;
      profileLength[i] = callsPerInterval.length;
      profileInterval[i] = intervalSeconds;
      callsPerInterval.forEach((c, k) => {
        profileRates.push(c / intervalSeconds);
        profileAht.push(q.profile?.ahtSeconds?.[k] ?? q.ahtSeconds);
      });
    }
  });
  const agentQueueStart = new Int32Array(m.agents.length + 1);
  const agentQueues = new Int32Array(pairs.length);
  const agentLists = new Int32Array(pairs.length);
  const agentRings = new Int32Array(pairs.length);
  const listMembers = new Int32Array(lists);
  let k = 0;
  m.agents.forEach((a, ai) => {
    agentQueueStart[ai] = k;
    for (; k < pairs.length && (pairs[k] as [number, number, number])[0] === ai; k++) {
      const [, qi, level] = pairs[k] as [number, number, number];
      const ring = a.rings.get(qi) ?? 1;
      const list =
        (listStart[qi] as number) +
        (ring - 1) * (levelCount[qi] as number) +
        (sortedLevels[qi] as number[]).indexOf(level);
      agentQueues[k] = qi;
      agentLists[k] = list;
      agentRings[k] = ring;
      listMembers[list] = (listMembers[list] as number) + 1;
    }
  });
  agentQueueStart[m.agents.length] = pairs.length;
  return {
    queueIds: m.queues.map((q) => q.id),
    agentIds: m.agents.map((a) => a.id),
    routing: m.routing,
    meanInterarrival: Float64Array.from(m.queues, (q) =>
      q.ratePerSecond !== undefined && q.ratePerSecond > 0 ? 1 / q.ratePerSecond : Infinity,
    ),
    profileStart,
    profileLength,
    profileRates: Float64Array.from(profileRates),
    profileInterval,
    profileAht: Float64Array.from(profileAht),
    aht: Float64Array.from(m.queues, (q) => q.ahtSeconds),
    patience: Float64Array.from(m.queues, (q) => q.patienceSeconds ?? Infinity),
    target: Float64Array.from(m.queues, (q) => q.targetSeconds),
    priority: Float64Array.from(m.queues, (q) => q.priority),
    ringCount,
    ringStart,
    ringTimes: Float64Array.from(ringTimes),
    listStart,
    levelCount,
    agentQueueStart,
    agentQueues,
    agentLists,
    agentRings,
    speed: Float64Array.from(m.agents, (a) => a.speed),
    ...compileShifts(m),
    listMembers,
    tail,
    warmup: m.warmupSeconds,
    duration: m.durationSeconds,
    replications: m.replications,
    seed: m.seed,
  };
}

/** Golden-ratio step: spreads agents' spells over their intervals without random numbers. */
const SPREAD = 0.6180339887498949;

/** Agents' on-queue spells per cycle (see CompiledModel.shiftStart). */
function compileShifts(m: ParsedModel): Pick<CompiledModel, 'shiftStart' | 'shiftOn' | 'shiftOff' | 'shiftPeriod'> {
  const shiftStart = new Int32Array(m.agents.length + 1);
  const shiftPeriod = new Float64Array(m.agents.length);
  const on: number[] = [];
  const off: number[] = [];
  m.agents.forEach((a, ai) => {
    shiftStart[ai] = on.length;
    const av = a.availability;
    if (!av || av.share.every((x) => x >= 1)) return;
    const w = av.intervalSeconds;
    shiftPeriod[ai] = w * av.share.length;
    const offset = ((ai + 1) * SPREAD) % 1;
    av.share.forEach((share, i) => {
      if (!(share > 0)) return;
      const start = i * w + offset * (1 - share) * w;
      const end = start + share * w;
      const last = off.length - 1;
      if (on.length > (shiftStart[ai] as number) && Math.abs((off[last] as number) - start) < 1e-9) off[last] = end;
      else {
        on.push(start);
        off.push(end);
      }
    });
  });
  shiftStart[m.agents.length] = on.length;
  return { shiftStart, shiftOn: Float64Array.from(on), shiftOff: Float64Array.from(off), shiftPeriod };
}
