// Assembles the report page: a compact header (org, division, plan, window), the one-screen summary, then the
// details (queues, staffing curves, changes with reasons, the matrix; long parts collapsed), inline data,
// uPlot and the page script. Loaded lazily by renderReport (it carries the charting library).
import { ValidationError } from '../errors/index.js';
import { AUTOPILOT_CSS, autopilotSection, checkAutopilot } from './sections/autopilot-section.js';
import { changeSection } from './sections/changes.js';
import { matrixSection } from './sections/heatmap.js';
import { esc, missing, scriptJson } from './html.js';
import { changeViews, checkInput, issueViews, matrixView, namer, optimizationOf, queueViews } from './model.js';
import { PAGE_SCRIPT } from './page-script.js';
import { plannedHorizon, staffingFromPlan } from './staffing/plan-staffing.js';
import { queueSection } from './sections/queues.js';
import { staffingView, type StaffingView } from './staffing/staffing.js';
import { chartData, SERIES_STYLE, staffingSection } from './sections/staffing-section.js';
import { PAGE_CSS } from './styles.js';
import { summarySection } from './sections/summary.js';
import { formatRange, formatTime, zoneOf } from './time.js';
import type { ReportInput, StaffingReport } from './types.js';
import { UPLOT_CSS, UPLOT_JS } from './vendor.js';
import * as opt from '../optimizer/index.js';

export async function renderReportHtml(raw: ReportInput): Promise<string> {
  const input = checkInput(raw);
  if (input.autopilot !== undefined) checkAutopilot(input.autopilot);
  const name = namer(input);
  const zone = zoneOf(input.timeZone);
  // Without staffing given, a plan that planned a day draws its own: the demand it planned for, and who is there.
  const given = ([] as StaffingReport[]).concat(input.staffing ?? []);
  const staffingList = withAvailable(input, given.length === 0 ? (staffingFromPlan(input, opt, name) ?? given) : given);
  let staffing: StaffingView[];
  try {
    staffing = staffingList.map((s, i) => staffingView(s, i, opt));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('renderReport', [{ path: 'staffing', message: (error as Error).message }]);
  }
  const queues = queueViews(input, name);
  const changes = changeViews(input, name);
  const optimization = optimizationOf(input);
  const intervalLabel = intervalLabeller(input, zone);
  const title = input.title ?? (optimization ? 'Routing optimization review' : 'Routing plan report');
  const source = optimization
    ? 'simulated by the optimizer, before and after the changes'
    : input.plan
      ? "from the plan's what-if, before and after the changes"
      : 'from the inputs';
  const shortfall = (optimization?.shortfall ?? []).map((s) => ({
    queue: name(s.queueId),
    agentsMissing: s.agentsMissing,
  }));
  const outOfReach = (optimization?.unreachable ?? []).map((u) => ({
    queue: name(u.queueId),
    ...((optimization?.stats?.intervals ?? 1) > 1 ? { interval: intervalLabel(u.interval) } : {}),
    callsPerHour: u.demand.callsPerHour,
    ahtSeconds: u.demand.ahtSeconds,
    agentsNeeded: u.agentsNeeded,
    agentsAvailable: u.agentsAvailable,
    shortBy: u.shortBy,
  }));
  const body = [
    header(input, title, staffing, zone),
    `<nav class="noprint"><a href="#summary">Summary</a>${input.autopilot ? '<a href="#autopilot">Autopilot</a>' : ''}<a href="#queues">Queues</a><a href="#staffing">Staffing</a><a href="#changes">Changes</a><a href="#matrix">Skill matrix</a></nav>`,
    '<main>',
    summarySection({
      queues,
      changes,
      lowerBound: optimization?.lowerBound,
      shortfall,
      outOfReach,
      source,
      intervalLabel,
    }),
    autopilotPart(input, name, zone),
    queueSection(queues, source, intervalLabel),
    staffingSection(staffing),
    changeSection(changes, issueViews(input, name)),
    matrixSection(matrixView(input, name)),
    '</main>',
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${UPLOT_CSS}</style><style>${PAGE_CSS}${input.autopilot ? AUTOPILOT_CSS : ''}</style>
</head><body>
${body}
<script type="application/json" id="report-data">${scriptJson({ staffing: chartData(staffing), style: SERIES_STYLE })}</script>
<script>${UPLOT_JS.replace(/<\/script/gi, '<\\/script')}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}

/**
 * Curves for a queue the optimization measured get its agents holding the queue's skill, now and after the
 * changes, as "available" lines (unless the input gives its own).
 */
function withAvailable(input: ReportInput, list: StaffingReport[]): StaffingReport[] {
  const optimization = optimizationOf(input);
  if (!optimization) return list;
  const byId = new Map(optimization.queues.map((q) => [q.id, q]));
  const name = namer(input);
  const byName = new Map(optimization.queues.map((q) => [name(q.id), q]));
  return list.map((s) => {
    if (s.available !== undefined || !s || !Array.isArray(s.rows)) return s;
    const q =
      (s.queueId !== undefined ? byId.get(s.queueId) : undefined) ??
      (s.name !== undefined ? byName.get(s.name) : undefined);
    if (!q || typeof q.before?.holders !== 'number' || typeof q.after?.holders !== 'number') return s;
    const line = (n: number) => s.rows.map(() => n);
    return {
      ...s,
      available: [
        { label: `agents holding the skill now (${q.before.holders})`, values: line(q.before.holders) },
        { label: `after the plan (${q.after.holders})`, values: line(q.after.holders) },
      ],
    };
  });
}

/** Interval index -> its start time with date and zone, when the horizon is known; else "interval N". */
function intervalLabeller(input: ReportInput, zone: string): (index: number) => string {
  const inputs = (input.plan?.inputs ?? {}) as {
    horizon?: { start?: unknown; from?: unknown; intervalSeconds?: unknown };
  };
  const h =
    input.horizon ??
    plannedHorizon(input) ??
    (inputs.horizon
      ? {
          start: (inputs.horizon.start ?? inputs.horizon.from) as Date | string,
          intervalSeconds: inputs.horizon.intervalSeconds as number,
        }
      : undefined);
  const start = h ? new Date(h.start).getTime() : NaN;
  if (!h || !Number.isFinite(start) || typeof h.intervalSeconds !== 'number' || !(h.intervalSeconds > 0))
    return (i) => `interval ${i + 1}`;
  return (i) => formatTime(start + i * h.intervalSeconds * 1000, zone);
}

function header(input: ReportInput, title: string, staffing: readonly StaffingView[], zone: string): string {
  const plan = input.plan;
  const windowText = windowOf(input, zone);
  const rows: [string, string][] = [['Org', input.org ?? orgName(plan?.org) ?? 'not given']];
  if (input.division) rows.push(['Division', input.division]);
  rows.push(['Time window', windowText ?? 'not given']);
  const day = plannedHorizon(input);
  if (day)
    rows.push([
      'Planned day',
      `${formatTime(day.start, zone).slice(0, 10)} (${zone}), ${day.intervalSeconds / 60}-minute intervals`,
    ]);
  rows.push([
    'Plan',
    plan ? `${plan.id} (${plan.source}, created ${formatTime(plan.createdAt, zone)})` : 'no plan given',
  ]);
  rows.push(['Generated', formatTime(input.generatedAt ?? new Date(), zone)]);
  const lacking: string[] = [];
  if (!plan && !input.optimization) lacking.push('no plan and no optimization result');
  if (staffing.length === 0) lacking.push('no staffing rows');
  return `<header><h1>${esc(title)}</h1><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<details><summary>Model and assumptions</summary><ul>${assumptions(input, staffing)
    .map((a) => `<li>${esc(a)}</li>`)
    .join('')}</ul></details>
${lacking.length > 0 ? missing(`Not in the inputs: ${lacking.join('; ')}. The sections below say what they lack.`) : ''}</header>`;
}

/** A plan's org is its API address: show the host's region domain, not a URL, when no name is given. */
function orgName(org: string | undefined): string | undefined {
  if (!org) return undefined;
  try {
    const host = new URL(org).hostname;
    if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return `local emulator (${host})`;
    return `the org at ${host.replace(/^api\./, '')}`;
  } catch {
    return org;
  }
}

function windowOf(input: ReportInput, zone: string): string | undefined {
  const w = input.window ?? (input.plan?.inputs as { interval?: unknown } | undefined)?.interval;
  if (typeof w === 'string') {
    const [from, to] = w.split('/');
    return from && to ? formatRange(from, to, zone) : w;
  }
  if (w && typeof w === 'object' && 'from' in w && 'to' in w)
    return formatRange(w.from as Date | string, w.to as Date | string, zone);
  return undefined;
}

/** What the numbers rest on, stated so a reviewer can judge them. */
function assumptions(input: ReportInput, staffing: readonly StaffingView[]): string[] {
  const out: string[] = [];
  const opt = optimizationOf(input);
  const inputs = (input.plan?.inputs ?? {}) as { demand?: unknown; optimizer?: { seed?: unknown } };
  if (opt) {
    const stats = (opt as { stats?: { seed?: number; simulatedContacts?: number } }).stats;
    out.push(
      'Queue measures: discrete-event simulation of the whole contact centre (Poisson arrivals, exponential handle times, agents serving every queue whose skill they hold, best-available routing), before and after the changes with common random numbers; the bracket is the 95 % confidence interval over replications.',
    );
    if (stats?.seed !== undefined)
      out.push(
        `Simulation seed ${stats.seed}${stats.simulatedContacts ? `, ${stats.simulatedContacts.toLocaleString('en-US')} simulated contacts` : ''}: the same input and seed give the same numbers.`,
      );
    if (opt.lowerBound)
      out.push(
        `Lower bound: no plan meeting every target can need fewer than ${opt.lowerBound.changes} change(s), from the optimizer's relaxation${(opt.lowerBound as { note?: string }).note ? ` (${(opt.lowerBound as { note?: string }).note})` : ''}.`,
      );
  } else if (input.plan?.impact?.length) {
    out.push(
      "Queue measures: the plan's what-if, a simulation of the queues at their busiest interval of the window, before and after the plan's changes.",
    );
  }
  if (typeof inputs.demand === 'string')
    out.push(`Demand: ${inputs.demand === 'mean' ? 'the mean interval' : 'the busiest interval'} of the window.`);
  out.push(
    'Service level: calls answered within the target time ÷ calls offered (abandoned calls count as missed). Occupancy: busy time ÷ available time of the agents holding the queue’s skill.',
  );
  if (staffing.length > 0) {
    out.push(
      'Erlang C: Poisson arrivals, exponential handle times, callers never abandon, first come first served; agents on the phones (scheduled = after shrinkage).',
    );
    if (staffing.some((s) => s.erlangA))
      out.push(
        'Erlang A: as Erlang C, and callers abandon after an exponential patience: a caller who gives up counts as missed, and frees the line for the next.',
      );
  }
  for (const a of input.assumptions ?? []) out.push(String(a));
  return out;
}

/** The autopilot timeline, named by the input's names or the autopilot's own, with each queue's target. */
function autopilotPart(input: ReportInput, name: (id: string) => string, zone: string): string {
  const a = input.autopilot;
  if (!a) return '';
  const targets: Record<string, number> = {};
  for (const d of a.summary.decisions) for (const q of d.queues) targets[q.queueId] = q.target;
  const named = (id: string) => input.names?.[id] ?? a.summary.queueNames?.[id] ?? name(id);
  return autopilotSection(a, named, targets, zone);
}
