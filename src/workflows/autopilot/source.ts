// Where the autopilot sees the day as it happens: offered calls and service level per queue per interval, from
// the start of the day to now. The default source asks the conversation aggregates query (`nOffered`,
// `oServiceLevel`) each decision; any other source (a notification-stream consumer, a data warehouse) plugs in
// through the same interface.
import type { GenesysClient } from '../../client.js';
import { aggregateStats, anyOfFilter } from '../../resources/analytics/index.js';

export interface QueueObservation {
  /** Offered calls per interval, from the day's first interval to the current (partial) one. */
  offered: number[];
  /** Service level per interval (answered within target ÷ offered); null for an interval without calls. */
  serviceLevel: Array<number | null>;
}

export interface ObservationRequest {
  /** Start of the day's first interval. */
  from: Date;
  /** Now (the current interval is partial). */
  to: Date;
  intervalMinutes: 15 | 30 | 60;
  queueIds: readonly string[];
  signal?: AbortSignal | undefined;
}

/** What the autopilot reads each decision. */
export interface ObservationSource {
  read(request: ObservationRequest): Promise<Record<string, QueueObservation>>;
}

const GRANULARITY = { 15: 'PT15M', 30: 'PT30M', 60: 'PT1H' } as const;

/** The analytics API: one conversation aggregates query per decision, bucketed by the policy's interval. */
export function analyticsSource(client: GenesysClient): ObservationSource {
  return {
    async read({ from, to, intervalMinutes, queueIds, signal }) {
      const len = intervalMinutes * 60_000;
      const count = Math.max(1, Math.ceil((to.getTime() - from.getTime()) / len));
      const out: Record<string, QueueObservation> = {};
      for (const id of queueIds)
        out[id] = { offered: new Array<number>(count).fill(0), serviceLevel: new Array(count).fill(null) };
      const res = await client.analytics.aggregates.query(
        {
          interval: { from, to: new Date(from.getTime() + count * len) },
          granularity: GRANULARITY[intervalMinutes],
          groupBy: ['queueId'],
          metrics: ['nOffered', 'oServiceLevel'],
          filter: anyOfFilter('queueId', [...queueIds]),
        },
        { signal },
      );
      for (const row of aggregateStats(res)) {
        const q = out[row.group['queueId'] ?? ''];
        const i = Math.floor((Date.parse(row.interval.split('/')[0] ?? '') - from.getTime()) / len);
        if (!q || !(i >= 0 && i < count)) continue;
        if (row.metric === 'nOffered') q.offered[i] = row.count ?? 0;
        if (row.metric === 'oServiceLevel' && row.ratio !== undefined && (row.denominator ?? 1) > 0)
          q.serviceLevel[i] = row.ratio;
      }
      return out;
    },
  };
}
