// Secrets echoed back in other encodings: a hostile server echoes the client secret and the token it issued
// form-encoded (%21 %27 %28 %29 %7E), JSON-escaped (\/, \u00e9), as base64 and hex of the bare value and as
// HTML entities, in API errors, 5xx answers that are retried, a 200 HTML page, OAuth errors and through the CLI.
// None of those forms may reach an error's message or stack, a `retry` event, a log line or the CLI's stderr.
import { inspect } from 'node:util';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../src/cli/index.js';
import { GenesysClient } from '../../src/index.js';
import { Redactor } from '../../src/transport/redaction/redact.js';
import { hostileServer, json } from '../transport/hostile-server.js';
import { encodingsOf } from './encodings.js';

const CLIENT_ID = 'encodings-suite-client';
// Characters that each encoding treats differently: ! ' ( ) ~ (form-encoding), / (JSON \/), é (\u00e9, UTF-8
// %C3%A9), & < > " (HTML entities), a space (+) and base64's + and / positions.
const SECRET = `Ech0!S3cret'(x)~/é&<q>"z Z9`;
const TOKEN = `tok~Ech0(7)!/é'f3a9c1e5b`;
const FORMS = Object.entries({ ...prefixed('secret', encodingsOf(SECRET)), ...prefixed('token', encodingsOf(TOKEN)) });

function prefixed(name: string, forms: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(forms).map(([label, form]) => [`${name} ${label}`, form]));
}

/** One line echoing every form (what a hostile server puts in its answers). */
const ECHO = FORMS.map(([label, form]) => `[${label}: ${form}]`).join(' ');

const leaks: string[] = [];
function scan(where: string, text: string): void {
  for (const [label, form] of FORMS) if (text.includes(form)) leaks.push(`${where}: ${label}`);
}
function scanError(where: string, error: unknown): void {
  const e = error as Error;
  scan(`${where} message`, e.message);
  scan(`${where} stack`, e.stack ?? '');
  scan(`${where} String`, String(e));
  scan(`${where} inspect`, inspect(e, { depth: Infinity, showHidden: true }));
  scan(`${where} JSON`, JSON.stringify(e) ?? '');
}

afterEach(() => {
  leaks.length = 0;
  vi.restoreAllMocks();
  for (const k of ['GENESYS_CLIENT_ID', 'GENESYS_CLIENT_SECRET', 'GENESYS_API_BASE_URL', 'GENESYS_LOGIN_BASE_URL'])
    delete process.env[k];
});

describe('redaction of every encoding a server may echo', () => {
  it('the redactor replaces each form of the secret and the token, alone and inside text', () => {
    const r = new Redactor();
    r.add(SECRET);
    r.add(TOKEN);
    for (const [label, form] of FORMS) {
      const out = r.text(`before ${form} after`);
      expect(out, label).not.toContain(form);
      expect(out, label).toContain('[REDACTED]');
      expect(out, label).toMatch(/^before .*after$/);
    }
    // Unrelated text is left alone.
    expect(r.text('nothing secret here: Sauce, tok-other, &amp; %7E')).toBe(
      'nothing secret here: Sauce, tok-other, &amp; %7E',
    );
  });

  it('a hostile API echoing each form: errors, stacks, retry events and logs stay clean', async () => {
    const server = await hostileServer(
      (req, res) => {
        const path = req.path.split('?')[0];
        if (path === '/api/v2/echo')
          return json(res, 400, {
            message: `bad request: ${ECHO}`,
            code: 'bad.request',
            details: [{ fieldName: ECHO }],
          });
        if (path === '/api/v2/unavailable') return json(res, 503, { message: `upstream failed: ${ECHO}` });
        if (path === '/api/v2/routing/skills') {
          res.writeHead(200, { 'content-type': 'text/html' });
          return void res.end(`<html><body>Sign in again. ${ECHO}</body></html>`);
        }
        if (path === '/api/v2/truncated') {
          res.writeHead(200, { 'content-type': 'application/json' });
          return void res.end(`{"echo":"${ECHO}`);
        }
        return json(res, 404, { message: `no route; you sent ${ECHO}` });
      },
      { token: TOKEN },
    );
    const logs: string[] = [];
    const log = (message: string, data?: unknown) => void logs.push(`${message} ${inspect(data, { depth: Infinity })}`);
    const client = new GenesysClient({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      apiBaseUrl: server.url,
      loginBaseUrl: server.url,
      maxRetries: 2,
      retryBackoff: { baseMs: 5, maxMs: 20 },
      logger: { debug: log, info: log, warn: log, error: log },
    });
    const retries: unknown[] = [];
    client.on('retry', (event) => retries.push(event));
    const errors: [string, unknown][] = [];
    for (const [label, call] of Object.entries({
      400: () => client.request({ method: 'GET', path: '/api/v2/echo' }),
      503: () => client.request({ method: 'GET', path: '/api/v2/unavailable' }),
      html: () => client.routing.skills.list().toArray(),
      missing: () => client.request({ method: 'GET', path: '/api/v2/nowhere' }),
    })) {
      errors.push([label, await call().catch((e: unknown) => e)]);
    }
    expect(errors.map(([, e]) => (e as Error).name)).toEqual([
      'BadRequestError',
      'ServerError',
      'UnexpectedResponseError',
      'NotFoundError',
    ]);
    expect(retries.length).toBe(2);
    for (const [label, error] of errors) scanError(`error ${label}`, error);
    for (const event of retries) {
      scan('retry event', inspect(event, { depth: Infinity, showHidden: true }));
      scanError('retry event error', (event as { error: unknown }).error);
    }
    for (const line of logs) scan('log', line);
    // The redaction did not swallow the messages themselves.
    expect((errors[0]![1] as Error).message).toContain('bad request');
    expect((errors[2]![1] as Error).message).toContain('Sign in again');
    expect(leaks).toEqual([]);
  });

  it('an OAuth error echoing each form of the secret keeps it out of the error', async () => {
    // No token was issued here: the server echoes the forms of the secret only.
    const secretEcho = Object.entries(encodingsOf(SECRET))
      .map(([label, form]) => `[${label}: ${form}]`)
      .join(' ');
    const server = await hostileServer(() => undefined, {
      onToken: (_req, res) =>
        json(res, 401, { error: 'invalid_client', error_description: `client secret not accepted: ${secretEcho}` }),
    });
    const client = new GenesysClient({
      clientId: CLIENT_ID,
      clientSecret: SECRET,
      apiBaseUrl: server.url,
      loginBaseUrl: server.url,
      maxRetries: 0,
    });
    const error = await client.request({ method: 'GET', path: '/api/v2/x' }).catch((e: unknown) => e);
    expect((error as Error).name).toBe('AuthenticationError');
    scanError('oauth error', error);
    expect(leaks).toEqual([]);
  });

  it('the CLI prints no form of the secret or token on stderr', async () => {
    const server = await hostileServer(
      (req, res) => {
        if (req.path.startsWith('/api/v2/routing/queues'))
          return json(res, 400, { message: `refused: ${ECHO}`, code: 'bad.request' });
        res.writeHead(200, { 'content-type': 'text/html' });
        res.end(`<html>${ECHO}</html>`);
      },
      { token: TOKEN },
    );
    Object.assign(process.env, {
      GENESYS_CLIENT_ID: CLIENT_ID,
      GENESYS_CLIENT_SECRET: SECRET,
      GENESYS_API_BASE_URL: server.url,
      GENESYS_LOGIN_BASE_URL: server.url,
    });
    const stderr: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void stderr.push(a.map(String).join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const write = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => (stderr.push(String(chunk)), true));
    try {
      expect(await main(['queues'])).toBe(1);
      expect(await main(['drift', '--snapshot', '/nonexistent-dir/never-written.json'])).toBe(1);
    } finally {
      write.mockRestore();
    }
    expect(stderr.join('\n')).toContain('genesys-routing queues');
    for (const line of stderr) scan('cli stderr', line);
    expect(leaks).toEqual([]);
  });
});
