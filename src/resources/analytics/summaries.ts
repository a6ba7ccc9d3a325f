// Pure helpers that turn analytics responses into flat, easy-to-use numbers: rows of aggregate stats,
// per-queue load from observations, and agent occupancy from user aggregates. No I/O.
import type {
  ConversationAggregateQueryResponse,
  QueueObservationQueryResponse,
  UserAggregateQueryResponse,
} from '../schemas/analytics.js';
import { combineStats, groupKey } from './merge.js';

/** One row of a flattened aggregate result: one metric of one group in one bucket (`aggregateStats`). */
export interface AggregateStatRow {
  /** The result's group, e.g. `{ queueId, mediaType }`. */
  group: Record<string, string>;
  /** ISO-8601 `start/end` of the bucket. */
  interval: string;
  /** The metric name, e.g. `tHandle`. */
  metric: string;
  /** The metric's qualifier (e.g. a routing status), when it has one. */
  qualifier: string | undefined;
  /** How many values the statistics cover. */
  count: number | undefined;
  /** Durations (`t*` metrics) are in ms. */
  sum: number | undefined;
  /** Smallest value (ms for `t*` metrics). */
  min: number | undefined;
  /** Largest value (ms for `t*` metrics). */
  max: number | undefined;
  /** `sum / count` when both are present and count > 0 (e.g. average handle time for `tHandle`). */
  mean: number | undefined;
  /** For ratio metrics: `numerator / denominator`. */
  ratio: number | undefined;
  /** For ratio metrics: the numerator. */
  numerator: number | undefined;
  /** For ratio metrics: the denominator. */
  denominator: number | undefined;
  /** The target the metric is measured against (e.g. the service-level target of `oServiceLevel`). */
  target: number | undefined;
}

/**
 * Flattens an aggregates response into one row per group x bucket x metric (x qualifier).
 *
 * @example
 * const rows = aggregateStats(await client.analytics.aggregates.query({ interval, groupBy: ['queueId'], metrics: ['tHandle'] }));
 * const ahtSeconds = rows.map((r) => ({ queue: r.group.queueId, aht: (r.mean ?? 0) / 1000 }));
 */
export function aggregateStats(
  response: ConversationAggregateQueryResponse | UserAggregateQueryResponse,
): AggregateStatRow[] {
  const rows: AggregateStatRow[] = [];
  for (const result of response.results ?? []) {
    for (const bucket of result.data ?? []) {
      for (const m of bucket.metrics ?? []) {
        const s = m.stats ?? {};
        rows.push({
          group: { ...(result.group ?? {}) },
          interval: bucket.interval,
          metric: m.metric,
          qualifier: m.qualifier,
          count: s.count,
          sum: s.sum,
          min: s.min,
          max: s.max,
          mean: s.sum !== undefined && s.count ? s.sum / s.count : undefined,
          ratio: s.ratio,
          numerator: s.numerator,
          denominator: s.denominator,
          target: s.target,
        });
      }
    }
  }
  return rows;
}

/**
 * Rows of `aggregateStats` with one dimension dropped from their groups, the rows that then share a group, bucket,
 * metric and qualifier combined: counts, sums, numerators and denominators added, min and max kept, the ratio
 * recomputed. The API adds `mediaType` to every group whatever `groupBy` says, so a queue with voice and chat has
 * two rows per bucket; `combineRows(rows, 'mediaType')` gives one.
 *
 * @example
 * const rows = combineRows(aggregateStats(await client.analytics.aggregates.query(query)), 'mediaType');
 * const offered = rows.filter((r) => r.metric === 'nOffered').map((r) => [r.group.queueId, r.count]);
 */
export function combineRows(rows: readonly AggregateStatRow[], dimension: string): AggregateStatRow[] {
  const out = new Map<string, AggregateStatRow>();
  for (const row of rows) {
    const { [dimension]: _dropped, ...group } = row.group;
    const key = `${groupKey(group)}\u0000${row.interval}\u0000${row.metric}\u0000${row.qualifier ?? ''}`;
    const prev = out.get(key);
    if (!prev) {
      out.set(key, { ...row, group });
      continue;
    }
    const stats = combineStats(prev, row) ?? {};
    out.set(key, {
      ...prev,
      count: stats.count,
      sum: stats.sum,
      min: stats.min,
      max: stats.max,
      mean: stats.sum !== undefined && stats.count ? stats.sum / stats.count : undefined,
      ratio: stats.ratio,
      numerator: stats.numerator,
      denominator: stats.denominator,
      target: stats.target,
    });
  }
  return [...out.values()];
}

/** What one queue holds right now, from queue observations (`client.analytics.observations.queueLoad`). */
export interface QueueLoad {
  /** Queue id. */
  queueId: string;
  /** Conversations waiting in queue (oWaiting), all media types. */
  waiting: number;
  /** Conversations alerting an agent (oAlerting). */
  alerting: number;
  /** Conversations connected to an agent (oInteracting). */
  interacting: number;
  /** Joined members on queue (oOnQueueUsers, all routing statuses). */
  onQueueUsers: number;
  /** On-queue members by routing status (qualifiers of oOnQueueUsers), e.g. `{ IDLE: 4, INTERACTING: 9 }`. */
  onQueueByStatus: Record<string, number>;
  /** Joined members off queue (oOffQueueUsers). */
  offQueueUsers: number;
  /** Joined members (oActiveUsers). */
  activeUsers: number;
  /** All members (oMemberUsers). */
  memberUsers: number;
  /** When the longest-waiting conversation started waiting (oLongestWaiting), if any waits. */
  longestWaitingSince: string | undefined;
  /** The conversation counts per media type. */
  byMediaType: Record<string, { waiting: number; alerting: number; interacting: number }>;
}

/** Per-queue load from an observations response (sums over media types and qualifiers). */
export function summarizeQueueLoad(response: QueueObservationQueryResponse, queueIds: readonly string[]): QueueLoad[] {
  const loads = new Map<string, QueueLoad>(
    queueIds.map((queueId) => [
      queueId,
      {
        queueId,
        waiting: 0,
        alerting: 0,
        interacting: 0,
        onQueueUsers: 0,
        onQueueByStatus: {},
        offQueueUsers: 0,
        activeUsers: 0,
        memberUsers: 0,
        longestWaitingSince: undefined,
        byMediaType: {},
      },
    ]),
  );
  for (const result of response.results ?? []) {
    const load = loads.get(result.group?.['queueId'] ?? '');
    if (!load) continue;
    const mediaType = result.group?.['mediaType'];
    for (const d of result.data ?? []) {
      const count = d.stats?.count ?? 0;
      const media = mediaType
        ? (load.byMediaType[mediaType] ??= { waiting: 0, alerting: 0, interacting: 0 })
        : undefined;
      switch (d.metric) {
        case 'oWaiting':
          load.waiting += count;
          if (media) media.waiting += count;
          break;
        case 'oAlerting':
          load.alerting += count;
          if (media) media.alerting += count;
          break;
        case 'oInteracting':
          load.interacting += count;
          if (media) media.interacting += count;
          break;
        case 'oOnQueueUsers':
          load.onQueueUsers += count;
          if (d.qualifier) load.onQueueByStatus[d.qualifier] = (load.onQueueByStatus[d.qualifier] ?? 0) + count;
          break;
        case 'oOffQueueUsers':
          load.offQueueUsers += count;
          break;
        case 'oActiveUsers':
          load.activeUsers += count;
          break;
        case 'oMemberUsers':
          load.memberUsers += count;
          break;
        case 'oLongestWaiting': {
          const since = d.observations?.[0]?.observationDate;
          if (since && (!load.longestWaitingSince || since < load.longestWaitingSince))
            load.longestWaitingSince = since;
          break;
        }
      }
    }
  }
  return [...loads.values()];
}

/** Time an agent spent in each routing status, from a user aggregate query (`agentOccupancy`). */
export interface AgentOccupancy {
  /** Undefined when the response was not grouped by userId. */
  userId: string | undefined;
  /** The bucket, with `perInterval: true`; undefined for totals over the whole response. */
  interval: string | undefined;
  /** IDLE + INTERACTING + COMMUNICATING + NOT_RESPONDING, ms. */
  onQueueMs: number;
  /** Time INTERACTING, ms. */
  interactingMs: number;
  /** Time IDLE (on queue, waiting for work), ms. */
  idleMs: number;
  /** Time COMMUNICATING (on a non-ACD interaction while on queue), ms. */
  communicatingMs: number;
  /** Time NOT_RESPONDING (an alert went unanswered), ms. */
  notRespondingMs: number;
  /** Logged in but not on queue, ms (not part of the occupancy formula). */
  offQueueMs: number;
  /** interactingMs / onQueueMs, 0..1; undefined when the agent spent no time on queue. */
  occupancy: number | undefined;
}

/**
 * Agent occupancy from a users aggregates response that includes `tAgentRoutingStatus`:
 * `occupancy = INTERACTING / (IDLE + INTERACTING + COMMUNICATING + NOT_RESPONDING)` — the share of on-queue
 * time spent on ACD interactions. OFF_QUEUE time is excluded. Totals per user, or per bucket.
 *
 * @example
 * const res = await client.analytics.userAggregates.query({ interval, granularity: 'P1D', userIds, metrics: ['tAgentRoutingStatus'] });
 * for (const a of agentOccupancy(res)) console.log(a.userId, a.occupancy);
 */
export function agentOccupancy(
  response: UserAggregateQueryResponse,
  options: { perInterval?: boolean } = {},
): AgentOccupancy[] {
  const out = new Map<string, AgentOccupancy>();
  for (const result of response.results ?? []) {
    const userId = result.group?.['userId'];
    for (const bucket of result.data ?? []) {
      const interval = options.perInterval ? bucket.interval : undefined;
      const key = `${userId ?? ''}\u0000${interval ?? ''}`;
      let row = out.get(key);
      if (!row) {
        row = {
          userId,
          interval,
          onQueueMs: 0,
          interactingMs: 0,
          idleMs: 0,
          communicatingMs: 0,
          notRespondingMs: 0,
          offQueueMs: 0,
          occupancy: undefined,
        };
        out.set(key, row);
      }
      for (const m of bucket.metrics ?? []) {
        if (m.metric !== 'tAgentRoutingStatus') continue;
        const ms = m.stats?.sum ?? 0;
        if (m.qualifier === 'INTERACTING') row.interactingMs += ms;
        else if (m.qualifier === 'IDLE') row.idleMs += ms;
        else if (m.qualifier === 'COMMUNICATING') row.communicatingMs += ms;
        else if (m.qualifier === 'NOT_RESPONDING') row.notRespondingMs += ms;
        else if (m.qualifier === 'OFF_QUEUE') row.offQueueMs += ms;
      }
    }
  }
  for (const row of out.values()) {
    row.onQueueMs = row.idleMs + row.interactingMs + row.communicatingMs + row.notRespondingMs;
    row.occupancy = row.onQueueMs > 0 ? row.interactingMs / row.onQueueMs : undefined;
  }
  return [...out.values()];
}
