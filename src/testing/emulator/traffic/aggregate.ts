// Conversation aggregates (ConversationAggregateQueryResponse) from the facts of synthetic conversations:
// group by the requested dimensions (mediaType is always part of a group, as on the platform), bucket by
// granularity, and summarise each metric as the platform's StatisticalSummary (durations in ms).
import type { SyntheticConversation } from './synthetic/generate.js';
import { factsOf, type Fact } from './synthetic/facts.js';
import type { Test } from './query/filters.js';
import type { TimeQuery } from './query/request.js';
import { bucketIndex, formatInterval } from './query/time.js';

export interface ViewDef {
  target: string;
  name: string;
  range: { gt?: number; gte?: number; lt?: number; lte?: number };
}

export interface AggregateQuery {
  time: TimeQuery;
  groupBy: readonly string[];
  metrics: readonly string[];
  filter: Test;
  views: readonly ViewDef[];
}

interface Acc {
  count: number;
  sum: number;
  min: number;
  max: number;
  within: number;
  target: number | undefined;
}

interface GroupAcc {
  group: Record<string, string>;
  buckets: Map<number, { metrics: Map<string, Acc>; views: Map<string, number> }>;
}

const newAcc = (): Acc => ({ count: 0, sum: 0, min: Infinity, max: -Infinity, within: 0, target: undefined });

function inRange(v: number, r: ViewDef['range']): boolean {
  return (
    (r.gt === undefined || v > r.gt) &&
    (r.gte === undefined || v >= r.gte) &&
    (r.lt === undefined || v < r.lt) &&
    (r.lte === undefined || v <= r.lte)
  );
}

function groupOf(fact: Fact, groupBy: readonly string[]): Record<string, string> {
  const group: Record<string, string> = {};
  for (const d of groupBy) {
    const v = fact.dims[d];
    if (v !== undefined) group[d] = v;
  }
  group['mediaType'] ??= fact.dims['mediaType'] as string;
  return group;
}

/**
 * `visibleAt`: count only metrics emitted by then (the live emulator passes conversations still in progress);
 * default: every metric of the conversations given.
 */
export function aggregateConversations(
  conversations: readonly SyntheticConversation[],
  q: AggregateQuery,
  visibleAt = Infinity,
): { results?: unknown[] } {
  const { buckets, interval } = q.time;
  const wanted = new Set(q.metrics);
  const groups = new Map<string, GroupAcc>();
  for (const c of conversations) {
    const b = bucketIndex(buckets, interval.to, c.start);
    if (b < 0) continue;
    for (const fact of factsOf(c)) {
      if (!q.filter(fact.dims)) continue;
      const group = groupOf(fact, q.groupBy);
      const key = JSON.stringify(Object.entries(group).sort(([a], [z]) => a.localeCompare(z)));
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { group, buckets: new Map() }));
      let bucket = g.buckets.get(b);
      if (!bucket) g.buckets.set(b, (bucket = { metrics: new Map(), views: new Map() }));
      add(bucket, fact, wanted, q.views, visibleAt);
    }
  }
  const results = [...groups.entries()]
    .sort(([a], [z]) => a.localeCompare(z))
    .map(([, g]) => ({
      group: g.group,
      data: [...g.buckets.entries()]
        .sort(([a], [z]) => a - z)
        .map(([b, bucket]) => ({
          interval: formatInterval(buckets[b] as number, Math.min(buckets[b + 1] ?? interval.to, interval.to)),
          metrics: q.metrics.flatMap((m) => {
            const acc = bucket.metrics.get(m);
            return acc ? [{ metric: m, stats: statsOf(m, acc) }] : [];
          }),
          ...(bucket.views.size > 0
            ? { views: [...bucket.views].map(([name, count]) => ({ name, stats: { count } })) }
            : {}),
        }))
        .filter((d) => d.metrics.length > 0 || d.views !== undefined),
    }))
    .filter((r) => r.data.length > 0);
  return results.length > 0 ? { results } : {};
}

function add(
  bucket: { metrics: Map<string, Acc>; views: Map<string, number> },
  fact: Fact,
  wanted: ReadonlySet<string>,
  views: readonly ViewDef[],
  visibleAt: number,
): void {
  const acc = (m: string) => {
    let a = bucket.metrics.get(m);
    if (!a) bucket.metrics.set(m, (a = newAcc()));
    return a;
  };
  for (const { name, value, emitDate } of fact.metrics) {
    if (emitDate > visibleAt) continue;
    if (wanted.has(name)) {
      const a = acc(name);
      if (name.startsWith('n')) a.count += value;
      else {
        a.count += 1;
        a.sum += value;
        a.min = Math.min(a.min, value);
        a.max = Math.max(a.max, value);
      }
    }
    for (const v of views)
      if (v.target === name && inRange(value, v.range)) bucket.views.set(v.name, (bucket.views.get(v.name) ?? 0) + 1);
  }
  if (fact.serviceLevel && fact.serviceLevel.emitDate <= visibleAt && wanted.has('oServiceLevel')) {
    const a = acc('oServiceLevel');
    a.count += 1;
    a.within += fact.serviceLevel.within ? 1 : 0;
    // Mixed targets (several queues in one group) have no single target.
    a.target = a.count === 1 || a.target === fact.serviceLevel.target ? fact.serviceLevel.target : Number.NaN;
  }
}

function statsOf(metric: string, a: Acc): Record<string, number> {
  if (metric === 'oServiceLevel') {
    return {
      ratio: a.within / a.count,
      numerator: a.within,
      denominator: a.count,
      ...(Number.isNaN(a.target ?? Number.NaN) ? {} : { target: a.target as number }),
    };
  }
  if (metric.startsWith('n')) return { count: a.count };
  return { max: a.max, min: a.min, count: a.count, sum: a.sum };
}
