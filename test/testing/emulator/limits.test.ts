import { describe, expect, it } from 'vitest';
import { startEmulator } from '../../../src/testing/index.js';
import { api, getToken } from './helpers.js';
import type { ErrorBodyShape } from './helpers.js';

describe('emulator: rate limit and permissions', () => {
  it('answers 429 with Retry-After and inin-ratelimit headers, per client, and resets after the window', async () => {
    const emu = await startEmulator({
      org: { users: 3, skills: 2, queues: 1 },
      rateLimit: { requests: 3, windowSeconds: 1 },
      clients: [{ clientId: 'other', clientSecret: 's' }],
    });
    try {
      const token = await getToken(emu);
      const counts: string[] = [];
      for (let i = 0; i < 3; i++) {
        const ok = await api(emu, token, '/api/v2/routing/skills');
        expect(ok.status).toBe(200);
        counts.push(ok.headers.get('inin-ratelimit-count') ?? '');
        expect(ok.headers.get('inin-ratelimit-allowed')).toBe('3');
        expect(Number(ok.headers.get('inin-ratelimit-reset'))).toBeGreaterThanOrEqual(1);
      }
      expect(counts).toEqual(['1', '2', '3']);
      const limited = await api<ErrorBodyShape>(emu, token, '/api/v2/routing/skills');
      expect(limited.status).toBe(429);
      expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(limited.body.code).toBe('too.many.requests.retry.after');
      expect(limited.body.message).toMatch(/Retry the request in \[\d+\] seconds/);
      expect(limited.body.contextId).toBe(limited.headers.get('inin-correlation-id'));
      // The token endpoint is not behind the API limiter; another client has its own window.
      const other = await getToken(emu, 'other', 's');
      expect((await api(emu, other, '/api/v2/routing/skills')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 1050));
      expect((await api(emu, token, '/api/v2/routing/skills')).status).toBe(200);
    } finally {
      await emu.close();
    }
  });

  it('answers 403 missing.any.permissions / missing.permissions naming the permissions', async () => {
    const emu = await startEmulator({
      org: { users: 3, skills: 2, queues: 1 },
      clients: [
        { clientId: 'reader', clientSecret: 'r', permissions: ['routing:queue:view', 'routing:skill:view'] },
        { clientId: 'wild', clientSecret: 'w', permissions: ['routing:skill:*'] },
      ],
    });
    try {
      const reader = await getToken(emu, 'reader', 'r');
      const userId = [...emu.state.users.keys()][0] as string;
      const skillId = [...emu.state.skills.keys()][0] as string;
      expect((await api(emu, reader, '/api/v2/routing/queues')).status).toBe(200);
      const denied = await api<ErrorBodyShape>(emu, reader, `/api/v2/users/${userId}/routingskills`, {
        method: 'POST',
        json: { id: skillId, proficiency: 1 },
      });
      expect(denied.status).toBe(403);
      expect(denied.body.code).toBe('missing.permissions');
      expect(denied.body.message).toContain('routing:skill:assign');
      const bulk = await api<ErrorBodyShape>(emu, reader, `/api/v2/users/${userId}/routingskills/bulk`, {
        method: 'PATCH',
        json: [{ id: skillId, proficiency: 1 }],
      });
      expect(bulk.status).toBe(403);
      expect(bulk.body.code).toBe('missing.any.permissions');
      const anyOf = await api<ErrorBodyShape>(emu, reader, '/api/v2/routing/skills', {
        method: 'POST',
        json: { name: 'X' },
      });
      expect(anyOf.status).toBe(403);
      expect(anyOf.body.code).toBe('missing.any.permissions');
      expect(anyOf.body.message).toContain('routing:skill:manage');
      expect(emu.state.auditLog).toHaveLength(0);

      const wild = await getToken(emu, 'wild', 'w');
      expect(
        (
          await api(emu, wild, `/api/v2/users/${userId}/routingskills/bulk`, {
            method: 'PATCH',
            json: [{ id: skillId, proficiency: 1 }],
          })
        ).status,
      ).toBe(200);
      expect((await api(emu, wild, '/api/v2/routing/queues')).status).toBe(403);
    } finally {
      await emu.close();
    }
  });
});
