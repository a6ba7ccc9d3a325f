// Where the autopilot sees the day as it happens: offered calls and service level per queue per interval, from
// the start of the day to now (conversation aggregates queries, `nOffered` and `oServiceLevel`, at each
// decision), and, from a notification-stream source (stream-source.ts), the live picture of each queue and agent.
// Any other source (a data warehouse) plugs in through the same interface.
import type { GenesysClient } from '../../../client/client.js';
import { aggregateStats, anyOfFilter, combineRows } from '../../../resources/analytics/index.js';
import type { LiveQueue } from './live-picture.js';

/** One queue as an observation source sees it: calls offered and service level per interval of the day so far. */
export interface QueueObservation {
  /** Offered calls per interval, from the day's first interval to the current (partial) one. */
  offered: number[];
  /** Service level per interval (answered within target ÷ offered); null for an interval without calls. */
  serviceLevel: Array<number | null>;
  /** The queue as the notification stream shows it now (calls waiting, the oldest's wait, agents on queue). */
  live?: LiveQueue | undefined;
}

/** Where a decision's observations came from; the decision records it. */
export interface SourceStatus {
  /** `stream`: day-so-far counts from the aggregates query plus the stream's live picture; `aggregates`: the query alone. */
  kind: 'stream' | 'aggregates';
  /** Why a stream source is on the aggregates query alone now (not opened, reconnecting, failed). */
  fallback?: string | undefined;
  /** Topics subscribed, when streaming. */
  topics?: number | undefined;
  /** Notification channels used, when streaming. */
  channels?: number | undefined;
  /** Agents not subscribed (beyond the channel budget): their routing status is read each decision instead. */
  unwatchedAgents?: number | undefined;
  /**
   * The watched agents by presence and routing status, when streaming: `available` (On Queue and idle), `busy` (on
   * a call) and `away` (not On Queue, or NOT_RESPONDING / OFF_QUEUE); agents the stream has no word on are left out.
   */
  agents?: { available: number; busy: number; away: number } | undefined;
}

/** What a decision asks its observation source for: the day so far on the policy's interval grid, for the watched queues. */
export interface ObservationRequest {
  /** Start of the day's first interval. */
  from: Date;
  /** Now (the current interval is partial). */
  to: Date;
  /** Interval length in minutes (the policy's). */
  intervalMinutes: 15 | 30 | 60;
  /** The watched queues. */
  queueIds: readonly string[];
  /** Aborts the read (the autopilot passes its `options.signal`). */
  signal?: AbortSignal | undefined;
}

/** What the autopilot reads each decision. Only `read` is required; a live source implements the rest. */
export interface ObservationSource {
  /** The day so far per queue id, for one decision. */
  read(request: ObservationRequest): Promise<Record<string, QueueObservation>>;
  /** Starts watching the queues and agents in scope (a stream source subscribes). Called once, before the first decision. */
  start?(scope: {
    queueIds: readonly string[];
    userIds: readonly string[];
    signal?: AbortSignal | undefined;
  }): Promise<void>;
  /** Where the next read comes from. Default `{ kind: 'aggregates' }`. */
  status?(): SourceStatus;
  /** A queue's live picture now, between decisions (the early trigger); undefined when there is none. */
  live?(queueId: string): LiveQueue | undefined;
  /**
   * Who is on queue now by the live picture, given the members' routing status read this decision (`read`): the
   * source seeds itself from it after (re)connecting and answers from its presence events after that.
   */
  onQueue?(userIds: readonly string[], read: ReadonlySet<string>): Set<string>;
  /** Stops watching. */
  close?(): Promise<void>;
}

const GRANULARITY = { 15: 'PT15M', 30: 'PT30M', 60: 'PT1H' } as const;

/**
 * The analytics API, once per decision, every media type of a queue together (the day's forecast counts them all):
 * the whole intervals so far in one query bucketed by the policy's interval, and the current interval in a second
 * query without granularity that ends at `to`. Ending there keeps calls that arrive while the read is under way out
 * of the count, which the decision divides by the share of the interval elapsed at `to`; a bucketed query ending
 * inside a bucket is left alone because the platform does not document a short last bucket.
 */
export function analyticsSource(client: GenesysClient): ObservationSource {
  return {
    async read({ from, to, intervalMinutes, queueIds, signal }) {
      const len = intervalMinutes * 60_000;
      const span = Math.max(0, to.getTime() - from.getTime());
      const whole = Math.floor(span / len);
      const count = Math.max(1, Math.ceil(span / len));
      const out: Record<string, QueueObservation> = {};
      for (const id of queueIds)
        out[id] = { offered: new Array<number>(count).fill(0), serviceLevel: new Array(count).fill(null) };
      const current = new Date(from.getTime() + whole * len);
      const queries = [
        ...(whole > 0 ? [{ from, to: current, granularity: GRANULARITY[intervalMinutes] }] : []),
        ...(current < to ? [{ from: current, to }] : []),
      ].map(({ from: start, to: end, granularity }) =>
        client.analytics.aggregates.query(
          {
            interval: { from: start, to: end },
            ...(granularity ? { granularity } : {}),
            groupBy: ['queueId'],
            metrics: ['nOffered', 'oServiceLevel'],
            filter: anyOfFilter('queueId', [...queueIds]),
          },
          { signal },
        ),
      );
      for (const res of await Promise.all(queries)) fill(out, res, from.getTime(), len, count);
      return out;
    },
  };
}

/** Adds one aggregates answer's rows to the observations, each in the interval its bucket starts in. */
function fill(
  out: Record<string, QueueObservation>,
  res: Parameters<typeof aggregateStats>[0],
  from: number,
  len: number,
  count: number,
): void {
  for (const row of combineRows(aggregateStats(res), 'mediaType')) {
    const q = out[row.group['queueId'] ?? ''];
    const i = Math.floor((Date.parse(row.interval.split('/')[0] ?? '') - from) / len);
    if (!q || !(i >= 0 && i < count)) continue;
    if (row.metric === 'nOffered') q.offered[i] = row.count ?? 0;
    if (row.metric === 'oServiceLevel' && row.ratio !== undefined && (row.denominator ?? 1) > 0)
      q.serviceLevel[i] = row.ratio;
  }
}
