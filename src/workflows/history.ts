// Reads the history a routing plan is judged by: per agent and skill (handled, handle time, transfers), per
// queue (requested skills, peak offered volume, AHT, service-level target) and per agent occupancy.
import type { GenesysClient } from '../client/client.js';
// Static: the client (in the root entry) loads analytics anyway; a dynamic import would split it into its own file.
import { agentOccupancy, aggregateStats, anyOfFilter } from '../resources/analytics/index.js';
import type { Queue } from '../resources/schemas/routing.js';
import { estimatePatienceSeconds, type WaitTotals } from './patience.js';

export interface AgentSkillHistory {
  userId: string;
  skillId: string;
  /** Contacts of this skill the agent handled (count of tHandle). */
  handled: number;
  /** Contacts of this skill alerted to the agent: answered alerts (tAlert) plus unanswered ones (tNotResponding). */
  offered: number;
  avgHandleSeconds: number | undefined;
  transferRate: number | undefined;
}

export interface QueueHistory {
  queueId: string;
  queueName: string;
  /** Skills requested by the queue's conversations, most offered first (a queue has no "required skill" field). */
  requestedSkills: { skillId: string; offered: number }[];
  offered: number;
  /** Offered contacts in the busiest interval of the period (what the what-if sizes for). */
  peakOffered: number;
  intervalSeconds: number;
  ahtSeconds: number | undefined;
  /** From the queue's call media settings (serviceLevel.durationMs), default 20 s. */
  targetSeconds: number;
  /** From the queue's call media settings (serviceLevel.percentage), default 0.8. */
  serviceLevelTarget: number;
  /**
   * Mean caller patience in seconds, estimated from the period's waits (tAnswered and tAbandon; see patience.ts);
   * undefined with fewer than 10 abandoned calls, or when `waits` was not asked for.
   */
  patienceSeconds: number | undefined;
}

export interface HistoryOptions {
  interval: { from: Date; to: Date };
  /** Bucket used to find the peak interval. Default PT30M (1800 s). */
  granularity?: 'PT15M' | 'PT30M' | 'PT1H';
  /**
   * Also read the queues' waits (time to answer and to abandon) for `patienceSeconds`. Default false: two more
   * metrics in every row of the queue query, for a caller who models hang-ups.
   */
  waits?: boolean;
  /** A skill counts as requested by a queue when it carries at least this share of its offered contacts. Default 0.05. */
  minSkillShare?: number;
  signal?: AbortSignal;
}

export interface RoutingHistory {
  agentSkills: AgentSkillHistory[];
  queues: QueueHistory[];
  /** userId -> occupancy (interacting / on-queue time), where known. */
  occupancy: Map<string, number>;
}

const SECONDS: Record<string, number> = { PT15M: 900, PT30M: 1800, PT1H: 3600 };

/** Collects agent, queue and occupancy history for `queues` and `userIds` over `interval`. */
export async function collectHistory(
  client: GenesysClient,
  queues: readonly Queue[],
  userIds: readonly string[],
  options: HistoryOptions,
): Promise<RoutingHistory> {
  const { interval, signal } = options;
  const granularity = options.granularity ?? 'PT30M';
  const queueIds = queues.map((q) => q.id);
  const filter = anyOfFilter('queueId', queueIds);

  const [agentRes, queueRes, userRes] = await Promise.all([
    client.analytics.aggregates.query(
      {
        interval,
        groupBy: ['userId', 'requestedRoutingSkillId'],
        metrics: ['tHandle', 'nTransferred', 'tAlert', 'tNotResponding'],
        filter,
      },
      { signal },
    ),
    client.analytics.aggregates.query(
      {
        interval,
        granularity,
        groupBy: ['queueId', 'requestedRoutingSkillId'],
        metrics: ['nOffered', 'tHandle', ...(options.waits ? (['tAnswered', 'tAbandon'] as const) : [])],
        filter,
      },
      { signal },
    ),
    userIds.length > 0
      ? client.analytics.userAggregates.query(
          { interval, userIds: [...userIds], metrics: ['tAgentRoutingStatus'] },
          { signal },
        )
      : Promise.resolve(undefined),
  ]);

  const occupancy = new Map<string, number>();
  if (userRes)
    for (const o of agentOccupancy(userRes))
      if (o.userId && o.occupancy !== undefined) occupancy.set(o.userId, o.occupancy);
  return {
    agentSkills: agentSkillHistory(agentRes),
    queues: queueHistory(queues, queueRes, granularity, options.minSkillShare ?? 0.05),
    occupancy,
  };
}

type Aggregates = Parameters<typeof aggregateStats>[0];

/** Per agent and requested skill: contacts offered and handled, mean handle time, transfer rate. */
function agentSkillHistory(agentRes: Aggregates): AgentSkillHistory[] {
  const agents = new Map<string, AgentSkillHistory & { handleMs: number; transfers: number }>();
  for (const row of aggregateStats(agentRes)) {
    const userId = row.group['userId'];
    const skillId = row.group['requestedRoutingSkillId'];
    if (!userId || !skillId) continue;
    const key = `${userId}\u0000${skillId}`;
    const a = agents.get(key) ?? {
      userId,
      skillId,
      handled: 0,
      offered: 0,
      avgHandleSeconds: undefined,
      transferRate: undefined,
      handleMs: 0,
      transfers: 0,
    };
    if (row.metric === 'tHandle') {
      a.handled += row.count ?? 0;
      a.handleMs += row.sum ?? 0;
    } else if (row.metric === 'nTransferred') a.transfers += row.sum ?? row.count ?? 0;
    else if (row.metric === 'tAlert' || row.metric === 'tNotResponding') a.offered += row.count ?? 0;
    agents.set(key, a);
  }
  return [...agents.values()].map(({ handleMs, transfers, ...a }) => ({
    ...a,
    offered: Math.max(a.offered, a.handled),
    avgHandleSeconds: a.handled > 0 ? handleMs / a.handled / 1000 : undefined,
    transferRate: a.handled > 0 ? Math.min(1, transfers / a.handled) : undefined,
  }));
}

/** Per queue: offered contacts per interval (its peak), the skills its contacts request, AHT and the target. */
function queueHistory(
  queues: readonly Queue[],
  queueRes: Aggregates,
  granularity: string,
  minShare: number,
): QueueHistory[] {
  const perQueue = new Map<
    string,
    { skills: Map<string, number>; buckets: Map<string, number>; handleMs: number; handled: number; waits: WaitTotals }
  >();
  for (const row of aggregateStats(queueRes)) {
    const queueId = row.group['queueId'];
    if (!queueId) continue;
    const q = perQueue.get(queueId) ?? {
      skills: new Map(),
      buckets: new Map(),
      handleMs: 0,
      handled: 0,
      waits: { answeredWaitMs: 0, answered: 0, abandonWaitMs: 0, abandoned: 0 },
    };
    perQueue.set(queueId, q);
    if (row.metric === 'nOffered') {
      const n = row.count ?? row.sum ?? 0;
      q.buckets.set(row.interval, (q.buckets.get(row.interval) ?? 0) + n);
      const skillId = row.group['requestedRoutingSkillId'];
      if (skillId) q.skills.set(skillId, (q.skills.get(skillId) ?? 0) + n);
    } else if (row.metric === 'tHandle') {
      q.handleMs += row.sum ?? 0;
      q.handled += row.count ?? 0;
    } else if (row.metric === 'tAnswered') {
      q.waits.answeredWaitMs += row.sum ?? 0;
      q.waits.answered += row.count ?? 0;
    } else if (row.metric === 'tAbandon') {
      q.waits.abandonWaitMs += row.sum ?? 0;
      q.waits.abandoned += row.count ?? 0;
    }
  }
  return queues.map((queue): QueueHistory => {
    const q = perQueue.get(queue.id);
    const offered = q ? [...q.buckets.values()].reduce((s, n) => s + n, 0) : 0;
    const sl = queue.mediaSettings?.['call']?.serviceLevel;
    return {
      queueId: queue.id,
      queueName: queue.name,
      requestedSkills: q
        ? [...q.skills]
            .filter(([, n]) => offered > 0 && n / offered >= minShare)
            .sort((a, b) => b[1] - a[1])
            .map(([skillId, n]) => ({ skillId, offered: n }))
        : [],
      offered,
      peakOffered: q ? Math.max(0, ...q.buckets.values()) : 0,
      intervalSeconds: SECONDS[granularity]!,
      ahtSeconds: q && q.handled > 0 ? q.handleMs / q.handled / 1000 : undefined,
      targetSeconds: sl?.durationMs !== undefined ? sl.durationMs / 1000 : 20,
      serviceLevelTarget: sl?.percentage ?? 0.8,
      patienceSeconds: q ? estimatePatienceSeconds(q.waits) : undefined,
    };
  });
}

/** Median of the agents' average handle times per skill (agents with at least one contact). */
export function medianHandleBySkill(agentSkills: readonly AgentSkillHistory[]): Map<string, number> {
  const bySkill = new Map<string, number[]>();
  for (const a of agentSkills)
    if (a.avgHandleSeconds !== undefined)
      bySkill.set(a.skillId, [...(bySkill.get(a.skillId) ?? []), a.avgHandleSeconds]);
  const out = new Map<string, number>();
  for (const [skill, values] of bySkill) {
    const s = values.sort((x, y) => x - y);
    const mid = Math.floor(s.length / 2);
    out.set(skill, s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2);
  }
  return out;
}
