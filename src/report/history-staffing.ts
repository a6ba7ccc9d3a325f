// staffingFromHistory: required agents per interval for each queue, from the org's own analytics (offered calls
// per interval, handle time) and each queue's service-level target (its call media settings), ready for
// renderReport's staffing curves. The reading and staffing are in history-staffing-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { ServiceTarget } from '../optimizer/routing/types.js';
import type { StaffingReport } from './types.js';

/** Interval lengths the aggregate query is asked for, in seconds. */
export const GRANULARITY_SECONDS = { PT15M: 900, PT30M: 1800, PT1H: 3600 } as const;

export interface StaffingFromHistoryOptions {
  /** The window to read (longer than 7 days is split into several queries: see the analytics `maxIntervalDays`). */
  interval: { from: Date; to: Date };
  /** Queue ids; default every queue of the org. */
  queueIds?: readonly string[];
  /** Interval length (default PT30M). */
  granularity?: keyof typeof GRANULARITY_SECONDS;
  /** Share of paid time not on the phones, [0, 1) (default 0). */
  shrinkage?: number;
  /** Mean caller patience in seconds: adds the Erlang A curve. */
  patienceSeconds?: number;
  signal?: AbortSignal;
}

export interface StaffingFromHistoryResult {
  /** One curve per queue with offered calls and a handle time in the window. */
  staffing: StaffingReport[];
  /** Each queue's service-level target (platform default 80 % in 20 s when the queue sets none). */
  targets: Record<string, ServiceTarget>;
  /** Queue names by id. */
  names: Record<string, string>;
}

/**
 * Reads offered calls per interval and the mean handle time per queue over `interval`, and staffs every
 * interval with `staffIntervals` (Erlang C) at the queue's own target; intervals without calls count as 0.
 * @example
 * const history = await staffingFromHistory(client, { interval: { from, to }, patienceSeconds: 120 });
 * const html = await renderReport({ plan, ...history });
 */
export async function staffingFromHistory(client: GenesysClient, options: StaffingFromHistoryOptions): Promise<StaffingFromHistoryResult> {
  const run = await import('../workflows/run.js');
  return run.staffingFromHistory(client, options);
}
