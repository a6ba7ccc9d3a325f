// Receiving side of the SDK's webhook scheme: timing-safe signature check (any of several secrets, for
// rotation), a timestamp tolerance against replays of old captures, and a seen-delivery-id store against
// replays within the tolerance window.
import { ValidationError } from '../../errors.js';
import { DELIVERY_HEADER, SIGNATURE_HEADER, SIGNATURE_VERSION, TIMESTAMP_HEADER, computeSignature, loadCrypto, secretList, toBytes } from './signing.js';

/** Remembers delivery ids until they expire. Implement it over Redis/DynamoDB to share it between instances. */
export interface ReplayStore {
  /** Whether the delivery id was recorded and has not expired. */
  has(deliveryId: string): boolean | Promise<boolean>;
  /** Records the delivery id until `expiresAt` (epoch ms). */
  add(deliveryId: string, expiresAt: number): void | Promise<void>;
}

/** In-memory ReplayStore with expiry; bounded (the oldest entries go first beyond `maxEntries`). No timers. */
export class MemoryReplayStore implements ReplayStore {
  readonly #entries = new Map<string, number>();
  readonly #maxEntries: number;
  readonly #now: () => number;

  constructor(options: { maxEntries?: number; now?: () => number } = {}) {
    this.#maxEntries = options.maxEntries ?? 100_000;
    this.#now = options.now ?? Date.now;
  }

  get size(): number {
    return this.#entries.size;
  }

  has(deliveryId: string): boolean {
    const expiresAt = this.#entries.get(deliveryId);
    if (expiresAt === undefined) return false;
    if (expiresAt > this.#now()) return true;
    this.#entries.delete(deliveryId);
    return false;
  }

  add(deliveryId: string, expiresAt: number): void {
    this.#entries.delete(deliveryId);
    this.#entries.set(deliveryId, expiresAt);
    if (this.#entries.size <= this.#maxEntries) return;
    const now = this.#now();
    for (const [id, at] of this.#entries) if (at <= now) this.#entries.delete(id);
    for (const id of this.#entries.keys()) {
      if (this.#entries.size <= this.#maxEntries) break;
      this.#entries.delete(id);
    }
  }
}

export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  body: string | Uint8Array;
  headers: HeadersLike;
  /** The shared secret, or several while rotating (any one may match). */
  secret: string | readonly string[];
  /** Max age (and future skew) of the timestamp. Default 300 s. */
  toleranceSeconds?: number;
  /** Current time in epoch ms (tests). Default Date.now(). */
  now?: number;
  /** Seen-delivery-id store; false disables replay detection. Default: one in-memory store per process. */
  replayStore?: ReplayStore | false;
}

export type WebhookFailureReason =
  | 'missing-signature'
  | 'missing-timestamp'
  | 'invalid-timestamp'
  | 'bad-signature'
  | 'stale'
  | 'missing-delivery-id'
  | 'replayed'
  | 'invalid-json';

export type VerifyWebhookResult<T = unknown> =
  | { ok: true; payload: T; deliveryId: string | undefined; timestamp: number }
  | { ok: false; reason: WebhookFailureReason; message: string };

let defaultStore: MemoryReplayStore | undefined;

export function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value.join(',') : value;
}

function fail(reason: WebhookFailureReason, message: string): VerifyWebhookResult<never> {
  return { ok: false, reason, message };
}

/** @internal `commit: false` checks for a replay without recording the id (the handler records after success). */
export async function verifyInternal<T>(options: VerifyWebhookOptions, commit: boolean): Promise<VerifyWebhookResult<T> & { expiresAt?: number }> {
  const secrets = secretList('verifyWebhook', options.secret);
  const tolerance = options.toleranceSeconds ?? 300;
  if (!(tolerance > 0)) throw new ValidationError('verifyWebhook', [{ path: 'toleranceSeconds', message: 'must be a positive number' }]);
  const signature = header(options.headers, SIGNATURE_HEADER)?.trim();
  if (!signature) return fail('missing-signature', `missing ${SIGNATURE_HEADER} header`);
  const rawTimestamp = header(options.headers, TIMESTAMP_HEADER)?.trim();
  if (!rawTimestamp) return fail('missing-timestamp', `missing ${TIMESTAMP_HEADER} header`);
  if (!/^\d{1,12}$/.test(rawTimestamp)) return fail('invalid-timestamp', `${TIMESTAMP_HEADER} must be unix seconds`);
  const timestamp = Number(rawTimestamp);

  const crypto = await loadCrypto();
  const body = toBytes(options.body);
  const provided = signature
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1))
    .filter((hex) => /^[0-9a-f]{64}$/i.test(hex))
    .map((hex) => Buffer.from(hex, 'hex'));
  const matched = secrets.some((secret) => {
    const expected = Buffer.from(computeSignature(crypto, secret, timestamp, body), 'hex');
    return provided.some((candidate) => crypto.timingSafeEqual(candidate, expected));
  });
  if (!matched) return fail('bad-signature', 'signature does not match any secret');

  const nowSeconds = (options.now ?? Date.now()) / 1000;
  if (Math.abs(nowSeconds - timestamp) > tolerance) return fail('stale', `timestamp is more than ${tolerance} s away from now`);

  const deliveryId = header(options.headers, DELIVERY_HEADER)?.trim() || undefined;
  const store = options.replayStore === undefined ? (defaultStore ??= new MemoryReplayStore()) : options.replayStore;
  // Beyond timestamp + tolerance a replay is rejected as stale anyway; keep ids a little longer for skew.
  const expiresAt = (timestamp + 2 * tolerance) * 1000;
  if (store) {
    if (!deliveryId) return fail('missing-delivery-id', `missing ${DELIVERY_HEADER} header (needed for replay detection)`);
    if (await store.has(deliveryId)) return fail('replayed', `delivery ${deliveryId} was already received`);
  }

  let payload: T;
  try {
    payload = JSON.parse(body.toString('utf8')) as T;
  } catch {
    return fail('invalid-json', 'body is not valid JSON');
  }
  if (store && deliveryId && commit) await store.add(deliveryId, expiresAt);
  return { ok: true, payload, deliveryId, timestamp, expiresAt };
}

/**
 * Verifies a webhook signed by `sendWebhook` (or `signWebhook`). Never throws for a bad request: check `ok`.
 * Throws ValidationError only for a programming error (no secret).
 *
 * @example
 * const result = await verifyWebhook({ body: rawBody, headers: req.headers, secret: [current, previous] });
 * if (!result.ok) return res.writeHead(401).end(result.reason);
 */
export async function verifyWebhook<T = unknown>(options: VerifyWebhookOptions): Promise<VerifyWebhookResult<T>> {
  const result = await verifyInternal<T>(options, true);
  if (!result.ok) return result;
  const { payload, deliveryId, timestamp } = result;
  return { ok: true, payload, deliveryId, timestamp };
}
