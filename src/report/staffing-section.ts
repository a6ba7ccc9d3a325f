// Required agents per interval: one uPlot chart per curve (canvas, drawn by the page's script from inline
// data) with the numbers in a table behind it.
import { esc, missing, num, pct, table } from './html.js';
import type { StaffingView } from './staffing.js';

export function staffingSection(views: readonly StaffingView[]): string {
  const title = '<h2 id="staffing">Required agents per interval</h2>';
  if (views.length === 0) return `<section>${title}${missing('No staffing rows in the inputs: pass staffing (staffIntervals rows) to draw the curves.')}</section>`;
  return `<section>${title}<p class="legend">Solid blue: agents on the phones by Erlang C. Dashed orange: by Erlang A (callers abandon). Open a table for the numbers.</p><div class="staffing-grid">${views.map(chart).join('')}</div></section>`;
}

function chart(v: StaffingView, i: number): string {
  if (v.labels.length === 0) return `<figure class="staffing"><figcaption><b>${esc(v.name)}</b></figcaption>${missing('No rows: nothing to draw.')}</figure>`;
  const head = ['Interval', 'Calls', 'Erlangs', 'Agents (Erlang C)', 'Scheduled', 'Service level', 'Occupancy', 'Agents (Erlang A)'];
  const body = v.labels.map((label, k) => [
    esc(label),
    num(v.calls[k]),
    num(v.traffic[k], 2),
    num(v.erlangC[k], 0),
    num(v.scheduled[k], 0),
    pct(v.serviceLevel[k]),
    pct(v.occupancy[k]),
    v.erlangA ? num(v.erlangA[k], 0) : '–',
  ]);
  return `<figure class="staffing"><figcaption><b>${esc(v.name)}</b>: ${esc(v.targetText)}</figcaption>
${v.erlangANote ? missing(v.erlangANote) : ''}<div class="chart" data-series="${i}" role="img" aria-label="Required agents per interval for ${esc(v.name)}; the table below has the numbers"></div>
<details><summary>Table: ${esc(v.name)}</summary>${table(`Required agents per interval, ${v.name}`, head, body, ' class="data"')}</details></figure>`;
}

/** The data the page's script draws from (labels and series only). */
export function chartData(views: readonly StaffingView[]): { name: string; labels: string[]; erlangC: number[]; erlangA: (number | null)[] | null }[] {
  return views.map((v) => ({ name: v.name, labels: v.labels, erlangC: v.erlangC, erlangA: v.erlangA }));
}
