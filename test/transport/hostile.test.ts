// The transport against a server that misbehaves: oversized bodies, redirects, absurd Retry-After and token
// lifetimes, and what aborts leave behind.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { GenesysApiError, RateLimitError, ResponseTooLargeError, isResponseTooLargeError } from '../../src/index.js';
import { tokenLifetimeSeconds } from '../../src/transport/auth/auth.js';
import { clientOf, hostileServer, json } from './hostile-server.js';
import { transportOf } from '../../src/resources/core/internals.js';

const MiB = 1024 * 1024;

describe('hostile server: response size', () => {
  it('stops reading a body that never ends at maxResponseBytes, with a typed error', async () => {
    let written = 0;
    let closedEarly = false;
    const server = await hostileServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      res.write('{"entities":["');
      const pump = () => {
        while (!res.destroyed && written < 512 * MiB) {
          written += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', pump);
        }
        res.end('"]}');
      };
      res.on('close', () => (closedEarly = written < 512 * MiB));
      pump();
    });
    const client = clientOf(server, { maxResponseBytes: MiB });
    const error = await client.request({ method: 'GET', path: '/api/v2/routing/queues' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(isResponseTooLargeError(error)).toBe(true);
    expect((error as ResponseTooLargeError).limitBytes).toBe(MiB);
    expect((error as Error).message).toContain('maxResponseBytes');
    for (let i = 0; i < 100 && !closedEarly; i++) await new Promise((r) => setTimeout(r, 20));
    expect(closedEarly).toBe(true);
    // Socket buffers hold a few MiB at most: nowhere near the 512 MiB the server would have sent.
    expect(written).toBeLessThan(64 * MiB);
  });

  it('refuses a declared content-length over the cap without reading it, and reads a body under it', async () => {
    const big = JSON.stringify({ entities: ['x'.repeat(2 * MiB)] });
    const server = await hostileServer((req, res) => {
      const body = req.path.includes('small') ? '{"ok":true}' : big;
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      // Only the head and a first piece: a client that waits for the rest would hang.
      res.write(body.slice(0, 1024));
      if (body.length <= 1024) res.end();
    });
    const client = clientOf(server, { maxResponseBytes: MiB, maxRetries: 0 });
    await expect(client.request({ method: 'GET', path: '/api/v2/big' })).rejects.toThrow(/content-length/);
    expect(await client.request({ method: 'GET', path: '/api/v2/small' })).toEqual({ ok: true });
  });

  it('defaults to 32 MiB and validates the option', async () => {
    const server = await hostileServer((_req, res) => json(res, 200, {}));
    expect(transportOf(clientOf(server)).options.maxResponseBytes).toBe(32 * MiB);
    expect(() => clientOf(server, { maxResponseBytes: 0 })).toThrow(/maxResponseBytes/);
  });
});

describe('hostile server: redirects', () => {
  it('refuses a redirect to another origin: the token never reaches it', async () => {
    const elsewhere = await hostileServer((_req, res) => json(res, 200, { stolen: true }));
    const server = await hostileServer((_req, res) => {
      res.writeHead(302, { location: `${elsewhere.url}/collect` });
      res.end();
    });
    const client = clientOf(server, { maxRetries: 0 });
    const error = await client.request({ method: 'GET', path: '/api/v2/routing/queues' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenesysApiError);
    expect((error as GenesysApiError).status).toBe(302);
    expect((error as Error).message).toContain('another origin');
    expect(elsewhere.requests).toHaveLength(0);
  });

  it('follows a same-origin redirect for GET', async () => {
    const server = await hostileServer((req, res) => {
      if (req.path === '/api/v2/old') {
        res.writeHead(301, { location: '/api/v2/new' });
        return void res.end();
      }
      json(res, 200, { at: req.path, auth: req.headers.authorization?.startsWith('Bearer ') });
    });
    const result = await clientOf(server).request({ method: 'GET', path: '/api/v2/old' });
    expect(result).toEqual({ at: '/api/v2/new', auth: true });
  });

  it('never re-sends a PATCH body, even to the same origin', async () => {
    const server = await hostileServer((req, res) => {
      if (req.path === '/api/v2/users/u1/routingskills/bulk') {
        res.writeHead(307, { location: '/api/v2/elsewhere' });
        return void res.end();
      }
      json(res, 200, {});
    });
    const client = clientOf(server, { maxRetries: 0 });
    const error = await client
      .request({ method: 'PATCH', path: '/api/v2/users/u1/routingskills/bulk', body: [{ id: 's', proficiency: 5 }] })
      .catch((e: unknown) => e);
    expect((error as GenesysApiError).status).toBe(307);
    expect((error as Error).message).toContain('PATCH is never re-sent');
    expect(server.requests.filter((r) => r.method === 'PATCH')).toHaveLength(1);
    expect(server.requests.some((r) => r.path === '/api/v2/elsewhere')).toBe(false);
  });

  it('gives up on a redirect loop', async () => {
    const server = await hostileServer((req, res) => {
      res.writeHead(302, { location: req.path === '/api/v2/a' ? '/api/v2/b' : '/api/v2/a' });
      res.end();
    });
    await expect(clientOf(server, { maxRetries: 0 }).request({ method: 'GET', path: '/api/v2/a' })).rejects.toThrow(
      /redirects/,
    );
  });
});

describe('hostile server: Retry-After and token lifetime', () => {
  it('an over-long Retry-After fails that call at once and does not gate the client', async () => {
    const server = await hostileServer((req, res) =>
      req.path === '/api/v2/slow'
        ? json(res, 429, { message: 'slow down', code: 'too.many.requests' }, { 'retry-after': '1000000000' })
        : json(res, 200, { ok: true }),
    );
    const client = clientOf(server);
    const rateLimited: number[] = [];
    client.on('rateLimited', (e) => rateLimited.push(e.waitMs));
    const error = await client.request({ method: 'GET', path: '/api/v2/slow' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAfterMs).toBe(1e12);
    const started = Date.now();
    expect(await client.request({ method: 'GET', path: '/api/v2/ok' })).toEqual({ ok: true });
    // Before the fix this second call waited maxRetryAfterMs (60 s).
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(rateLimited).toEqual([]);
  });

  it('expires_in 0.001 does not mean a token request per call (lifetimes under 60 s count as 60 s)', async () => {
    const server = await hostileServer((_req, res) => json(res, 200, { ok: true }), { expiresIn: 0.001 });
    const client = clientOf(server);
    for (let i = 0; i < 20; i++) await client.request({ method: 'GET', path: '/api/v2/ping' });
    expect(server.tokenRequests()).toBe(1);
  });

  it('tokenLifetimeSeconds holds the server value to [60 s, 1 year] and defaults when it is not a positive number', () => {
    expect(tokenLifetimeSeconds(0.001)).toBe(60);
    expect(tokenLifetimeSeconds(3600)).toBe(3600);
    expect(tokenLifetimeSeconds(1e308)).toBe(365 * 86_400);
    for (const bad of [0, -5, Number.NaN, Infinity, '3600', null, undefined])
      expect(tokenLifetimeSeconds(bad)).toBe(86_400);
  });
});

describe('hostile server: what aborts leave behind', () => {
  it('after a 429 probe, calls with an AbortSignal leave no timer and no listener: the process exits', async () => {
    let refused = false;
    const server = await hostileServer((_req, res) => {
      if (!refused) {
        refused = true;
        return json(res, 429, { message: 'slow down' }, { 'retry-after': '0.2' });
      }
      setTimeout(() => json(res, 200, { ok: true }), 20);
    });
    const child = fileURLToPath(new URL('./fixtures/abort-after-probe.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));
    const started = Date.now();
    const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve) => {
      // Generous for a loaded machine (tsx compiles the client first); without the fix the child never exits.
      const p = execFile(tsx, [child, server.url], { timeout: 40_000 }, (error, stdout) =>
        resolve({ stdout, code: error ? ((error.code as number | null) ?? -1) : 0 }),
      );
      void p;
    });
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(40_000);
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!);
    expect(report).toEqual({ first: 'RateLimitError', rest: [200], listeners: 0, warnings: [] });
  }, 60_000);
});
