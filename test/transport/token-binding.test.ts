// The shared token belongs to the credentials, not only to the client id: a process with the right client id
// and a wrong secret, sharing the token store, never gets API access through the token of the right one.
import { describe, expect, it } from 'vitest';
import { isAuthenticationError, type StoredToken, type TokenStore } from '../../src/index.js';
import { credentialBinding } from '../../src/transport/auth/auth.js';
import { clientFor, emulator, tokenRequests } from './helpers.js';

/** A store shared by several clients (as a Redis or KV store would be). */
function sharedStore(): TokenStore & { entries: Map<string, StoredToken> } {
  const entries = new Map<string, StoredToken>();
  return {
    entries,
    get: (k) => entries.get(k),
    set: (k, t) => void entries.set(k, t),
    delete: (k) => void entries.delete(k),
  };
}

describe('token store binding', () => {
  it('a wrong secret never uses the shared token of the right one', async () => {
    const emu = await emulator();
    const tokenStore = sharedStore();
    const right = clientFor(emu, { tokenStore });
    expect(await right.routing.skills.list().toArray()).toHaveLength(12);
    const wrong = clientFor(emu, { tokenStore, clientSecret: `${emu.clientSecret}-wrong`, maxRetries: 0 });
    emu.resetStats();
    const error = await wrong.routing.skills
      .list()
      .toArray()
      .catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    // It asked the token endpoint (and was refused) instead of reading the shared token; no API call went out.
    expect(tokenRequests(emu)).toBe(1);
    expect(emu.stats.requestLog.filter((r) => r.path.startsWith('/api/v2'))).toHaveLength(0);
  });

  it('the key is <login>|<clientId>|<HMAC of the secret>: it names the client and reveals no secret', async () => {
    const emu = await emulator();
    const tokenStore = sharedStore();
    await clientFor(emu, { tokenStore }).routing.skills.list().first();
    const [key] = [...tokenStore.entries.keys()];
    const binding = await credentialBinding(emu.baseUrl, emu.clientId, emu.clientSecret);
    expect(key).toBe(`${emu.baseUrl}|${emu.clientId}|${binding}`);
    expect(key).not.toContain(emu.clientSecret);
    expect(binding).not.toBe(await credentialBinding(emu.baseUrl, emu.clientId, `${emu.clientSecret}x`));
    expect(binding).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('clients with the same credentials still share one token', async () => {
    const emu = await emulator();
    const tokenStore = sharedStore();
    await clientFor(emu, { tokenStore }).routing.skills.list().first();
    await clientFor(emu, { tokenStore }).routing.skills.list().first();
    expect(tokenRequests(emu)).toBe(1);
  });
});
