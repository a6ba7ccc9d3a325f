// The autopilot timeline: per queue, the service level over the day with the autopilot's changes (what its
// decisions saw, interval by interval) and, when given, without them (the same day replayed, or an estimate),
// against the target, with every change marked. Inline SVG: no script needed, prints as drawn.
import { ValidationError } from '../../errors/index.js';
import { esc, missing, pct, table } from '../html.js';
import { formatClock, formatTime } from '../time.js';
import type { AutopilotReport } from '../types.js';

const W = 760;
const H = 170;
const PAD = { left: 40, right: 10, top: 10, bottom: 24 };

type Point = { t: number; sl: number };

const fail = (path: string, message: string): never => {
  throw new ValidationError('renderReport', [{ path: `autopilot.${path}`, message }]);
};

/** Checks the part of the input this section reads; errors name the field. */
export function checkAutopilot(a: unknown): void {
  if (typeof a !== 'object' || a === null) fail('', 'expected { summary, without? }');
  const s = (a as { summary?: { decisions?: unknown } }).summary;
  if (typeof s !== 'object' || s === null || !Array.isArray(s.decisions))
    fail('summary.decisions', 'expected the decisions of an autopilot summary');
  const without = (a as { without?: unknown }).without;
  if (without !== undefined && (typeof without !== 'object' || without === null))
    fail('without', 'expected { queueId: [{ start, serviceLevel }] }');
}

/** Each queue's service level per interval, as the decisions saw it (the last complete interval at each one). */
function seenByDecisions(a: AutopilotReport): Map<string, Point[]> {
  const { decisions, day } = a.summary;
  const start = Date.parse(day.start);
  const len = day.intervalMinutes * 60_000;
  const out = new Map<string, Map<number, number>>();
  for (const d of decisions)
    for (const q of d.queues) {
      if (q.lastServiceLevel === null || q.interval < 1) continue;
      const series = out.get(q.queueId) ?? new Map<number, number>();
      series.set(start + (q.interval - 1) * len, q.lastServiceLevel);
      out.set(q.queueId, series);
    }
  return new Map([...out].map(([id, m]) => [id, [...m].map(([t, sl]) => ({ t, sl })).sort((x, y) => x.t - y.t)]));
}

function points(list: ReadonlyArray<{ start: string | number | Date; serviceLevel: number | null }> = []): Point[] {
  return list
    .filter((p) => p.serviceLevel !== null && Number.isFinite(p.serviceLevel))
    .map((p) => ({ t: new Date(p.start).getTime(), sl: p.serviceLevel as number }))
    .sort((x, y) => x.t - y.t);
}

function chart(
  name: string,
  withPilot: Point[],
  without: Point[],
  target: number | undefined,
  marks: Array<{ t: number; kind: string; label: string }>,
  span: [number, number],
  zone: string,
): string {
  const [t0, t1] = span;
  const x = (t: number) => PAD.left + ((t - t0) / Math.max(1, t1 - t0)) * (W - PAD.left - PAD.right);
  const y = (sl: number) => PAD.top + (1 - sl) * (H - PAD.top - PAD.bottom);
  const line = (ps: Point[], cls: string) =>
    ps.length === 0
      ? ''
      : `<polyline class="${cls}" fill="none" points="${ps.map((p) => `${x(p.t).toFixed(1)},${y(p.sl).toFixed(1)}`).join(' ')}"/>`;
  const grid = [0, 0.5, 1]
    .map(
      (v) =>
        `<line class="grid" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(v)}" y2="${y(v)}"/><text x="4" y="${y(v) + 4}">${v * 100}%</text>`,
    )
    .join('');
  const ticks = [t0, (t0 + t1) / 2, t1]
    .map((t) => `<text x="${x(t) - 18}" y="${H - 6}">${esc(formatTime(new Date(t), zone).slice(11, 16))}</text>`)
    .join('');
  const targetLine =
    target === undefined
      ? ''
      : `<line class="target" stroke-dasharray="6 4" x1="${PAD.left}" x2="${W - PAD.right}" y1="${y(target)}" y2="${y(target)}"/>`;
  const markLines = marks
    .map(
      (m) =>
        `<line class="mark-${m.kind}" x1="${x(m.t)}" x2="${x(m.t)}" y1="${PAD.top}" y2="${H - PAD.bottom}"><title>${esc(m.label)}</title></line>`,
    )
    .join('');
  return `<figure class="autopilot-queue"><figcaption>${esc(name)}${target === undefined ? '' : ` (target ${pct(target, 0)})`}</figcaption>
<svg class="timeline" viewBox="0 0 ${W} ${H}" role="img" aria-label="${esc(`service level of ${name} over the day`)}">${grid}${ticks}${targetLine}${markLines}${line(without, 'without')}${line(withPilot, 'with')}</svg></figure>`;
}

type Decision = AutopilotReport['summary']['decisions'][number];

/** When a decision's writes began (a busy machine or a long re-plan puts them after its look); else its look. */
function writtenAt(d: Decision): number {
  const at = Date.parse(d.apply?.at ?? '');
  return Number.isFinite(at) ? at : Date.parse(d.at);
}

/** ", written from 11:16:50" for a decision that wrote; empty otherwise. */
function writtenFrom(d: Decision, zone: string): string {
  return d.apply && Number.isFinite(Date.parse(d.apply.at)) ? `, written from ${formatClock(d.apply.at, zone)}` : '';
}

/** The section; `names` turns queue ids into names, `targets` gives each queue's service-level target. */
export function autopilotSection(
  a: AutopilotReport | undefined,
  name: (id: string) => string,
  targets: Readonly<Record<string, number>>,
  zone: string,
): string {
  if (!a) return '';
  const { decisions } = a.summary;
  const seen = seenByDecisions(a);
  const given = new Map(Object.entries(a.with ?? {}).map(([id, list]) => [id, points(list)]));
  const without = new Map(Object.entries(a.without ?? {}).map(([id, list]) => [id, points(list)]));
  const queueIds = [...new Set([...seen.keys(), ...given.keys(), ...without.keys()])];
  const changed = decisions.filter((d) => d.apply || (d.shadow && d.changes.length > 0) || d.killSwitch);
  const times = [...[...seen.values(), ...given.values(), ...without.values()].flat().map((p) => p.t)];
  for (const d of decisions) times.push(Date.parse(d.at), writtenAt(d));
  const span: [number, number] = times.length > 0 ? [Math.min(...times), Math.max(...times)] : [0, 1];
  const changedQueues = new Set(changed.flatMap((d) => d.changes.map((c) => c.queueId)));
  // Queues the autopilot changed first, then the rest by name.
  const order = queueIds.sort(
    (p, q) => Number(changedQueues.has(q)) - Number(changedQueues.has(p)) || name(p).localeCompare(name(q)),
  );
  const charts = order.map((id) => {
    const marks = changed
      .filter((d) => d.changes.some((c) => c.queueId === id) || d.kind === 'return')
      .map((d) => ({
        t: writtenAt(d),
        kind: d.kind,
        label: `${formatTime(d.at, zone)} ${d.kind}: ${d.changes.length} change(s)${writtenFrom(d, zone)}. ${d.why}`,
      }));
    return chart(name(id), given.get(id) ?? seen.get(id) ?? [], without.get(id) ?? [], targets[id], marks, span, zone);
  });
  const rows = changed.map((d) => [
    esc(formatTime(d.at, zone)),
    esc(d.kind + (d.shadow ? ' (shadow)' : '')),
    esc(
      [...new Set(d.changes.map((c) => c.queueId))].map(name).join(', ') ||
        (d.killSwitch ? 'kill switch engaged' : '–'),
    ),
    esc(
      `+${d.changes.filter((c) => c.direction === 'gain').length} −${d.changes.filter((c) => c.direction === 'lose').length}`,
    ),
    esc(
      d.apply
        ? Object.entries(d.apply.counts)
            .map(([k, n]) => `${k} ${n}`)
            .join(', ') + writtenFrom(d, zone)
        : d.shadow
          ? 'not written (shadow)'
          : 'not written',
    ),
    esc(d.why),
  ]);
  const noWithout =
    without.size === 0
      ? missing(
          'No "without" series given: pass autopilot.without (the same day run without the autopilot, e.g. on the emulator with the same seed) to compare.',
        )
      : '';
  return `<section id="autopilot"><h2>Autopilot timeline</h2>
<p class="keys"><span class="key"><span class="swatch" style="border-top:3px solid var(--blue)"></span>with the autopilot</span><span class="key"><span class="swatch" style="border-top:2px solid #8c959f"></span>without</span><span class="key"><span class="swatch" style="border-top:2px dashed #111"></span>target</span><span class="key"><span class="swatch" style="border-top:2px solid #c2410c"></span>change</span><span class="key"><span class="swatch" style="border-top:2px solid #166534"></span>return to baseline</span></p>
<p>${decisions.length} decisions, ${changed.length} with changes; ${a.summary.atBaseline ? 'the org ended at its baseline' : 'the org did not end at its baseline'}.</p>
${noWithout}
<div class="autopilot-grid">${charts.join('\n')}</div>
<details><summary>Every change (${changed.length})</summary>${table('Decisions that changed the org (or would have, in shadow mode)', ['Time', 'Decision', 'Queues', 'Agents', 'Result', 'Why'], rows, ' class="data"')}</details>
</section>`;
}

export const AUTOPILOT_CSS = `
svg.timeline{width:100%;max-width:760px;height:auto;font-size:11px}
svg .with{stroke:var(--blue);stroke-width:2.5}svg .without{stroke:#8c959f;stroke-width:2}
svg .mark-adjust{stroke:#c2410c;stroke-width:1.5}svg .mark-return{stroke:#166534;stroke-width:1.5}svg .mark-hold{stroke:#8c959f}
.autopilot-grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(460px,1fr));gap:0 24px}`;
