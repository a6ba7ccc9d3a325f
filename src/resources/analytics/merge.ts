// Merging the answers of a split query back into one response: the same group -> its buckets concatenated
// in time order. When the caller asked for no granularity (one bucket for the whole interval), the
// per-window buckets of a group are combined into one (counts and sums added, min/max kept, ratio
// recomputed from numerator/denominator; percentiles cannot be combined and are dropped).
import type {
  AggregateDataContainer,
  AggregateMetricData,
  ConversationAggregateQueryResponse,
  QueueObservationQueryResponse,
  StatisticalResponse,
  StatisticalSummary,
} from '../schemas/analytics.js';
import { intervalStart } from './time.js';

/** Stable key of a group object (dimension order does not matter). */
export function groupKey(group: Record<string, string> | undefined): string {
  return JSON.stringify(Object.entries(group ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

export function mergeAggregateResponses(
  responses: readonly ConversationAggregateQueryResponse[],
  combineInto?: string,
): ConversationAggregateQueryResponse {
  const groups = new Map<string, AggregateDataContainer & { data: StatisticalResponse[] }>();
  for (const response of responses) {
    for (const result of response.results ?? []) {
      const key = groupKey(result.group);
      const existing = groups.get(key);
      if (existing) existing.data.push(...(result.data ?? []));
      else groups.set(key, { ...result, data: [...(result.data ?? [])] });
    }
  }
  const results = [...groups.values()].map((g) => {
    const data = g.data.sort((a, b) => intervalStart(a.interval) - intervalStart(b.interval));
    return { ...g, data: combineInto === undefined || data.length <= 1 ? data : [combineBuckets(data, combineInto)] };
  });
  return results.length > 0 ? { results } : {};
}

function combineBuckets(buckets: readonly StatisticalResponse[], interval: string): StatisticalResponse {
  const metrics = new Map<string, AggregateMetricData>();
  const views = new Map<string, { name: string; stats?: StatisticalSummary }>();
  for (const bucket of buckets) {
    for (const m of bucket.metrics ?? []) {
      const key = `${m.metric}\u0000${m.qualifier ?? ''}`;
      const prev = metrics.get(key);
      metrics.set(key, prev ? { ...prev, stats: combineStats(prev.stats, m.stats) } : m);
    }
    for (const v of bucket.views ?? []) {
      const prev = views.get(v.name);
      views.set(v.name, prev ? { ...prev, stats: combineStats(prev.stats, v.stats) } : v);
    }
  }
  return { interval, metrics: [...metrics.values()], ...(views.size > 0 ? { views: [...views.values()] } : {}) };
}

const add = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : a + b);
const pick = (f: (x: number, y: number) => number, a: number | undefined, b: number | undefined) =>
  a === undefined ? b : b === undefined ? a : f(a, b);

/** Combines two summaries of disjoint time windows. */
export function combineStats(
  a: StatisticalSummary | undefined,
  b: StatisticalSummary | undefined,
): StatisticalSummary | undefined {
  if (!a || !b) return a ?? b;
  const out: StatisticalSummary = {};
  const set = (key: keyof StatisticalSummary, value: number | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set('count', add(a.count, b.count));
  set('countNegative', add(a.countNegative, b.countNegative));
  set('countPositive', add(a.countPositive, b.countPositive));
  set('sum', add(a.sum, b.sum));
  set('min', pick(Math.min, a.min, b.min));
  set('max', pick(Math.max, a.max, b.max));
  set('numerator', add(a.numerator, b.numerator));
  set('denominator', add(a.denominator, b.denominator));
  if (out.numerator !== undefined && out.denominator) out.ratio = out.numerator / out.denominator;
  if (a.target !== undefined && a.target === b.target) out.target = a.target;
  // `current` is a point-in-time value: the later window's is the current one.
  set('current', b.current ?? a.current);
  return out;
}

/** Observation answers of several queue chunks: results concatenated, presence mappings united. */
export function mergeObservationResponses(
  responses: readonly QueueObservationQueryResponse[],
): QueueObservationQueryResponse {
  const mappings: Record<string, string[]> = {};
  for (const r of responses) {
    for (const [system, ids] of Object.entries(r.systemToOrganizationMappings ?? {})) {
      mappings[system] = [...new Set([...(mappings[system] ?? []), ...ids])];
    }
  }
  const results = responses.flatMap((r) => r.results ?? []);
  return {
    ...(Object.keys(mappings).length > 0 ? { systemToOrganizationMappings: mappings } : {}),
    results,
  };
}
