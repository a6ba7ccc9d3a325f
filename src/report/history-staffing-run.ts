// staffingFromHistory's implementation: the documented function in history-staffing.ts loads this module (through
// workflows/run.ts) on first call.
import type { GenesysClient } from '../client.js';
import { ValidationError } from '../errors.js';
// Static: the client (in the root entry) loads analytics anyway; a dynamic import would split it into its own file.
import { aggregateStats, anyOfFilter } from '../resources/analytics/index.js';
import type { ServiceTarget } from '../optimizer/routing/types.js';
import type { GRANULARITY_SECONDS, StaffingFromHistoryOptions, StaffingFromHistoryResult } from './history-staffing.js';
import type { StaffingReport } from './types.js';

// A copy checked against the shell's table: importing its value would split history-staffing.ts out of the root chunk.
const STEP_SECONDS: typeof GRANULARITY_SECONDS = { PT15M: 900, PT30M: 1800, PT1H: 3600 };

export async function staffingFromHistory(client: GenesysClient, options: StaffingFromHistoryOptions): Promise<StaffingFromHistoryResult> {
  const { interval, signal } = options;
  const granularity = options.granularity ?? 'PT30M';
  const step = STEP_SECONDS[granularity];
  if (!step) throw new ValidationError('staffingFromHistory', [{ path: 'granularity', message: 'expected PT15M, PT30M or PT1H' }]);
  const { staffIntervals } = await import('../optimizer/index.js');
  const all = await client.routing.queues.list({ pageSize: 100, signal }).toArray({ max: 10_000 });
  const queues = options.queueIds ? all.filter((q) => options.queueIds!.includes(q.id)) : all;
  const names = Object.fromEntries(queues.map((q) => [q.id, q.name]));
  const targets: Record<string, ServiceTarget> = {};
  for (const q of queues) {
    const sl = q.mediaSettings?.['call']?.serviceLevel;
    targets[q.id] = { serviceLevel: sl?.percentage ?? 0.8, withinSeconds: sl?.durationMs !== undefined ? sl.durationMs / 1000 : 20 };
  }
  if (queues.length === 0) return { staffing: [], targets, names };
  const res = await client.analytics.aggregates.query(
    { interval, granularity, groupBy: ['queueId'], metrics: ['nOffered', 'tHandle'], filter: anyOfFilter('queueId', queues.map((q) => q.id)) },
    { signal },
  );
  const perQueue = new Map<string, { calls: Map<number, number>; handleMs: number; handled: number }>();
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
    const staffingTargets = { serviceLevel, targetSeconds: target.withinSeconds, ...(options.shrinkage ? { shrinkage: options.shrinkage } : {}) };
    const rows = staffIntervals(
      starts.map((t) => ({ id: label(t), calls: h.calls.get(t) ?? 0, intervalSeconds: step, ahtSeconds })),
      staffingTargets,
    ).map((r, i) => ({ ...r, calls: h.calls.get(starts[i]!) ?? 0 }));
    staffing.push({ name: q.name, queueId: q.id, timeZone: 'UTC', rows, targets: staffingTargets, ahtSeconds, ...(options.patienceSeconds ? { patienceSeconds: options.patienceSeconds } : {}) });
  }
  return { staffing, targets, names };
}

/** "2026-11-08 08:30" (UTC: the analytics intervals are UTC; the curve names its zone). */
function labeller(): (t: number) => string {
  return (t) => new Date(t).toISOString().slice(0, 16).replace('T', ' ');
}
