// genesys-routing apply: a dry run lists what would change by user with names, the whole plan (memberships too) goes
// through one applyPlan call, another kind of file is named as such, the summary gives the retry count, and
// --take-over takes a lease from a holder known to be dead.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FileJournal } from '../../src/workflows/journal/journals.js';
import { emulator } from '../transport/helpers.js';
import { handMadePlan } from '../workflows/plan-fixtures.js';
import { captureCliOutput, io, run, useOrg } from './helpers.js';

captureCliOutput();

const dir = mkdtempSync(join(tmpdir(), 'grsdk-cli-apply-out-'));

describe('genesys-routing apply output', () => {
  it('--dry-run lists the changes grouped by user, with names, memberships included', async () => {
    const emu = await emulator({ seed: 5 });
    useOrg(emu);
    const plan = handMadePlan(emu, 2);
    for (const c of plan.changes)
      Object.assign(c, {
        userName: emu.state.users.get(c.userId)!.name,
        skillName: emu.state.skills.get(c.skillId)!.name,
      });
    const userId = plan.changes[0]!.userId;
    const queue = [...emu.state.queues.values()][0]!;
    emu.state.membersOf(queue.id).delete(userId); // so the plan has a membership to add
    const userName = emu.state.users.get(userId)!.name;
    const file = join(dir, 'dry.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...plan,
        memberships: [{ userId, userName, queueId: queue.id, queueName: queue.name, action: 'add', reason: 'test' }],
      }),
    );
    expect(await run('apply', file, '--dry-run')).toBe(0);
    const text = io.out.join('\n');
    expect(text).toContain('Would change 2 user(s):');
    expect(text).toContain(`  ${userName} (${userId})`);
    expect(text).toContain(`    join queue ${queue.name} (${queue.id})`);
    const add = plan.changes.find((c) => c.userId === userId && c.action === 'add')!;
    expect(text).toContain(`    add ${add.skillName} (${add.skillId}) at ${add.after}`);
    const upd = plan.changes.find((c) => c.userId === userId && c.action === 'update')!;
    expect(text).toContain(`    set ${upd.skillName} (${upd.skillId}) ${upd.before} -> ${upd.after}`);
    expect(emu.state.membersOf(queue.id).has(userId)).toBe(false);
    // Applied for real: the membership is added in the same run, before the skills.
    io.out.length = 0;
    expect(await run('apply', file, '--journal', join(dir, 'dry.journal'))).toBe(0);
    expect(emu.state.membersOf(queue.id).has(userId)).toBe(true);
    expect(io.out.join('\n')).toMatch(/memberships: 1 applied \(of 1, applied before the skills\)/);
    expect(io.out.join('\n')).toMatch(/^0 request\(s\) retried/m);
  });

  it('a snapshot is named as a snapshot, not listed as schema issues (exit 2)', async () => {
    const file = join(dir, 'snapshot.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: 'genesys-routing-sdk/routing-snapshot',
        version: 1,
        capturedAt: '2025-01-01T00:00:00Z',
        queues: [],
        userSkills: {},
      }),
    );
    expect(await run('apply', file)).toBe(2);
    expect(io.err.join('\n')).toMatch(/snapshot\.json: this is a routing snapshot .*not a plan/);
  });

  it('the summary counts the retries it took under faults', async () => {
    const emu = await emulator({ seed: 6, faults: { rate: 0.3, kinds: ['503'], seed: 3 } });
    useOrg(emu);
    const file = join(dir, 'faults.json');
    writeFileSync(file, JSON.stringify(handMadePlan(emu, 6)));
    await run('apply', file, '--journal', join(dir, 'faults.journal'));
    const line = io.out.find((l) => /request\(s\) retried/.test(l))!;
    expect(Number(line.split(' ')[0])).toBeGreaterThan(0);
  });

  it('--take-over takes the lease from a live holder; without it the run is refused', async () => {
    const emu = await emulator({ seed: 7 });
    useOrg(emu);
    const plan = handMadePlan(emu, 2);
    const file = join(dir, 'locked.json');
    const journal = join(dir, 'locked.journal');
    writeFileSync(file, JSON.stringify(plan));
    await new FileJournal(journal).acquire(plan.id, { owner: 'worker-on-another-host', ttlMs: 600_000, waitMs: 0 });
    expect(await run('apply', file, '--journal', journal)).not.toBe(0);
    expect(io.err.join('\n')).toMatch(/worker-on-another-host.*--take-over/);
    expect(await run('apply', file, '--journal', journal, '--take-over')).toBe(0);
  });
});
