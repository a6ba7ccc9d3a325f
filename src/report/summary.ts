// The first screen: what a contact-centre manager reads in a minute. One sentence (how many changes, what they
// achieve, the fewest any plan could need), every queue with its target, now and after, and the first changes.
// The details (reasons, matrix, curves, intervals) follow below, collapsed where they are long.
import { esc, missing, pct, prof } from './html.js';
import type { ChangeView, QueueView } from './model.js';

/** Agents whose changes are listed on the first screen; the rest are counted and in the change list below. */
const FIRST_AGENTS = 10;

export interface SummaryFacts {
  queues: readonly QueueView[];
  changes: readonly ChangeView[];
  /** Fewest changes any plan meeting the targets needs, when the optimizer computed it. */
  lowerBound?: { changes: number; forced?: number | undefined } | undefined;
  /** Agents a queue lacks to reach its target within the limits, by queue name. */
  shortfall: readonly { queue: string; agentsMissing: number }[];
  /** Where the numbers come from ("simulated by the optimizer", "the plan's what-if"). */
  source: string;
  /** Label of an interval by index, with date and time zone (when the horizon is known). */
  intervalLabel: (index: number) => string;
}

export function summarySection(f: SummaryFacts): string {
  const title = '<h2 id="summary">Summary</h2>';
  if (f.queues.length === 0 && f.changes.length === 0)
    return `<section class="summary">${title}${missing('Nothing to summarize: the inputs carry no queues and no changes.')}</section>`;
  return `<section class="summary">${title}<p class="headline">${headline(f)}</p>${queueTable(f)}${changeList(f.changes)}</section>`;
}

function headline(f: SummaryFacts): string {
  const skills = f.changes.filter((c) => c.kind === 'skill').length;
  const members = f.changes.length - skills;
  const agents = new Set(f.changes.map((c) => c.agent)).size;
  const what =
    f.changes.length === 0
      ? 'No changes'
      : `<b>${skills} skill change${skills === 1 ? '' : 's'}</b>${members ? ` and <b>${members} queue membership${members === 1 ? '' : 's'}</b>` : ''} for ${agents} agent${agents === 1 ? '' : 's'}`;
  const judged = f.queues.filter((q) => verdictOf(q) !== undefined);
  const meeting = judged.filter((q) => verdictOf(q)).length;
  let outcome = '';
  if (judged.length > 0) {
    outcome =
      meeting === judged.length
        ? ` bring <b>all ${judged.length} queues to their targets</b>`
        : ` leave <b class="bad">${judged.length - meeting} of ${judged.length} queues below target</b>`;
    if (f.changes.length === 0)
      outcome =
        meeting === judged.length
          ? `: all ${judged.length} queues already meet their targets`
          : `: ${judged.length - meeting} of ${judged.length} queues are below target`;
  }
  const bound =
    f.lowerBound && f.lowerBound.changes > 0
      ? ` No plan that meets every target can need fewer than ${f.lowerBound.changes} change${f.lowerBound.changes === 1 ? '' : 's'}${f.lowerBound.forced ? ` (${f.lowerBound.forced} forced by the limits)` : ''}.`
      : '';
  // The queues themselves are in the table (with the agents each lacks): the sentence stays one or two lines.
  const short =
    f.shortfall.length > 0
      ? ` ${f.shortfall.length} queue${f.shortfall.length === 1 ? '' : 's'} cannot be fixed within the limits (the agents each lacks are in the table).`
      : '';
  return `${what}${outcome}.${bound}${short} <span class="muted">Service levels ${esc(f.source)}.</span>`;
}

function verdictOf(q: QueueView): boolean | undefined {
  if (!q.target || q.after.serviceLevel === null) return undefined;
  return q.meetsTarget ?? q.after.serviceLevel >= q.target.serviceLevel;
}

function queueTable(f: SummaryFacts): string {
  if (f.queues.length === 0) return '';
  const worst = f.queues.some((q) => q.worstInterval && (q.intervals?.length ?? 0) > 1);
  const head = ['Queue', 'Target', 'Now', 'After', '', ...(worst ? ['Weakest interval after'] : [])];
  const rows = f.queues.map((q) => {
    const v = verdictOf(q);
    const lacks = f.shortfall.find((s) => s.queue === q.name)?.agentsMissing;
    const mark =
      v === undefined
        ? ''
        : v
          ? '<span class="ok">✓ meets target</span>'
          : `<span class="bad">✗ below target</span>${lacks ? ` <span class="muted">(about ${lacks} agent${lacks === 1 ? '' : 's'} short)</span>` : ''}`;
    const w =
      q.worstInterval && (q.intervals?.length ?? 0) > 1
        ? `${pct(q.worstInterval.after)} at ${esc(f.intervalLabel(q.worstInterval.index))}`
        : '–';
    return `<tr><td>${esc(q.name)}</td><td>${q.target ? `${pct(q.target.serviceLevel, 0)} in ${esc(q.target.withinSeconds)} s` : '–'}</td><td class="num">${pct(q.before.serviceLevel)}</td><td class="num"><b>${pct(q.after.serviceLevel)}</b></td><td>${mark}</td>${worst ? `<td>${w}</td>` : ''}</tr>`;
  });
  return `<table class="data summary-queues"><caption>Service level per queue: share of offered calls answered within the target time, now → after the changes</caption><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The changes grouped by agent (an agent's new skill and the queue it joins for it read as one line). */
function changeList(changes: readonly ChangeView[]): string {
  if (changes.length === 0) return '';
  const byAgent = new Map<string, ChangeView[]>();
  for (const c of changes) byAgent.set(c.agent, [...(byAgent.get(c.agent) ?? []), c]);
  const agents = [...byAgent];
  const shown = agents
    .slice(0, FIRST_AGENTS)
    .map(([agent, list]) => `<li>${esc(agent)}: ${list.map(describe).join(', ')}</li>`);
  const more =
    agents.length > FIRST_AGENTS
      ? `<li class="muted">… and ${agents.length - FIRST_AGENTS} more agent(s): <a href="#changes">every change with its reasons</a></li>`
      : `<li class="muted"><a href="#changes">Every change with its reasons</a></li>`;
  return `<h3>Changes</h3><ul class="first-changes">${shown.join('')}${more}</ul>`;
}

function describe(c: ChangeView): string {
  if (c.kind === 'membership') return `joins queue <b>${esc(c.subject)}</b>`;
  if (c.before === null) return `gains <b>${esc(c.subject)}</b> at ${prof(c.after)}`;
  if (c.after === null) return `loses <b>${esc(c.subject)}</b> (was ${prof(c.before)})`;
  return `<b>${esc(c.subject)}</b> ${prof(c.before)} → ${prof(c.after)}`;
}
