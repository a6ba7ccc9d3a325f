// RedisQuota with a fake Redis client that answers garbage: every kind of malformed reply, a shared block 20
// days ahead, a reply that never comes and a probe that never ends. Calls still complete within bounded time,
// with a bounded number of Redis commands, and the client reports it (`sharedState`); never a hang or a TypeError.
// (No redis-server needed: the fake speaks the ioredis call shape. Real-Redis tests are in test/redis.)
import { describe, expect, it } from 'vitest';
import type { SharedStateEvent } from '../../src/index.js';
import { RedisQuota } from '../../src/redis/index.js';
import { MAX_COMMANDS_PER_CALL } from '../../src/redis/quota.js';
import { clientFor, emulator } from '../transport/helpers.js';

const DAY_MS = 86_400_000;

/** An ioredis-shaped client whose every script call answers `reply()`. */
function fakeRedis(reply: () => unknown) {
  const fake = {
    calls: 0,
    evalsha: (..._args: unknown[]) => (fake.calls++, reply()),
    eval: (..._args: unknown[]) => (fake.calls++, reply()),
  };
  return fake;
}

/** The TAKE script answers {status, value, generation, redis time}: each entry below breaks that in its own way. */
const GARBAGE: Record<string, () => unknown> = {
  null: () => Promise.resolve(null),
  'wrong type (a status string)': () => Promise.resolve('OK'),
  'NaN strings': () => Promise.resolve(['abc', 'NaN', 'x', 'y']),
  'huge number': () => Promise.resolve([1, 1e300, 1, Date.now()]),
  negative: () => Promise.resolve([1, -5, 1, Date.now()]),
  'array for a scalar': () => Promise.resolve([[1], [0], [1], [Date.now()]]),
  'truncated JSON': () => Promise.resolve('[1,25,1'),
  'blockedUntil 20 days ahead': () => Promise.resolve([1, 20 * DAY_MS, 1, Date.now()]),
  'a client that throws synchronously': () => {
    throw new TypeError('Cannot read properties of undefined');
  },
  'a client that returns a non-promise': () => 42,
};

async function run(reply: () => unknown, maxRetryAfterMs = 2_000) {
  const emu = await emulator();
  const fake = fakeRedis(reply);
  const client = clientFor(emu, {
    maxRetryAfterMs,
    quota: new RedisQuota({ redis: fake as never, commandTimeoutMs: 200 }),
  });
  const events: SharedStateEvent[] = [];
  client.on('sharedState', (e) => events.push(e));
  const started = performance.now();
  const results = await Promise.all(
    Array.from({ length: 5 }, () => client.routing.skills.list({ pageSize: 5 }).first()),
  );
  return { results, events, elapsedMs: performance.now() - started, commands: fake.calls };
}

describe('RedisQuota with garbage from Redis', () => {
  for (const [kind, reply] of Object.entries(GARBAGE)) {
    it(`${kind}: calls complete, the shared state is ignored and reported`, async () => {
      const { results, events, elapsedMs, commands } = await run(reply);
      expect(results.every((skill) => typeof skill?.id === 'string')).toBe(true);
      expect(elapsedMs).toBeLessThan(3_000);
      expect(commands).toBeLessThanOrEqual(20);
      expect(events[0]).toMatchObject({ component: 'quota', state: 'fallback' });
      expect(events[0]!.reason).toMatch(/^(RedisQuota|Redis: )/);
      expect(events[0]!.reason).not.toMatch(/TypeError|is not iterable/);
    });
  }

  it('a reply that never comes: each command times out (commandTimeoutMs) and the calls go on alone', async () => {
    const { results, events, elapsedMs } = await run(() => new Promise(() => undefined));
    expect(results).toHaveLength(5);
    expect(elapsedMs).toBeLessThan(3_000);
    expect(events[0]?.reason).toContain('no answer within 200 ms');
  });

  it('a probe that never ends (valid 25 ms waits forever): one call issues a bounded number of commands and waits at most maxRetryAfterMs (at least 1 s)', async () => {
    const { results, events, elapsedMs, commands } = await run(() => Promise.resolve([1, 25, 1, Date.now()]), 500);
    expect(results).toHaveLength(5);
    expect(elapsedMs).toBeLessThan(1_000 + 1_500);
    expect(commands).toBeLessThanOrEqual(5 * MAX_COMMANDS_PER_CALL);
    expect(commands).toBeLessThanOrEqual(5 * 8); // pauses double from 25 ms: 6 polls fill the first second
    expect(events[0]?.reason).toContain('past its allowance');
  });
});
