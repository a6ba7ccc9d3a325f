// Renders a drift report for people (text, markdown for PR comments) or machines (json).
import * as z from 'zod/mini';
import { ValidationError } from '../../../errors/index.js';
import { parseInput } from '../../parse-input.js';
import { DriftReportSchema, type DriftReport } from './drift.js';
import { findNonJson } from '../json-value.js';
import { escapeControl, markdownCode, markdownText } from '../safe-text.js';

/** Output formats of {@link formatDriftReport}. */
export const DriftFormatSchema = /* @__PURE__ */ z.enum(['text', 'markdown', 'json']);

/** Output formats of {@link formatDriftReport}. */
export type DriftFormat = 'text' | 'markdown' | 'json';

/** Compact one-line rendering of a JSON value; `(absent)` for a missing field. Control characters escaped. */
function show(value: unknown, max = 120): string {
  if (value === undefined) return '(absent)';
  const text = escapeControl(JSON.stringify(value) ?? String(value));
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Values of a stored report must be JSON data (a bigint or a cycle cannot be printed). */
function checkValues(r: DriftReport): void {
  const issues: Array<{ path: string; message: string }> = [];
  const check = (value: unknown, path: string) => {
    const bad = findNonJson(value, path);
    if (bad) issues.push(bad);
  };
  r.added.forEach((e, i) => check(e.value, `report.added[${i}].value`));
  r.removed.forEach((e, i) => check(e.value, `report.removed[${i}].value`));
  r.changed.forEach((c, i) => {
    check(c.before, `report.changed[${i}].before`);
    check(c.after, `report.changed[${i}].after`);
  });
  if (issues.length > 0) throw new ValidationError('formatDriftReport', issues);
}

function headline(r: DriftReport): string {
  const s = r.summary;
  return r.identical
    ? 'No drift: the configurations match.'
    : `${s.added} added, ${s.removed} removed, ${s.changed} changed field(s) in ${s.changedEntities} item(s)`;
}

/** Sections one side did not capture (an older snapshot): said, so a reader does not take silence for a match. */
function notCompared(r: DriftReport): string | undefined {
  return r.notCompared?.length ? `Not compared (not captured on both sides): ${r.notCompared.join(', ')}.` : undefined;
}

/**
 * Formats a drift report.
 * Sections not compared (`report.notCompared`) are named under the headline.
 * - `text`: one line per difference, prefixed `+` (added), `-` (removed), `~` (changed: `before -> after`).
 *   Names and values come from the org, so control characters (CR, LF, ANSI escapes, bidi overrides) are
 *   printed escaped (`\n`, `\u001b`): a skill name cannot forge a line or recolour a CI log.
 * - `markdown`: a heading, the summary and one table per kind, ready for a pull-request comment. Names are
 *   escaped for markdown and HTML (`<img>` prints as text), paths and values are code spans.
 * - `json`: the report itself, pretty-printed (stable key order as produced by `diffRoutingConfig`).
 *
 * @throws ValidationError if `report` is not a drift report (values must be JSON data) or `format` is unknown.
 */
export function formatDriftReport(report: DriftReport, format: DriftFormat = 'text'): string {
  const parsed = parseInput('formatDriftReport', z.object({ report: DriftReportSchema, format: DriftFormatSchema }), {
    report,
    format,
  });
  const r = parsed.report;
  checkValues(r);
  if (parsed.format === 'json') return JSON.stringify(r, null, 2);

  if (parsed.format === 'text') {
    const lines = [`Routing config drift: ${headline(r)}`];
    const skipped = notCompared(r);
    if (skipped) lines.push(skipped);
    for (const e of r.added) lines.push(`+ ${escapeControl(e.label)}  ${escapeControl(e.path)}`);
    for (const e of r.removed) lines.push(`- ${escapeControl(e.label)}  ${escapeControl(e.path)}`);
    for (const c of r.changed) lines.push(`~ ${escapeControl(c.path)}: ${show(c.before)} -> ${show(c.after)}`);
    return lines.join('\n');
  }

  const out = ['## Routing config drift', '', headline(r)];
  const skipped = notCompared(r);
  if (skipped) out.push('', skipped);
  if (r.added.length > 0 || r.removed.length > 0) {
    out.push('', '| Change | Item | Path |', '| --- | --- | --- |');
    for (const e of r.added) out.push(`| added | ${markdownText(e.label)} | ${markdownCode(e.path)} |`);
    for (const e of r.removed) out.push(`| removed | ${markdownText(e.label)} | ${markdownCode(e.path)} |`);
  }
  if (r.changed.length > 0) {
    out.push('', '| Item | Path | Before | After |', '| --- | --- | --- | --- |');
    for (const c of r.changed) {
      out.push(
        `| ${markdownText(c.label)} | ${markdownCode(c.path)} | ${markdownCode(show(c.before))} | ${markdownCode(show(c.after))} |`,
      );
    }
  }
  return out.join('\n');
}
