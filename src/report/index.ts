// renderReport: a self-contained HTML page of a plan (an optimization plan first of all), an optimization result
// and staffing curves.
// The renderer and the inlined charting library load on first call, so importing the SDK stays cheap.
import type { ReportInput, StaffingReport } from './types.js';
import { keysOf, rejectUnknownKeys } from '../internal/unknown-keys.js';

export type {
  AutopilotReport,
  AvailableSeries,
  ReportInput,
  ServiceLevelSeries,
  StaffingReport,
  StaffingRow,
} from './types.js';

/**
 * Renders one self-contained HTML file (scripts, styles and data inline; no network; print styles). It opens on a
 * one-screen summary: the number of changes and what they achieve, the optimizer's lower bound, and every queue's
 * target, service level now and after; then the details: per queue the 95 % interval, occupancy, agents and (when
 * the optimizer gives them) the per-interval results; required agents per interval (Erlang C and Erlang A) beside
 * the agents available; every change with its reasons and the skill matrix before -> after (both collapsed). The
 * header names the org and division; every time carries a date and a time zone. Missing parts are named, never
 * fatal. Every name is escaped.
 * @example
 * const plan = await planRoutingOptimization(client, { days: 7, constraints: { maxSkillsPerAgent: 3 } });
 * await writeFile('report.html', await renderReport({ plan, org: 'Acme', division: 'Home' }));
 * @throws {ValidationError} when `input` is not an object or a part has the wrong shape (naming the field).
 */
export async function renderReport(input: ReportInput): Promise<string> {
  checkKeys(input);
  const { renderReportHtml } = await import('./render.js');
  return renderReportHtml(input);
}
export {
  staffingFromHistory,
  type StaffingFromHistoryOptions,
  type StaffingFromHistoryResult,
} from './staffing/history-staffing.js';

const INPUT_KEYS = keysOf<ReportInput>({
  plan: true,
  optimization: true,
  staffing: true,
  title: true,
  org: true,
  division: true,
  horizon: true,
  timeZone: true,
  window: true,
  names: true,
  targets: true,
  assumptions: true,
  generatedAt: true,
  autopilot: true,
});
const STAFFING_KEYS = keysOf<StaffingReport>({
  name: true,
  rows: true,
  targets: true,
  ahtSeconds: true,
  patienceSeconds: true,
  queueId: true,
  available: true,
  timeZone: true,
});

/** The input's own keys and its staffing curves' keys (the parts the caller writes by hand); shapes are checked on render. */
function checkKeys(input: unknown): void {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return;
  rejectUnknownKeys('renderReport', input, INPUT_KEYS, 'input');
  const staffing = (input as ReportInput).staffing;
  const curves = Array.isArray(staffing) ? staffing : staffing === undefined ? [] : [staffing];
  curves.forEach((curve: unknown, i: number) => {
    if (typeof curve !== 'object' || curve === null) return;
    rejectUnknownKeys(
      'renderReport',
      curve,
      STAFFING_KEYS,
      Array.isArray(staffing) ? `input.staffing[${i}]` : 'input.staffing',
    );
  });
}
