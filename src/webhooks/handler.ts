// A framework-agnostic webhook receiver: verify, claim the delivery id, call onEvent, answer. The claim is one
// atomic step in the replay store, taken before onEvent runs, so parallel copies of a delivery (or replicas
// sharing a store) run onEvent once; it is released when onEvent fails, so the sender's retry is processed. A
// repeat of a claimed delivery is acknowledged (200) without calling onEvent again. The node:http adapter reads the body
// with a size cap and a deadline of its own (the server's default request timeout is 5 minutes).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ValidationError } from '../errors/index.js';
import { claimsOf } from './replay-store.js';
import { DELIVERY_HEADER, secretList, toBytes } from './signing.js';
import {
  MemoryReplayStore,
  header,
  verifyInternal,
  type HeadersLike,
  type LegacyReplayStore,
  type ReplayStore,
  type WebhookFailureReason,
} from './verify.js';
import { keysOf, rejectUnknownKeys } from '../internal/unknown-keys.js';

/** What `onEvent` learns about a verified delivery besides its payload. */
export interface WebhookDelivery {
  /** The signed delivery id (the same across the sender's retries). */
  deliveryId: string;
  /** Unix seconds of the (last) signed attempt. */
  timestamp: number;
  /** The request headers. */
  headers: HeadersLike;
}

/** Options of `createWebhookHandler`. */
export interface WebhookHandlerOptions<T = unknown> {
  /** The shared secret, or several while rotating (any one may match). */
  secret: string | readonly string[];
  /** Called once per delivery; throw to answer 500 (the sender retries). */
  onEvent: (payload: T, delivery: WebhookDelivery) => void | Promise<void>;
  /** The replay window: max age (and future skew) of a delivery's timestamp. Default 300 s, at most 86,400. */
  toleranceSeconds?: number | undefined;
  /**
   * Seen delivery ids, claimed atomically (`claim(id, expiresAt)`, e.g. RedisReplayStore to share them between
   * replicas; the old `has`/`add` shape is deprecated). Default: a new in-memory store for this handler; false
   * disables de-duplication.
   */
  replayStore?: ReplayStore | LegacyReplayStore | false | undefined;
  /** Largest body the node:http adapter reads. Default 1 MiB. */
  maxBodyBytes?: number | undefined;
  /** Time the node:http adapter allows for the whole body to arrive: slower senders get 408. Default 10,000 ms. */
  bodyTimeoutMs?: number | undefined;
  /** Current time in epoch ms (tests). */
  now?: () => number;
}

const HANDLER_KEYS = keysOf<WebhookHandlerOptions>({
  secret: true,
  onEvent: true,
  toleranceSeconds: true,
  replayStore: true,
  maxBodyBytes: true,
  bodyTimeoutMs: true,
  now: true,
});

/** A received webhook request, as any framework gives it. */
export interface WebhookRequest {
  /** Raw body as received (a string or bytes; a parsed object is refused with a ValidationError). */
  body: string | Uint8Array;
  /** The request headers (signature, timestamp and delivery id). */
  headers: HeadersLike;
}

/**
 * The answer to send back: 200 for a processed or repeated delivery, 4xx for a refused one, 500 when `onEvent` threw.
 */
export interface WebhookResponse {
  /** HTTP status. */
  status: number;
  /** Response headers. */
  headers: Record<string, string>;
  /** Response body (JSON). */
  body: string;
}

/** A webhook receiver from `createWebhookHandler`: call it with a request, or mount `handler.node` on node:http. */
export interface WebhookHandler {
  /** Verifies, de-duplicates and processes one request; resolves to the answer to send. */
  (request: WebhookRequest): Promise<WebhookResponse>;
  /** node:http adapter: `http.createServer(handler.node)` or `app.post('/hook', handler.node)` (with a raw body). */
  node: (req: IncomingMessage, res: ServerResponse) => void;
}

const STATUS: Record<WebhookFailureReason, number> = {
  'missing-signature': 401,
  'unsupported-scheme': 401,
  'missing-timestamp': 401,
  'invalid-timestamp': 401,
  'bad-signature': 401,
  stale: 401,
  'missing-delivery-id': 400,
  'invalid-delivery-id': 400,
  replayed: 200,
  'invalid-json': 400,
};

const CTX = 'createWebhookHandler';

function respond(status: number, body: Record<string, unknown>, headers: Record<string, string> = {}): WebhookResponse {
  return { status, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

function positiveInteger(path: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1)
    throw new ValidationError(CTX, [{ path, message: 'must be an integer >= 1' }]);
  return value;
}

/**
 * Builds a receiver for webhooks sent with `sendWebhook` (scheme v2: the signature covers the delivery id, the
 * timestamp and the raw body). A capture replayed under a new delivery id fails the signature (401); replayed as
 * is, within the window, it is acknowledged as a duplicate (200) without calling `onEvent`; later, it is stale.
 *
 * @example
 * const handler = createWebhookHandler({ secret, onEvent: async (event) => { await wfm.apply(event); } });
 * http.createServer(handler.node).listen(8080);
 * // or, in any framework: const { status, headers, body } = await handler({ body: rawBody, headers });
 * @throws {ValidationError} at creation for a bad option; the returned handler rejects with one for a request
 *   whose body is not raw bytes or a string (e.g. JSON already parsed by a framework).
 */
export function createWebhookHandler<T = unknown>(options: WebhookHandlerOptions<T>): WebhookHandler {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(CTX, [{ path: '', message: 'expected an options object' }]);
  rejectUnknownKeys(CTX, options, HANDLER_KEYS, 'options');
  secretList(CTX, options.secret);
  if (typeof options.onEvent !== 'function')
    throw new ValidationError(CTX, [{ path: 'onEvent', message: 'must be a function' }]);
  const store = options.replayStore === undefined ? new MemoryReplayStore({ now: options.now }) : options.replayStore;
  if (store !== false) claimsOf(store, CTX); // a bad store fails here, not on the first delivery
  const maxBodyBytes = positiveInteger('maxBodyBytes', options.maxBodyBytes, 1024 * 1024);
  const bodyTimeoutMs = positiveInteger('bodyTimeoutMs', options.bodyTimeoutMs, 10_000);
  const handle = requestHandler(options, store);
  return Object.assign(handle, { node: nodeListener(handle, maxBodyBytes, bodyTimeoutMs) });
}

type Handle = (request: WebhookRequest) => Promise<WebhookResponse>;

/** Verifies a delivery, claims it, and runs `onEvent` once per delivery id. */
function requestHandler<T>(
  options: WebhookHandlerOptions<T>,
  store: Exclude<WebhookHandlerOptions<T>['replayStore'], undefined>,
): Handle {
  const inFlight = new Set<string>();
  return async (request: WebhookRequest): Promise<WebhookResponse> => {
    if (typeof request !== 'object' || request === null)
      throw new ValidationError('webhookHandler', [{ path: '', message: 'expected { body, headers }' }]);
    toBytes('webhookHandler', request.body); // a typed error for a parsed object, before anything else
    const result = await verifyInternal<T>({
      body: request.body,
      headers: request.headers,
      secret: options.secret,
      toleranceSeconds: options.toleranceSeconds,
      now: options.now?.(),
      replayStore: store,
    }).catch((error: unknown) => {
      if (error instanceof ValidationError) throw error;
      // The replay store failed (e.g. Redis down): without a claim nothing runs; the sender retries later.
      return undefined;
    });
    if (result === undefined) return respond(503, { error: 'replay-store-unavailable' }, { 'retry-after': '5' });
    if (!result.ok) {
      if (result.reason !== 'replayed')
        return respond(STATUS[result.reason], { error: result.reason, message: result.message });
      // A concurrent retry of a delivery this process is still processing: ask the sender to come back, as it may fail.
      if (inFlight.has(header(request.headers, DELIVERY_HEADER)?.trim() ?? ''))
        return respond(503, { error: 'in-progress' }, { 'retry-after': '1' });
      return respond(200, { received: true, duplicate: true });
    }
    const { payload, deliveryId, timestamp, expiresAt, claims } = result;
    inFlight.add(deliveryId);
    try {
      await options.onEvent(payload, { deliveryId, timestamp, headers: request.headers });
    } catch {
      // Give the claim back so the sender's retry is processed. The error stays on the receiver's side.
      await claims?.release(deliveryId).catch(() => undefined);
      return respond(500, { error: 'handler-failed' });
    } finally {
      inFlight.delete(deliveryId);
    }
    await claims?.commit(deliveryId, expiresAt).catch(() => undefined);
    return respond(200, { received: true });
  };
}

/** `handle` as a node:http listener: POST only, the body capped in size and in time. */
function nodeListener(
  handle: Handle,
  maxBodyBytes: number,
  bodyTimeoutMs: number,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req: IncomingMessage, res: ServerResponse): void => {
    const write = (r: WebhookResponse, close: boolean) => {
      const headers = {
        ...r.headers,
        'content-length': String(Buffer.byteLength(r.body)),
        ...(close ? { connection: 'close' } : {}),
      };
      res.writeHead(r.status, headers);
      res.end(r.body);
    };
    if (req.method !== 'POST') {
      write(respond(405, { error: 'method-not-allowed' }, { allow: 'POST' }), false);
      req.resume();
      return;
    }
    let answered = false;
    const timer = setTimeout(
      () =>
        send(respond(408, { error: 'body-timeout', message: `body not received within ${bodyTimeoutMs} ms` }), true),
      bodyTimeoutMs,
    );
    const send = (r: WebhookResponse, close = false) => {
      if (answered) return;
      answered = true;
      clearTimeout(timer);
      write(r, close);
      // The rest of an oversized or stalled body is not read: drop the connection once the answer is out.
      if (close) res.once('finish', () => req.destroy());
    };
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (answered) return;
      size += chunk.length;
      if (size > maxBodyBytes) send(respond(413, { error: 'body-too-large' }), true);
      else chunks.push(chunk);
    });
    req.on('error', () => {
      clearTimeout(timer);
      res.destroy();
    });
    req.on('end', () => {
      if (answered) return;
      clearTimeout(timer);
      handle({ body: Buffer.concat(chunks, size), headers: req.headers }).then(
        (r) => send(r),
        () => send(respond(500, { error: 'handler-failed' })),
      );
    });
  };
}
