import { describe, expect, it } from 'vitest';
import type { StoredToken } from '../../src/index.js';
import { clientFor, emulator } from './helpers.js';

describe('redaction', () => {
  it('no secret, token or Authorization value appears in events, log lines or errors', async () => {
    const emu = await emulator({ rateLimit: { requests: 3, windowSeconds: 1 } });
    const lines: string[] = [];
    const logger = {
      debug: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d ?? {})),
      info: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d ?? {})),
      warn: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d ?? {})),
      error: (m: string, d?: unknown) => lines.push(m + JSON.stringify(d ?? {})),
    };
    const tokens: string[] = [];
    const store = new Map<string, StoredToken>();
    const tokenStore = {
      get: (k: string) => store.get(k),
      set: (k: string, t: StoredToken) => void (store.set(k, t), tokens.push(t.accessToken)),
    };
    const client = clientFor(emu, { logger, maxRetries: 1, tokenStore });
    const captured: unknown[] = [];
    for (const name of ['request', 'response', 'retry', 'rateLimited', 'tokenRefreshed', 'validationIssue'] as const) {
      client.on(name, (e: unknown) => captured.push(e));
    }
    for (let i = 0; i < 5; i++)
      await client.routing.skills
        .list({ pageSize: 1 })
        .first()
        .catch((e: unknown) => captured.push(e));
    emu.expireAllTokens();
    await client.routing.skills.get('nope').catch((e: unknown) => captured.push(e));
    const bad = clientFor(emu, { clientSecret: 'wrong-secret-value-123', logger });
    await bad.routing.skills.get('x').catch((e: unknown) => captured.push(e));

    expect(tokens.length).toBeGreaterThan(0);
    const text = [
      ...lines,
      ...captured.map((c) =>
        c instanceof Error
          ? `${c.message} ${c.stack} ${JSON.stringify(c)} ${JSON.stringify((c as { body?: unknown }).body)}`
          : JSON.stringify(c),
      ),
    ].join('\n');
    expect(captured.some((c) => c instanceof Error)).toBe(true);
    for (const secret of [emu.clientSecret, 'wrong-secret-value-123', ...tokens.filter(Boolean)])
      expect(text).not.toContain(secret);
    expect(text).not.toMatch(/Bearer\s+(?!\[REDACTED\])\S/i);
    expect(text).not.toMatch(/Basic\s+(?!\[REDACTED\])\S/i);
    expect(text).not.toContain(Buffer.from(`${emu.clientId}:${emu.clientSecret}`).toString('base64'));
  });
});
