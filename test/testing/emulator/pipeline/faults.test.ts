import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../../src/testing/index.js';
import type { Emulator, FaultOptions } from '../../../../src/testing/index.js';
import { getToken } from '../helpers.js';

/** Status of each of `n` sequential GETs; 0 = connection reset. */
async function statuses(emu: Emulator, token: string, n: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    try {
      const res = await fetch(emu.url('/api/v2/routing/skills'), { headers: { Authorization: `Bearer ${token}` } });
      await res.arrayBuffer();
      out.push(res.status);
    } catch {
      out.push(0);
    }
  }
  return out;
}

describe('emulator: deterministic faults', () => {
  const faults: FaultOptions = { rate: 0.5, kinds: ['429', '500', '503', 'reset'], seed: 42 };

  it('the same seed gives the same fault sequence', async () => {
    const runs: number[][] = [];
    for (let i = 0; i < 2; i++) {
      const emu = await startEmulator({ org: { users: 2, skills: 2, queues: 1 }, faults });
      try {
        runs.push(await statuses(emu, await getToken(emu), 24));
        expect(emu.stats.requestLog.filter((r) => r.fault).length).toBeGreaterThan(0);
      } finally {
        await emu.close();
      }
    }
    expect(runs[0]).toEqual(runs[1]);
    expect(new Set(runs[0])).toEqual(new Set([200, 429, 500, 503, 0]));
  });

  it('a faulted request changes nothing; 429 faults carry Retry-After; setFaults(null) stops them', async () => {
    const emu = await startEmulator({ org: { users: 3, skills: 3, queues: 1 }, faults: { rate: 1, kinds: ['500'] } });
    try {
      const token = await getToken(emu); // /oauth/token is outside the default match
      const userId = [...emu.state.users.keys()][0] as string;
      const before = JSON.stringify(emu.state);
      const res = await fetch(emu.url(`/api/v2/users/${userId}/routingskills/bulk`), {
        method: 'PUT',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: '[]',
      });
      expect(res.status).toBe(500);
      expect(((await res.json()) as { code: string }).code).toBe('internal.server.error');
      expect(JSON.stringify(emu.state)).toBe(before);

      emu.setFaults({ rate: 1, kinds: ['429'], match: '/api/v2/users' });
      const limited = await fetch(emu.url('/api/v2/users'), { headers: { Authorization: `Bearer ${token}` } });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toBe('1');
      expect((await statuses(emu, token, 1))[0]).toBe(200); // outside the match prefix

      emu.setFaults(null);
      expect((await fetch(emu.url('/api/v2/users'), { headers: { Authorization: `Bearer ${token}` } })).status).toBe(
        200,
      );
      expect(() => emu.setFaults({ rate: 2 })).toThrow(/setFaults\.rate/);
    } finally {
      await emu.close();
    }
  });

  it("'slow' delays then answers normally; latencyMs delays every response", async () => {
    const emu = await startEmulator({ org: 'empty', faults: { rate: 1, kinds: ['slow'], slowMs: 150 }, latencyMs: 20 });
    try {
      const token = await getToken(emu);
      const t0 = Date.now();
      expect(await statuses(emu, token, 1)).toEqual([200]);
      expect(Date.now() - t0).toBeGreaterThanOrEqual(160);
    } finally {
      await emu.close();
    }
  });
});
