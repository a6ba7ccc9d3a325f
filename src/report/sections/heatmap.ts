// The skill matrix before -> after as heat maps: agents per proficiency level (before | after) for each
// column, and the per-agent grid of the agents that change. Plain HTML tables: they are their own text version.
import { esc, missing, prof, table } from '../html.js';
import type { MatrixView } from '../model.js';

/** Most agents listed one by one; the rest are counted (keeps the file small for large orgs). */
const MAX_AGENT_ROWS = 200;
const LEVELS = ['none', '0', '1', '2', '3', '4', '5'];

export function matrixSection(matrix: MatrixView | undefined): string {
  const title = '<h2 id="matrix">Skill matrix before → after</h2>';
  if (!matrix)
    return `<section>${title}${missing('No skill changes and no assignment in the inputs: nothing to draw.')}</section>`;
  const scope = matrix.complete ? 'all agents' : 'agents with a planned change';
  const note = matrix.complete
    ? ''
    : missing(
        'The plan carries only the changed pairs: the grid shows the agents and skills it touches; blank cells are skills the plan does not touch.',
      );
  const changed = matrix.rows.filter((r) => r.before.some((v, i) => v !== r.after[i])).length;
  return `<section>${title}<details data-print="closed"><summary>The full matrix: ${matrix.columns.length} ${matrix.columnKind}(s), ${changed} agent(s) changing</summary>${note}${levelCounts(matrix, scope)}${agentGrid(matrix)}</details></section>`;
}

function levelCounts(matrix: MatrixView, scope: string): string {
  const count = (side: 'before' | 'after', col: number) => {
    const n = LEVELS.map(() => 0);
    for (const r of matrix.rows) {
      const v = r[side][col];
      if (v === undefined) continue;
      n[v === null ? 0 : Math.min(6, Math.max(1, Math.round(v) + 1))]! += 1;
    }
    return n;
  };
  const max = Math.max(1, ...matrix.columns.flatMap((_, c) => [...count('before', c), ...count('after', c)]));
  const cell = (n: number) => `<span class="heat" style="--h:${(n / max).toFixed(2)}">${n || ''}</span>`; // a span: the inline style needs one
  const body = matrix.columns.map((col, c) => [
    esc(col.name),
    ...count('before', c).map(cell),
    ...count('after', c).map(cell),
  ]);
  const head = [
    matrix.columnKind === 'queue skill' ? 'Queue skill' : 'Skill',
    ...LEVELS.map((l) => `before ${l}`),
    ...LEVELS.map((l) => `after ${l}`),
  ];
  return table(
    `Agents at each proficiency (${scope}): before, then after. Darker: more agents.`,
    head,
    body,
    ' class="heatmap counts"',
  );
}

function agentGrid(matrix: MatrixView): string {
  const changed = matrix.rows.filter((r) => r.before.some((v, i) => v !== r.after[i]));
  if (changed.length === 0) return missing('No agent changes: the before and after matrices are equal.');
  const shown = changed.slice(0, MAX_AGENT_ROWS);
  // Cells carry their class themselves (no inner element): this grid is the largest part of a big plan's page.
  const body = shown.map(
    (r) =>
      `<tr><td>${esc(r.name)}</td>${matrix.columns.map((_, c) => gridCell(r.before[c], r.after[c])).join('')}</tr>`,
  );
  const more =
    changed.length > shown.length
      ? `<p>${changed.length - shown.length} more agents change; the change list has all of them.</p>`
      : '';
  const legend = `<p class="legend">Cell colour: proficiency after (darker = higher). Outlined: changed (before → after). Struck: removed. Blank: ${matrix.complete ? 'not held' : 'not held, or not touched by the plan'}.</p>`;
  return `${legend}${table(`Per agent with a change (${changed.length}): proficiency before → after`, ['Agent', ...matrix.columns.map((c) => c.name)], body, ' class="heatmap grid"')}${more}`;
}

function gridCell(before: number | null | undefined, after: number | null | undefined): string {
  if (before === undefined && after === undefined) return '<td></td>';
  if (before === after)
    return after === null || after === undefined ? '<td></td>' : `<td class="p${level(after)}">${prof(after)}</td>`;
  const cls = after === null || after === undefined ? 'px' : `p${level(after)}`;
  return `<td class="${cls} chg">${prof(before)}→${prof(after)}</td>`;
}

function level(p: number): number {
  return Math.min(5, Math.max(0, Math.round(p)));
}
