import { describe, expect, it } from 'vitest';
import {
  isBadRequestError,
  isNotFoundError,
  isRateLimitError,
  isRequestAbortedError,
  isServerError,
  type RetryEvent,
} from '../../src/index.js';
import { virtualClock } from '../../src/testing/index.js';
import { clientFor, emulator } from './helpers.js';

describe('retries', () => {
  it("waits at least Retry-After before the next attempt after a 429 (on the client's clock, not in real time)", async () => {
    // The emulator's rate-limit window and the client's waits run on one virtual clock: a 60 s window
    // passes at once, and the test reads how long the client waited from that clock.
    const clock = virtualClock();
    const emu = await emulator({ rateLimit: { requests: 2, windowSeconds: 60 }, clock });
    // Header-driven pausing would avoid the 429 altogether (see limiter.test.ts); switch it off here.
    const client = clientFor(emu, { rateLimitHeadroom: false, clock });
    const times: { kind: string; at: number; status?: number }[] = [];
    client.on('request', () => times.push({ kind: 'request', at: clock.now() }));
    client.on('response', (e) => times.push({ kind: 'response', at: clock.now(), status: e.status }));
    const realStart = performance.now();
    const retries: RetryEvent[] = [];
    client.on('retry', (e) => retries.push(e));
    for (let i = 0; i < 3; i++) await client.routing.skills.list({ pageSize: 1 }).first();

    const limited = times.findIndex((t) => t.status === 429);
    expect(limited).toBeGreaterThan(-1);
    const retryAfterMs = (retries[0]!.error as { retryAfterMs?: number }).retryAfterMs!;
    expect(retryAfterMs).toBeGreaterThan(0);
    expect(retries[0]!.delayMs).toBeGreaterThanOrEqual(retryAfterMs);
    expect(retryAfterMs).toBeGreaterThan(50_000);
    const nextRequest = times.slice(limited).find((t) => t.kind === 'request')!;
    expect(nextRequest.at - times[limited]!.at).toBeGreaterThanOrEqual(retryAfterMs);
    expect(clock.sleeps).toContain(retries[0]!.delayMs);
    expect(times.at(-1)!.status).toBe(200);
    expect(performance.now() - realStart).toBeLessThan(10_000);
  });

  it('backs off on the injected clock: the delays grow per retry, within [step/2, step]', async () => {
    const clock = virtualClock();
    const emu = await emulator({ faults: { rate: 1, kinds: ['503'] } });
    const client = clientFor(emu, { clock, maxRetries: 4, retryBackoff: { baseMs: 1_000, maxMs: 8_000 } });
    const delays: number[] = [];
    client.on('retry', (e) => delays.push(e.delayMs));
    const started = clock.now();
    await client.routing.skills.get('x').catch(() => undefined);
    expect(delays).toHaveLength(4);
    delays.forEach((delay, i) => {
      const step = Math.min(8_000, 1_000 * 2 ** i);
      expect(delay).toBeGreaterThanOrEqual(step / 2);
      expect(delay).toBeLessThanOrEqual(step);
    });
    expect(clock.sleeps).toEqual(delays);
    expect(clock.now() - started).toBe(delays.reduce((a, b) => a + b, 0));
  });

  it('throws RateLimitError with retryAfterMs when Retry-After exceeds maxRetryAfterMs', async () => {
    const emu = await emulator({ rateLimit: { requests: 1, windowSeconds: 30 } });
    const client = clientFor(emu, { maxRetryAfterMs: 1_000, rateLimitHeadroom: false });
    await client.routing.skills.list({ pageSize: 1 }).first();
    const error = await client.routing.skills
      .list({ pageSize: 1 })
      .first()
      .catch((e: unknown) => e);
    expect(isRateLimitError(error)).toBe(true);
    expect((error as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(1_000);
    expect((error as { correlationId?: string }).correlationId).toMatch(/[0-9a-f-]{36}/);
  });

  it('retries a 503 and succeeds', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.setFaults({ rate: 1, kinds: ['503'] });
    client.once('response', () => emu.setFaults(null));
    const retries: RetryEvent[] = [];
    client.on('retry', (e) => retries.push(e));
    const skill = await client.routing.skills.list({ pageSize: 1 }).first();
    expect(skill?.id).toBeTypeOf('string');
    expect(retries.map((r) => r.status)).toEqual([503]);
  });

  it('gives up after maxRetries with a ServerError carrying the correlation id', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['502'] } });
    const client = clientFor(emu, { maxRetries: 2 });
    let attempts = 0;
    client.on('request', () => attempts++);
    const error = await client.routing.skills.get('any').catch((e: unknown) => e);
    expect(isServerError(error)).toBe(true);
    expect((error as { status: number }).status).toBe(502);
    expect(attempts).toBe(3);
  });

  it('does not retry a 500 on a non-idempotent call, but does on an idempotent one', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['500'] } });
    const client = clientFor(emu, { maxRetries: 2 });
    let attempts = 0;
    client.on('request', () => attempts++);
    await client.routing.skills.create({ name: 'New skill' }).catch(() => undefined);
    expect(attempts).toBe(1);
    attempts = 0;
    await client.routing.skills.get('any').catch(() => undefined);
    expect(attempts).toBe(3);
  });

  it('does not retry 400 or 404', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    let attempts = 0;
    client.on('request', () => attempts++);
    const notFound = await client.routing.skills.get('no-such-skill').catch((e: unknown) => e);
    expect(isNotFoundError(notFound)).toBe(true);
    expect(attempts).toBe(1);
    attempts = 0;
    const bad = await client
      .request({ method: 'GET', path: '/api/v2/routing/skills', query: { pageSize: 100_000 } })
      .catch((e: unknown) => e);
    expect(isBadRequestError(bad)).toBe(true);
    expect((bad as { status: number }).status).toBe(400);
    expect(attempts).toBe(1);
  });

  it('retries a timed-out attempt and then succeeds', async () => {
    const emu = await emulator();
    const client = clientFor(emu, { timeoutMs: 200 });
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.setFaults({ rate: 1, kinds: ['slow'], slowMs: 1_000 });
    const reasons: string[] = [];
    client.on('retry', (e) => {
      reasons.push(e.reason);
      emu.setFaults(null);
    });
    const skill = await client.routing.skills.list({ pageSize: 1 }).first();
    expect(skill?.id).toBeTypeOf('string');
    expect(reasons).toEqual(['timeout']);
  });

  it('retries a connection reset', async () => {
    const emu = await emulator();
    const client = clientFor(emu);
    await client.routing.skills.list({ pageSize: 1 }).first();
    emu.setFaults({ rate: 1, kinds: ['reset'] });
    const reasons: string[] = [];
    client.on('retry', (e) => {
      reasons.push(e.reason);
      emu.setFaults(null);
    });
    await client.routing.skills.list({ pageSize: 1 }).first();
    expect(reasons).toEqual(['connection']);
  });

  it('rejects at once when aborted during a backoff', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['503'] } });
    const client = clientFor(emu, { retryBackoff: { baseMs: 10_000, maxMs: 10_000 } });
    const controller = new AbortController();
    let abortedAt = 0;
    client.on('retry', () => {
      setTimeout(() => {
        abortedAt = performance.now();
        controller.abort();
      }, 20);
    });
    const error = await client.routing.skills.get('x', { signal: controller.signal }).catch((e: unknown) => e);
    const elapsed = performance.now() - abortedAt;
    expect(isRequestAbortedError(error)).toBe(true);
    expect(elapsed).toBeLessThan(500);
  });

  it('stops retrying when the client-wide retry budget is spent', async () => {
    const emu = await emulator({ faults: { rate: 1, kinds: ['503'] } });
    const client = clientFor(emu, { maxRetries: 5, retryBudget: { capacity: 10, retryCost: 5, timeoutCost: 10 } });
    let attempts = 0;
    client.on('request', () => attempts++);
    await client.routing.skills.get('x').catch(() => undefined);
    expect(attempts).toBe(3); // two retries paid for, the third refused
    attempts = 0;
    await client.routing.skills.get('x').catch(() => undefined);
    expect(attempts).toBe(1);
  });
});
