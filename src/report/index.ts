// renderReport: a self-contained HTML page of a plan, an optimization result and staffing curves.
// The renderer and the inlined charting library load on first call, so importing the SDK stays cheap.
import type { ReportInput } from './types.js';

export type { AvailableSeries, ReportInput, StaffingReport, StaffingRow } from './types.js';

/**
 * Renders one self-contained HTML file (scripts, styles and data inline; no network; print styles) showing
 * per queue the service level now -> after against its target, occupancy and agents; required agents per
 * interval (Erlang C and Erlang A); the skill matrix before -> after as a heat map; the filterable change list;
 * and a header with the org, plan id, time window and the model's assumptions. Missing parts are named, never
 * fatal. Every name is escaped.
 * @example
 * const plan = await planRoutingOptimization(client, { days: 7 });
 * await writeFile('report.html', await renderReport({ plan }));
 * @throws {ValidationError} when `input` is not an object or a part has the wrong shape (naming the field).
 */
export async function renderReport(input: ReportInput): Promise<string> {
  const { renderReportHtml } = await import('./render.js');
  return renderReportHtml(input);
}
export { staffingFromHistory, type StaffingFromHistoryOptions, type StaffingFromHistoryResult } from './history-staffing.js';
