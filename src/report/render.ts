// Assembles the report page: header (org, plan, window, assumptions), the sections, inline data, uPlot and
// the page script. Loaded lazily by renderReport (it carries the charting library).
import { ValidationError } from '../errors.js';
import { changeSection } from './changes.js';
import { matrixSection } from './heatmap.js';
import { esc, missing, scriptJson } from './html.js';
import { changeViews, checkInput, issueViews, matrixView, namer, optimizationOf, queueViews } from './model.js';
import { PAGE_SCRIPT } from './page-script.js';
import { queueSection } from './queues.js';
import { staffingView, type StaffingView } from './staffing.js';
import { chartData, staffingSection } from './staffing-section.js';
import { PAGE_CSS } from './styles.js';
import type { ReportInput, StaffingReport } from './types.js';
import { UPLOT_CSS, UPLOT_JS } from './vendor.js';

export async function renderReportHtml(raw: ReportInput): Promise<string> {
  const input = checkInput(raw);
  const opt = await import('../optimizer/index.js');
  const name = namer(input);
  const staffingList = ([] as StaffingReport[]).concat(input.staffing ?? []);
  let staffing: StaffingView[];
  try {
    staffing = staffingList.map((s, i) => staffingView(s, i, opt));
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw new ValidationError('renderReport', [{ path: 'staffing', message: (error as Error).message }]);
  }
  const queues = queueViews(input, name);
  const changes = changeViews(input, name);
  const title = input.title ?? 'Routing plan report';
  const source = optimizationOf(input) ? 'simulated by the optimizer (before and after the changes)' : input.plan ? "the plan's what-if (before and after the changes)" : 'from the inputs';
  const body = [
    header(input, title, staffing),
    '<nav class="noprint"><a href="#queues">Queues</a><a href="#staffing">Staffing</a><a href="#matrix">Skill matrix</a><a href="#changes">Changes</a></nav>',
    '<main>',
    queueSection(queues, source),
    staffingSection(staffing),
    matrixSection(matrixView(input, name)),
    changeSection(changes, issueViews(input)),
    '</main>',
  ].join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${UPLOT_CSS}</style><style>${PAGE_CSS}</style>
</head><body>
${body}
<script type="application/json" id="report-data">${scriptJson({ staffing: chartData(staffing) })}</script>
<script>${UPLOT_JS.replace(/<\/script/gi, '<\\/script')}</script>
<script>${PAGE_SCRIPT}</script>
</body></html>
`;
}

function header(input: ReportInput, title: string, staffing: readonly StaffingView[]): string {
  const plan = input.plan;
  const windowText = windowOf(input);
  const rows: [string, string][] = [
    ['Org', input.org ?? plan?.org ?? 'not given'],
    ['Plan', plan ? `${plan.id} (${plan.source}, created ${plan.createdAt})` : 'no plan given'],
    ['Time window', windowText ?? 'not given'],
    ['Generated', (input.generatedAt ?? new Date()).toISOString()],
  ];
  if (plan?.summary) {
    const s = plan.summary;
    rows.push(['Summary', `${s.adds} adds, ${s.updates} updates, ${s.removes} removals for ${s.users} agents; ${s.skipped} not planned, ${s.violations} violations`]);
  }
  const lacking: string[] = [];
  if (!plan && !input.optimization) lacking.push('no plan and no optimization result');
  if (staffing.length === 0) lacking.push('no staffing rows');
  return `<header><h1>${esc(title)}</h1><dl>${rows.map(([k, v]) => `<dt>${esc(k)}</dt><dd>${esc(v)}</dd>`).join('')}</dl>
<details open><summary>Model and assumptions</summary><ul>${assumptions(input, staffing).map((a) => `<li>${esc(a)}</li>`).join('')}</ul></details>
${lacking.length > 0 ? missing(`Not in the inputs: ${lacking.join('; ')}. The sections below say what they lack.`) : ''}</header>`;
}

function windowOf(input: ReportInput): string | undefined {
  const w = input.window ?? (input.plan?.inputs as { interval?: unknown } | undefined)?.interval;
  if (typeof w === 'string') return w.replace('/', ' → ');
  if (w && typeof w === 'object' && 'from' in w && 'to' in w) {
    const iso = (d: unknown) => (d instanceof Date ? d.toISOString() : String(d));
    return `${iso(w.from)} → ${iso(w.to)}`;
  }
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
    if (stats?.seed !== undefined) out.push(`Simulation seed ${stats.seed}${stats.simulatedContacts ? `, ${stats.simulatedContacts.toLocaleString('en-US')} simulated contacts` : ''}: the same input and seed give the same numbers.`);
  } else if (input.plan?.impact?.length) {
    out.push("Queue measures: the plan's what-if, a simulation of the queues at their busiest interval of the window, before and after the plan's changes.");
  }
  if (typeof inputs.demand === 'string') out.push(`Demand: ${inputs.demand === 'mean' ? 'the mean interval' : 'the busiest interval'} of the window.`);
  out.push('Service level: calls answered within the target time ÷ calls offered (abandoned calls count as missed). Occupancy: busy time ÷ available time of the agents holding the queue’s skill.');
  if (staffing.length > 0) {
    out.push('Erlang C: Poisson arrivals, exponential handle times, callers never abandon, first come first served; agents on the phones (scheduled = after shrinkage).');
    if (staffing.some((s) => s.erlangA)) out.push('Erlang A: as Erlang C, and callers abandon after an exponential patience: a caller who gives up counts as missed, and frees the line for the next.');
  }
  for (const a of input.assumptions ?? []) out.push(String(a));
  return out;
}
