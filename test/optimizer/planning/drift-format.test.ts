import { describe, expect, it } from 'vitest';
import { DriftReportSchema, diffRoutingConfig, formatDriftReport } from '../../../src/optimizer/planning/index.js';
import { expectValidationError } from './helpers.js';

const a = {
  skills: [{ id: 's1', name: 'Billing' }, { id: 's2', name: 'Old' }],
  queues: [{ id: 'q1', name: 'Sales | EMEA', acwSettings: { timeoutMs: 30000 } }],
};
const b = {
  skills: [{ id: 's1', name: 'Billing' }, { id: 's3', name: 'New' }],
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
    expect(DriftReportSchema.safeParse(back).success).toBe(true);
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
});
