// FileJournal's lease records its holder (owner, host, pid, start time); a holder on this host whose process is
// gone is taken over at once, a live one only with takeOver, and the old holder then learns it lost the lease.
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPlanLockedError } from '../../../src/index.js';
import { FileJournal } from '../../../src/workflows/journal/journals.js';

const journalPath = async () => join(await mkdtemp(join(tmpdir(), 'grsdk-lease-')), 'plan.journal');

describe('FileJournal lease holder', () => {
  it('the lock file names owner, host, pid and start time', async () => {
    const path = await journalPath();
    const lease = await new FileJournal(path).acquire('p', { owner: 'me', ttlMs: 60_000, waitMs: 0 });
    const lock = JSON.parse(await readFile(`${path}.lock`, 'utf8'));
    expect(lock).toMatchObject({ planId: 'p', owner: 'me', host: hostname(), pid: process.pid });
    expect(Date.parse(lock.startedAt)).toBeGreaterThan(0);
    expect(lock.expiresAt).toBeGreaterThan(Date.now());
    await lease.release();
  });

  it('takes over at once a holder on this host whose process is gone; a live one on another host only with takeOver', async () => {
    const path = await journalPath();
    const gone = Number(
      spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString(),
    );
    await writeFile(
      `${path}.lock`,
      JSON.stringify({
        planId: 'p',
        owner: 'crashed',
        host: hostname(),
        pid: gone,
        startedAt: new Date().toISOString(),
        expiresAt: Date.now() + 600_000,
      }),
    );
    const mine = await new FileJournal(path).acquire('p', { owner: 'resumer', ttlMs: 60_000, waitMs: 0 });
    expect(JSON.parse(await readFile(`${path}.lock`, 'utf8')).owner).toBe('resumer');
    await mine.release();

    await writeFile(
      `${path}.lock`,
      JSON.stringify({
        planId: 'p',
        owner: 'remote',
        host: 'other-host',
        pid: 4242,
        startedAt: '2025-01-01T00:00:00.000Z',
        expiresAt: Date.now() + 600_000,
      }),
    );
    const refused = await new FileJournal(path)
      .acquire('p', { owner: 'resumer', ttlMs: 60_000, waitMs: 0 })
      .catch((e: unknown) => e);
    expect(isPlanLockedError(refused)).toBe(true);
    expect((refused as Error).message).toMatch(/remote on other-host \(pid 4242, since 2025-01-01T00:00:00.000Z\)/);
    const taken = await new FileJournal(path).acquire('p', {
      owner: 'operator',
      ttlMs: 60_000,
      waitMs: 0,
      takeOver: true,
    });
    expect(await taken.holder!()).toBe('operator');
    await taken.release();
  });

  it('a holder whose lease was taken over gets false from renew and leaves the new lock alone', async () => {
    const path = await journalPath();
    const first = await new FileJournal(path).acquire('p', { owner: 'first', ttlMs: 60_000, waitMs: 0 });
    const second = await new FileJournal(path).acquire('p', {
      owner: 'second',
      ttlMs: 60_000,
      waitMs: 0,
      takeOver: true,
    });
    expect(await first.renew()).toBe(false);
    await first.release();
    expect(await second.renew()).toBe(true);
    expect(await second.holder!()).toBe('second');
    await second.release();
  });
});
