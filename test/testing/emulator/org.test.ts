import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import { api, getToken } from './helpers.js';

describe('emulator: synthetic org and options', () => {
  it('the same seed gives the same org; another seed a different one', async () => {
    const [a, b, c] = await Promise.all([
      startEmulator({ seed: 7 }),
      startEmulator({ seed: 7 }),
      startEmulator({ seed: 8 }),
    ]);
    try {
      expect(a.state.toJSON()).toEqual(b.state.toJSON());
      expect(a.state.toJSON()).not.toEqual(c.state.toJSON());
      const [ta, tb] = await Promise.all([getToken(a), getToken(b)]);
      const [la, lb] = await Promise.all([
        api(a, ta, '/api/v2/users?pageSize=5&expand=skills'),
        api(b, tb, '/api/v2/users?pageSize=5&expand=skills'),
      ]);
      expect(la.body).toEqual(lb.body);
    } finally {
      await Promise.all([a.close(), b.close(), c.close()]);
    }
  });

  it('default org has the documented shape', async () => {
    const emu = await startEmulator();
    try {
      const { state } = emu;
      expect([state.users.size, state.skills.size, state.queues.size]).toEqual([300, 20, 10]);
      const users = [...state.users.values()];
      expect(users.some((u) => u.state === 'inactive')).toBe(true);
      expect(new Set(users.map((u) => u.email)).size).toBe(users.length);
      for (const u of users) {
        const skills = [...(state.userSkills.get(u.id)?.values() ?? [])];
        expect(skills.length).toBeGreaterThanOrEqual(1);
        expect(skills.length).toBeLessThanOrEqual(4);
        for (const p of skills) {
          expect(p).toBeGreaterThanOrEqual(0);
          expect(p).toBeLessThanOrEqual(5);
          expect(Math.round(p * 10)).toBeCloseTo(p * 10, 9);
        }
      }
      for (const q of state.queues.values()) {
        const size = state.members.get(q.id)?.size ?? 0;
        expect(size).toBeGreaterThanOrEqual(20);
        expect(size).toBeLessThanOrEqual(60);
        expect(state.skills.has(state.queueSkill.get(q.id) as string)).toBe(true);
      }
      expect(state.homeDivision.name).toBe('Home');
    } finally {
      await emu.close();
    }
  });

  it('supports an empty org', async () => {
    const emu = await startEmulator({ org: 'empty' });
    try {
      const res = await api(emu, await getToken(emu), '/api/v2/routing/skills');
      expect(res.body).toMatchObject({ entities: [], total: 0, pageCount: 0 });
      expect(res.body['nextUri']).toBeUndefined();
    } finally {
      await emu.close();
    }
  });

  it('rejects bad options naming the option', async () => {
    await expect(startEmulator({ seed: -1 })).rejects.toThrow(/"seed"/);
    await expect(startEmulator({ org: { users: 1.5 } })).rejects.toThrow(/"org\.users"/);
    await expect(startEmulator({ rateLimit: { requests: 0, windowSeconds: 1 } })).rejects.toThrow(
      /"rateLimit\.requests"/,
    );
    await expect(startEmulator({ faults: { rate: 0.1, kinds: ['418' as never] } })).rejects.toThrow(/"faults\.kinds"/);
    await expect(startEmulator({ quirks: { absoluteNextUri: 'yes' as never } })).rejects.toThrow(
      /"quirks\.absoluteNextUri"/,
    );
    await expect(startEmulator({ rateLimt: false } as never)).rejects.toThrow(/unknown option "rateLimt"/);
  });

  it('records requests in stats and the bounded request log', async () => {
    const emu = await startEmulator({ org: 'empty', requestLogSize: 2 });
    try {
      const token = await getToken(emu);
      await api(emu, token, '/api/v2/routing/skills');
      await api(emu, undefined, '/api/v2/routing/skills');
      expect(emu.stats.requests).toBe(3);
      expect(emu.stats.byStatus[401]).toBe(1);
      expect(emu.stats.byRoute['GET /api/v2/routing/skills']?.count).toBe(2);
      expect(emu.stats.requestLog).toHaveLength(2);
      expect(emu.stats.requestLog[0]).toMatchObject({
        method: 'GET',
        path: '/api/v2/routing/skills',
        status: 200,
        clientId: emu.clientId,
      });
      emu.resetStats();
      expect(emu.stats.requests).toBe(0);
      expect(emu.stats.requestLog).toHaveLength(0);
    } finally {
      await emu.close();
    }
  });
});
