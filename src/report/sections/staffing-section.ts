// Required agents per interval: one uPlot chart per curve (canvas, drawn by the page's script from inline
// data) beside the agents available, with a static legend (no hover placeholders) and the numbers in a table.
import { esc, missing, num, pct, table } from '../html.js';
import type { StaffingView } from '../staffing/staffing.js';

/** Line styles, shared with the page script's series (same order: Erlang C, Erlang A, then available lines). */
export const SERIES_STYLE = {
  erlangC: { stroke: '#1f5fbf', dash: [] as number[] },
  erlangA: { stroke: '#c2410c', dash: [6, 4] },
  available: [
    { stroke: '#15803d', dash: [2, 3] },
    { stroke: '#6d28d9', dash: [] as number[] },
    { stroke: '#57606a', dash: [8, 3, 2, 3] },
  ],
};

export function staffingSection(views: readonly StaffingView[]): string {
  let shown = views;
  const title = '<h2 id="staffing">Required agents per interval, and the agents available</h2>';
  if (views.length === 0)
    return `<section>${title}${missing('No staffing rows in the inputs: pass staffing (staffIntervals rows) to draw the curves.')}</section>`;
  // A note every curve shares (e.g. no caller patience for Erlang A) is said once, not under every chart.
  const notes = new Set(views.map((v) => v.erlangANote));
  const shared = notes.size === 1 && views[0]!.erlangANote ? views[0]!.erlangANote : undefined;
  if (shared) shown = views.map((v) => ({ ...v, erlangANote: undefined }));
  return `<section>${title}${shared ? `<p class="legend">${esc(shared)}</p>` : ''}<p class="legend">Required: agents on the phones needed to meet the target in each interval (Erlang C; Erlang A when callers abandon). Available lines, where given, are drawn beside them: agents holding the queue's skill can also be busy on their other queues. Open a table for the numbers.</p><div class="staffing-grid">${shown.map(chart).join('')}</div></section>`;
}

function swatch(stroke: string, dash: readonly number[], text: string): string {
  const style = `border-top:3px ${dash.length === 0 ? 'solid' : dash[0]! <= 2 ? 'dotted' : 'dashed'} ${stroke}`;
  return `<span class="key"><span class="swatch" style="${style}"></span>${esc(text)}</span>`;
}

function legend(v: StaffingView): string {
  const keys = [swatch(SERIES_STYLE.erlangC.stroke, SERIES_STYLE.erlangC.dash, 'required (Erlang C)')];
  if (v.erlangA) keys.push(swatch(SERIES_STYLE.erlangA.stroke, SERIES_STYLE.erlangA.dash, 'required (Erlang A)'));
  v.available.forEach((a, k) => {
    const style = SERIES_STYLE.available[k % SERIES_STYLE.available.length]!;
    keys.push(swatch(style.stroke, style.dash, a.label));
  });
  return `<p class="keys">${keys.join('')}</p>`;
}

function chart(v: StaffingView, i: number): string {
  if (v.labels.length === 0)
    return `<figure class="staffing"><figcaption><b>${esc(v.name)}</b></figcaption>${missing('No rows: nothing to draw.')}</figure>`;
  const head = [
    `Interval (${v.axisLabel})`,
    'Calls',
    'Erlangs',
    'Agents (Erlang C)',
    'Scheduled',
    'Service level',
    'Occupancy',
    'Agents (Erlang A)',
    ...v.available.map((a) => a.label),
  ];
  const body = v.labels.map((label, k) => [
    esc(label),
    num(v.calls[k]),
    num(v.traffic[k], 2),
    num(v.erlangC[k], 0),
    num(v.scheduled[k], 0),
    pct(v.serviceLevel[k]),
    pct(v.occupancy[k]),
    v.erlangA ? num(v.erlangA[k], 0) : '–',
    ...v.available.map((a) => num(a.values[k], 0)),
  ]);
  return `<figure class="staffing"><figcaption><b>${esc(v.name)}</b>: ${esc(v.targetText)}</figcaption>
${v.erlangANote ? missing(v.erlangANote) : ''}${legend(v)}<div class="chart" data-series="${i}" role="img" aria-label="Required and available agents per interval for ${esc(v.name)}; the table below has the numbers"></div>
<details data-print="closed"><summary>Table: ${esc(v.name)}</summary>${table(`Required agents per interval, ${v.name}`, head, body, ' class="data"')}</details></figure>`;
}

/** The data the page's script draws from (labels and series only). */
export function chartData(views: readonly StaffingView[]): {
  name: string;
  labels: string[];
  ticks: string[];
  axisLabel: string;
  erlangC: number[];
  erlangA: (number | null)[] | null;
  available: { label: string; values: (number | null)[] }[];
}[] {
  return views.map((v) => ({
    name: v.name,
    labels: v.labels,
    ticks: v.ticks,
    axisLabel: v.axisLabel,
    erlangC: v.erlangC,
    erlangA: v.erlangA,
    available: v.available,
  }));
}
