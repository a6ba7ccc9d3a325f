// Through the horizon: per queue, one cell per interval, now and after the changes, coloured against the queue's
// target (SVG, no script), with the numbers in a collapsed table. Drawn only when the optimizer's result carries
// per-interval results for more than one interval.
import { esc, num, pct, table } from '../html.js';
import type { QueueView } from '../model.js';

export function intervalSection(queues: readonly QueueView[], label: (index: number) => string): string {
  const withIntervals = queues.filter((q) => (q.intervals?.length ?? 0) > 1);
  if (withIntervals.length === 0) return '';
  const count = Math.max(...withIntervals.map((q) => q.intervals!.length));
  return `<h3 id="intervals">Through the day: service level per interval</h3>
<figure>${strip(withIntervals, count, label)}<figcaption>Per queue, top row now, bottom row after the changes. Green: meets the target; red: below; grey: no calls. From ${esc(label(0))}; the table below has the numbers.</figcaption></figure>
<details data-print="closed"><summary>Table: service level per interval</summary>${withIntervals.map((q) => intervalTable(q, label)).join('')}</details>`;
}

function strip(queues: readonly QueueView[], count: number, label: (index: number) => string): string {
  const [left, cellW, rowH, gap] = [190, Math.max(4, Math.min(16, Math.floor(760 / count))), 9, 8];
  const height = queues.length * (2 * rowH + gap) + 18;
  const width = left + count * cellW + 10;
  // One path per colour and queue (not one element per cell): a day of 15-minute intervals for many queues
  // stays a few kilobytes. The numbers are in the table below.
  const rows = queues.map((q, n) => {
    const y = n * (2 * rowH + gap);
    const paths: Record<string, string[]> = {};
    for (const i of q.intervals!) {
      const x = left + i.index * cellW;
      (paths[cls(i.before, i.offered, q)] ??= []).push(`M${x} ${y}h${cellW - 1}v${rowH - 1}h${1 - cellW}z`);
      (paths[cls(i.after, i.offered, q)] ??= []).push(`M${x} ${y + rowH}h${cellW - 1}v${rowH - 1}h${1 - cellW}z`);
    }
    const cells = Object.entries(paths).map(([c, d]) => `<path class="${c}" d="${d.join('')}"/>`);
    const tip = `${q.name}: ${q.intervals!.filter((i) => cls(i.after, i.offered, q) === 'iv-bad').length} interval(s) below target after, ${q.intervals!.filter((i) => cls(i.before, i.offered, q) === 'iv-bad').length} now`;
    return `<g><title>${esc(tip)}</title><text x="${left - 8}" y="${y + rowH + 4}" text-anchor="end">${esc(q.name.length > 26 ? `${q.name.slice(0, 25)}…` : q.name)}</text>${cells.join('')}</g>`;
  });
  const ticks: string[] = [];
  const every = Math.max(1, Math.ceil(count / 8));
  for (let k = 0; k < count; k += every)
    ticks.push(`<text x="${left + k * cellW}" y="${height - 4}">${esc(shortTime(label(k)))}</text>`);
  return `<svg class="strip" viewBox="0 0 ${width} ${height}" role="img" aria-label="Service level per interval and queue, now and after; the table below has the numbers">${rows.join('')}${ticks.join('')}</svg>`;
}

function cls(sl: number | null, offered: number | null, q: QueueView): string {
  if (!offered || sl === null) return 'iv-none';
  if (!q.target) return 'iv-unknown';
  return sl >= q.target.serviceLevel ? 'iv-ok' : 'iv-bad';
}

/** "2026-11-08 08:30 UTC" -> "08:30" for the axis (the caption carries the date and zone). */
function shortTime(text: string): string {
  const m = /\d{2}:\d{2}/.exec(text);
  return m ? m[0] : text;
}

function intervalTable(q: QueueView, label: (index: number) => string): string {
  const body = q.intervals!.map((i) => [
    esc(label(i.index)),
    num(i.offered, 0),
    pct(i.before),
    pct(i.after),
    pct(i.afterLow),
  ]);
  return table(
    `${q.name}${q.target ? `: target ${pct(q.target.serviceLevel, 0)} in ${q.target.withinSeconds} s` : ''}`,
    ['Interval', 'Calls offered', 'Service level now', 'After', 'After, lower 95 % bound'],
    body,
    ' class="data"',
  );
}
