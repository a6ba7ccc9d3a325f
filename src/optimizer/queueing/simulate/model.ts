// Validation of a simulation model (zod) and compilation to flat arrays for the event loop.
import { z } from 'zod';
import { parseInput } from '../../validate.js';
import type { RoutingRule, SimulationModel } from './types.js';

const positive = z.number().positive();

const queueSchema = z
  .object({
    id: z.string().min(1),
    skill: z.string().min(1),
    ahtSeconds: positive,
    patienceSeconds: positive.optional(),
    arrivalRatePerHour: z.number().nonnegative().optional(),
    callsPerInterval: z.number().nonnegative().optional(),
    intervalSeconds: positive.optional(),
  })
  .superRefine((q, ctx) => {
    const byRate = q.arrivalRatePerHour !== undefined;
    const byInterval = q.callsPerInterval !== undefined || q.intervalSeconds !== undefined;
    if (byRate === byInterval) {
      ctx.addIssue({ code: 'custom', path: ['arrivalRatePerHour'], message: 'give either arrivalRatePerHour or callsPerInterval + intervalSeconds' });
    } else if (byInterval && (q.callsPerInterval === undefined || q.intervalSeconds === undefined)) {
      const path = q.callsPerInterval === undefined ? 'callsPerInterval' : 'intervalSeconds';
      ctx.addIssue({ code: 'custom', path: [path], message: 'callsPerInterval and intervalSeconds go together' });
    }
  });

const agentSchema = z.object({
  id: z.string().min(1),
  skills: z.record(z.string(), z.number().min(0).max(5)),
});

const modelSchema = z
  .object({
    queues: z.array(queueSchema).min(1),
    agents: z.array(agentSchema).min(1),
    routing: z.enum(['bestAvailable', 'longestIdle']).default('bestAvailable'),
    durationSeconds: positive,
    warmupSeconds: z.number().nonnegative().default(0),
    replications: z.number().int().min(2).max(10_000).default(10),
    targetSeconds: z.number().nonnegative(),
    seed: z.number().int().default(1),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.queues.forEach((q, i) => {
      if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: ['queues', i, 'id'], message: `duplicate queue id ${q.id}` });
      seen.add(q.id);
    });
    const agentIds = new Set<string>();
    m.agents.forEach((a, i) => {
      if (agentIds.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agents', i, 'id'], message: `duplicate agent id ${a.id}` });
      agentIds.add(a.id);
    });
  });

/** The model flattened for the event loop. */
export interface CompiledModel {
  queueIds: string[];
  agentIds: string[];
  routing: RoutingRule;
  /** Per queue: mean time between arrivals in seconds (Infinity for no arrivals). */
  meanInterarrival: Float64Array;
  aht: Float64Array;
  /** Infinity when callers never abandon. */
  patience: Float64Array;
  /** Per queue: its idle lists' indices (highest proficiency first) — offsets into levelLists. */
  levelStart: Int32Array;
  levelCount: Int32Array;
  /** Per agent: the queues it serves and, for each, the idle list it joins. */
  agentQueueStart: Int32Array;
  agentQueues: Int32Array;
  agentLists: Int32Array;
  /** Per idle list: how many agents can be in it. */
  listMembers: Int32Array;
  warmup: number;
  duration: number;
  replications: number;
  target: number;
  seed: number;
}

/** Validates (ValidationError naming the field, context `simulate`) and compiles a model. */
export function compileModel(input: SimulationModel): CompiledModel {
  const m = parseInput('simulate', modelSchema, input);
  const nq = m.queues.length;
  const meanInterarrival = new Float64Array(nq);
  const aht = new Float64Array(nq);
  const patience = new Float64Array(nq);
  const levelStart = new Int32Array(nq);
  const levelCount = new Int32Array(nq);
  const levelValues: number[][] = [];
  let lists = 0;
  m.queues.forEach((q, i) => {
    const ratePerSecond = q.arrivalRatePerHour !== undefined ? q.arrivalRatePerHour / 3600 : (q.callsPerInterval as number) / (q.intervalSeconds as number);
    meanInterarrival[i] = ratePerSecond > 0 ? 1 / ratePerSecond : Infinity;
    aht[i] = q.ahtSeconds;
    patience[i] = q.patienceSeconds ?? Infinity;
    const values = new Set<number>();
    for (const a of m.agents) {
      const p = a.skills[q.skill];
      if (p !== undefined && p > 0) values.add(m.routing === 'bestAvailable' ? p : 1);
    }
    const sorted = [...values].sort((x, y) => y - x);
    levelValues.push(sorted);
    levelStart[i] = lists;
    levelCount[i] = sorted.length;
    lists += sorted.length;
  });
  const agentQueueStart = new Int32Array(m.agents.length + 1);
  const agentQueues: number[] = [];
  const agentLists: number[] = [];
  const listMembers = new Int32Array(lists);
  m.agents.forEach((a, ai) => {
    agentQueueStart[ai] = agentQueues.length;
    m.queues.forEach((q, qi) => {
      const p = a.skills[q.skill];
      if (p === undefined || !(p > 0)) return;
      const level = (levelValues[qi] as number[]).indexOf(m.routing === 'bestAvailable' ? p : 1);
      const list = (levelStart[qi] as number) + level;
      agentQueues.push(qi);
      agentLists.push(list);
      listMembers[list] = (listMembers[list] as number) + 1;
    });
  });
  agentQueueStart[m.agents.length] = agentQueues.length;
  return {
    queueIds: m.queues.map((q) => q.id),
    agentIds: m.agents.map((a) => a.id),
    routing: m.routing,
    meanInterarrival,
    aht,
    patience,
    levelStart,
    levelCount,
    agentQueueStart,
    agentQueues: Int32Array.from(agentQueues),
    agentLists: Int32Array.from(agentLists),
    listMembers,
    warmup: m.warmupSeconds,
    duration: m.durationSeconds,
    replications: m.replications,
    target: m.targetSeconds,
    seed: m.seed,
  };
}
