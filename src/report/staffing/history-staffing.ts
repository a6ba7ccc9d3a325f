// staffingFromHistory: required agents per interval for each queue, from the org's own analytics (offered calls
// per interval, handle time) and each queue's service-level target (its call media settings), ready for
// renderReport's staffing curves.
import type { GenesysClient } from '../../client/client.js';
import type { ServiceTarget } from '../../optimizer/routing/types.js';
import type { StaffingReport } from '../types.js';
import { ValidationError } from '../../errors/index.js';
import { staffIntervals } from '../../optimizer/index.js';
import { aggregateStats, anyOfFilter } from '../../resources/analytics/index.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';

/** Interval lengths the aggregate query is asked for, in seconds. */
export const GRANULARITY_SECONDS = { PT15M: 900, PT30M: 1800, PT1H: 3600 } as const;

/** Options of `staffingFromHistory`. */
export interface StaffingFromHistoryOptions {
  /** The window to read (longer than 7 days is split into several queries: see the analytics `maxIntervalDays`). */
  interval: { from: Date; to: Date };
  /** Queue ids; default every queue of the org. */
  queueIds?: readonly string[];
  /** Interval length (default PT30M). */
  granularity?: 'PT15M' | 'PT30M' | 'PT1H';
  /** Share of paid time not on the phones, [0, 1) (default 0). */
  shrinkage?: number;
  /** Mean caller patience in seconds: adds the Erlang A curve. */
  patienceSeconds?: number;
  /** Stops the work: the call rejects and no further request is sent. */
  signal?: AbortSignal;
}

/** What `staffingFromHistory` returns: a staffing curve and the service target of each queue. */
export interface StaffingFromHistoryResult {
  /** One curve per queue with offered calls and a handle time in the window. */
  staffing: StaffingReport[];
  /** Each queue's service-level target (platform default 80 % in 20 s when the queue sets none). */
  targets: Record<string, ServiceTarget>;
  /** Queue names by id. */
  names: Record<string, string>;
}

const StaffingOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<StaffingFromHistoryOptions>({
    interval: true,
    queueIds: z.optional(z.array(z.string())),
    granularity: z.optional(z.enum(['PT15M', 'PT30M', 'PT1H'])),
    shrinkage: true,
    patienceSeconds: true,
    signal: optionalSignal(),
  }))();

/**
 * Reads offered calls per interval and the mean handle time per queue over `interval`, and staffs every
 * interval with `staffIntervals` (Erlang C) at the queue's own target; intervals without calls count as 0.
 * @example
 * const history = await staffingFromHistory(client, { interval: { from, to }, patienceSeconds: 120 });
 * const html = await renderReport({ plan, ...history });
 */
export async function staffingFromHistory(
  client: GenesysClient,
  options: StaffingFromHistoryOptions,
): Promise<StaffingFromHistoryResult> {
  parseOptions('staffingFromHistory', StaffingOptionsSchema, options);
  const { interval, signal } = options;
  const granularity = options.granularity ?? 'PT30M';
  const step = STEP_SECONDS[granularity];
  if (!step)
    throw new ValidationError('staffingFromHistory', [
      { path: 'granularity', message: 'expected PT15M, PT30M or PT1H' },
    ]);
  const all = await client.routing.queues.list({ pageSize: 100, signal }).toArray({ max: 10_000, ifMore: 'throw' });
  const queues = options.queueIds ? all.filter((q) => options.queueIds!.includes(q.id)) : all;
  const names = Object.fromEntries(queues.map((q) => [q.id, q.name]));
  const targets: Record<string, ServiceTarget> = {};
  for (const q of queues) {
    const sl = q.mediaSettings?.['call']?.serviceLevel;
    targets[q.id] = {
      serviceLevel: sl?.percentage ?? 0.8,
      withinSeconds: sl?.durationMs !== undefined ? sl.durationMs / 1000 : 20,
    };
  }
  if (queues.length === 0) return { staffing: [], targets, names };
  const res = await client.analytics.aggregates.query(
    {
      interval,
      granularity,
      groupBy: ['queueId'],
      metrics: ['nOffered', 'tHandle'],
      filter: anyOfFilter(
        'queueId',
        queues.map((q) => q.id),
      ),
    },
    { signal },
  );
  const perQueue = callsAndHandle(res);
  const starts: number[] = [];
  for (let t = interval.from.getTime(); t < interval.to.getTime(); t += step * 1000) starts.push(t);
  const label = labeller();
  const staffing: StaffingReport[] = [];
  for (const q of queues) {
    const h = perQueue.get(q.id);
    if (!h || h.handled === 0) continue;
    const ahtSeconds = h.handleMs / h.handled / 1000;
    const target = targets[q.id]!;
    const serviceLevel = Math.min(0.9999, Math.max(0.0001, target.serviceLevel));
    const staffingTargets = {
      serviceLevel,
      targetSeconds: target.withinSeconds,
      ...(options.shrinkage ? { shrinkage: options.shrinkage } : {}),
    };
    const rows = staffIntervals(
      starts.map((t) => ({ id: label(t), calls: h.calls.get(t) ?? 0, intervalSeconds: step, ahtSeconds })),
      staffingTargets,
    ).map((r, i) => ({ ...r, calls: h.calls.get(starts[i]!) ?? 0 }));
    staffing.push({
      name: q.name,
      queueId: q.id,
      timeZone: 'UTC',
      rows,
      targets: staffingTargets,
      ahtSeconds,
      ...(options.patienceSeconds ? { patienceSeconds: options.patienceSeconds } : {}),
    });
  }
  return { staffing, targets, names };
}

// Static: the client (in the root entry) loads analytics anyway; a dynamic import would split it into its own file.

// A copy checked against the shell's table: importing its value would split history-staffing.ts out of the root chunk.
const STEP_SECONDS: typeof GRANULARITY_SECONDS = { PT15M: 900, PT30M: 1800, PT1H: 3600 };

/** "2026-11-08 08:30" (UTC: the analytics intervals are UTC; the curve names its zone). */
function labeller(): (t: number) => string {
  return (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}

type QueueCalls = { calls: Map<number, number>; handleMs: number; handled: number };

/** Per queue: offered calls by interval start, and handle time over the window. */
function callsAndHandle(res: Parameters<typeof aggregateStats>[0]): Map<string, QueueCalls> {
  const perQueue = new Map<string, QueueCalls>();
  for (const row of aggregateStats(res)) {
    const id = row.group['queueId'];
    if (!id) continue;
    const q = perQueue.get(id) ?? { calls: new Map(), handleMs: 0, handled: 0 };
    perQueue.set(id, q);
    if (row.metric === 'nOffered') {
      const start = Date.parse(row.interval.split('/')[0] ?? '');
      q.calls.set(start, (q.calls.get(start) ?? 0) + (row.count ?? row.sum ?? 0));
    } else if (row.metric === 'tHandle') {
      q.handleMs += row.sum ?? 0;
      q.handled += row.count ?? 0;
    }
  }
  return perQueue;
}
