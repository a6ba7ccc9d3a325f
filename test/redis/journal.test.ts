import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanLockedError, ValidationError } from '../../src/index.js';
import { RedisJournal } from '../../src/redis/index.js';
import type { JournalRecord } from '../../src/workflows/journal/types.js';
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

const hash = (s: string) => createHash('sha256').update(s).digest('hex');
const record = (planId: string, userId: string, status: JournalRecord['status'] = 'done'): JournalRecord => ({
  planId,
  planHash: hash(`plan ${planId}`),
  userId,
  stateHash: hash(`state ${userId}`),
  status,
  at: new Date().toISOString(),
});

describe.each(['ioredis', 'node-redis'] as const)('RedisJournal with %s', (flavour) => {
  const journal = (prefix: string) =>
    new RedisJournal({ redis: conn.clients[flavour], prefix: `j-${flavour}-${prefix}:` });

  it('appends records and reads back this plan only, in order', async () => {
    const j = journal('a');
    const recs = [record('p1', 'u1'), record('p1', 'u2', 'failed'), record('p2', 'u1'), record('p1', 'u2')];
    for (const r of recs) await j.append(r);
    expect(await j.read('p1')).toEqual({ records: [recs[0], recs[1], recs[3]], problems: [] });
    expect((await j.read('p2')).records).toEqual([recs[2]]);
    expect(await j.read('p3')).toEqual({ records: [], problems: [] });
  });

  it('reports entries that do not parse or do not match their sha256, and keeps the others', async () => {
    const j = journal('b');
    await j.append(record('p1', 'u1'));
    const [key] = await conn.clients.ioredis.keys(`j-${flavour}-b:journal:*`);
    await conn.clients.ioredis.rpush(key!, '{"sha256":"0000","record":{"planId":"p1"');
    const good = record('p1', 'u9');
    const tampered = JSON.stringify({ sha256: hash('something else'), record: good });
    await conn.clients.ioredis.rpush(key!, tampered);
    await j.append(record('p1', 'u2'));
    const read = await j.read('p1');
    expect(read.records.map((r) => r.userId)).toEqual(['u1', 'u2']);
    expect(read.problems).toEqual([
      { line: 2, reason: 'not valid JSON' },
      { line: 3, reason: 'content does not match its sha256' },
    ]);
  });

  it('reads long journals page by page', async () => {
    const j = journal('c');
    for (let i = 0; i < 2_100; i++) await j.append(record('big', `u${i}`));
    const read = await j.read('big');
    expect(read.records).toHaveLength(2_100);
    expect(read.records[2_099]!.userId).toBe('u2099');
  });

  it('refuses a malformed record, naming its fields', async () => {
    const j = journal('d');
    await expect(j.append({ ...record('p1', 'u1'), stateHash: 'abc', status: 'maybe' as never })).rejects.toMatchObject(
      {
        name: 'ValidationError',
        issues: [{ path: 'stateHash' }, { path: 'status' }],
      },
    );
    await expect(j.read('')).rejects.toBeInstanceOf(ValidationError);
  });

  it('lease: exclusive per plan; a second worker waits, then gets PlanLockedError naming the holder', async () => {
    const j = journal('e');
    const lease = await j.acquire('p1', { owner: 'worker-a', ttlMs: 5_000, waitMs: 0 });
    expect(lease).toMatchObject({ planId: 'p1', owner: 'worker-a' });
    const started = Date.now();
    const err = await j.acquire('p1', { owner: 'worker-b', ttlMs: 5_000, waitMs: 300 }).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
    expect(err).toBeInstanceOf(PlanLockedError);
    expect(err).toMatchObject({ planId: 'p1', owner: 'worker-a' });
    // Another plan is free.
    const other = await j.acquire('p2', { owner: 'worker-b', ttlMs: 5_000, waitMs: 0 });
    expect(await lease.renew()).toBe(true);
    // Released while b waits: b gets it.
    const waiting = j.acquire('p1', { owner: 'worker-b', ttlMs: 5_000, waitMs: 5_000 });
    await new Promise((r) => setTimeout(r, 100));
    await lease.release();
    expect((await waiting).owner).toBe('worker-b');
    await other.release();
  });

  it('lease: a holder that stops renewing loses it at expiry; its late renew and release do nothing', async () => {
    const j = journal('f');
    const dead = await j.acquire('p1', { owner: 'crashed', ttlMs: 200, waitMs: 0 });
    const taker = await j.acquire('p1', { owner: 'survivor', ttlMs: 5_000, waitMs: 2_000 });
    expect(taker.owner).toBe('survivor');
    expect(await dead.renew()).toBe(false);
    await dead.release();
    const err = await j.acquire('p1', { owner: 'third', ttlMs: 5_000, waitMs: 0 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'PlanLockedError', owner: 'survivor' });
    await taker.release();
  });

  it('lease: the wait honours an abort signal', async () => {
    const j = journal('g');
    const held = await j.acquire('p1', { owner: 'a', ttlMs: 5_000, waitMs: 0 });
    const controller = new AbortController();
    const pending = j.acquire('p1', { owner: 'b', ttlMs: 5_000, waitMs: 60_000, signal: controller.signal });
    setTimeout(() => controller.abort(new Error('stop')), 50);
    await expect(pending).rejects.toThrow('stop');
    await held.release();
  });
});
