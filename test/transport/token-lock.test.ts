import { describe, expect, it } from 'vitest';
import type { SharedStateEvent, StoredToken, TokenStore } from '../../src/index.js';
import { clientFor, emulator, tokenRequests } from './helpers.js';

/** A store shared by several clients (stand-in for processes), with the optional lock. */
function lockingStore(): TokenStore & { locks: number } {
  const tokens = new Map<string, StoredToken>();
  const held = new Set<string>();
  return {
    locks: 0,
    get: async (key) => tokens.get(key),
    set: async (key, token) => void tokens.set(key, token),
    delete: async (key) => void tokens.delete(key),
    async lock(key) {
      if (held.has(key)) return undefined;
      held.add(key);
      this.locks++;
      return async () => void held.delete(key);
    },
  };
}

describe('token store lock and fallback', () => {
  it('clients sharing a locking store ask the token endpoint once; the others read the stored token', async () => {
    const emu = await emulator();
    const store = lockingStore();
    const clients = Array.from({ length: 6 }, () => clientFor(emu, { tokenStore: store }));
    await Promise.all(clients.map((c) => c.routing.skills.list({ pageSize: 1 }).first()));
    expect(tokenRequests(emu)).toBe(1);
    expect(store.locks).toBeGreaterThanOrEqual(1);
  });

  it('after a 401 one client refreshes for all; the rejected token is never read back', async () => {
    const emu = await emulator();
    const store = lockingStore();
    const clients = Array.from({ length: 4 }, () => clientFor(emu, { tokenStore: store }));
    await Promise.all(clients.map((c) => c.routing.skills.list({ pageSize: 1 }).first()));
    emu.expireAllTokens();
    await Promise.all(clients.map((c) => c.routing.skills.list({ pageSize: 1 }).first()));
    expect(tokenRequests(emu)).toBe(2);
  });

  it('a store that throws: requests go on with a token in memory, and the client says so once', async () => {
    const emu = await emulator();
    const broken: TokenStore = {
      get: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
      set: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
      lock: () => Promise.reject(new Error('connect ECONNREFUSED 127.0.0.1:6379')),
    };
    const client = clientFor(emu, { tokenStore: broken });
    const events: SharedStateEvent[] = [];
    client.on('sharedState', (e) => events.push(e));
    for (let i = 0; i < 3; i++) await client.routing.skills.list({ pageSize: 1 }).first();
    expect(tokenRequests(emu)).toBe(1);
    expect(events).toEqual([
      { component: 'tokenStore', state: 'fallback', reason: 'connect ECONNREFUSED 127.0.0.1:6379' },
    ]);
  });
});
