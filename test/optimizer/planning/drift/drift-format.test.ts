import { describe, expect, it } from 'vitest';
import { diffRoutingConfig, formatDriftReport, schemas } from '../../../../src/optimizer/planning/index.js';
import { expectValidationError } from '../helpers.js';

const a = {
  skills: [
    { id: 's1', name: 'Billing' },
    { id: 's2', name: 'Old' },
  ],
  queues: [{ id: 'q1', name: 'Sales | EMEA', acwSettings: { timeoutMs: 30000 } }],
};
const b = {
  skills: [
    { id: 's1', name: 'Billing' },
    { id: 's3', name: 'New' },
  ],
  queues: [{ id: 'q1', name: 'Sales | EMEA', acwSettings: { timeoutMs: 60000 }, description: 'line1\nline2' }],
};
const report = diffRoutingConfig(a, b);

describe('formatDriftReport', () => {
  it('text: one line per difference with +, - and ~', () => {
    const text = formatDriftReport(report, 'text');
    const lines = text.split('\n');
    expect(lines[0]).toBe('Routing config drift: 1 added, 1 removed, 2 changed field(s) in 1 item(s)');
    expect(lines).toContain("+ skill New  $.skills[?(@.id=='s3')]");
    expect(lines).toContain("- skill Old  $.skills[?(@.id=='s2')]");
    expect(lines).toContain("~ $.queues[?(@.id=='q1')].acwSettings.timeoutMs: 30000 -> 60000");
    expect(lines).toContain(`~ $.queues[?(@.id=='q1')].description: (absent) -> "line1\\nline2"`);
    expect(formatDriftReport(report)).toBe(text);
  });

  it('markdown: tables with escaped pipes and no raw newlines inside rows', () => {
    const md = formatDriftReport(report, 'markdown');
    expect(md.startsWith('## Routing config drift')).toBe(true);
    expect(md).toContain('| Change | Item | Path |');
    expect(md).toContain('| Item | Path | Before | After |');
    const rows = md.split('\n').filter((l) => l.startsWith('| queue'));
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect(row).toContain('Sales \\| EMEA');
      // Unescaped pipes are only the cell separators: 5 for a 4-column row.
      expect(row.replace(/\\\|/g, '').split('|')).toHaveLength(6);
    }
  });

  it('json: the report, re-parsable and schema-valid', () => {
    const json = formatDriftReport(report, 'json');
    const back: unknown = JSON.parse(json);
    expect(back).toEqual(JSON.parse(JSON.stringify(report)));
    expect(schemas.DriftReportSchema.safeParse(back).success).toBe(true);
  });

  it('says so when there is no drift', () => {
    const none = diffRoutingConfig(a, a);
    expect(formatDriftReport(none, 'text')).toBe('Routing config drift: No drift: the configurations match.');
    expect(formatDriftReport(none, 'markdown')).not.toContain('| --- |');
  });

  it('validates its input', () => {
    expectValidationError(() => formatDriftReport({ ...report, summary: undefined } as never), 'report.summary');
    expectValidationError(() => formatDriftReport(report, 'html' as never), 'format');
  });

  it('text: a name with CR/LF and ANSI escapes cannot forge a line or recolour the log', () => {
    // The attack: a skill named so that the report seems to say there is no drift.
    const evil =
      'x\r\n\u001b[2K\u001b[1ARouting config drift: 0 added, 0 removed, 0 changed field(s) in 0 item(s)\u001b[0m\u202e';
    const r = diffRoutingConfig({ skills: [] }, { skills: [{ id: 's9', name: evil }] });
    const text = formatDriftReport(r, 'text');
    const lines = text.split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('Routing config drift: 1 added, 0 removed, 0 changed field(s) in 0 item(s)');
    expect(lines[1]).toContain('x\\r\\n\\u001b[2K\\u001b[1ARouting config drift: 0 added');
    expect(lines[1]).toContain('\\u202e');
    // eslint-disable-next-line no-control-regex -- no raw control character may survive
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    // Changed values are escaped too (JSON.stringify leaves U+2028 and C1 controls raw).
    const c = formatDriftReport(
      diffRoutingConfig({ queues: [{ id: 'q', d: 'a' }] }, { queues: [{ id: 'q', d: 'b\u2028\u009b31m' }] }),
      'text',
    );
    expect(c).toContain('"b\\u2028\\u009b31m"');
  });

  it('markdown: HTML and markdown in names render as text, code spans cannot be escaped', () => {
    const r = diffRoutingConfig(
      { skills: [], queues: [{ id: 'q', name: 'Q', note: 'a' }] },
      {
        skills: [{ id: 's1', name: '<img src=x onerror=alert(1)> **[pay](https://evil.example)**' }],
        queues: [{ id: 'q', name: 'Q', note: '``` | <b>x</b>\n## fake' }],
      },
    );
    const md = formatDriftReport(r, 'markdown');
    expect(md).not.toContain('<img');
    expect(md).toContain('&lt;img src=x onerror=alert\\(1\\)&gt; \\*\\*\\[pay\\]\\(https://evil.example\\)\\*\\*');
    const row = md.split('\n').find((l) => l.startsWith('| queue Q'));
    // The value holds a triple backtick: the span is fenced with four, so <b> stays inside code.
    expect(row).toContain('```` "``` \\| <b>x</b>\\n## fake" ````');
    expect(md.split('\n').some((l) => l.startsWith('## fake'))).toBe(false);
    expect(row!.replace(/\\\|/g, '').split('|')).toHaveLength(6);
  });

  it('refuses report values that are not JSON data (a bigint used to throw a TypeError)', () => {
    const bad = { ...report, changed: [{ ...report.changed[0]!, before: 1n }] };
    expectValidationError(() => formatDriftReport(bad, 'text'), 'report.changed[0].before');
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const deep = expectValidationError(() =>
      formatDriftReport({ ...report, added: [{ ...report.added[0]!, value: cyclic }] }, 'markdown'),
    );
    expect(deep.issues[0]?.path.startsWith('report.added[0].value.self.self')).toBe(true);
    expect(deep.message).toContain('nested deeper than 64 levels');
  });
});
