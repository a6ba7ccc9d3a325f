// Receiving side of the SDK's webhook scheme (v2, see signing.ts): timing-safe signature check over the delivery
// id, timestamp and raw body (any of several secrets, for rotation), a timestamp tolerance against replays of old
// captures, and a seen-delivery-id store against replays within the tolerance window. The id is signed, so a
// capture re-sent under a fresh id fails the signature instead of passing as a new delivery.
import { ValidationError } from '../errors.js';
import {
  DELIVERY_HEADER,
  DELIVERY_ID_PATTERN,
  SIGNATURE_HEADER,
  SIGNATURE_VERSION,
  TIMESTAMP_HEADER,
  computeSignature,
  loadCrypto,
  secretList,
  toBytes,
} from './signing.js';

/** Largest accepted `toleranceSeconds` (one day): the replay window must stay short. */
export const MAX_TOLERANCE_SECONDS = 86_400;

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
  /** Max age (and future skew) of the timestamp: the replay window. Default 300 s, at most 86,400. */
  toleranceSeconds?: number | undefined;
  /** Current time in epoch ms (tests). Default Date.now(). */
  now?: number | undefined;
  /** Seen-delivery-id store; false disables replay detection. Default: one in-memory store per process. */
  replayStore?: ReplayStore | false | undefined;
}

export type WebhookFailureReason =
  | 'missing-signature'
  | 'unsupported-scheme'
  | 'missing-timestamp'
  | 'invalid-timestamp'
  | 'bad-signature'
  | 'stale'
  | 'missing-delivery-id'
  | 'invalid-delivery-id'
  | 'replayed'
  | 'invalid-json';

export type VerifyWebhookResult<T = unknown> =
  | { ok: true; payload: T; deliveryId: string; timestamp: number }
  | { ok: false; reason: WebhookFailureReason; message: string };

let defaultStore: MemoryReplayStore | undefined;

/** One header's value from a Headers object or a plain record (any letter case; arrays joined with `,`). */
export function header(headers: HeadersLike, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, unknown>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  if (value === undefined || typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(',');
  throw new ValidationError('verifyWebhook', [{ path: `headers.${name}`, message: 'must be a string or an array of strings' }]);
}

/** Programming errors (wrong types) throw; a bad request never does. */
function checkOptions(options: VerifyWebhookOptions): { body: Buffer; tolerance: number; now: number } {
  const ctx = 'verifyWebhook';
  if (typeof options !== 'object' || options === null) throw new ValidationError(ctx, [{ path: '', message: 'expected an options object' }]);
  const body = toBytes(ctx, options.body);
  const h = options.headers as unknown;
  if (typeof h !== 'object' || h === null || Array.isArray(h)) {
    throw new ValidationError(ctx, [{ path: 'headers', message: 'must be a Headers object or a record of header values' }]);
  }
  const tolerance = options.toleranceSeconds ?? 300;
  if (!(typeof tolerance === 'number' && tolerance > 0 && tolerance <= MAX_TOLERANCE_SECONDS)) {
    throw new ValidationError(ctx, [{ path: 'toleranceSeconds', message: `must be a number in (0, ${MAX_TOLERANCE_SECONDS}]` }]);
  }
  const now = options.now ?? Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now)) throw new ValidationError(ctx, [{ path: 'now', message: 'must be a finite epoch-ms number' }]);
  const store = options.replayStore as unknown;
  if (store !== undefined && store !== false) {
    const s = store as Partial<ReplayStore> | null;
    if (typeof s !== 'object' || s === null || typeof s.has !== 'function' || typeof s.add !== 'function') {
      throw new ValidationError(ctx, [{ path: 'replayStore', message: 'must be false or an object with has(id) and add(id, expiresAt)' }]);
    }
  }
  return { body, tolerance, now };
}

function fail(reason: WebhookFailureReason, message: string): VerifyWebhookResult<never> {
  return { ok: false, reason, message };
}

/** @internal `commit: false` checks for a replay without recording the id (the handler records after success). */
export async function verifyInternal<T>(options: VerifyWebhookOptions, commit: boolean): Promise<VerifyWebhookResult<T> & { expiresAt?: number }> {
  const secrets = secretList('verifyWebhook', (options as Partial<VerifyWebhookOptions> | null)?.secret);
  const { body, tolerance, now } = checkOptions(options);
  const signature = header(options.headers, SIGNATURE_HEADER)?.trim();
  if (!signature) return fail('missing-signature', `missing ${SIGNATURE_HEADER} header`);
  const parts = signature.split(',').map((part) => part.trim());
  const provided = parts
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1))
    .filter((hex) => /^[0-9a-f]{64}$/i.test(hex))
    .map((hex) => Buffer.from(hex, 'hex'));
  if (!parts.some((part) => part.startsWith(`${SIGNATURE_VERSION}=`)) && parts.some((part) => /^v\d+=/.test(part))) {
    return fail('unsupported-scheme', `no ${SIGNATURE_VERSION}= signature (v1 signatures do not cover the delivery id and are refused): upgrade the sender`);
  }
  const rawTimestamp = header(options.headers, TIMESTAMP_HEADER)?.trim();
  if (!rawTimestamp) return fail('missing-timestamp', `missing ${TIMESTAMP_HEADER} header`);
  if (!/^\d{1,12}$/.test(rawTimestamp)) return fail('invalid-timestamp', `${TIMESTAMP_HEADER} must be unix seconds`);
  const timestamp = Number(rawTimestamp);
  const deliveryId = header(options.headers, DELIVERY_HEADER)?.trim();
  if (!deliveryId) return fail('missing-delivery-id', `missing ${DELIVERY_HEADER} header (it is signed)`);
  if (!DELIVERY_ID_PATTERN.test(deliveryId)) return fail('invalid-delivery-id', `${DELIVERY_HEADER} must be 1-128 letters, digits, "_" or "-"`);

  const crypto = await loadCrypto();
  const matched = secrets.some((secret) => {
    const expected = Buffer.from(computeSignature(crypto, secret, deliveryId, timestamp, body), 'hex');
    return provided.some((candidate) => crypto.timingSafeEqual(candidate, expected));
  });
  if (!matched) return fail('bad-signature', 'signature does not match any secret (it covers the delivery id, the timestamp and the raw body)');

  if (Math.abs(now / 1000 - timestamp) > tolerance) return fail('stale', `timestamp is more than ${tolerance} s away from now`);

  const store = options.replayStore === undefined ? (defaultStore ??= new MemoryReplayStore()) : options.replayStore;
  // Beyond timestamp + tolerance a replay is rejected as stale anyway; keep ids a little longer for skew.
  const expiresAt = (timestamp + 2 * tolerance) * 1000;
  if (store && (await store.has(deliveryId))) return fail('replayed', `delivery ${deliveryId} was already received`);

  let payload: T;
  try {
    payload = JSON.parse(body.toString('utf8')) as T;
  } catch {
    return fail('invalid-json', 'body is not valid JSON');
  }
  if (store && commit) await store.add(deliveryId, expiresAt);
  return { ok: true, payload, deliveryId, timestamp, expiresAt };
}

/**
 * Verifies a webhook signed by `sendWebhook` (or `signWebhook`) with the v2 scheme. Never throws for a bad
 * request: check `ok`. Throws ValidationError only for a programming error: no secret, a body that is not the raw
 * bytes (e.g. an object parsed by a framework), headers that are not a record or Headers, a bad option.
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
