// The change list (filterable by text and action through the page's small script) and the skipped changes.
import { esc, missing, prof, table } from '../html.js';
import type { ChangeView, IssueView } from '../model.js';

/** Most issues listed; the rest are counted. */
const MAX_ISSUES = 200;

export function changeSection(changes: readonly ChangeView[], issues: readonly IssueView[]): string {
  const title = '<h2 id="changes">Changes and why</h2>';
  const agents = new Set(changes.map((c) => c.agent)).size;
  const list =
    changes.length === 0
      ? missing('No changes in the inputs.')
      : `<details class="changes"><summary>Every change with its reasons: ${changes.length} change(s) for ${agents} agent(s)</summary><div class="filters noprint" role="search"><label>Filter <input type="search" id="change-filter" placeholder="agent, skill, reason"></label>
<label>Action <select id="change-action"><option value="">all</option>${[...new Set(changes.map((c) => c.action))].map((a) => `<option>${esc(a)}</option>`).join('')}</select></label>
<output id="change-count" aria-live="polite">${changes.length} shown</output></div>` +
        table(
          `${changes.length} change(s): who, what, before → after, and why`,
          ['Agent', 'Skill, or queue joined', 'Action', 'Before → after', 'Reasons'],
          changes.map((c) => [
            esc(c.agent),
            esc(c.subject),
            esc(c.action),
            c.kind === 'membership' ? 'member' : `${prof(c.before)} → ${prof(c.after)}`,
            c.reasons.map(esc).join('<br>'),
          ]),
          ' class="data" id="change-table"',
        ) +
        '</details>';
  const shown = issues.slice(0, MAX_ISSUES);
  const more =
    issues.length > shown.length ? `<p>… and ${issues.length - shown.length} more (see the plan file).</p>` : '';
  const issueList =
    issues.length === 0
      ? ''
      : `<details><summary>Not planned, violations and notes (${issues.length})</summary><ul class="issues">${shown.map((i) => `<li><b>${esc(i.kind)}</b>: ${esc(i.message)}</li>`).join('')}</ul>${more}</details>`;
  return `<section>${title}${list}${issueList}</section>`;
}
