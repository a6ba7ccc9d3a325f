// The queue section: service level now -> after against the target (dot chart, SVG) and the table behind it.
import { esc, missing, num, pct, table } from '../html.js';
import { intervalSection } from './intervals.js';
import type { Measures, QueueView } from '../model.js';

export function queueSection(
  queues: readonly QueueView[],
  source: string,
  intervalLabel: (index: number) => string = (i) => `interval ${i + 1}`,
): string {
  const title = '<h2 id="queues">Queues in detail: service level, occupancy, agents</h2>';
  if (queues.length === 0)
    return `<section>${title}${missing('No queue measures in the inputs: pass a plan with impact or an optimization result.')}</section>`;
  const noTarget = queues.filter((q) => !q.target).length;
  const notes = [
    noTarget > 0
      ? missing(
          `${noTarget} of ${queues.length} queue(s) have no service-level target in the inputs (pass targets by queue id).`,
        )
      : '',
    queues.some((q) => q.after.ci95)
      ? ''
      : missing('No simulation interval in the inputs: the service levels are point estimates.'),
  ].join('');
  const body = queues.map((q) => [
    esc(q.name),
    q.target ? `${pct(q.target.serviceLevel, 0)} in ${esc(q.target.withinSeconds)} s` : '–',
    slCell(q.before),
    slCell(q.after) + verdict(q),
    `${pct(q.before.occupancy)} → ${pct(q.after.occupancy)}`,
    `${num(q.before.agents, 0)} → ${num(q.after.agents, 0)}`,
    `${asa(q.before.asaSeconds)} → ${asa(q.after.asaSeconds)}`,
  ]);
  const tableHtml = table(
    `Per queue, ${source}. Service level: share of offered calls answered within the target time; in brackets the 95 % interval of the simulation.`,
    [
      'Queue',
      'Target',
      'Service level now',
      'After',
      'Occupancy now → after',
      'Agents now → after',
      'ASA s now → after',
    ],
    body,
    ' class="data"',
  );
  return `<section>${title}${notes}<figure>${dotChart(queues)}<figcaption>Grey: now. Blue: after, with its 95 % interval. Dark tick: the target. Table below.</figcaption></figure>${tableHtml}${intervalSection(queues, intervalLabel)}</section>`;
}

function slCell(m: Measures): string {
  const ci = m.ci95 ? ` <span class="ci">[${pct(m.ci95[0])} – ${pct(m.ci95[1])}]</span>` : '';
  return `${pct(m.serviceLevel)}${ci}`;
}

function verdict(q: QueueView): string {
  const sl = q.after.serviceLevel;
  if (!q.target || sl === null) return '';
  const meets = q.meetsTarget ?? sl >= q.target.serviceLevel;
  return meets ? ' <span class="ok">meets target</span>' : ' <span class="bad">below target</span>';
}

/** One row per queue on a shared service-level axis; drawn as SVG so it needs no script. */
function dotChart(queues: readonly QueueView[]): string {
  const values = queues
    .flatMap((q) => [q.before.serviceLevel, q.after.serviceLevel, q.after.ci95?.[0], q.target?.serviceLevel])
    .filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  const lo = Math.max(0, Math.floor((Math.min(1, ...values) - 0.02) * 10) / 10);
  const [left, width, rowH, top] = [190, 520, 24, 24];
  const x = (v: number) => (left + ((Math.min(1, Math.max(lo, v)) - lo) / (1 - lo || 1)) * width).toFixed(1);
  const height = top + queues.length * rowH + 8;
  const ticks: string[] = [];
  for (let v = lo; v <= 1.0001; v += 0.1)
    ticks.push(
      `<line x1="${x(v)}" x2="${x(v)}" y1="${top - 6}" y2="${height - 6}" class="grid"/><text x="${x(v)}" y="${top - 10}" text-anchor="middle">${Math.round(v * 100)}%</text>`,
    );
  const rows = queues.map((q, i) => {
    const y = top + i * rowH + rowH / 2;
    const parts = [`<text x="${left - 8}" y="${y + 4}" text-anchor="end">${esc(truncate(q.name, 26))}</text>`];
    if (q.after.ci95 && drawable(q.after.ci95[0]) && drawable(q.after.ci95[1]))
      parts.push(`<line x1="${x(q.after.ci95[0])}" x2="${x(q.after.ci95[1])}" y1="${y}" y2="${y}" class="ci"/>`);
    if (drawable(q.target?.serviceLevel))
      parts.push(
        `<line x1="${x(q.target!.serviceLevel)}" x2="${x(q.target!.serviceLevel)}" y1="${y - 8}" y2="${y + 8}" class="target"/>`,
      );
    if (drawable(q.before.serviceLevel))
      parts.push(`<circle cx="${x(q.before.serviceLevel)}" cy="${y}" r="5" class="before"/>`);
    if (drawable(q.after.serviceLevel))
      parts.push(`<circle cx="${x(q.after.serviceLevel)}" cy="${y}" r="5" class="after"/>`);
    return `<g><title>${esc(q.name)}: ${pct(q.before.serviceLevel)} → ${pct(q.after.serviceLevel)}</title>${parts.join('')}</g>`;
  });
  return `<svg class="dots" viewBox="0 0 ${left + width + 20} ${height}" role="img" aria-label="Service level now and after per queue; the table below has the numbers">${ticks.join('')}${rows.join('')}</svg>`;
}

/** A finite number (a NaN coordinate is an SVG error in the browser's console). */
function drawable(v: number | null | undefined): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

/** ASA in seconds; past an hour the queue is piling calls up and the mean says only that. */
function asa(x: number | null | undefined): string {
  return typeof x === 'number' && x > 3600 ? 'over 1 h (calls pile up)' : num(x);
}
