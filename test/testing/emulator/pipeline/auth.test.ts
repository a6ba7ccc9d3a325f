import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../../../src/testing/index.js';
import type { Emulator } from '../../../../src/testing/index.js';
import { api, getToken } from '../helpers.js';
import type { ErrorBodyShape } from '../helpers.js';

describe('emulator: OAuth and bearer auth', () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ org: { users: 20, skills: 5, queues: 2 } });
  });
  afterAll(() => emu.close());

  const tokenRequest = (auth: string | undefined, body: string, contentType = 'application/x-www-form-urlencoded') =>
    fetch(emu.url('/oauth/token'), {
      method: 'POST',
      headers: { ...(auth ? { Authorization: auth } : {}), 'Content-Type': contentType },
      body,
    });
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

  it('issues a client-credentials token', async () => {
    const res = await tokenRequest(basic(emu.clientId, emu.clientSecret), 'grant_type=client_credentials');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
    expect(typeof body['access_token']).toBe('string');
    expect(emu.baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('rejects bad credentials and bad requests with the OAuth error shape', async () => {
    const wrong = await tokenRequest(basic(emu.clientId, 'nope'), 'grant_type=client_credentials');
    expect(wrong.status).toBe(401);
    const body = (await wrong.json()) as Record<string, string>;
    expect(body['error']).toBe('invalid_client');
    expect(body['error_description']).toBe(body['description']);

    expect((await tokenRequest(undefined, 'grant_type=client_credentials')).status).toBe(401);
    const grant = await tokenRequest(basic(emu.clientId, emu.clientSecret), 'grant_type=password');
    expect(grant.status).toBe(400);
    expect(((await grant.json()) as Record<string, string>)['error']).toBe('unsupported_grant_type');
    const type = await tokenRequest(
      basic(emu.clientId, emu.clientSecret),
      '{"grant_type":"client_credentials"}',
      'application/json',
    );
    expect(type.status).toBe(400);
    expect(((await type.json()) as Record<string, string>)['error']).toBe('invalid_request');
  });

  it('answers 401 authentication.required without a token, with correlation id = contextId', async () => {
    const res = await api<ErrorBodyShape>(emu, undefined, '/api/v2/routing/skills');
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'authentication.required', status: 401, details: [], errors: [] });
    expect(res.body.contextId).toBe(res.headers.get('inin-correlation-id'));
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('answers 401 bad.credentials for an unknown token and after expireAllTokens()', async () => {
    expect((await api<ErrorBodyShape>(emu, 'garbage', '/api/v2/users')).body.code).toBe('bad.credentials');
    const token = await getToken(emu);
    expect((await api(emu, token, '/api/v2/users')).status).toBe(200);
    emu.expireAllTokens();
    const res = await api<ErrorBodyShape>(emu, token, '/api/v2/users');
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('bad.credentials');
    expect((await api(emu, await getToken(emu), '/api/v2/users')).status).toBe(200);
  });

  it('expires tokens for real after tokenLifetimeSeconds', async () => {
    const short = await startEmulator({ org: 'empty', tokenLifetimeSeconds: 0.2 });
    try {
      const token = await getToken(short);
      expect((await api(short, token, '/api/v2/tokens/me')).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect((await api(short, token, '/api/v2/tokens/me')).status).toBe(401);
    } finally {
      await short.close();
    }
  });

  it('serves /api/v2/tokens/me and revokes with DELETE', async () => {
    const token = await getToken(emu);
    const me = await api<Record<string, { id: string }>>(emu, token, '/api/v2/tokens/me');
    expect(me.status).toBe(200);
    expect(me.body['OAuthClient']?.id).toBe(emu.clientId);
    expect(me.body['organization']?.id).toBe(emu.state.organization.id);
    expect((await api(emu, token, '/api/v2/tokens/me', { method: 'DELETE' })).status).toBe(204);
    expect((await api(emu, token, '/api/v2/tokens/me')).status).toBe(401);
  });

  it('answers 404 not.found for unknown routes and unknown ids', async () => {
    const token = await getToken(emu);
    const unknownRoute = await api<ErrorBodyShape>(emu, token, '/api/v2/routing/users/skills');
    expect(unknownRoute.status).toBe(404);
    expect(unknownRoute.body.code).toBe('not.found');
    const unknownId = await api<ErrorBodyShape & { entityId?: string }>(
      emu,
      token,
      '/api/v2/routing/queues/does-not-exist',
    );
    expect(unknownId.status).toBe(404);
    expect(unknownId.body.entityId).toBe('does-not-exist');
  });
});
