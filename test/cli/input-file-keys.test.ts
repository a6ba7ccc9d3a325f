// An unknown key in an input file is named, with the closest known key, and nothing runs: the plan file of
// `apply`, the policy file of `autopilot`, the rules file of `validate` and a snapshot given to `drift`.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emulator } from '../transport/helpers.js';
import { handMadePlan, writes } from '../workflows/plan-fixtures.js';
import { captureCliOutput, io, run, useOrg } from './helpers.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-keys-'));
const file = (name: string, value: unknown) => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('unknown keys in input files', () => {
  it('apply: a misspelled field of a plan or of one of its changes, exit 2, nothing sent', async () => {
    const emu = await emulator();
    useOrg(emu);
    const plan = handMadePlan(emu, 2);
    const { languageChanges: _none, ...rest } = plan;
    emu.resetStats();
    expect(await run('apply', file('plan.json', { ...rest, languageChange: [] }))).toBe(2);
    expect(io.err.join('\n')).toContain('languageChange: unknown key; did you mean languageChanges?');
    const changes = plan.changes.map((c, i) => (i === 0 ? { ...c, skilName: 'Billing' } : c));
    expect(await run('apply', file('plan.json', { ...plan, changes }))).toBe(2);
    expect(io.err.join('\n')).toContain('changes[0].skilName: unknown key; did you mean skillName?');
    expect(emu.stats.requestLog).toEqual([]);
    expect(writes(emu)).toBe(0);
  });

  it('autopilot: a misspelled policy field, exit 2', async () => {
    const code = await run('autopilot', '--policy', file('policy.json', { shadow: true, decisionPeriodMinute: 5 }));
    expect(code).toBe(2);
    expect(io.err.join('\n')).toContain('decisionPeriodMinute: unknown key; did you mean decisionPeriodMinutes?');
  });

  it('validate: a misspelled field of a routing rule, exit 1 with the suggestion', async () => {
    const rules = {
      skills: ['Billing'],
      queues: [{ name: 'Billing', requiredSkills: ['Billing'], priority: 5, capacity: 2, overflowQueu: 'Other' }],
    };
    const code = await run('validate', file('rules.json', rules));
    expect(code).toBe(1);
    expect(io.out.join('\n')).toContain('queues[0].overflowQueu: unknown key; did you mean overflowQueue?');
  });

  it('drift: a misspelled snapshot section is named instead of read as not captured', async () => {
    const snapshot = {
      kind: 'genesys-routing-sdk/routing-snapshot',
      version: 2,
      takenAt: '2026-11-24T00:00:00.000Z',
      org: 'https://api.example.com',
      queues: [],
      skills: [],
      members: [],
      userSkills: [],
      skilGroups: [],
    };
    const path = file('snapshot.json', snapshot);
    const code = await run('drift', path, path);
    expect(code).toBe(2);
    expect(io.err.join('\n')).toContain('skilGroups: unknown key; did you mean skillGroups?');
  });
});
