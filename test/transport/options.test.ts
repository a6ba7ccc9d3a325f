import { describe, expect, it } from 'vitest';
import { GenesysClient, ValidationError, isValidationError } from '../../src/index.js';
import { transportOf } from '../../src/resources/core/internals.js';

function errorOf(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (e) {
    if (isValidationError(e)) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('client options', () => {
  it('names a missing clientSecret', () => {
    const e = errorOf(() => new GenesysClient({ clientId: 'a', region: 'eu_west_1' } as never));
    expect(e.issues.map((i) => i.path)).toEqual(['clientSecret']);
    expect(e.message).toContain('clientSecret');
  });

  it('names a WebSocket option that is not a constructor', () => {
    const e = errorOf(
      () => new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'eu_west_1', WebSocket: 'ws' as never }),
    );
    expect(e.issues).toEqual([{ path: 'WebSocket', message: 'must be a WebSocket constructor' }]);
  });

  it('names an unknown region and lists valid ones', () => {
    const e = errorOf(() => new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'mars_1' }));
    expect(e.issues[0]!.path).toBe('region');
    expect(e.message).toContain('eu_west_1');
  });

  it('suggests the region a typo meant', () => {
    for (const [typo, meant] of [
      ['eu_west1', 'eu_west_1'],
      ['eu-west-1', 'eu_west_1'],
      ['US_EAST_1', 'us_east_1'],
      ['mypurecloud.de.', 'mypurecloud.de'],
      ['mypurecloud.ei', 'mypurecloud.ie'],
    ]) {
      expect(errorOf(() => new GenesysClient({ clientId: 'a', clientSecret: 'b', region: typo! })).message).toContain(
        `did you mean "${meant}"?`,
      );
    }
    expect(
      errorOf(() => new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'mars_1' })).message,
    ).not.toContain('did you mean');
    const env = errorOf(() =>
      GenesysClient.fromEnv({}, { GENESYS_CLIENT_ID: 'id', GENESYS_CLIENT_SECRET: 's', GENESYS_REGION: 'euw_west_1' }),
    );
    expect(env.message).toMatch(/region \(GENESYS_REGION\): unknown region "euw_west_1": did you mean "eu_west_1"\?/);
  });

  it('refuses a region and base URLs that point to different hosts, naming both (no silent winner)', () => {
    const e = errorOf(() =>
      GenesysClient.fromEnv(
        {},
        {
          GENESYS_CLIENT_ID: 'id',
          GENESYS_CLIENT_SECRET: 's',
          GENESYS_REGION: 'eu_west_1',
          GENESYS_API_BASE_URL: 'http://127.0.0.1:9',
          GENESYS_LOGIN_BASE_URL: 'http://127.0.0.1:9',
        },
      ),
    );
    expect(e.message).toContain('GENESYS_API_BASE_URL');
    expect(e.message).toContain('disagrees with region eu_west_1');
    // The same hosts both ways are not a conflict.
    const same = new GenesysClient({
      clientId: 'a',
      clientSecret: 'b',
      region: 'eu_west_1',
      apiBaseUrl: 'https://api.mypurecloud.ie/',
      loginBaseUrl: 'https://login.mypurecloud.ie',
    });
    expect(transportOf(same).options.apiBaseUrl).toBe('https://api.mypurecloud.ie');
  });

  it('accepts a region by name or by domain', () => {
    const byName = new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'eu_west_1' });
    const byDomain = new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'mypurecloud.ie' });
    expect(byName.org.apiBaseUrl).toBe('https://api.mypurecloud.ie');
    expect(byDomain.org.loginBaseUrl).toBe('https://login.mypurecloud.ie');
  });

  it('rejects plain http to a non-loopback host unless allowed', () => {
    const opts = {
      clientId: 'a',
      clientSecret: 'b',
      apiBaseUrl: 'http://example.com',
      loginBaseUrl: 'http://example.com',
    };
    const e = errorOf(() => new GenesysClient(opts));
    expect(e.issues.map((i) => i.path)).toEqual(['apiBaseUrl', 'loginBaseUrl']);
    expect(() => new GenesysClient({ ...opts, allowInsecureHttp: true })).not.toThrow();
    expect(
      () => new GenesysClient({ ...opts, apiBaseUrl: 'http://127.0.0.1:1', loginBaseUrl: 'http://localhost:1' }),
    ).not.toThrow();
  });

  it('names bad numbers and unknown options', () => {
    const e = errorOf(
      () =>
        new GenesysClient({
          clientId: 'a',
          clientSecret: 'b',
          region: 'eu_west_1',
          timeoutMs: -1,
          maxRetries: 1.5,
          validation: 'loud',
        } as never),
    );
    expect(e.issues.map((i) => i.path).sort()).toEqual(['maxRetries', 'timeoutMs', 'validation']);
    const unknown = errorOf(
      () => new GenesysClient({ clientId: 'a', clientSecret: 'b', region: 'eu_west_1', retries: 3 } as never),
    );
    expect(unknown.message).toContain('retries');
  });

  it('fromEnv names the environment variable that is missing', () => {
    const e = errorOf(() => GenesysClient.fromEnv({}, { GENESYS_CLIENT_ID: 'id', GENESYS_REGION: 'eu_west_1' }));
    expect(e.message).toContain('GENESYS_CLIENT_SECRET');
    const ok = GenesysClient.fromEnv(
      {},
      {
        GENESYS_CLIENT_ID: 'id',
        GENESYS_CLIENT_SECRET: 's',
        GENESYS_API_BASE_URL: 'http://127.0.0.1:9',
        GENESYS_LOGIN_BASE_URL: 'http://127.0.0.1:9',
      },
    );
    expect(ok.org.apiBaseUrl).toBe('http://127.0.0.1:9');
  });

  it('names a missing path parameter before sending anything', async () => {
    const client = new GenesysClient({
      clientId: 'a',
      clientSecret: 'b',
      apiBaseUrl: 'http://127.0.0.1:9',
      loginBaseUrl: 'http://127.0.0.1:9',
    });
    await expect(client.routing.skills.get('')).rejects.toThrow(/skillId/);
    await expect(client.routing.userSkills.patchBulk('u1', [{ id: 's1', proficiency: 7 }])).rejects.toThrow(
      /items\[0\]\.proficiency/,
    );
  });
});
