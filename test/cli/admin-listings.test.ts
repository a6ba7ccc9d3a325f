// genesys-routing languages | skill-groups | presence against the emulator.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { liveStatus } from '../../src/testing/emulator/state/live-status.js';
import { emulator } from '../transport/helpers.js';

let out: string[];
let err: string[];
beforeEach(() => {
  out = [];
  err = [];
  vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')));
  vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')));
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
    delete process.env[k];
});

async function org() {
  const emu = await emulator();
  Object.assign(process.env, {
    GENESYS_CLIENT_ID: emu.clientId,
    GENESYS_CLIENT_SECRET: emu.clientSecret,
    GENESYS_API_BASE_URL: emu.baseUrl,
    GENESYS_LOGIN_BASE_URL: emu.baseUrl,
  });
  return emu;
}

describe('admin listings', () => {
  it('languages: every language with how many active users hold it', async () => {
    const emu = await org();
    expect(await main(['languages', '--json'])).toBe(0);
    const rows = JSON.parse(out.join('\n')) as Array<{ name: string; users: number }>;
    expect(rows.map((r) => r.name)).toEqual(['English', 'French', 'German', 'Spanish']);
    // Every seeded active user holds English.
    expect(rows[0]!.users).toBe([...emu.state.users.values()].filter((u) => u.state === 'active').length);
    expect(await main(['languages', '--queue', 'x'])).toBe(2);
  });

  it('skill-groups: name, members and readable conditions', async () => {
    await org();
    expect(await main(['skill-groups'])).toBe(0);
    expect(out.join('\n')).toMatch(/Experts .* GreaterThanOrEqualTo 4/);
  });

  it('presence: a queue’s members with presence and routing status, and a count per status', async () => {
    const emu = await org();
    const queue = [...emu.state.queues.values()][0]!;
    expect(await main(['presence', '--queue', queue.name, '--json'])).toBe(0);
    const rows = JSON.parse(out.join('\n')) as Array<{ id: string; routingStatus: string; presence: string }>;
    expect(rows.map((r) => r.id).sort()).toEqual(
      [...emu.state.membersOf(queue.id).keys()].filter((id) => emu.state.users.get(id)?.state === 'active').sort(),
    );
    // The emulator's agents work shifts: the live status follows the rota unless set since (state/live-status.ts).
    for (const r of rows)
      expect(r.routingStatus).toBe(liveStatus(emu.state, emu.state.users.get(r.id)!).routingStatus.status);
    out.length = 0;
    expect(await main(['presence'])).toBe(0);
    expect(out.join('\n')).toMatch(/OFF_QUEUE: \d+|IDLE: \d+/);
    expect(await main(['presence', '--queue', 'No such queue'])).toBe(2);
    expect(err.join('\n')).toContain('no queue has this id or name');
  });
});
