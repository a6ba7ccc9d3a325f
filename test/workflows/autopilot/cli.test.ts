// genesys-routing autopilot: a bad policy file is refused before anything runs, naming the field (exit 2); the
// decision line says what was decided, changed, refused and verified.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { EventEmitter } from 'eventemitter3';
import { describe, expect, it } from 'vitest';
import { captureCliOutput, io, run } from '../../cli/helpers.js';
import { decisionLine } from '../../../src/cli/commands/autopilot.js';
import { askOnTerminal } from '../../../src/cli/commands/autopilot-prompt.js';
import type { AutopilotDecision, AutopilotEvents, AutopilotProposal } from '../../../src/workflows/autopilot/index.js';

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
  it('refuses a bad --mode, a --shadow that disagrees with it, and approve mode off a terminal, before any request', async () => {
    expect(await run('autopilot', '--policy', policyFile({}), '--mode', 'manual')).toBe(2);
    expect(io.err.join('\n')).toMatch(/--mode must be auto, shadow or approve, got manual/);
    expect(await run('autopilot', '--policy', policyFile({}), '--shadow', '--mode', 'auto')).toBe(2);
    expect(io.err.join('\n')).toMatch(/--shadow and --mode auto disagree/);
    // The test's stdin is not a TTY: approve mode has nobody to ask, whether the flag or the policy asks for it.
    // No org is configured either: the refusal comes first.
    io.err = [];
    expect(await run('autopilot', '--policy', policyFile({}), '--mode', 'approve')).toBe(2);
    expect(io.err.join('\n')).toMatch(
      /approve mode asks y\/N on a terminal, but stdin( and stdout)? (is|are) not a TTY/,
    );
    io.err = [];
    expect(await run('autopilot', '--policy', policyFile({ mode: 'approve' }))).toBe(2);
    expect(io.err.join('\n')).toMatch(/approve mode asks y\/N on a terminal/);
  });
  it('asks y/N for each proposal on the terminal, and withdraws the question once the proposal ends elsewhere', async () => {
    const pilot = new EventEmitter<AutopilotEvents>();
    const input = new PassThrough();
    const output = new PassThrough();
    const asked: string[] = [];
    output.on('data', (chunk: Buffer) => asked.push(String(chunk)));
    const ask = askOnTerminal(() => pilot, { input, output });
    const yes = ask(proposal('p-1'));
    await until(() => asked.join('').includes('[y/N]'));
    input.write('y\n');
    expect(await yes).toBe(true);
    expect(asked.join('')).toContain('apply these 1 change(s)? [y/N] ');
    expect(io.out.join('\n')).toMatch(
      /proposal p-1 \(answer before 09:15 UTC\): 2026-11-24 09:00 adjust \+1 -0 under pressure/,
    );
    const no = ask(proposal('p-2'));
    await until(() => asked.join('').split('[y/N]').length === 3);
    input.write('\n');
    expect(await no).toBe(false);
    const withdrawn = ask(proposal('p-3'));
    await until(() => asked.join('').split('[y/N]').length === 4);
    pilot.emit('proposalResolved', { id: 'p-3', outcome: 'expired' });
    await expect(withdrawn).rejects.toThrow(/abort/i);
    expect(io.out.join('\n')).toContain('proposal p-3 expired: no longer asked');
    expect(pilot.listenerCount('proposalResolved')).toBe(0);
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
      apply: { planId: 'p', at: '2026-11-24T11:15:02.000Z', counts: { applied: 2 } },
      verified: { ok: true, mismatches: 0 },
    });
    expect(line).toBe(
      '2026-11-24 11:15 adjust +1 -0 (1 refused: agentBudget) under pressure: Billing: calls at 2.1x the forecast | applied 2 from 11:15:02 | verified',
    );
  });
});

const decision: AutopilotDecision = {
  seq: 1,
  at: '2026-11-24T09:00:00.000Z',
  kind: 'adjust',
  queues: [],
  onQueue: 40,
  proposed: [],
  refused: [],
  changes: [{ userId: 'a', queueId: 'q', direction: 'gain' }],
  why: 'under pressure: Billing',
  shadow: false,
};
const proposal = (id: string): AutopilotProposal => ({
  id,
  seq: 1,
  createdAt: decision.at,
  expiresAt: '2026-11-24T09:15:00.000Z',
  decision,
  changes: decision.changes,
});

/** Resolves once `check` holds (readline answers on later turns). */
async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 1_000 && !check(); i++) await new Promise((resolve) => setImmediate(resolve));
  expect(check()).toBe(true);
}
