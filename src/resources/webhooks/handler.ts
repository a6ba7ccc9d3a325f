// A framework-agnostic webhook receiver: verify, de-duplicate, call onEvent, answer. The delivery id is
// recorded only after onEvent succeeds, so a failed attempt can be retried by the sender; a repeat of a
// processed delivery is acknowledged (200) without calling onEvent again.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { MemoryReplayStore, verifyInternal, type HeadersLike, type ReplayStore, type WebhookFailureReason } from './verify.js';

export interface WebhookDelivery {
  deliveryId: string | undefined;
  /** Unix seconds of the (last) signed attempt. */
  timestamp: number;
  headers: HeadersLike;
}

export interface WebhookHandlerOptions<T = unknown> {
  secret: string | readonly string[];
  /** Called once per delivery; throw to answer 500 (the sender retries). */
  onEvent: (payload: T, delivery: WebhookDelivery) => void | Promise<void>;
  toleranceSeconds?: number;
  /** Default: a new in-memory store for this handler; false disables de-duplication. */
  replayStore?: ReplayStore | false;
  /** Largest body the node:http adapter reads. Default 1 MiB. */
  maxBodyBytes?: number;
  /** Current time in epoch ms (tests). */
  now?: () => number;
}

export interface WebhookRequest {
  /** Raw body as received. */
  body: string | Uint8Array;
  headers: HeadersLike;
}

export interface WebhookResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface WebhookHandler {
  (request: WebhookRequest): Promise<WebhookResponse>;
  /** node:http adapter: `http.createServer(handler.node)` or `app.post('/hook', handler.node)` (with a raw body). */
  node: (req: IncomingMessage, res: ServerResponse) => void;
}

const STATUS: Record<WebhookFailureReason, number> = {
  'missing-signature': 401,
  'missing-timestamp': 401,
  'invalid-timestamp': 401,
  'bad-signature': 401,
  stale: 401,
  'missing-delivery-id': 400,
  replayed: 200,
  'invalid-json': 400,
};

function respond(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/**
 * Builds a receiver for webhooks sent with `sendWebhook`.
 *
 * @example
 * const handler = createWebhookHandler({ secret, onEvent: async (event) => { await wfm.apply(event); } });
 * http.createServer(handler.node).listen(8080);
 * // or, in any framework: const { status, headers, body } = await handler({ body: rawBody, headers });
 */
export function createWebhookHandler<T = unknown>(options: WebhookHandlerOptions<T>): WebhookHandler {
  const store = options.replayStore === undefined ? new MemoryReplayStore({ now: options.now }) : options.replayStore;
  const inFlight = new Set<string>();
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;

  const handle = async (request: WebhookRequest): Promise<WebhookResponse> => {
    const result = await verifyInternal<T>(
      { body: request.body, headers: request.headers, secret: options.secret, toleranceSeconds: options.toleranceSeconds, now: options.now?.(), replayStore: store },
      false,
    );
    if (!result.ok) {
      return result.reason === 'replayed' ? respond(200, { received: true, duplicate: true }) : respond(STATUS[result.reason], { error: result.reason, message: result.message });
    }
    const { payload, deliveryId, timestamp, expiresAt } = result;
    // A concurrent retry of a delivery still being processed: ask the sender to come back.
    if (deliveryId && inFlight.has(deliveryId)) return respond(503, { error: 'in-progress' }, { 'retry-after': '1' });
    if (deliveryId) inFlight.add(deliveryId);
    try {
      await options.onEvent(payload, { deliveryId, timestamp, headers: request.headers });
      if (store && deliveryId && expiresAt !== undefined) await store.add(deliveryId, expiresAt);
      return respond(200, { received: true });
    } catch {
      // The error stays on the receiver's side; the sender only learns to retry.
      return respond(500, { error: 'handler-failed' });
    } finally {
      if (deliveryId) inFlight.delete(deliveryId);
    }
  };

  const node = (req: IncomingMessage, res: ServerResponse): void => {
    const send = (r: WebhookResponse) => {
      res.writeHead(r.status, { ...r.headers, 'content-length': String(Buffer.byteLength(r.body)) });
      res.end(r.body);
    };
    if (req.method !== 'POST') return send(respond(405, { error: 'method-not-allowed' }, { allow: 'POST' }));
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBodyBytes) tooLarge = true;
      else chunks.push(chunk);
    });
    req.on('error', () => res.destroy());
    req.on('end', () => {
      if (tooLarge) return send(respond(413, { error: 'body-too-large' }));
      handle({ body: Buffer.concat(chunks, size), headers: req.headers }).then(send, () => send(respond(500, { error: 'handler-failed' })));
    });
  };

  return Object.assign(handle, { node });
}
