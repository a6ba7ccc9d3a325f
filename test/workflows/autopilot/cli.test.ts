// genesys-routing autopilot: a bad policy file is refused before anything runs, naming the field (exit 2); the
// decision line says what was decided, changed, refused and verified.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureCliOutput, io, run } from '../../cli/helpers.js';
import { decisionLine } from '../../../src/cli/commands/autopilot.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-autopilot-cli-'));
const policyFile = (value: unknown) => {
  const path = join(dir, `policy-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(value));
  return path;
};

describe('genesys-routing autopilot', () => {
  it('names the bad field of the policy and exits 2 before any request', async () => {
    const code = await run('autopilot', '--policy', policyFile({ guardrails: { maxChangesPerHour: 'ten' } }));
    expect(code).toBe(2);
    expect(io.err.join('\n')).toMatch(/guardrails\.maxChangesPerHour/);
  });
  it('refuses a missing policy file and a bad --decisions', async () => {
    expect(await run('autopilot', '--policy', join(dir, 'nope.json'))).toBe(2);
    expect(io.err.join('\n')).toMatch(/no such file/);
    expect(await run('autopilot', '--policy', policyFile({}), '--decisions', '0')).toBe(2);
    expect(await run('autopilot')).toBe(2);
  });
  it('refuses a bad --mode, a --shadow that disagrees with it, and approve mode off a terminal', async () => {
    expect(await run('autopilot', '--policy', policyFile({}), '--mode', 'manual')).toBe(2);
    expect(io.err.join('\n')).toMatch(/--mode must be shadow, approve or auto/);
    expect(await run('autopilot', '--policy', policyFile({}), '--shadow', '--mode', 'auto')).toBe(2);
    // The test's stdin is not a TTY: approve mode has nobody to ask.
    expect(await run('autopilot', '--policy', policyFile({}), '--mode', 'approve')).toBe(2);
    expect(io.err.join('\n')).toMatch(/approve mode asks on a terminal/);
  });
  it('prints one line per decision', () => {
    const line = decisionLine({
      seq: 3,
      at: '2026-11-24T11:15:00.000Z',
      kind: 'adjust',
      queues: [],
      onQueue: 40,
      proposed: [],
      refused: [{ change: { userId: 'u', queueId: 'q', direction: 'gain' }, rule: 'agentBudget', message: '' }],
      changes: [{ userId: 'a', queueId: 'q', direction: 'gain' }],
      why: 'under pressure: Billing: calls at 2.1x the forecast',
      shadow: false,
      apply: { planId: 'p', counts: { applied: 2 } },
      verified: { ok: true, mismatches: 0 },
    });
    expect(line).toBe(
      '2026-11-24 11:15 adjust +1 -0 (1 refused: agentBudget) under pressure: Billing: calls at 2.1x the forecast | applied 2 | verified',
    );
  });
});
