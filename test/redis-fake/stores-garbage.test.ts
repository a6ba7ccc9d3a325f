// The other Redis-backed stores with a fake client answering garbage: each malformed reply is a typed
// RedisReplyError (a RedisUnavailableError, so callers treat it like Redis being down) or a safe fallback
// (no token, no lock), never a TypeError or an endless loop.
import { describe, expect, it } from 'vitest';
import {
  RedisJournal,
  RedisReplayStore,
  RedisReplyError,
  RedisTokenStore,
  RedisUnavailableError,
} from '../../src/redis/index.js';

const KINDS: Record<string, unknown> = {
  null: null,
  'wrong type': 'OK',
  'NaN string': 'NaN',
  'huge number': 1e300,
  negative: -1,
  'array for a scalar': [[1]],
  'truncated JSON': '{"sha256":"ab',
};

function fake(reply: unknown) {
  const answer = () => Promise.resolve(reply);
  return { evalsha: answer, eval: answer } as never;
}

describe('Redis stores with garbage replies', () => {
  for (const [kind, reply] of Object.entries(KINDS)) {
    it(`${kind}: typed errors or a safe fallback`, async () => {
      const journal = new RedisJournal({ redis: fake(reply) });
      const read = await journal.read('plan-1').then(
        (result) => result,
        (error: unknown) => error,
      );
      // A journal read either reports the entries as problems (never trusted) or fails typed.
      if (read instanceof Error) {
        expect(read).toBeInstanceOf(RedisReplyError);
        expect(read).toBeInstanceOf(RedisUnavailableError);
      } else {
        expect((read as { records: unknown[] }).records).toEqual([]);
      }

      const replay = new RedisReplayStore({ redis: fake(reply) });
      const claim = await replay.claim('d-1', Date.now() + 60_000).catch((e: unknown) => e);
      expect(claim).toBeInstanceOf(RedisReplyError);

      const tokens = new RedisTokenStore({ redis: fake(reply), plaintext: true });
      expect(await tokens.get('k')).toBeUndefined();
      expect(await tokens.lock('k', 1_000)).toBeUndefined();
    });
  }

  it('a journal read answering more than a page per range is refused, not read forever', async () => {
    const page = Array.from({ length: 1_001 }, () => 'x');
    const error = await new RedisJournal({ redis: fake(page) }).read('plan-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisReplyError);
  });
});

describe('token refresh with a shared store answering garbage', () => {
  it('a lock that is never granted costs a bounded number of store reads, then the process fetches its own token', async () => {
    const { ClientCredentialsAuth } = await import('../../src/transport/auth/auth.js');
    const { createHttpSender } = await import('../../src/transport/http.js');
    const { Redactor } = await import('../../src/transport/redaction/redact.js');
    const { startEmulator } = await import('../../src/testing/index.js');
    const emu = await startEmulator({ org: { users: 2, skills: 1, queues: 1 } });
    try {
      let commands = 0;
      const answer = () => (commands++, Promise.resolve([['garbage']]));
      const auth = new ClientCredentialsAuth({
        clientId: emu.clientId,
        clientSecret: emu.clientSecret,
        loginBaseUrl: emu.baseUrl,
        store: new RedisTokenStore({ redis: { evalsha: answer, eval: answer } as never, plaintext: true }),
        send: createHttpSender(),
        redactor: new Redactor(),
        timeoutMs: 5_000,
        onRefreshed: () => undefined,
        lockWaitMs: 1_000,
      });
      const started = Date.now();
      expect(typeof (await auth.token())).toBe('string');
      expect(Date.now() - started).toBeLessThan(2_500);
      // get + (lock, get) per poll: 25 ms doubling to 400 ms fills 1 s in 6 polls; plus the final set.
      expect(commands).toBeLessThanOrEqual(20);
    } finally {
      await emu.close();
    }
  });
});
