// What-if input model: schemas, applying skill changes, and who serves which queue with which share.
import * as z from 'zod/mini';
import { checkQueueLoad } from '../../queueing/erlang-a/erlang-a-limits.js';
import { invalid } from '../../parse-input.js';
import { IdSchema, SkillChangeSchema, SkillMatrixSchema, compareStrings, fmt, getOwn, ownObject } from '../schemas.js';
import type { SkillChange } from '../schemas.js';

/** A queue in a what-if: its offered load per interval and the skills an agent needs to serve it. */
export const WhatIfQueueSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    queueId: IdSchema,
    /** An agent serves the queue when a member AND holding every one of these with proficiency > 0. */
    requiredSkillIds: z.array(IdSchema),
    /** Offered calls per interval. */
    calls: z.number().check(z.gte(0, 'must be >= 0')),
    intervalSeconds: z.number().check(z.positive('must be > 0')),
    ahtSeconds: z.number().check(z.positive('must be > 0')),
    /** Answer-time target of the service level, seconds. */
    targetSeconds: z.number().check(z.gte(0, 'must be >= 0')),
    /** Mean caller patience, seconds; when given, Erlang A (with abandonment) replaces Erlang C. */
    patienceSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
  }),
);

/** Input queue of `whatIf`. */
export interface WhatIfQueue {
  /** Queue id. */
  queueId: string;
  /** An agent serves the queue when a member AND holding every one of these with proficiency > 0. */
  requiredSkillIds: string[];
  /** Offered calls per interval. */
  calls: number;
  /** Interval length, seconds. */
  intervalSeconds: number;
  /** Mean handle time, seconds. */
  ahtSeconds: number;
  /** Answer-time target of the service level, seconds. */
  targetSeconds: number;
  /** Mean caller patience, seconds; when given, Erlang A (with abandonment) replaces Erlang C. */
  patienceSeconds?: number | undefined;
}

/** Who is a member of which queue, and every user's current skills. */
export const WhatIfMembershipSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    members: z.array(z.object({ queueId: IdSchema, userId: IdSchema })),
    userSkills: SkillMatrixSchema,
  }),
);

/** Membership input of `whatIf`. */
export interface WhatIfMembership {
  /** Queue memberships, one row per queue and user. */
  members: Array<{
    /** Queue id. */
    queueId: string;
    /** User id. */
    userId: string;
  }>;
  /** userId -> skillId -> proficiency (0..5): every user's current skills. */
  userSkills: {
    [key: string]: Record<string, number>;
  };
}

/** Simulation settings (engine 'simulate'); anything omitted takes the default shown. */
export const WhatIfSimulationSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** 'bestAvailable' (highest proficiency first, as skillEvaluationMethod BEST) or 'longestIdle'. */
    routing: z._default(z.enum(['bestAvailable', 'longestIdle']), 'bestAvailable'),
    /** Simulated seconds per replication, after warm-up. Default: 20 intervals of the longest queue interval. */
    durationSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
    /** Discarded start-up seconds. Default: 10 % of the duration. */
    warmupSeconds: z.optional(z.number().check(z.gte(0, 'must be >= 0'))),
    replications: z._default(
      z.number().check(z.int('must be an integer'), z.gte(2, 'must be >= 2'), z.lte(1000, 'must be <= 1000')),
      10,
    ),
    seed: z._default(z.number().check(z.int('must be an integer')), 1),
  }),
);

/** Options of `whatIf`. */
export const WhatIfOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** 'erlang' (default): Erlang C, or Erlang A where patience is given. 'simulate': discrete-event simulation. */
    engine: z._default(z.enum(['erlang', 'simulate']), 'erlang'),
    /**
     * How an agent who serves several queues is counted (engine 'erlang'): 'load' (default) splits the agent
     * across its queues in proportion to their offered traffic; 'equal' splits evenly; 'full' counts the agent
     * fully in every queue (optimistic upper bound).
     */
    apportion: z._default(z.enum(['load', 'equal', 'full']), 'load'),
    simulation: z.optional(WhatIfSimulationSchema),
  }),
);

/** Options of `whatIf`. */
export interface WhatIfOptions {
  /** 'erlang' (default): Erlang C, or Erlang A where patience is given. 'simulate': discrete-event simulation. */
  engine?: 'erlang' | 'simulate' | undefined;
  /** How an agent who serves several queues is counted (engine 'erlang'): 'load' (default) splits the agent
across its queues in proportion to their offered traffic; 'equal' splits evenly; 'full' counts the agent
fully in every queue (optimistic upper bound). */
  apportion?: 'load' | 'equal' | 'full' | undefined;
  /** Simulation settings (engine `simulate`); anything omitted takes its default. */
  simulation?:
    | {
        /** 'bestAvailable' (highest proficiency first, as skillEvaluationMethod BEST) or 'longestIdle'. */
        routing?: 'bestAvailable' | 'longestIdle' | undefined;
        /** Simulated seconds per replication, after warm-up. Default: 20 intervals of the longest queue interval. */
        durationSeconds?: number | undefined;
        /** Discarded start-up seconds. Default: 10 % of the duration. */
        warmupSeconds?: number | undefined;
        /** Independent runs averaged (2..1000, default 10). */
        replications?: number | undefined;
        /** Seed of the random streams (default 1): the same input and seed give the same result. */
        seed?: number | undefined;
      }
    | undefined;
}

/** Input of `whatIf`. */
export const WhatIfInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    queues: z.array(WhatIfQueueSchema),
    membership: WhatIfMembershipSchema,
    changes: z.array(SkillChangeSchema),
    options: z._default(WhatIfOptionsSchema, { engine: 'erlang', apportion: 'load' }),
  }),
);

/** Input of `whatIf`. */
export interface WhatIfInput {
  /** The queues to measure, with their load and target. */
  queues: WhatIfQueue[];
  /** Who is a member of which queue, and every user's skills now. */
  membership: WhatIfMembership;
  /** The skill changes to try. */
  changes: SkillChange[];
  /** Engine and its settings (default: Erlang, load-apportioned). */
  options?: WhatIfOptions | undefined;
}
/** Parsed input of `whatIf`. */
export type ParsedWhatIf = z.output<typeof WhatIfInputSchema>;
/** Parsed queue. */
export type ParsedQueue = z.output<typeof WhatIfQueueSchema>;

/** A note about a change that did not do what it says (not an error: the what-if still runs). */
export interface WhatIfWarning {
  /** e.g. `changes[3]`. */
  path: string;
  /** What the change did not do, in words. */
  message: string;
}

/** Checks cross-references (unique queue ids, members of known queues, no duplicate member rows) and each queue's load. */
export function checkModel(ctx: string, input: ParsedWhatIf): void {
  const queueIds = new Set<string>();
  input.queues.forEach((q, i) => {
    if (queueIds.has(q.queueId)) invalid(ctx, `queues[${i}].queueId`, `duplicate queue id ${q.queueId}`);
    queueIds.add(q.queueId);
    // Traffic within the Erlang functions' range, and the Erlang A bounds where Erlang A runs; named by row.
    checkQueueLoad(ctx, `queues[${i}].`, input.options.engine === 'erlang' ? q : { ...q, patienceSeconds: undefined });
  });
  const seen = new Set<string>();
  input.membership.members.forEach((m, i) => {
    if (!queueIds.has(m.queueId)) invalid(ctx, `membership.members[${i}].queueId`, `unknown queue ${m.queueId}`);
    const key = JSON.stringify([m.queueId, m.userId]);
    if (seen.has(key))
      invalid(ctx, `membership.members[${i}]`, `user ${m.userId} is listed twice for queue ${m.queueId}`);
    seen.add(key);
  });
}

/** Applies the changes to a copy of the skills, in order, and notes changes that are no-ops or mismatched. */
export function applyChanges(input: ParsedWhatIf): {
  skills: Record<string, Record<string, number>>;
  warnings: WhatIfWarning[];
} {
  const skills: Record<string, Record<string, number>> = {};
  for (const [userId, held] of Object.entries(input.membership.userSkills)) skills[userId] = { ...held };
  const warnings: WhatIfWarning[] = [];
  const relevant = new Set<string>();
  const memberQueues = new Map<string, Set<string>>();
  for (const m of input.membership.members) {
    const set = memberQueues.get(m.userId) ?? new Set<string>();
    set.add(m.queueId);
    memberQueues.set(m.userId, set);
  }
  for (const q of input.queues) for (const s of q.requiredSkillIds) relevant.add(`${q.queueId}\u0000${s}`);

  input.changes.forEach((c, i) => {
    const path = `changes[${i}]`;
    const held = ownObject(skills, c.userId, () => ({}));
    const had = getOwn(held, c.skillId);
    if (c.action === 'remove') {
      if (had === undefined)
        warnings.push({ path, message: `user ${c.userId} does not hold skill ${c.skillId}: nothing to remove` });
      delete held[c.skillId];
    } else {
      if (c.action === 'add' && had !== undefined) {
        warnings.push({
          path,
          message: `user ${c.userId} already holds skill ${c.skillId} (${fmt(had)}): applied as an update`,
        });
      }
      if (c.action === 'update' && had === undefined) {
        warnings.push({ path, message: `user ${c.userId} does not hold skill ${c.skillId}: applied as an add` });
      }
      held[c.skillId] = c.proficiency;
    }
    const queues = [...(memberQueues.get(c.userId) ?? [])];
    if (!queues.some((q) => relevant.has(`${q}\u0000${c.skillId}`))) {
      warnings.push({
        path,
        message: `user ${c.userId} is not a member of any queue that requires skill ${c.skillId}: no queue is affected`,
      });
    }
  });
  return { skills, warnings };
}

/** The queues each user serves: a member, holding every required skill with proficiency > 0. */
export function servedQueues(
  input: ParsedWhatIf,
  skills: Readonly<Record<string, Readonly<Record<string, number>>>>,
): Map<string, ParsedQueue[]> {
  const byId = new Map(input.queues.map((q) => [q.queueId, q]));
  const served = new Map<string, ParsedQueue[]>();
  for (const m of input.membership.members) {
    const q = byId.get(m.queueId);
    if (!q) continue;
    const held = getOwn(skills, m.userId) ?? {};
    if (!q.requiredSkillIds.every((s) => (getOwn(held, s) ?? 0) > 0)) continue;
    served.set(m.userId, [...(served.get(m.userId) ?? []), q]);
  }
  for (const list of served.values()) list.sort((a, b) => compareStrings(a.queueId, b.queueId));
  return served;
}

/** Per queue: effective (apportioned) agents and head count. */
export function staffing(
  queues: readonly ParsedQueue[],
  served: ReadonlyMap<string, readonly ParsedQueue[]>,
  traffic: ReadonlyMap<string, number>,
  apportion: 'load' | 'equal' | 'full',
): Map<string, { agents: number; headcount: number }> {
  const out = new Map(queues.map((q) => [q.queueId, { agents: 0, headcount: 0 }]));
  for (const list of served.values()) {
    const load = list.reduce((s, q) => s + (traffic.get(q.queueId) ?? 0), 0);
    for (const q of list) {
      const entry = out.get(q.queueId);
      if (!entry) continue;
      let share = 1;
      if (apportion === 'equal') share = 1 / list.length;
      if (apportion === 'load') share = load > 0 ? (traffic.get(q.queueId) ?? 0) / load : 1 / list.length;
      entry.agents += share;
      entry.headcount += 1;
    }
  }
  return out;
}
