// Outbound signed webhooks: verifyWebhook, createWebhookHandler and sendWebhook against a real node:http receiver.
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isRequestAbortedError, isTimeoutError, isValidationError } from '../../src/index.js';
import {
  DELIVERY_HEADER,
  MemoryReplayStore,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  createWebhookHandler,
  isWebhookDeliveryError,
  sendWebhook,
  signWebhook,
  verifyWebhook,
  type WebhookDeliveryError,
} from '../../src/webhooks/index.js';

const SECRET = 'whsec-current';
const NOW = Date.UTC(2024, 4, 1, 12, 0, 0);
const body = JSON.stringify({ type: 'plan.applied', planId: 'p-1' });

async function signed(
  options: { secret?: string | string[]; timestamp?: number; deliveryId?: string } = {},
): Promise<Record<string, string>> {
  const timestamp = options.timestamp ?? NOW / 1000;
  return signWebhook({
    body,
    secret: options.secret ?? SECRET,
    timestamp,
    ...(options.deliveryId ? { deliveryId: options.deliveryId } : {}),
  });
}

describe('verifyWebhook', () => {
  it('accepts a good signature (header names case-insensitive, Headers or a record) and parses the payload', async () => {
    const headers = await signed({ deliveryId: 'd-good' });
    // The signature is documented (scheme v2): hex HMAC-SHA256 of `v2.${deliveryId}.${timestamp}.${body}`.
    const expected = createHmac('sha256', SECRET)
      .update(`v2.d-good.${NOW / 1000}.${body}`)
      .digest('hex');
    expect(headers[SIGNATURE_HEADER]).toBe(`v2=${expected}`);
    expect(headers[DELIVERY_HEADER]).toBe('d-good');
    const upper = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), v]));
    const result = await verifyWebhook({ body, headers: upper, secret: SECRET, now: NOW, replayStore: false });
    expect(result).toEqual({
      ok: true,
      payload: { type: 'plan.applied', planId: 'p-1' },
      deliveryId: 'd-good',
      timestamp: NOW / 1000,
    });
    const viaHeaders = await verifyWebhook({
      body: Buffer.from(body),
      headers: new Headers(headers),
      secret: SECRET,
      now: NOW,
      replayStore: false,
    });
    expect(viaHeaders.ok).toBe(true);
  });

  it('rejects a missing or bad signature and a tampered body', async () => {
    const headers = await signed();
    expect(await verifyWebhook({ body, headers: {}, secret: SECRET, now: NOW })).toMatchObject({
      ok: false,
      reason: 'missing-signature',
    });
    expect(
      await verifyWebhook({
        body,
        headers: { [SIGNATURE_HEADER]: headers[SIGNATURE_HEADER] },
        secret: SECRET,
        now: NOW,
      }),
    ).toMatchObject({ ok: false, reason: 'missing-timestamp' });
    expect(
      await verifyWebhook({ body, headers: { ...headers, [TIMESTAMP_HEADER]: 'yesterday' }, secret: SECRET, now: NOW }),
    ).toMatchObject({ ok: false, reason: 'invalid-timestamp' });
    expect(await verifyWebhook({ body, headers, secret: 'wrong', now: NOW })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(await verifyWebhook({ body: body.replace('p-1', 'p-2'), headers, secret: SECRET, now: NOW })).toMatchObject({
      ok: false,
      reason: 'bad-signature',
    });
    expect(
      await verifyWebhook({ body, headers: { ...headers, [SIGNATURE_HEADER]: 'v2=abc' }, secret: SECRET, now: NOW }),
    ).toMatchObject({ ok: false, reason: 'bad-signature' });
    // A valid signature with a moved timestamp no longer matches.
    expect(
      await verifyWebhook({
        body,
        headers: { ...headers, [TIMESTAMP_HEADER]: String(NOW / 1000 + 1) },
        secret: SECRET,
        now: NOW,
      }),
    ).toMatchObject({ reason: 'bad-signature' });
    const noSecret = await verifyWebhook({ body, headers, secret: '', now: NOW }).catch((e: unknown) => e);
    expect(isValidationError(noSecret)).toBe(true);
  });

  it('rejects stale and future timestamps beyond the tolerance', async () => {
    const old = await signed({ timestamp: NOW / 1000 - 301 });
    expect(await verifyWebhook({ body, headers: old, secret: SECRET, now: NOW })).toMatchObject({
      ok: false,
      reason: 'stale',
    });
    expect(
      (await verifyWebhook({ body, headers: old, secret: SECRET, now: NOW, toleranceSeconds: 600, replayStore: false }))
        .ok,
    ).toBe(true);
    const future = await signed({ timestamp: NOW / 1000 + 301 });
    expect(await verifyWebhook({ body, headers: future, secret: SECRET, now: NOW })).toMatchObject({
      ok: false,
      reason: 'stale',
    });
  });

  it('rejects a replayed delivery id within the window, and remembers ids only until they expire', async () => {
    let now = NOW;
    const store = new MemoryReplayStore({ now: () => now });
    const headers = await signed({ deliveryId: 'd-replay' });
    expect((await verifyWebhook({ body, headers, secret: SECRET, now, replayStore: store })).ok).toBe(true);
    expect(await verifyWebhook({ body, headers, secret: SECRET, now, replayStore: store })).toMatchObject({
      ok: false,
      reason: 'replayed',
    });
    const { [DELIVERY_HEADER]: _omit, ...withoutId } = headers;
    expect(await verifyWebhook({ body, headers: withoutId, secret: SECRET, now, replayStore: store })).toMatchObject({
      reason: 'missing-delivery-id',
    });
    now += 601_000;
    expect(store.has('d-replay')).toBe(false);
    expect(store.size).toBe(0);
  });

  it('accepts any of several secrets during rotation, signed with one or both', async () => {
    const rotated = ['whsec-next', SECRET];
    const oldSender = await signed({ secret: SECRET });
    const newSender = await signed({ secret: 'whsec-next' });
    const both = await signed({ secret: rotated });
    expect(both[SIGNATURE_HEADER]!.split(',')).toHaveLength(2);
    for (const headers of [oldSender, newSender, both]) {
      expect((await verifyWebhook({ body, headers, secret: rotated, now: NOW, replayStore: false })).ok).toBe(true);
    }
    expect((await verifyWebhook({ body, headers: both, secret: 'whsec-next', now: NOW, replayStore: false })).ok).toBe(
      true,
    );
    expect(
      await verifyWebhook({ body, headers: oldSender, secret: ['whsec-next'], now: NOW, replayStore: false }),
    ).toMatchObject({ reason: 'bad-signature' });
  });
});

// ---- sendWebhook against a real receiver ------------------------------------------------------------------

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/routing`;
}

describe('sendWebhook + createWebhookHandler', () => {
  it('retries a 503 (honouring Retry-After), keeps the delivery id, and the handler processes the event once', async () => {
    const received: Array<{ payload: unknown; deliveryId: string | undefined }> = [];
    const handler = createWebhookHandler<{ type: string }>({
      secret: SECRET,
      onEvent: (payload, d) => void received.push({ payload, deliveryId: d.deliveryId }),
    });
    const seen: Array<{ delivery: string; timestamp: string; at: number }> = [];
    const url = await listen((req, res) => {
      seen.push({
        delivery: String(req.headers[DELIVERY_HEADER]),
        timestamp: String(req.headers[TIMESTAMP_HEADER]),
        at: Date.now(),
      });
      if (seen.length === 1) return void res.writeHead(503, { 'retry-after': '0.2' }).end('busy');
      handler.node(req, res);
    });
    const result = await sendWebhook(
      url,
      { type: 'plan.applied' },
      { secret: SECRET, retryBackoff: { baseMs: 10, maxMs: 20 } },
    );
    expect(result).toEqual({ status: 200, attempts: 2, deliveryId: seen[0]!.delivery });
    expect(seen[1]!.delivery).toBe(seen[0]!.delivery);
    expect(seen[1]!.at - seen[0]!.at).toBeGreaterThanOrEqual(190);
    expect(received).toEqual([{ payload: { type: 'plan.applied' }, deliveryId: result.deliveryId }]);

    // Re-sending the same delivery is acknowledged but not processed again.
    const again = await sendWebhook(url, { type: 'plan.applied' }, { secret: SECRET, deliveryId: result.deliveryId });
    expect(again.status).toBe(200);
    expect(received).toHaveLength(1);
  });

  it('lets the sender retry when onEvent fails, and rejects unsigned or wrongly signed requests', async () => {
    let failures = 1;
    const handler = createWebhookHandler({
      secret: SECRET,
      onEvent: () => {
        if (failures-- > 0) throw new Error('database down');
      },
    });
    const url = await listen(handler.node);
    const result = await sendWebhook(url, { n: 1 }, { secret: SECRET, retryBackoff: { baseMs: 5, maxMs: 10 } });
    expect(result.attempts).toBe(2);

    const wrong = await sendWebhook(url, { n: 2 }, { secret: 'not-the-secret', maxRetries: 3 }).catch(
      (e: unknown) => e,
    );
    expect(isWebhookDeliveryError(wrong)).toBe(true);
    expect(wrong as WebhookDeliveryError).toMatchObject({ status: 401, attempts: 1 });
    const res = await fetch(url, { method: 'POST', body: '{}' });
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: 'missing-signature' });
    expect((await fetch(url)).status).toBe(405);
  });

  it('times out a silent receiver per attempt and gives up after maxRetries', async () => {
    let attempts = 0;
    const url = await listen(() => void attempts++); // never answers
    const started = Date.now();
    const error = await sendWebhook(
      url,
      { n: 1 },
      { secret: SECRET, timeoutMs: 100, maxRetries: 1, retryBackoff: { baseMs: 10, maxMs: 10 } },
    ).catch((e: unknown) => e);
    expect(isWebhookDeliveryError(error)).toBe(true);
    expect(error as WebhookDeliveryError).toMatchObject({ status: undefined, attempts: 2 });
    expect(isTimeoutError((error as Error).cause)).toBe(true);
    expect(attempts).toBe(2);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('validates its options and honours the abort signal', async () => {
    const bad = await sendWebhook('not a url', {}, { secret: SECRET, timeoutMs: 0 }).catch((e: unknown) => e);
    expect(isValidationError(bad)).toBe(true);
    expect((bad as { issues: Array<{ path: string }> }).issues.map((i) => i.path)).toEqual(['url', 'timeoutMs']);
    const url = await listen((_req, res) => void res.writeHead(503).end());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const aborted = await sendWebhook(
      url,
      {},
      { secret: SECRET, signal: controller.signal, retryBackoff: { baseMs: 1_000, maxMs: 1_000 } },
    ).catch((e: unknown) => e);
    expect(isRequestAbortedError(aborted)).toBe(true);
  });
});
