// RedisReplayStore against a real redis-server, with both client flavours: of 200 parallel copies of one signed
// delivery exactly one is accepted, two handler replicas sharing the store process each delivery once, and a
// failed onEvent releases the claim so the sender's retry is processed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RedisReplayStore } from '../../src/redis/index.js';
import { createWebhookHandler, signWebhook, verifyWebhook } from '../../src/webhooks/index.js';
import { connectBoth, startRedis, type RedisServer } from './redis-server.js';

let server: RedisServer;
let conn: Awaited<ReturnType<typeof connectBoth>>;
beforeAll(async () => {
  server = await startRedis();
  conn = await connectBoth(server.url);
});
afterAll(async () => {
  await conn?.close();
  await server?.stop();
});

const SECRET = 'whsec-redis';
const body = JSON.stringify({ type: 'plan.applied' });

describe.each(['ioredis', 'node-redis'] as const)('RedisReplayStore (%s)', (flavour) => {
  const store = () => new RedisReplayStore({ redis: conn.clients[flavour], prefix: `replay-${flavour}:` });

  it('accepts exactly one of 200 parallel copies of one delivery', async () => {
    const headers = await signWebhook({ body, secret: SECRET, deliveryId: `d-200-${flavour}` });
    const replayStore = store();
    const results = await Promise.all(
      Array.from({ length: 200 }, () => verifyWebhook({ body, headers, secret: SECRET, replayStore })),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it('two replicas (each with its own store object) process each of 30 deliveries once', async () => {
    const counts = new Map<string, number>();
    const onEvent = (_p: unknown, d: { deliveryId: string }) =>
      void counts.set(d.deliveryId, (counts.get(d.deliveryId) ?? 0) + 1);
    const a = createWebhookHandler({ secret: SECRET, onEvent, replayStore: store() });
    const b = createWebhookHandler({ secret: SECRET, onEvent, replayStore: store() });
    const sends = [];
    for (let i = 0; i < 30; i++) {
      const headers = await signWebhook({ body, secret: SECRET, deliveryId: `d-rep-${flavour}-${i}` });
      sends.push(a({ body, headers }), b({ body, headers }), a({ body, headers }), b({ body, headers }));
    }
    await Promise.all(sends);
    expect(counts.size).toBe(30);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
  });

  it('releases the claim when onEvent fails: the retry is processed', async () => {
    let calls = 0;
    const handler = createWebhookHandler({
      secret: SECRET,
      replayStore: store(),
      onEvent: () => {
        if (++calls === 1) throw new Error('downstream failed');
      },
    });
    const headers = await signWebhook({ body, secret: SECRET, deliveryId: `d-retry-${flavour}` });
    expect((await handler({ body, headers })).status).toBe(500);
    expect((await handler({ body, headers })).status).toBe(200);
    expect(calls).toBe(2);
    expect(JSON.parse((await handler({ body, headers })).body)).toMatchObject({ duplicate: true });
  });

  it('keeps a claim only until it expires (PX)', async () => {
    const replayStore = store();
    expect(await replayStore.claim(`d-ttl-${flavour}`, Date.now() + 50)).toBe(true);
    expect(await replayStore.claim(`d-ttl-${flavour}`, Date.now() + 50)).toBe(false);
    await new Promise((r) => setTimeout(r, 120));
    expect(await replayStore.claim(`d-ttl-${flavour}`, Date.now() + 50)).toBe(true);
  });
});
