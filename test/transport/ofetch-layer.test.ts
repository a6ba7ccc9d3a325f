// The HTTP layer is ofetch: it encodes plain JSON bodies and the token form. Where its own behaviour does not
// fit (bodies that are not plain objects, query values that are null or Dates, a timeout together with the
// caller's signal) the transport does that part itself; these tests pin both sides of each difference.
import { ofetch } from 'ofetch';
import { isTimeoutError } from '../../src/index.js';
import { describe, expect, it } from 'vitest';
import { clientOf, hostileServer, json } from './hostile-server.js';

const echo = () =>
  hostileServer((req, res) => json(res, 200, { ok: true, seen: req.path }), { token: 'encoding-token-0001' });

describe('request encoding', () => {
  it('sends a plain object or array as JSON with a JSON content type', async () => {
    const server = await echo();
    const client = clientOf(server);
    await client.request({ method: 'POST', path: '/api/v2/things', body: { a: 1, list: ['x'] } });
    await client.request({ method: 'PUT', path: '/api/v2/things', body: [{ id: 's', proficiency: 5 }] });
    const [post, put] = server.requests.filter((r) => r.path === '/api/v2/things');
    expect(JSON.parse(post!.body)).toEqual({ a: 1, list: ['x'] });
    expect(post!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(put!.body)).toEqual([{ id: 's', proficiency: 5 }]);
  });

  it('sends a null-prototype object, a class instance and a string as JSON too', async () => {
    const server = await echo();
    const client = clientOf(server);
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'bare' });
    class Change {
      constructor(readonly id: string) {}
    }
    await client.request({ method: 'POST', path: '/api/v2/bare', body: bare });
    await client.request({ method: 'POST', path: '/api/v2/instance', body: new Change('c1') });
    await client.request({ method: 'POST', path: '/api/v2/text', body: 'quoted' });
    const body = (path: string) => server.requests.find((r) => r.path === path)!;
    expect(JSON.parse(body('/api/v2/bare').body)).toEqual({ name: 'bare' });
    expect(JSON.parse(body('/api/v2/instance').body)).toEqual({ id: 'c1' });
    expect(body('/api/v2/text').body).toBe('"quoted"');
    expect(body('/api/v2/text').headers['content-type']).toBe('application/json');
  });

  it('sends the token request as a form with Basic credentials', async () => {
    const server = await echo();
    await clientOf(server).request({ method: 'GET', path: '/api/v2/ping' });
    const token = server.requests.find((r) => r.path === '/oauth/token')!;
    expect(token.body).toBe('grant_type=client_credentials');
    expect(token.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(token.headers.authorization).toMatch(/^Basic /);
  });

  it('writes Dates as ISO text, repeats array keys and leaves out null and undefined query values', async () => {
    const server = await echo();
    await clientOf(server).request({
      method: 'GET',
      path: '/api/v2/query',
      query: { from: new Date(Date.UTC(2026, 0, 2)), id: ['a', 'b'], skip: null, gone: undefined, q: 'a b&c' },
    });
    const seen = server.requests.find((r) => r.path.startsWith('/api/v2/query'))!;
    expect(seen.path).toBe('/api/v2/query?from=2026-01-02T00%3A00%3A00.000Z&id=a&id=b&q=a+b%26c');
  });

  it("ofetch's own encoding differs there: a null-prototype body is not sent at all, a null query value is a bare key and a Date quoted JSON", async () => {
    const server = await echo();
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { name: 'bare' });
    const refused = await ofetch(`${server.url}/raw`, { method: 'POST', body: bare }).catch((e: unknown) => e);
    expect(String((refused as Error).cause)).toContain('Cannot convert object to primitive value');
    await ofetch(`${server.url}/raw`, { query: { skip: null, from: new Date(0) } });
    const seen = server.requests.find((r) => r.path.startsWith('/raw'))!;
    expect(seen.path).toBe('/raw?skip&from=%221970-01-01T00:00:00.000Z%22');
  });

  it('times an attempt out while the caller also passes a signal (ofetch ignores its timeout when given a signal)', async () => {
    const server = await hostileServer((req, res) => {
      if (req.path === '/slow') return void setTimeout(() => json(res, 200, {}), 800);
      json(res, 200, {});
    });
    const client = clientOf(server, { timeoutMs: 50, maxRetries: 0 });
    const error = await client
      .request({ method: 'GET', path: '/slow' }, { signal: new AbortController().signal })
      .catch((e: unknown) => e);
    expect(isTimeoutError(error)).toBe(true);
    const started = performance.now();
    await ofetch(`${server.url}/slow`, { timeout: 50, signal: new AbortController().signal });
    expect(performance.now() - started).toBeGreaterThan(600);
  });
});
