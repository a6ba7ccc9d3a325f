// The secrets suite: a recognisable client secret and token, raw, as the Basic credential and in every encoding
// of ./encodings.ts (URL- and form-encoded, JSON-escaped, base64, hex, HTML entities), must
// not appear in any error (message, stack, String, inspect, JSON, body, cause), event, log line, or in the
// inspect / JSON forms of the client, its transport and options. Scenarios cover the real API (the emulator,
// with faults and rate limits), a hostile server echoing what it was sent, OAuth errors that echo the
// credentials, timeouts, resets, refused connections, redirects, oversized bodies and aborts.
import { inspect, format } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { GenesysClient, type ClientOptions, type StoredToken } from '../../src/index.js';
import { Redactor } from '../../src/transport/redaction/redact.js';
import { startEmulator } from '../../src/testing/index.js';
import { hostileServer, json } from '../transport/hostile-server.js';
import { transportOf } from '../../src/resources/core/internals.js';
import { encodingsOf } from './encodings.js';

const CLIENT_ID = 'secrets-suite-client';
const SECRET = 'Sup3r-S3cret/Sauce+xyz&key=Q9 Z';
const TOKEN = 'tok-RECOGNISABLE-7f3a9c1e5b';

/** Every form a secret can leak in (raw, URL/form-encoded, JSON-escaped, base64, hex, HTML entities). */
function formsOf(secret: string): string[] {
  return [...new Set(Object.values(encodingsOf(secret)))];
}
const BASIC = Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64');

const findings = { artefacts: 0, checks: 0, leaks: [] as string[] };
afterAll(() => {
  console.log(
    `secrets suite: ${findings.artefacts} artefacts x secret forms = ${findings.checks} checks, ${findings.leaks.length} leaks`,
  );
});

/** Looks for every form of every secret in `text`; records each artefact and check. */
function scan(label: string, text: string, secrets: string[]): void {
  findings.artefacts++;
  const forms = [...new Set([...secrets.flatMap(formsOf), BASIC, encodeURIComponent(BASIC)])];
  for (const form of forms) {
    findings.checks++;
    if (text.includes(form))
      findings.leaks.push(
        `${label}: contains ${JSON.stringify(form)} in ${text.slice(Math.max(0, text.indexOf(form) - 80), text.indexOf(form) + 40)}`,
      );
  }
  findings.checks++;
  if (/\b(Bearer|Basic)(\s+|%20|\+)(?!\[REDACTED\])[A-Za-z0-9]/i.test(text))
    findings.leaks.push(
      `${label}: unredacted Authorization value: ${text.match(/\b(Bearer|Basic)\S*\s*\S{0,20}/i)?.[0]}`,
    );
}

/** Every printed form of a value. */
function printedForms(value: unknown): Record<string, string> {
  const out: Record<string, string> = {
    inspect: inspect(value, { depth: Infinity }),
    inspectHidden: inspect(value, { depth: Infinity, showHidden: true, getters: true }),
    consoleLog: format(value),
    formatO: format('%O', value),
    formato: format('%o', value),
  };
  try {
    out.json = JSON.stringify(value) ?? '';
  } catch (error) {
    out.json = String(error);
  }
  if (value instanceof Error) {
    out.message = value.message;
    out.stack = value.stack ?? '';
    out.string = String(value);
    out.body = JSON.stringify((value as { body?: unknown }).body) ?? '';
    out.cause = inspect((value as { cause?: unknown }).cause, { depth: Infinity, showHidden: true });
  }
  return out;
}

function scanValue(label: string, value: unknown, secrets: string[]): void {
  for (const [form, text] of Object.entries(printedForms(value))) scan(`${label} (${form})`, text, secrets);
}

interface Capture {
  logs: string[];
  events: { name: string; event: unknown }[];
  errors: { label: string; error: unknown }[];
  tokens: string[];
}

function instrumented(options: ClientOptions): { client: GenesysClient; capture: Capture } {
  const capture: Capture = { logs: [], events: [], errors: [], tokens: [] };
  const log = (level: string) => (message: string, data?: unknown) =>
    capture.logs.push(`${level} ${message} ${inspect(data, { depth: Infinity })} ${JSON.stringify(data)}`);
  const store = new Map<string, StoredToken>();
  const client = new GenesysClient({
    retryBackoff: { baseMs: 5, maxMs: 20 },
    logger: { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') },
    tokenStore: {
      get: (k) => store.get(k),
      set: (k, t) => void (store.set(k, t), capture.tokens.push(t.accessToken)),
      delete: (k) => void store.delete(k),
    },
    ...options,
  });
  for (const name of [
    'request',
    'response',
    'retry',
    'rateLimited',
    'tokenRefreshed',
    'validationIssue',
    'progress',
  ] as const) {
    client.on(name, (event: unknown) => capture.events.push({ name, event }));
  }
  return { client, capture };
}

async function attempt(capture: Capture, label: string, call: () => Promise<unknown>): Promise<void> {
  try {
    await call();
  } catch (error) {
    capture.errors.push({ label, error });
  }
}

function scanCapture(label: string, client: GenesysClient, capture: Capture, secrets: string[]): void {
  scanValue(`${label} client`, client, secrets);
  scanValue(`${label} transport`, transportOf(client), secrets);
  scanValue(`${label} options`, transportOf(client).options, secrets);
  for (const line of capture.logs) scan(`${label} log`, line, secrets);
  for (const { name, event } of capture.events) scanValue(`${label} ${name} event`, event, secrets);
  for (const { label: l, error } of capture.errors) scanValue(`${label} ${l} error`, error, secrets);
}

describe('secrets suite', () => {
  it('the client, its transport and options print no secret, before and after use', async () => {
    const client = new GenesysClient({ clientId: CLIENT_ID, clientSecret: SECRET, region: 'eu_west_1' });
    scanValue('fresh client', client, [SECRET]);
    scanValue('fresh transport', transportOf(client), [SECRET]);
    scanValue('fresh options', transportOf(client).options, [SECRET]);
    expect(format(client)).toContain('api.mypurecloud.ie');
    expect(JSON.parse(JSON.stringify(client))).toEqual({
      apiBaseUrl: 'https://api.mypurecloud.ie',
      loginBaseUrl: 'https://login.mypurecloud.ie',
      region: 'eu_west_1',
      clientId: CLIENT_ID,
    });
    // Still usable: the secret is hidden, not gone.
    expect(transportOf(client).options.clientSecret).toBe(SECRET);
    expect({ ...transportOf(client).options }).not.toHaveProperty('clientSecret');
    expect(findings.leaks).toEqual([]);
  }, 60_000);

  it('the real API (emulator) with faults, rate limits, expired tokens and wrong secrets', async () => {
    const emu = await startEmulator({
      org: { users: 20, skills: 6, queues: 3 },
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      rateLimit: { requests: 4, windowSeconds: 1 },
      faults: { rate: 0.3, kinds: ['429', '500', '502', '503', 'reset', 'slow'], slowMs: 3_000 },
      latencyMs: 0,
    });
    try {
      const { client, capture } = instrumented({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        apiBaseUrl: emu.baseUrl,
        loginBaseUrl: emu.baseUrl,
        timeoutMs: 1_500,
        maxRetries: 2,
      });
      for (let i = 0; i < 6; i++)
        await attempt(capture, 'list', () => client.routing.skills.list({ pageSize: 2 }).toArray());
      emu.expireAllTokens();
      await attempt(capture, 'get missing', () => client.routing.skills.get('no-such-skill'));
      await attempt(capture, 'raw 404', () => client.request({ method: 'GET', path: '/api/v2/nowhere' }));
      const wrong = instrumented({
        clientId: CLIENT_ID,
        clientSecret: `${SECRET}-wrong`,
        apiBaseUrl: emu.baseUrl,
        loginBaseUrl: emu.baseUrl,
        maxRetries: 0,
      });
      await attempt(wrong.capture, 'wrong secret', () => wrong.client.routing.skills.get('x'));
      expect(capture.tokens.length).toBeGreaterThan(0);
      expect(capture.events.some((e) => e.name === 'retry')).toBe(true);
      expect(wrong.capture.errors).toHaveLength(1);
      scanCapture('emulator', client, capture, [SECRET, ...capture.tokens]);
      scanCapture('emulator wrong-secret', wrong.client, wrong.capture, [SECRET, `${SECRET}-wrong`]);
    } finally {
      await emu.close();
    }
    expect(findings.leaks).toEqual([]);
  }, 60_000);

  it('a hostile server that echoes credentials, hangs, resets, redirects and floods', async () => {
    const elsewhere = await hostileServer((_req, res) => json(res, 200, {}));
    const server = await hostileServer(
      (req, res) => {
        const auth = req.headers.authorization ?? '';
        const echo = {
          authorization: auth,
          token: TOKEN,
          encoded: encodeURIComponent(TOKEN),
          note: `you sent ${auth}`,
        };
        let deep: unknown = echo;
        for (let i = 0; i < 40; i++) deep = { level: i, inner: deep, list: [i, auth] };
        switch (req.path.split('?')[0]) {
          case '/api/v2/echo':
            return json(res, 400, {
              message: `bad request from ${auth} (${encodeURIComponent(auth)})`,
              code: 'bad.request',
              details: [deep],
            });
          case '/api/v2/unauthorized':
            return json(res, 401, { message: `token ${TOKEN} rejected`, code: 'bad.credentials', echo });
          case '/api/v2/server-error':
            return json(res, 503, { message: `upstream saw ${auth}`, deep });
          case '/api/v2/reset':
            return void res.socket?.destroy();
          case '/api/v2/hang':
            return; // never answers
          case '/api/v2/redirect':
            res.writeHead(302, {
              location: `${elsewhere.url}/steal?access_token=${TOKEN}&client_secret=${encodeURIComponent(SECRET)}`,
            });
            return void res.end();
          case '/api/v2/flood':
            res.writeHead(200, { 'content-type': 'application/json' });
            return void res.end(JSON.stringify({ entities: [auth, 'x'.repeat(100_000)] }));
          case '/api/v2/weird-shape':
            return json(res, 200, { entities: auth, pageSize: TOKEN });
          default:
            return json(res, 200, { ok: true, echo });
        }
      },
      { token: TOKEN },
    );
    const { client, capture } = instrumented({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      apiBaseUrl: server.url,
      loginBaseUrl: server.url,
      timeoutMs: 10_000,
      maxRetries: 2,
      maxResponseBytes: 64 * 1024,
    });
    // Only /hang is meant to time out: a short timeout for it alone keeps a loaded machine from timing out the rest.
    const get = (path: string, query?: Record<string, string>) => () =>
      client.request({ method: 'GET', path, query }, path.endsWith('/hang') ? { timeoutMs: 300 } : {});
    for (const path of [
      '/api/v2/echo',
      '/api/v2/unauthorized',
      '/api/v2/server-error',
      '/api/v2/reset',
      '/api/v2/hang',
      '/api/v2/redirect',
      '/api/v2/flood',
    ]) {
      await attempt(capture, path, get(path));
    }
    await attempt(capture, 'query secret', get('/api/v2/echo', { access_token: TOKEN, q: SECRET }));
    await attempt(capture, 'patch', () =>
      client.request({ method: 'PATCH', path: '/api/v2/echo', body: { secret: SECRET, token: TOKEN } }),
    );
    await attempt(capture, 'weird shape', () => client.routing.skills.list().first());
    await attempt(capture, 'abort', () =>
      client.request({ method: 'GET', path: '/api/v2/hang' }, { signal: AbortSignal.timeout(100) }),
    );
    expect(capture.errors.map((e) => e.label)).toEqual(
      expect.arrayContaining([
        '/api/v2/echo',
        '/api/v2/unauthorized',
        '/api/v2/server-error',
        '/api/v2/reset',
        '/api/v2/hang',
        '/api/v2/redirect',
        '/api/v2/flood',
        'abort',
      ]),
    );
    const names = capture.errors.map((e) => (e.error as Error).name);
    expect(names).toEqual(
      expect.arrayContaining([
        'BadRequestError',
        'AuthenticationError',
        'ServerError',
        'ConnectionError',
        'TimeoutError',
        'GenesysApiError',
        'ResponseTooLargeError',
        'RequestAbortedError',
      ]),
    );
    expect(capture.events.filter((e) => e.name === 'retry').length).toBeGreaterThan(2);
    // Connection and timeout errors keep the errno detail, not the request options.
    const reset = capture.errors.find((e) => e.label === '/api/v2/reset')!.error as Error & {
      cause?: Record<string, unknown>;
    };
    expect(reset.message).toContain('127.0.0.1');
    expect(inspect(reset, { depth: Infinity })).not.toMatch(/headers/);
    scanCapture('hostile', client, capture, [SECRET, TOKEN]);
    expect(elsewhere.requests).toHaveLength(0);
    expect(findings.leaks).toEqual([]);
  }, 60_000);

  it('OAuth errors that echo the credentials, raw, URL-encoded and as Basic', async () => {
    const echoes: Record<
      string,
      (req: { body: string; headers: Record<string, unknown> }) => { status: number; body: unknown }
    > = {
      'invalid_client echoing the secret': () => ({
        status: 401,
        body: {
          error: 'invalid_client',
          error_description: `client secret ${SECRET} is wrong (${encodeURIComponent(SECRET)})`,
        },
      }),
      'invalid_request echoing the header': (req) => ({
        status: 400,
        body: {
          error: 'invalid_request',
          error_description: `header ${String(req.headers.authorization)} not accepted; form ${req.body}`,
        },
      }),
      'description field': () => ({ status: 400, body: { description: `basic ${BASIC} for ${CLIENT_ID}:${SECRET}` } }),
      'error code echoing': () => ({ status: 400, body: { error: `bad_secret_${SECRET}` } }),
      'no access_token': () => ({ status: 200, body: { token_type: 'bearer', secret: SECRET } }),
      'server error page': () => ({ status: 500, body: `<html>client_secret=${encodeURIComponent(SECRET)}</html>` }),
    };
    for (const [label, answer] of Object.entries(echoes)) {
      const server = await hostileServer(() => undefined, {
        onToken: (req, res) => {
          const { status, body } = answer(req);
          if (typeof body === 'string') {
            res.writeHead(status, { 'content-type': 'text/html' });
            return void res.end(body);
          }
          json(res, status, body);
        },
      });
      const { client, capture } = instrumented({
        clientId: CLIENT_ID,
        clientSecret: SECRET,
        apiBaseUrl: server.url,
        loginBaseUrl: server.url,
        maxRetries: 1,
      });
      await attempt(capture, label, () => client.request({ method: 'GET', path: '/api/v2/x' }));
      expect(capture.errors).toHaveLength(1);
      scanCapture(`oauth ${label}`, client, capture, [SECRET]);
    }
    expect(findings.leaks).toEqual([]);
  }, 60_000);

  it('a refused connection (token and API) names the host and carries no headers', async () => {
    const server = await hostileServer(() => undefined);
    const url = server.url;
    await server.close();
    const { client, capture } = instrumented({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      apiBaseUrl: url,
      loginBaseUrl: url,
      maxRetries: 1,
    });
    await attempt(capture, 'refused', () => client.request({ method: 'GET', path: '/api/v2/x' }));
    const error = capture.errors[0]!.error as Error;
    expect(error.name).toBe('ConnectionError');
    expect(error.message).toContain(new URL(url).host);
    scanCapture('refused', client, capture, [SECRET]);
    expect(findings.leaks).toEqual([]);
  }, 60_000);

  it('the redactor: complete at any depth, cycles safe, encoded forms', () => {
    const r = new Redactor();
    r.add(SECRET);
    let deep: Record<string, unknown> = { value: `x ${SECRET} y`, encoded: encodeURIComponent(SECRET) };
    for (let i = 0; i < 200; i++) deep = { inner: deep, list: [i, `Bearer ${TOKEN}`] };
    const cyclic: Record<string, unknown> = { s: SECRET };
    cyclic.self = cyclic;
    const hugeDepth: Record<string, unknown> = {};
    let cursor = hugeDepth;
    for (let i = 0; i < 5_000; i++) cursor = (cursor.next = { s: SECRET }) as Record<string, unknown>;
    for (const [label, value] of Object.entries({ deep, cyclic, hugeDepth }))
      scanValue(`redactor ${label}`, r.value(value), [SECRET, TOKEN]);
    expect(r.value(cyclic)).toEqual({ s: '[REDACTED]', self: '[Circular]' });
    expect(findings.leaks).toEqual([]);
  }, 60_000);
});
