// User aggregates (tAgentRoutingStatus, tSystemPresence, tOrganizationPresence) from a synthetic timeline per
// agent: the seeded weekly rota of shifts (state/shifts.ts) and the agent's
// handled conversations from the stream. INTERACTING = union of [alert, end of wrap-up] of the agent's legs;
// IDLE = on-queue shift time not interacting; OFF_QUEUE = break time not interacting. Presence follows:
// ON_QUEUE while on queue or interacting, BREAK during the break, OFFLINE otherwise (up to the org clock).
import type { OrgState } from '../state/org.js';
import { shiftsBetween, type Span } from '../state/shifts.js';
import type { Test } from './query/filters.js';
import { MAX_LIFETIME_MS } from './synthetic/generate.js';
import type { TrafficModel } from './synthetic/model.js';
import { presenceDefinitionId } from './observations.js';
import type { TimeQuery } from './query/request.js';
import { conversationsStartedIn } from './synthetic/stream.js';
import { formatInterval } from './query/time.js';

function merge(spans: Span[]): Span[] {
  const sorted = spans.filter(([a, b]) => b > a).sort((x, y) => x[0] - y[0]);
  const out: Array<[number, number]> = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}

/** `merged` (sorted, disjoint) cut to [from, to): a search for the first span, then only the spans inside. */
function within(merged: readonly Span[], from: number, to: number): Span[] {
  let lo = 0;
  for (let hi = merged.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if ((merged[mid] as Span)[1] <= from) lo = mid + 1;
    else hi = mid;
  }
  const out: Span[] = [];
  for (let i = lo; i < merged.length; i++) {
    const [a, b] = merged[i] as Span;
    if (a >= to) break;
    out.push([Math.max(a, from), Math.min(b, to)]);
  }
  return out;
}

const total = (spans: readonly Span[]) => spans.reduce((s, [a, b]) => s + (b - a), 0);

/** |a \ b| for merged span lists. */
function minus(a: readonly Span[], b: readonly Span[]): number {
  let out = total(a);
  for (const [x, y] of a) for (const [p, q] of b) out -= Math.max(0, Math.min(y, q) - Math.max(x, p));
  return out;
}

export interface UserAggregateRequest {
  time: TimeQuery;
  metrics: readonly string[];
  groupByUser: boolean;
  filter: Test;
}

export function aggregateUsers(
  state: OrgState,
  model: TrafficModel,
  req: UserAggregateRequest,
  now: number,
): { results?: unknown[] } {
  const { interval, buckets } = req.time;
  const horizon = Math.min(interval.to, now);
  const users = [...state.users.values()].filter((u) => u.state === 'active' && req.filter({ userId: u.id }));
  const handling = new Map<string, Span[]>();
  if (horizon > interval.from) {
    for (const c of conversationsStartedIn(model, interval.from - MAX_LIFETIME_MS, horizon, now)) {
      for (const leg of c.legs) {
        let spans = handling.get(leg.userId);
        if (!spans) handling.set(leg.userId, (spans = []));
        spans.push([leg.alertStart, leg.disconnect + leg.acwMs]);
      }
    }
  }
  const ends = buckets.map((_, i) => Math.min(buckets[i + 1] ?? interval.to, interval.to));
  const perUser = users.map((u) => {
    const timeline = timelineOf(model.seed, u.id, handling.get(u.id) ?? [], interval.from, horizon);
    return { userId: u.id, buckets: buckets.map((b, i) => userBucket(timeline, b, Math.min(ends[i] as number, now))) };
  });
  const groups = req.groupByUser
    ? perUser
    : [{ userId: undefined, buckets: buckets.map((_, i) => sumBuckets(perUser.map((p) => p.buckets[i] as Totals))) }];
  const labels = buckets.map((b, i) => formatInterval(b, ends[i] as number));
  const results = groups
    .map((g) => ({
      group: g.userId ? { userId: g.userId } : {},
      data: g.buckets
        .map((t, i) => ({
          interval: labels[i],
          metrics: req.metrics.flatMap((m) => metricData(m, t)),
        }))
        .filter((d) => d.metrics.length > 0),
    }))
    .filter((r) => r.data.length > 0);
  return results.length > 0 ? { results } : {};
}

type Totals = Record<'INTERACTING' | 'IDLE' | 'OFF_QUEUE' | 'ON_QUEUE' | 'BREAK' | 'OFFLINE', number>;

/** An agent's handling, on-queue and pause time over [from, to), each merged once (buckets cut from them). */
interface Timeline {
  handling: Span[];
  onQueue: Span[];
  pause: Span[];
}

function timelineOf(seed: number, userId: string, handling: Span[], from: number, to: number): Timeline {
  const shifts = to > from ? shiftsBetween(seed, userId, from, to) : [];
  return {
    handling: merge(handling),
    onQueue: merge(shifts.flatMap((s) => s.onQueue)),
    pause: merge(shifts.map((s) => s.pause)),
  };
}

function userBucket(timeline: Timeline, from: number, end: number): Totals {
  const zero: Totals = { INTERACTING: 0, IDLE: 0, OFF_QUEUE: 0, ON_QUEUE: 0, BREAK: 0, OFFLINE: 0 };
  if (end <= from) return zero;
  const handling = within(timeline.handling, from, end);
  const interacting = total(handling);
  const idle = minus(within(timeline.onQueue, from, end), handling);
  const offQueue = minus(within(timeline.pause, from, end), handling);
  return {
    INTERACTING: interacting,
    IDLE: idle,
    OFF_QUEUE: offQueue,
    ON_QUEUE: interacting + idle,
    BREAK: offQueue,
    OFFLINE: end - from - interacting - idle - offQueue,
  };
}

function sumBuckets(list: readonly Totals[]): Totals {
  const out: Totals = { INTERACTING: 0, IDLE: 0, OFF_QUEUE: 0, ON_QUEUE: 0, BREAK: 0, OFFLINE: 0 };
  for (const t of list) for (const k of Object.keys(out) as Array<keyof Totals>) out[k] += t[k];
  return out;
}

function metricData(metric: string, t: Totals): Array<Record<string, unknown>> {
  const entries = (pairs: Array<[string, number]>) =>
    pairs.filter(([, v]) => v > 0).map(([qualifier, sum]) => ({ metric, qualifier, stats: { sum } }));
  if (metric === 'tAgentRoutingStatus')
    return entries([
      ['OFF_QUEUE', t.OFF_QUEUE],
      ['IDLE', t.IDLE],
      ['INTERACTING', t.INTERACTING],
    ]);
  if (metric === 'tSystemPresence')
    return entries([
      ['ON_QUEUE', t.ON_QUEUE],
      ['BREAK', t.BREAK],
      ['OFFLINE', t.OFFLINE],
    ]);
  return entries([
    [presenceDefinitionId('On Queue'), t.ON_QUEUE],
    [presenceDefinitionId('Break'), t.BREAK],
    [presenceDefinitionId('Offline'), t.OFFLINE],
  ]);
}
