// `genesys-routing apply` on a plan with nothing in it: one sentence, exit 0, no table header, no request.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PLAN_KIND, PLAN_VERSION, type Plan } from '../../src/workflows/plan.js';
import { captureCliOutput, io, run } from './helpers.js';

captureCliOutput();

const emptyPlan: Plan = {
  kind: PLAN_KIND,
  version: PLAN_VERSION,
  id: 'p-empty',
  createdAt: '2026-11-09T00:00:00.000Z',
  source: 'planRoutingOptimization',
  org: 'http://127.0.0.1:1',
  changes: [],
  memberships: [],
  skipped: [],
  violations: [],
  impact: [],
  summary: { users: 0, adds: 0, updates: 0, removes: 0, skipped: 0, violations: 0 },
};

function planFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'grs-empty-plan-')), 'plan.json');
  writeFileSync(file, JSON.stringify(emptyPlan));
  return file;
}

describe('apply on an empty plan', () => {
  it('says there is nothing to apply, without a table header, and contacts no org', async () => {
    // No GENESYS_* variables are set: a client would fail, so exit 0 also shows that nothing was sent.
    const file = planFile();
    expect(await run('apply', file)).toBe(0);
    expect(io.out).toEqual([
      `${file}: the plan has no skill changes, no memberships and no language changes: nothing to apply.`,
    ]);
    expect(io.out.join('\n')).not.toMatch(/^result\s+items/m);
    expect(io.err).toEqual([]);
  });

  it('the same with --dry-run, and --json says so in a field', async () => {
    const file = planFile();
    expect(await run('apply', file, '--dry-run')).toBe(0);
    expect(io.out.join('\n')).toContain('nothing to apply');
    io.out = [];
    expect(await run('apply', file, '--json')).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toEqual({
      planId: 'p-empty',
      items: [],
      memberships: [],
      languages: [],
      nothingToApply: true,
    });
  });
});
