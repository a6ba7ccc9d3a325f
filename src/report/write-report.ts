// What the CLI's --report FILE.html does: render the report for a plan (adding a day of staffing curves from
// the org's analytics when the plan names its window) and write it.
import { writeFile } from 'node:fs/promises';
import type { GenesysClient } from '../client.js';
import type { Plan } from '../workflows/plan.js';
import { renderReport } from './index.js';
import type { ReportInput } from './types.js';

/** `--report FILE.html` of plan, recommend and optimize: the plan's report, path and size on stderr. */
export async function writePlanReport(client: GenesysClient, plan: Plan, file: string, patienceSeconds?: number): Promise<void> {
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
 * The report of a plan computed from the org: the plan, plus required agents per interval over the last day of
 * its window for the queues it measures. Staffing that cannot be read is named in the report, not fatal.
 */
export async function planReportInput(client: GenesysClient, plan: Plan, options: { patienceSeconds?: number | undefined; signal?: AbortSignal } = {}): Promise<ReportInput> {
  const window = parseWindow(plan.inputs?.['interval']);
  if (!window) return { plan, assumptions: ['Staffing curves not drawn: the plan names no time window.'] };
  const day = { from: new Date(Math.max(window.from.getTime(), window.to.getTime() - 86_400_000)), to: window.to };
  const queueIds = plan.impact.map((q) => q.queueId);
  try {
    const { staffingFromHistory } = await import('./history-staffing.js');
    const history = await staffingFromHistory(client, { interval: day, ...(queueIds.length > 0 ? { queueIds } : {}), patienceSeconds: options.patienceSeconds, signal: options.signal });
    return { plan, ...history, assumptions: [`Staffing curves: offered calls per 30 minutes from ${day.from.toISOString()} to ${day.to.toISOString()} (times UTC) and each queue's mean handle time over that day.`] };
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { plan, assumptions: [`Staffing curves not drawn: reading the interval history failed (${(error as Error).message}).`] };
  }
}

function parseWindow(value: unknown): { from: Date; to: Date } | undefined {
  if (typeof value !== 'string') return undefined;
  const [from, to] = value.split('/').map((s) => new Date(s));
  return from && to && Number.isFinite(from.getTime()) && Number.isFinite(to.getTime()) && to > from ? { from, to } : undefined;
}
