// Renders a drift report for people (text, markdown for PR comments) or machines (json).
import { z } from 'zod';
import { parseInput } from '../validate.js';
import { DriftReportSchema, type DriftReport } from './drift.js';

/** Output formats of {@link formatDriftReport}. */
export const DriftFormatSchema = z.enum(['text', 'markdown', 'json']);

/** Output formats of {@link formatDriftReport}. */
export type DriftFormat = z.output<typeof DriftFormatSchema>;

/** Compact one-line rendering of a JSON value; `(absent)` for a missing field. */
function show(value: unknown, max = 120): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function mdCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function mdCode(text: string): string {
  return text.includes('`') ? `\`\` ${text} \`\`` : `\`${text}\``;
}

function headline(r: DriftReport): string {
  const s = r.summary;
  return r.identical
    ? 'No drift: the configurations match.'
    : `${s.added} added, ${s.removed} removed, ${s.changed} changed field(s) in ${s.changedEntities} item(s)`;
}

/**
 * Formats a drift report.
 * - `text`: one line per difference, prefixed `+` (added), `-` (removed), `~` (changed: `before -> after`).
 * - `markdown`: a heading, the summary and one table per kind, ready for a pull-request comment.
 * - `json`: the report itself, pretty-printed (stable key order as produced by `diffRoutingConfig`).
 *
 * @throws ValidationError if `report` is not a drift report or `format` is unknown.
 */
export function formatDriftReport(report: DriftReport, format: DriftFormat = 'text'): string {
  const parsed = parseInput('formatDriftReport', z.object({ report: DriftReportSchema, format: DriftFormatSchema }), { report, format });
  const r = parsed.report;
  if (parsed.format === 'json') return JSON.stringify(r, null, 2);

  if (parsed.format === 'text') {
    const lines = [`Routing config drift: ${headline(r)}`];
    for (const e of r.added) lines.push(`+ ${e.label}  ${e.path}`);
    for (const e of r.removed) lines.push(`- ${e.label}  ${e.path}`);
    for (const c of r.changed) lines.push(`~ ${c.path}: ${show(c.before)} -> ${show(c.after)}`);
    return lines.join('\n');
  }

  const out = ['## Routing config drift', '', headline(r)];
  if (r.added.length > 0 || r.removed.length > 0) {
    out.push('', '| Change | Item | Path |', '| --- | --- | --- |');
    for (const e of r.added) out.push(`| added | ${mdCell(e.label)} | ${mdCell(mdCode(e.path))} |`);
    for (const e of r.removed) out.push(`| removed | ${mdCell(e.label)} | ${mdCell(mdCode(e.path))} |`);
  }
  if (r.changed.length > 0) {
    out.push('', '| Item | Path | Before | After |', '| --- | --- | --- | --- |');
    for (const c of r.changed) {
      out.push(`| ${mdCell(c.label)} | ${mdCell(mdCode(c.path))} | ${mdCell(mdCode(show(c.before)))} | ${mdCell(mdCode(show(c.after)))} |`);
    }
  }
  return out.join('\n');
}
