// What the CLI's --report FILE.html does: render the report for a plan (adding a day of staffing curves from
// the org's analytics when the plan names its window) and write it.
import { writeFile } from 'node:fs/promises';
import type { GenesysClient } from '../client/client.js';
import type { Plan } from '../workflows/plan.js';
import { renderReport } from './index.js';
import { plannedHorizon } from './staffing/plan-staffing.js';
import { formatTime } from './time.js';
import type { ReportInput } from './types.js';

/** `--report FILE.html` of relevel, recommend and optimize: the plan's report, path and size on stderr. */
export async function writePlanReport(
  client: GenesysClient,
  plan: Plan,
  file: string,
  patienceSeconds?: number,
): Promise<void> {
  const bytes = await writeReport(file, await planReportInput(client, plan, { patienceSeconds }));
  console.error(`report written to ${file} (${Math.round(bytes / 1024)} KB)`);
}

/** Renders `input` to `file`; returns the bytes written. */
export async function writeReport(file: string, input: ReportInput): Promise<number> {
  const html = await renderReport(input);
  await writeFile(file, html);
  return Buffer.byteLength(html);
}

/**
 * The report of a plan computed from the org: the plan, the org's name and the queues' divisions, plus required
 * agents per interval over the last day of its window for the queues it measures (beside the agents holding
 * each queue's skill, for an optimization plan). Staffing that cannot be read is named in the report, not fatal.
 */
export async function planReportInput(
  client: GenesysClient,
  plan: Plan,
  options: { patienceSeconds?: number | undefined; signal?: AbortSignal } = {},
): Promise<ReportInput> {
  const queueIds = plan.impact.map((q) => q.queueId);
  const [staffing, context] = await Promise.all([
    staffingInput(client, plan, queueIds, options),
    reportContext(client, queueIds, options),
  ]);
  const title = (plan as { optimization?: unknown }).optimization
    ? 'Routing optimization review'
    : 'Routing plan review';
  return { plan, title, ...context, ...staffing };
}

async function staffingInput(
  client: GenesysClient,
  plan: Plan,
  queueIds: string[],
  options: { patienceSeconds?: number | undefined; signal?: AbortSignal },
): Promise<Partial<ReportInput>> {
  // A plan of a day draws its own curves (renderReport): the demand it was optimized for and the agents on queue.
  const horizon = plannedHorizon({ plan });
  if (horizon)
    return {
      assumptions: [
        `Staffing curves: the planned day (${formatTime(horizon.start)}, intervals of ${horizon.intervalSeconds / 60} minutes): the offered calls the optimizer planned for, staffed by Erlang C at each queue's target, beside the agents on queue holding the queue's skill (their on-queue share per interval) now and after the changes.`,
      ],
    };
  const window = parseWindow(plan.inputs?.['interval']);
  if (!window) return { assumptions: ['Staffing curves not drawn: the plan names no time window.'] };
  const day = { from: new Date(Math.max(window.from.getTime(), window.to.getTime() - 86_400_000)), to: window.to };
  try {
    const { staffingFromHistory } = await import('./staffing/history-staffing.js');
    const history = await staffingFromHistory(client, {
      interval: day,
      ...(queueIds.length > 0 ? { queueIds } : {}),
      patienceSeconds: options.patienceSeconds,
      signal: options.signal,
    });
    return {
      ...history,
      assumptions: [
        `Staffing curves: offered calls per 30 minutes from ${formatTime(day.from)} to ${formatTime(day.to)} and each queue's mean handle time over that day.`,
      ],
    };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return {
      assumptions: [`Staffing curves not drawn: reading the interval history failed (${(error as Error).message}).`],
    };
  }
}

function parseWindow(value: unknown): { from: Date; to: Date } | undefined {
  if (typeof value !== 'string') return undefined;
  const [from, to] = value.split('/').map((s) => new Date(s));
  return from && to && Number.isFinite(from.getTime()) && Number.isFinite(to.getTime()) && to > from
    ? { from, to }
    : undefined;
}

/**
 * The org's name and the divisions of the report's queues, for the header (a reviewer knows the org by name,
 * not by its API address). What cannot be read is left out, never fatal.
 */
export async function reportContext(
  client: GenesysClient,
  queueIds: readonly string[] = [],
  options: { signal?: AbortSignal } = {},
): Promise<{ org?: string; division?: string }> {
  const out: { org?: string; division?: string } = {};
  const [org, queues] = await Promise.allSettled([
    client.routing.users.currentOrg({ signal: options.signal }),
    client.routing.queues.list({ pageSize: 100, signal: options.signal }).toArray({ max: 10_000, ifMore: 'throw' }),
  ]);
  if (org.status === 'fulfilled' && org.value.name) out.org = org.value.name;
  if (queues.status === 'fulfilled') {
    const wanted = new Set(queueIds);
    const names = new Set(
      queues.value
        .filter((q) => wanted.size === 0 || wanted.has(q.id))
        .map((q) => q.division?.name)
        .filter((n): n is string => typeof n === 'string' && n !== ''),
    );
    if (names.size > 0) out.division = [...names].sort().join(', ');
  }
  return out;
}
