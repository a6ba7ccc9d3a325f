import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  FileKillSwitch,
  MemoryKillSwitch,
  isStopped,
  type KillSwitch,
} from '../../../src/workflows/autopilot/kill-switch.js';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('kill switches', () => {
  it('a file switch is engaged while the file exists', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kill-'));
    const path = join(dir, 'stop');
    const k = new FileKillSwitch(path);
    expect(await isStopped(k)).toBe(false);
    await writeFile(path, '');
    expect(await isStopped(k)).toBe(true);
    expect(k.describe).toBe(`file:${path}`);
  });

  it('a file switch that cannot be checked counts as engaged', async () => {
    dir = await mkdtemp(join(tmpdir(), 'kill-'));
    // A path through a regular file: ENOTDIR, not ENOENT.
    await writeFile(join(dir, 'plain'), '');
    expect(await isStopped(new FileKillSwitch(join(dir, 'plain', 'stop')))).toBe(true);
  });

  it('a switch whose read throws counts as engaged; none given never stops', async () => {
    const broken: KillSwitch = { describe: 'broken', engaged: () => Promise.reject(new Error('redis down')) };
    expect(await isStopped(broken)).toBe(true);
    expect(await isStopped(undefined)).toBe(false);
    const m = new MemoryKillSwitch();
    m.engage();
    expect(await isStopped(m)).toBe(true);
    m.release();
    expect(await isStopped(m)).toBe(false);
  });
});
