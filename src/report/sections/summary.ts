// The first screen: what a contact-centre manager reads in a minute. One sentence (how many changes, what they
// achieve, the fewest any plan could need), every queue with its target, now and after, and the first changes.
// The details (reasons, matrix, curves, intervals) follow below, collapsed where they are long.
import { esc, missing, pct, prof } from '../html.js';
import type { ChangeView, QueueView } from '../model.js';

/** Agents whose changes are listed on the first screen; the rest are counted and in the change list below. */
const FIRST_AGENTS = 10;

export interface SummaryFacts {
  queues: readonly QueueView[];
  changes: readonly ChangeView[];
  /** Fewest changes any plan meeting the targets needs, when the optimizer computed it. */
  lowerBound?: { changes: number; forced?: number | undefined } | undefined;
  /** Agents a queue lacks to reach its target within the limits, by queue name. */
  shortfall: readonly { queue: string; agentsMissing: number }[];
  /** Queues that lack agents, not skills (the optimizer's `unreachable`), by queue name: read first. */
  outOfReach?: readonly OutOfReachView[] | undefined;
  /** Where the numbers come from ("simulated by the optimizer", "the plan's what-if"). */
  source: string;
  /** Label of an interval by index, with date and time zone (when the horizon is known). */
  intervalLabel: (index: number) => string;
}

export interface OutOfReachView {
  queue: string;
  /** Label of the interval the figures describe (absent for the steady hour). */
  interval?: string | undefined;
  callsPerHour: number;
  ahtSeconds: number;
  agentsNeeded: number;
  agentsAvailable: number;
  shortBy: number;
}

export function summarySection(f: SummaryFacts): string {
  const title = '<h2 id="summary">Summary</h2>';
  if (f.queues.length === 0 && f.changes.length === 0)
    return `<section class="summary">${title}${missing('Nothing to summarize: the inputs carry no queues and no changes.')}</section>`;
  return `<section class="summary">${title}${outOfReachBox(f.outOfReach ?? [])}<p class="headline">${headline(f)}</p>${queueTable(f)}${changeList(f.changes)}</section>`;
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

/** First on the page: the queues no routing change can bring to target, and what would. */
function outOfReachBox(list: readonly OutOfReachView[]): string {
  if (list.length === 0) return '';
  const total = list.reduce((n, u) => n + u.shortBy, 0);
  const lead = `<p class="headline"><b class="bad">${list.length} queue${list.length === 1 ? '' : 's'} cannot reach ${list.length === 1 ? 'its target' : 'their targets'} with the agents there are</b>: no routing change closes the gap. Add agents (about ${total} in all) or lower the targets.</p>`;
  const rows = list.map(
    (u) =>
      `<tr><td>${esc(u.queue)}${u.interval ? ` <span class="muted">at ${esc(u.interval)}</span>` : ''}</td><td class="num">${esc(Math.round(u.callsPerHour))} calls/h, AHT ${esc(Math.round(u.ahtSeconds))} s</td><td class="num">${esc(u.agentsNeeded)}</td><td class="num">${esc(u.agentsAvailable.toFixed(1))}</td><td>add <b>${esc(u.shortBy)}</b> agent${u.shortBy === 1 ? '' : 's'} or lower the target</td></tr>`,
  );
  return `${lead}<table class="data out-of-reach"><caption>Out of reach: each queue's demand, the agents it needs as a dedicated team (Erlang C, or Erlang A with patience), and the agents' time it can have, shared with the other queues</caption><thead><tr><th>Queue</th><th>Demand</th><th>Agents needed</th><th>Agents available</th><th>What would reach it</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function verdictOf(q: QueueView): boolean | undefined {
  if (!q.target || q.after.serviceLevel === null) return undefined;
  return q.meetsTarget ?? q.after.serviceLevel >= q.target.serviceLevel;
}

/** The interval with calls whose service level (now or after) is lowest, with that level. */
export function weakestInterval(
  q: QueueView,
  side: 'before' | 'after',
): { index: number; serviceLevel: number } | undefined {
  let best: { index: number; serviceLevel: number } | undefined;
  for (const i of q.intervals ?? []) {
    const sl = i[side];
    if (sl === null || i.offered === 0) continue;
    if (!best || sl < best.serviceLevel) best = { index: i.index, serviceLevel: sl };
  }
  return best;
}

/**
 * Per queue: over a day, its weakest interval now and after (each the interval with calls where the service
 * level is lowest, with its time), then the whole day now and after; for one steady hour, now and after.
 */
function queueTable(f: SummaryFacts): string {
  if (f.queues.length === 0) return '';
  const day = f.queues.some((q) => (q.intervals?.length ?? 0) > 1);
  const head = day
    ? ['Queue', 'Target', 'Weakest interval now', 'after', 'Whole day now', 'after', '']
    : ['Queue', 'Target', 'Now', 'After', ''];
  const at = (w: { index: number; serviceLevel: number } | undefined): string =>
    w ? `${pct(w.serviceLevel)} <span class="muted">at ${esc(f.intervalLabel(w.index))}</span>` : '–';
  const rows = f.queues.map((q) => {
    const v = verdictOf(q);
    const lacks = f.shortfall.find((s) => s.queue === q.name)?.agentsMissing;
    const mark =
      v === undefined
        ? ''
        : v
          ? '<span class="ok">✓ meets target</span>'
          : `<span class="bad">✗ below target</span>${lacks ? ` <span class="muted">(about ${lacks} agent${lacks === 1 ? '' : 's'} short)</span>` : ''}`;
    const target = q.target ? `${pct(q.target.serviceLevel, 0)} in ${esc(q.target.withinSeconds)} s` : '–';
    const figures = day ? [at(weakestInterval(q, 'before')), `<b>${at(weakestInterval(q, 'after'))}</b>`] : [];
    const cells = [
      ...figures,
      pct(q.before.serviceLevel),
      day ? pct(q.after.serviceLevel) : `<b>${pct(q.after.serviceLevel)}</b>`,
    ];
    return `<tr><td>${esc(q.name)}</td><td>${target}</td>${cells.map((c) => `<td class="num">${c}</td>`).join('')}<td>${mark}</td></tr>`;
  });
  const caption = day
    ? "Service level per queue (share of offered calls answered within the target time), now → after the changes: the day's weakest interval (the interval with calls where it is lowest) and the whole day"
    : 'Service level per queue: share of offered calls answered within the target time, now → after the changes';
  return `<table class="data summary-queues"><caption>${caption}</caption><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
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
