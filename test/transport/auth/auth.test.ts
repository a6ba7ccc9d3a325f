import { describe, expect, it } from 'vitest';
import { isAuthenticationError, type StoredToken } from '../../../src/index.js';
import { clientFor, emulator, tokenRequests } from '../helpers.js';

describe('client-credentials auth', () => {
  it('uses one token for 100 calls', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    for (let i = 0; i < 100; i++) await client.routing.skills.list({ pageSize: 1 }).first();
    expect(tokenRequests(emu)).toBe(1);
  });

  it('shares one refresh among 20 concurrent calls after the token expired', async () => {
    const emu = await emulator();
    const client = clientFor(emu, { maxConcurrency: 20 });
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.expireAllTokens();
    const refreshes: string[] = [];
    client.on('tokenRefreshed', (e) => refreshes.push(e.reason));
    const results = await Promise.all(
      Array.from({ length: 20 }, () => client.routing.skills.list({ pageSize: 1 }).first()),
    );
    expect(results.every((s) => typeof s?.id === 'string')).toBe(true);
    expect(refreshes).toEqual(['rejected']);
    expect(tokenRequests(emu)).toBe(2);
  });

  it('on 401 refreshes once and retries once, without spending a retry', async () => {
    const emu = await emulator();
    const client = clientFor(emu, { maxRetries: 0 });
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.expireAllTokens();
    const statuses: number[] = [];
    client.on('response', (e) => statuses.push(e.status));
    const skill = await client.routing.skills.list({ pageSize: 1 }).first();
    expect(skill?.id).toBeTypeOf('string');
    expect(statuses).toEqual([401, 200]);
  });

  it('refreshes a token before it expires', async () => {
    // Lifetimes under 60 s count as 60 s (docs/transport.md), so the test ages the stored token instead of waiting.
    const emu = await emulator({ tokenLifetimeSeconds: 120 });
    const stored: StoredToken[] = [];
    const client = clientFor(emu, { tokenStore: { get: () => stored.at(-1), set: (_k, t) => void stored.push(t) } });
    const reasons: string[] = [];
    client.on('tokenRefreshed', (e) => reasons.push(e.reason));
    await client.routing.skills.list({ pageSize: 1 }).first();
    const token = stored[0]!;
    expect(token.expiresAt - token.issuedAt).toBe(120_000);
    // 95 % of its lifetime gone: past the 90 % refresh point, still valid.
    token.issuedAt -= 114_000;
    token.expiresAt -= 114_000;
    const statuses: number[] = [];
    client.on('response', (e) => statuses.push(e.status));
    await client.routing.skills.list({ pageSize: 1 }).first();
    expect(reasons).toEqual(['initial', 'expiring']);
    expect(statuses).toEqual([200]);
  });

  it('rejects bad credentials with an AuthenticationError and does not retry', async () => {
    const emu = await emulator();
    const client = clientFor(emu, { clientSecret: 'definitely-wrong-secret' });
    const error = await client.routing.skills.get('x').catch((e: unknown) => e);
    expect(isAuthenticationError(error)).toBe(true);
    expect((error as Error).message).toContain('oauth.token');
    expect(tokenRequests(emu)).toBe(1);
  });

  it('two clients for two orgs never share a token', async () => {
    const a = await emulator({ seed: 1 });
    const b = await emulator({ seed: 2 });
    const ca = clientFor(a);
    const cb = clientFor(b);
    await ca.routing.skills.list({ pageSize: 1 }).first();
    await cb.routing.skills.list({ pageSize: 1 }).first();
    expect(tokenRequests(a)).toBe(1);
    expect(tokenRequests(b)).toBe(1);
  });
});
