// The queues as a routing desk sees them now: today's service level against the target, calls waiting, agents
// on queue, and who holds each queue's skill; per queue, the demand against the usual for this hour and the
// Erlang C staff it needs against the staff it has.
import type { GenesysClient } from '../../client/client.js';
import { didYouMean } from '../../internal/did-you-mean.js';
import { requiredAgents } from '../../optimizer/queueing/staffing/staffing.js';
import { aggregateStats, anyOfFilter, combineRows } from '../../resources/analytics/index.js';
import type { Queue } from '../../resources/schemas/routing.js';
import { collectHistory, type QueueHistory } from '../../workflows/history.js';
import { McpRefusalError } from '../errors.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** One queue now. */
export interface QueueNow {
  queueId: string;
  queueName: string;
  target: { serviceLevel: number; withinSeconds: number };
  today: { offered: number; serviceLevel: number | null };
  waiting: number;
  agentsOnQueue: number;
  members: number;
  skill: { id: string; name: string } | null;
  /** Members holding the queue's skill. */
  holders: number;
  /** Erlang C for this hour's expected calls: agents needed to meet the target, and holders on queue now. */
  erlang: { callsPerHour: number; ahtSeconds: number | null; agentsNeeded: number | null; holdersOnQueue: number };
  /** `below`: today's service level or the Erlang staffing misses the target; `noCalls`: nothing to judge. */
  status: 'atTarget' | 'below' | 'noCalls';
}

/** The reads behind the picture, kept for the explanation of one queue. */
export interface QueueReads {
  queues: Queue[];
  history: Map<string, QueueHistory>;
  /** queueId -> offered calls per hour bucket (epoch ms of the hour start). */
  hourly: Map<string, Map<number, number>>;
  today: Map<string, { offered: number; answeredInTarget: number; denominator: number }>;
  members: Map<string, Array<{ userId: string; name: string; onQueue: boolean; status: string }>>;
  skills: Map<string, Map<string, number>>;
  skillNames: Map<string, string>;
  load: Map<string, { waiting: number; onQueueUsers: number }>;
}

/** Resolves queue ids or exact names (case-insensitive); an unknown one is refused with the closest name. */
export async function resolveQueues(client: GenesysClient, wanted?: readonly string[]): Promise<Queue[]> {
  const all = await client.routing.queues.list({ pageSize: 100 }).toArray({ max: 10_000, ifMore: 'throw' });
  if (!wanted || wanted.length === 0) return all;
  return wanted.map((w, i) => {
    const hit = all.find((q) => q.id === w || q.name.toLowerCase() === w.toLowerCase());
    if (hit) return hit;
    const guess = didYouMean(
      w,
      all.map((q) => q.name),
    );
    throw new McpRefusalError(
      wanted.length === 1 ? 'queue' : `queues[${i}]`,
      'unknownQueue',
      `no queue has the id or name ${JSON.stringify(w)}${guess ? `; did you mean "${guess}"?` : ''}`,
    );
  });
}

/** Reads history, today's figures, the live load, members with status and their skills. */
export async function readQueues(client: GenesysClient, queues: Queue[], now: Date, days: number): Promise<QueueReads> {
  const ids = queues.map((q) => q.id);
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  const from = new Date(hourStart - days * DAY);
  const history = await collectHistory(client, queues, [], { interval: { from, to: now }, granularity: 'PT1H' });
  const res = await client.analytics.aggregates.query({
    interval: { from, to: new Date(hourStart + HOUR) },
    granularity: 'PT1H',
    groupBy: ['queueId'],
    metrics: ['nOffered', 'oServiceLevel'],
    filter: anyOfFilter('queueId', ids),
  });
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  const hourly = new Map<string, Map<number, number>>(ids.map((id) => [id, new Map()]));
  const today = new Map(ids.map((id) => [id, { offered: 0, answeredInTarget: 0, denominator: 0 }]));
  for (const row of combineRows(aggregateStats(res), 'mediaType')) {
    const id = row.group['queueId'] ?? '';
    const start = Date.parse(row.interval.split('/')[0] ?? '');
    if (!hourly.has(id) || !Number.isFinite(start)) continue;
    if (row.metric === 'nOffered') hourly.get(id)!.set(start, row.count ?? 0);
    const t = today.get(id)!;
    if (start < midnight || start > now.getTime()) continue;
    if (row.metric === 'nOffered') t.offered += row.count ?? 0;
    if (row.metric === 'oServiceLevel') {
      t.answeredInTarget += row.numerator ?? 0;
      t.denominator += row.denominator ?? 0;
    }
  }
  const load = new Map(
    (await client.analytics.observations.queueLoad(ids)).map((l) => [
      l.queueId,
      { waiting: l.waiting, onQueueUsers: l.onQueueUsers },
    ]),
  );
  const { members, skills } = await readMembers(client, ids);
  const skillNames = new Map<string, string>();
  for await (const s of client.routing.skills.list({ pageSize: 100 })) skillNames.set(s.id, s.name);
  return {
    queues,
    history: new Map(history.queues.map((q) => [q.queueId, q])),
    hourly,
    today,
    members,
    skills,
    skillNames,
    load,
  };
}

const ON_QUEUE = new Set(['IDLE', 'INTERACTING', 'COMMUNICATING']);

async function readMembers(client: GenesysClient, queueIds: string[]) {
  const members: QueueReads['members'] = new Map();
  for (const id of queueIds) {
    const list = [];
    for await (const m of client.routing.members.list(id, { pageSize: 100, expand: ['routingStatus'] })) {
      const status = m.routingStatus?.status ?? 'UNKNOWN';
      list.push({ userId: m.id, name: m.name ?? m.id, onQueue: m.joined !== false && ON_QUEUE.has(status), status });
    }
    members.set(id, list);
  }
  const userIds = [...new Set([...members.values()].flat().map((m) => m.userId))];
  const skills = new Map<string, Map<string, number>>();
  for (let i = 0; i < userIds.length; i += 100) {
    const ids = userIds.slice(i, i + 100);
    for await (const u of client.routing.users.list({ ids, expand: ['skills'], pageSize: 100 }))
      skills.set(u.id, new Map((u.skills ?? []).map((s) => [s.id, s.proficiency ?? 0])));
  }
  return { members, skills };
}

/** The usual calls in the hour starting at `hourStart`: the mean of the same hour on the previous days. */
export function usualCalls(hourly: Map<number, number>, hourStart: number, days: number): number {
  let sum = 0;
  for (let d = 1; d <= days; d++) sum += hourly.get(hourStart - d * DAY) ?? 0;
  return sum / days;
}

/** One queue's picture from the reads. */
export function queueNow(reads: QueueReads, queue: Queue, now: Date, days: number): QueueNow {
  const h = reads.history.get(queue.id);
  const target = { serviceLevel: h?.serviceLevelTarget ?? 0.8, withinSeconds: h?.targetSeconds ?? 20 };
  const t = reads.today.get(queue.id)!;
  const skillId = h?.requestedSkills[0]?.skillId;
  const members = reads.members.get(queue.id) ?? [];
  const holding = members.filter((m) => skillId !== undefined && reads.skills.get(m.userId)?.has(skillId));
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  const hourly = reads.hourly.get(queue.id) ?? new Map<number, number>();
  const lastHour = hourly.get(hourStart - HOUR) ?? 0;
  const callsPerHour = Math.max(usualCalls(hourly, hourStart, days), lastHour);
  const aht = h?.ahtSeconds ?? null;
  const agentsNeeded =
    aht === null || callsPerHour === 0
      ? null
      : requiredAgents({
          traffic: (callsPerHour * aht) / 3600,
          ahtSeconds: aht,
          targetSeconds: target.withinSeconds,
          serviceLevel: target.serviceLevel,
        }).agents;
  const holdersOnQueue = holding.filter((m) => m.onQueue).length;
  const serviceLevel = t.denominator > 0 ? t.answeredInTarget / t.denominator : null;
  const below =
    (serviceLevel !== null && serviceLevel < target.serviceLevel) ||
    (agentsNeeded !== null && holdersOnQueue < agentsNeeded);
  const load = reads.load.get(queue.id);
  return {
    queueId: queue.id,
    queueName: queue.name,
    target,
    today: { offered: t.offered, serviceLevel },
    waiting: load?.waiting ?? 0,
    agentsOnQueue: load?.onQueueUsers ?? 0,
    members: members.length,
    skill: skillId ? { id: skillId, name: reads.skillNames.get(skillId) ?? skillId } : null,
    holders: holding.length,
    erlang: {
      callsPerHour: round(callsPerHour),
      ahtSeconds: aht === null ? null : round(aht),
      agentsNeeded,
      holdersOnQueue,
    },
    status: below ? 'below' : t.offered === 0 && agentsNeeded === null ? 'noCalls' : 'atTarget',
  };
}

export const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;
