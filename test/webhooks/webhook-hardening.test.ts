// Signed webhooks under attack and misuse: replays under a fresh delivery id, v1 signatures, parsed bodies,
// slow and oversized bodies. Everything runs over real sockets against createWebhookHandler's node:http adapter.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidationError, type ValidationError } from '../../src/index.js';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  TIMESTAMP_HEADER,
  createWebhookHandler,
  sendWebhook,
  signWebhook,
  verifyWebhook,
  type WebhookHandlerOptions,
} from '../../src/webhooks/index.js';

const SECRET = 'whsec-hardening';
const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function receiver(
  options: Partial<WebhookHandlerOptions> = {},
): Promise<{ url: string; port: number; events: unknown[] }> {
  const events: unknown[] = [];
  const handler = createWebhookHandler({ secret: SECRET, onEvent: (payload) => void events.push(payload), ...options });
  const server = createServer(handler.node);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hooks`, port, events };
}

async function rejection(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isValidationError(error), `expected a ValidationError, got ${String(error)}`).toBe(true);
  return error as ValidationError;
}

/** Sends a request by hand: headers, then `first` body bytes, then one byte per `gapMs` until the answer comes. */
function slowPost(
  port: number,
  contentLength: number,
  first: Buffer,
  gapMs: number,
): Promise<{ status: number; sent: number; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let sent = 0;
    let answer = '';
    let trickle: ReturnType<typeof setInterval> | undefined;
    socket.on('connect', () => {
      socket.write(
        `POST /hooks HTTP/1.1\r\nhost: localhost\r\ncontent-type: application/json\r\ncontent-length: ${contentLength}\r\n\r\n`,
      );
      socket.write(first);
      sent = first.length;
      trickle = setInterval(() => {
        if (sent >= contentLength || socket.destroyed) return;
        socket.write('x');
        sent++;
      }, gapMs);
    });
    socket.on('data', (d) => {
      answer += d.toString('utf8');
    });
    socket.on('error', () => undefined); // a reset after the answer is expected
    socket.on('close', () => {
      clearInterval(trickle);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1]);
      if (!status) reject(new Error(`no HTTP answer (sent ${sent} bytes)`));
      else resolve({ status, sent, body: answer.slice(answer.indexOf('\r\n\r\n') + 4) });
    });
  });
}

describe('signature scheme v2: the delivery id is signed', () => {
  it('a captured delivery re-sent under a fresh delivery id is rejected; onEvent runs once', async () => {
    const r = await receiver();
    let captured: { body: string; headers: Record<string, string> } | undefined;
    const recording: typeof fetch = (input, init) => {
      captured = { body: String(init?.body), headers: { ...(init?.headers as Record<string, string>) } };
      return fetch(input, init);
    };
    const sent = await sendWebhook(
      r.url,
      { type: 'plan.applied', planId: 'p-7' },
      { secret: SECRET, fetch: recording },
    );
    expect(sent.status).toBe(200);
    const post = (headers: Record<string, string>) => fetch(r.url, { method: 'POST', body: captured!.body, headers });

    const fresh = await post({ ...captured!.headers, [DELIVERY_HEADER]: '6a7e8feb-b491-4cf7-a9f1-bf3703467718' });
    expect(fresh.status).toBe(401);
    expect(await fresh.json()).toMatchObject({ error: 'bad-signature' });
    const same = await post(captured!.headers);
    expect(same.status).toBe(200);
    expect(await same.json()).toEqual({ received: true, duplicate: true });
    expect(r.events).toEqual([{ type: 'plan.applied', planId: 'p-7' }]);
  });

  it('refuses v1 signatures (they do not cover the delivery id) with a reason saying so', async () => {
    const body = '{"n":1}';
    const timestamp = Math.floor(Date.now() / 1000);
    const v1 = createHmac('sha256', SECRET).update(`${timestamp}.${body}`).digest('hex');
    const headers = { [SIGNATURE_HEADER]: `v1=${v1}`, [TIMESTAMP_HEADER]: String(timestamp), [DELIVERY_HEADER]: 'd-1' };
    const result = await verifyWebhook({ body, headers, secret: SECRET, replayStore: false });
    expect(result).toMatchObject({ ok: false, reason: 'unsupported-scheme' });
    const r = await receiver();
    expect((await fetch(r.url, { method: 'POST', body, headers })).status).toBe(401);
    expect(r.events).toEqual([]);
  });

  it('signWebhook returns the delivery header it signed; ids with other characters are refused', async () => {
    const headers = await signWebhook({ body: '{}', secret: SECRET, deliveryId: 'plan_2026-11-21' });
    expect(headers[DELIVERY_HEADER]).toBe('plan_2026-11-21');
    expect((await verifyWebhook({ body: '{}', headers, secret: SECRET, replayStore: false })).ok).toBe(true);
    const random = await signWebhook({ body: '{}', secret: SECRET });
    expect(random[DELIVERY_HEADER]).toMatch(/^[0-9a-f-]{36}$/);
    expect((await rejection(signWebhook({ body: '{}', secret: SECRET, deliveryId: 'a.b' }))).issues[0]?.path).toBe(
      'deliveryId',
    );
    expect(
      (await rejection(sendWebhook('http://127.0.0.1:1/', {}, { secret: SECRET, deliveryId: 'x'.repeat(129) })))
        .issues[0]?.path,
    ).toBe('deliveryId');
    const bad = await verifyWebhook({
      body: '{}',
      headers: { ...headers, [DELIVERY_HEADER]: 'a b' },
      secret: SECRET,
      replayStore: false,
    });
    expect(bad).toMatchObject({ ok: false, reason: 'invalid-delivery-id' });
  });
});

describe('delivery failures name the receiver', () => {
  it('a refused connection names the host and port it tried', async () => {
    // A port that was just free: nothing listens there.
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const error = (await sendWebhook(
      `http://127.0.0.1:${port}/hook`,
      { n: 1 },
      { secret: SECRET, maxRetries: 0 },
    ).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain(`connection to 127.0.0.1:${port} failed`);
  });
});

describe('misuse gets a typed error, not a TypeError', () => {
  it('a body passed as a parsed object', async () => {
    const headers = await signWebhook({ body: '{"n":1}', secret: SECRET });
    const handler = createWebhookHandler({ secret: SECRET, onEvent: () => undefined });
    const parsed = { n: 1 } as unknown as string;
    const fromHandler = await rejection(handler({ body: parsed, headers }));
    expect(fromHandler.issues[0]).toMatchObject({ path: 'body' });
    expect(fromHandler.message).toContain('a parsed object');
    expect((await rejection(verifyWebhook({ body: parsed, headers, secret: SECRET }))).issues[0]?.path).toBe('body');
  });

  it('bad options and payloads name the field', async () => {
    const headers = await signWebhook({ body: '{}', secret: SECRET });
    const paths = async (p: Promise<unknown>) => (await rejection(p)).issues.map((i) => i.path);
    expect(await paths(verifyWebhook({ body: '{}', headers: null as never, secret: SECRET }))).toEqual(['headers']);
    expect(
      await paths(verifyWebhook({ body: '{}', headers: { [SIGNATURE_HEADER]: 5 } as never, secret: SECRET })),
    ).toEqual([`headers.${SIGNATURE_HEADER}`]);
    expect(await paths(verifyWebhook({ body: '{}', headers, secret: SECRET, toleranceSeconds: Infinity }))).toEqual([
      'toleranceSeconds',
    ]);
    expect(await paths(verifyWebhook({ body: '{}', headers, secret: SECRET, now: Number.NaN }))).toEqual(['now']);
    expect(await paths(verifyWebhook({ body: '{}', headers, secret: SECRET, replayStore: {} as never }))).toEqual([
      'replayStore',
    ]);
    expect(await paths(sendWebhook('http://127.0.0.1:1/', { n: 1n }, { secret: SECRET }))).toEqual(['payload']);
    const create = (o: object) => () => createWebhookHandler({ secret: SECRET, onEvent: () => undefined, ...o });
    for (const [o, path] of [
      [{ bodyTimeoutMs: 0 }, 'bodyTimeoutMs'],
      [{ maxBodyBytes: 1.5 }, 'maxBodyBytes'],
      [{ onEvent: 'x' }, 'onEvent'],
      [{ secret: '' }, 'secret'],
    ] as const) {
      let error: unknown;
      try {
        create(o)();
      } catch (e) {
        error = e;
      }
      expect(isValidationError(error) && (error as ValidationError).issues[0]?.path).toBe(path);
    }
  });
});

describe('the node:http adapter reads bodies on its own terms', () => {
  it('answers 408 to a body that trickles in, long before the sender is done', async () => {
    const r = await receiver({ bodyTimeoutMs: 300 });
    // 1,000 bytes announced, one byte every 20 ms: 20 s to finish. The handler gives up at 300 ms.
    const answer = await slowPost(r.port, 1_000, Buffer.from('{'), 20);
    expect(answer.status).toBe(408);
    expect(JSON.parse(answer.body)).toMatchObject({ error: 'body-timeout' });
    expect(answer.sent).toBeLessThan(1_000);
    expect(r.events).toEqual([]);
  });

  it('answers 413 as soon as a body passes maxBodyBytes, without reading the rest', async () => {
    const r = await receiver({ maxBodyBytes: 1_024 });
    const answer = await slowPost(r.port, 10_000_000, Buffer.alloc(2_048, 'x'), 50);
    expect(answer.status).toBe(413);
    expect(answer.sent).toBeLessThan(10_000_000);
  });

  it('still delivers a normal request after all that', async () => {
    const r = await receiver({ bodyTimeoutMs: 300, maxBodyBytes: 1_024 });
    expect((await sendWebhook(r.url, { ok: true }, { secret: SECRET })).status).toBe(200);
    expect(r.events).toEqual([{ ok: true }]);
  });
});
