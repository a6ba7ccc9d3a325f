// A hostile token endpoint and API (loopback) that echo back what they RECEIVED, decoded and re-encoded every
// way: the secret (from the Basic header), the Basic credentials as sent and as RFC 6749 section 2.3.1 writes
// them (base64 of form-encoded `id:secret`), the token and `Bearer <token>`, each raw, URL-encoded once, twice
// and three times, base64/base64url at offsets 0, 1 and 2, hex, JSON-escaped, HTML entities, and the first 8 and
// 20 characters. Nothing of it may reach an error (message, stack, body, cause, JSON.stringify, util.inspect), a
// `retry` event, a log line or the CLI's output.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { GenesysClient } from '../../src/index.js';
import { hostileServer, json, type SeenRequest } from '../transport/hostile-server.js';
import { base64Inside, encodingsOf } from './encodings.js';

const CLIENT_ID = 'echo-suite-client';
const SECRET = `S3cr3t+With/Slash=And~Tilde!é(7) and space`;
const TOKEN = `tok.Echo-9f8e7d6c5b4a3210~(x)!/é'`;
const form = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);

/** Every form of `value`; `withPrefixes` false for composites whose first characters are not secret. */
function formsOf(label: string, value: string, withPrefixes = true): [string, string][] {
  return Object.entries(encodingsOf(value))
    .filter(([name]) => withPrefixes || !name.startsWith('first '))
    .map(([name, text]) => [`${label} ${name}`, text]);
}

/** What a server can derive from the credentials it received, in every form. */
function credentialForms(secret: string, basicHeader: string): [string, string][] {
  const basic = basicHeader.replace(/^Basic /, '');
  const rfcBasic = Buffer.from(`${form(CLIENT_ID)}:${form(secret)}`).toString('base64');
  return [
    ...formsOf('secret', secret),
    ...formsOf('Basic credentials', basic),
    ...formsOf('RFC 6749 Basic credentials', rfcBasic),
    ...formsOf('Authorization header', basicHeader, false),
    ...formsOf('id:secret', `${CLIENT_ID}:${secret}`, false),
    ...formsOf('form id:secret', `${form(CLIENT_ID)}:${form(secret)}`, false),
  ];
}

function tokenForms(header: string): [string, string][] {
  const token = header.replace(/^Bearer /, '');
  const bearer = Buffer.from(header);
  return [
    ...formsOf('token', token),
    ...formsOf('Bearer header', header, false),
    ['base64 of Bearer <token>', bearer.toString('base64')],
    ['base64url of Bearer <token>', bearer.toString('base64url')],
    ['token inside base64 of Bearer <token>', base64Inside(Buffer.from(token), 7 % 3)],
  ];
}

/** The secret as the server decodes it from the Basic header it received. */
function secretFrom(req: SeenRequest): { secret: string; header: string } {
  const header = String(req.headers.authorization ?? '');
  const decoded = Buffer.from(header.replace(/^Basic /, ''), 'base64').toString('utf8');
  return { secret: decoded.slice(decoded.indexOf(':') + 1), header };
}

const echoText = (forms: [string, string][]) => forms.map(([label, text]) => `[${label}: ${text}]`).join(' ');
const ALL = [...credentialForms(SECRET, `Basic ${Buffer.from(`${CLIENT_ID}:${SECRET}`).toString('base64')}`)];
ALL.push(...tokenForms(`Bearer ${TOKEN}`));

const leaks: string[] = [];
function scan(where: string, text: string): void {
  for (const [label, value] of ALL) if (text.includes(value)) leaks.push(`${where}: ${label}`);
}
function scanError(where: string, error: unknown): void {
  const e = error as Error & { body?: unknown; cause?: unknown };
  scan(`${where} message`, e.message);
  scan(`${where} stack`, e.stack ?? '');
  scan(`${where} JSON.stringify`, JSON.stringify(e) ?? '');
  scan(`${where} util.inspect`, inspect(e, { depth: Infinity, showHidden: true }));
  scan(`${where} body`, JSON.stringify(e.body) ?? '');
  scan(`${where} cause`, inspect(e.cause, { depth: Infinity, showHidden: true }));
}

afterEach(() => {
  leaks.length = 0;
  vi.restoreAllMocks();
  for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
    delete process.env[k];
});

function clientFor(url: string, logs: string[] = []): GenesysClient {
  const log = (message: string, data?: unknown) => void logs.push(`${message} ${inspect(data, { depth: Infinity })}`);
  return new GenesysClient({
    clientId: CLIENT_ID,
    clientSecret: SECRET,
    apiBaseUrl: url,
    loginBaseUrl: url,
    maxRetries: 2,
    retryBackoff: { baseMs: 5, maxMs: 20 },
    logger: { debug: log, info: log, warn: log, error: log },
  });
}

/** A token endpoint that refuses the credentials and echoes them back in every form. */
async function echoingTokenEndpoint() {
  return hostileServer(() => undefined, {
    onToken: (req, res) => {
      const { secret, header } = secretFrom(req);
      const forms = credentialForms(secret, header);
      json(res, 401, {
        error: 'invalid_client',
        error_description: `not accepted: ${echoText(forms)}`,
        received: Object.fromEntries(forms),
        body: req.body,
      });
    },
  });
}

/** An API that echoes the Authorization header it received in every form: 503 (retried), then 400. */
async function echoingApi() {
  return hostileServer(
    (req, res) => {
      const forms = tokenForms(String(req.headers.authorization ?? ''));
      const status = req.path.startsWith('/api/v2/unavailable') ? 503 : 400;
      json(res, status, { message: `you sent ${echoText(forms)}`, code: 'echo', received: Object.fromEntries(forms) });
    },
    { token: TOKEN },
  );
}

describe('a server echoing the credentials it received, in every encoding', () => {
  it('the token endpoint: AuthenticationError keeps a redacted body; JSON and inspect are clean', async () => {
    const server = await echoingTokenEndpoint();
    const error = await clientFor(server.url)
      .request({ method: 'GET', path: '/api/v2/x' })
      .catch((e: unknown) => e);
    expect((error as Error).name).toBe('AuthenticationError');
    // The body is kept (redacted), not dropped: the fields and the text around the secrets are still there.
    const body = (error as { body: { error: string; received: Record<string, string> } }).body;
    expect(body.error).toBe('invalid_client');
    expect(Object.keys(body.received).length).toBeGreaterThan(100);
    expect((error as Error).message).toContain('not accepted');
    scanError('oauth', error);
    expect(leaks).toEqual([]);
  });

  it('the API: ServerError, BadRequestError, retry events and logs are clean', async () => {
    const server = await echoingApi();
    const logs: string[] = [];
    const client = clientFor(server.url, logs);
    const retries: unknown[] = [];
    client.on('retry', (event) => retries.push(event));
    const unavailable = await client.request({ method: 'GET', path: '/api/v2/unavailable' }).catch((e: unknown) => e);
    const bad = await client.request({ method: 'GET', path: '/api/v2/bad' }).catch((e: unknown) => e);
    expect([(unavailable as Error).name, (bad as Error).name]).toEqual(['ServerError', 'BadRequestError']);
    expect(retries).toHaveLength(2);
    scanError('503', unavailable);
    scanError('400', bad);
    for (const event of retries) {
      scan('retry event inspect', inspect(event, { depth: Infinity, showHidden: true }));
      scan('retry event JSON', JSON.stringify(event));
      scanError('retry event error', (event as { error: unknown }).error);
    }
    for (const line of logs) scan('log', line);
    expect((bad as Error).message).toContain('you sent');
    expect(leaks).toEqual([]);
  });

  it('the CLI: stdout and stderr are clean when the token endpoint or the API echoes', async () => {
    const out: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
    vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.map(String).join(' ')));
    const write = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (out.push(String(chunk)), true));
    try {
      for (const server of [await echoingTokenEndpoint(), await echoingApi()]) {
        Object.assign(process.env, {
          GENESYS_CLIENT_ID: CLIENT_ID,
          GENESYS_CLIENT_SECRET: SECRET,
          GENESYS_API_BASE_URL: server.url,
          GENESYS_LOGIN_BASE_URL: server.url,
        });
        expect(await main(['queues'])).toBe(1);
      }
    } finally {
      write.mockRestore();
    }
    expect(out.join('\n')).toContain('genesys-routing queues');
    for (const line of out) scan('cli', line);
    expect(leaks).toEqual([]);
  });
});
