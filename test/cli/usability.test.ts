// The CLI as a new user meets it: names wherever ids go, a queue listing, help with examples, progress on
// stderr, the full "why", names beside ids, Erlang A staffing.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands } from '../../src/cli/commands/index.js';
import { staffHelp } from '../../src/cli/commands/staff.js';
import { requiredAgentsErlangA, trafficFromVolume } from '../../src/optimizer/index.js';
import { emulator } from '../transport/helpers.js';
import { captureCliOutput, io, run, runOnTerminal, useOrg } from './helpers.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-use-'));

describe('help', () => {
  it('every command has examples; staff describes each of its flags', async () => {
    for (const [name, command] of Object.entries(commands)) {
      expect(command.help, name).toContain('Examples:');
      expect(command.help, name).toContain(`genesys-routing ${name}`);
    }
    for (const flag of [
      '--calls',
      '--aht',
      '--interval',
      '--sl',
      '--target',
      '--max-asa',
      '--max-occupancy',
      '--patience',
      '--max-abandon',
      '--shrinkage',
      '--range',
      '--json',
    ]) {
      expect(staffHelp).toMatch(new RegExp(`^\\s+${flag}\\b.+\\S`, 'm'));
    }
  }, 60_000);
});

describe('staff --patience (Erlang A)', () => {
  it('prints the Erlang A staffing with the abandon rate, and fewer agents than Erlang C', async () => {
    expect(
      await run(
        'staff',
        '--calls',
        '300',
        '--aht',
        '240',
        '--sl',
        '0.8',
        '--target',
        '20',
        '--patience',
        '90',
        '--json',
      ),
    ).toBe(0);
    const a = JSON.parse(io.out.join('\n'));
    const traffic = trafficFromVolume({ calls: 300, intervalSeconds: 1800, ahtSeconds: 240 });
    const expected = requiredAgentsErlangA({
      traffic,
      ahtSeconds: 240,
      patienceSeconds: 90,
      serviceLevel: 0.8,
      targetSeconds: 20,
    });
    expect(a.agents).toBe(expected.agents);
    expect(a.abandonRate).toBe(expected.probabilityOfAbandon);
    io.out = [];
    expect(await run('staff', '--calls', '300', '--aht', '240', '--sl', '0.8', '--target', '20', '--json')).toBe(0);
    expect(JSON.parse(io.out.join('\n')).agents).toBeGreaterThan(a.agents);
    io.out = [];
    expect(
      await run(
        'staff',
        '--calls',
        '300',
        '--aht',
        '240',
        '--sl',
        '0.8',
        '--target',
        '20',
        '--patience',
        '90',
        '--shrinkage',
        '0.3',
      ),
    ).toBe(0);
    expect(io.out.join('\n')).toContain('abandon');
  }, 60_000);
});

describe('against an org (emulator)', () => {
  it('queues lists names and ids; --queue takes a name; an unknown name gets "did you mean"', async () => {
    const emu = await emulator({ seed: 3 });
    useOrg(emu);
    expect(await run('queues')).toBe(0);
    const listing = io.out.join('\n');
    const billing = [...emu.state.queues.values()].find((q) => q.name === 'Billing Support')!;
    expect(listing).toContain('Billing Support');
    expect(listing).toContain(billing.id);
    io.out = [];
    expect(await run('queues', '--json')).toBe(0);
    expect(JSON.parse(io.out.join('\n'))).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: billing.id, name: 'Billing Support' })]),
    );

    const planFile = join(dir, 'billing-plan.json');
    expect(await run('plan', '--queue', 'Billing Support', '--days', '3', '--out', planFile)).toBe(0);
    const plan = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(plan.impact.map((q: { queueId: string }) => q.queueId)).toEqual([billing.id]);
    expect(await run('plan', '--queue', 'billing support', '--queue', billing.id, '--days', '3', '--json')).toBe(0);
    expect(await run('recommend', '--queue', 'Biling Support', '--days', '3')).toBe(2);
    expect(io.err.join('\n')).toContain('did you mean "Billing Support"?');
    io.err = [];
    // optimize resolves --queue like every other command: a usage error (2) naming the flag, before any planning.
    expect(await run('optimize', '--queue', 'Biling Support', '--days', '3')).toBe(2);
    expect(io.err.join('\n')).toContain(
      '--queue "Biling Support": no queue has this id or name; did you mean "Billing Support"?',
    );
  }, 60_000);

  it('plan prints every reason in full, names beside ids, and progress on a terminal', async () => {
    const emu = await emulator({ seed: 3 });
    useOrg(emu);
    const planFile = join(dir, 'full-plan.json');
    expect(await runOnTerminal('plan', '--days', '3', '--out', planFile)).toBe(0);
    const plan = JSON.parse(readFileSync(planFile, 'utf8')) as { changes: { userName?: string; reasons: string[] }[] };
    const printed = io.out.join('\n');
    const shown = plan.changes.slice(0, 20);
    expect(shown.some((c) => c.reasons.length > 1 && c.reasons.join('; ').length > 70)).toBe(true);
    for (const c of shown) expect(printed).toContain(c.reasons.join('; '));
    expect(io.progress.join('')).toContain('planning from 3 day(s) of history...');
    expect(io.progress.join('')).toMatch(/done in \d+\.\d s/);
  }, 60_000);

  it('recommend and drift --snapshot draw progress while they work', async () => {
    const emu = await emulator({ seed: 3 });
    useOrg(emu);
    expect(await runOnTerminal('recommend', '--days', '3', '--max-changes', '3')).toBe(0);
    expect(io.progress.join('')).toContain('recommending from 3 day(s) of history...');
    io.progress = [];
    expect(await runOnTerminal('drift', '--snapshot', join(dir, 'snap.json'))).toBe(0);
    const drawn = io.progress.join('');
    expect(drawn).toContain('reading the routing config of');
    expect(drawn).toMatch(/\d+ (queues|skills|members|user skills)/);
  }, 60_000);

  it('plan.skipped and the skipped lines carry names beside ids', async () => {
    const emu = await emulator({ seed: 3 });
    useOrg(emu);
    const file = join(dir, 'rec.json');
    expect(await run('recommend', '--days', '3', '--max-changes', '1', '--out', file)).toBe(0);
    const rec = JSON.parse(readFileSync(file, 'utf8')) as {
      skipped: { userId?: string; userName?: string; skillId?: string; skillName?: string }[];
    };
    const withUser = rec.skipped.filter((s) => s.userId);
    expect(withUser.length).toBeGreaterThan(0);
    for (const s of withUser) {
      expect(s.userName).toBe(emu.state.users.get(s.userId!)?.name);
      expect(s.skillName).toBeTypeOf('string');
    }
    const first = withUser[0]!;
    expect(io.out.join('\n')).toContain(`skipped: `);
    expect(io.out.join('\n')).toContain(`user ${first.userName} (${first.userId})`);
  }, 60_000);

  it('progress stays off stderr when it is not a terminal', async () => {
    const emu = await emulator({ seed: 3 });
    useOrg(emu);
    expect(await run('drift', '--snapshot', join(dir, 'snap2.json'))).toBe(0);
    expect(io.err).toEqual([]);
  }, 60_000);
});
