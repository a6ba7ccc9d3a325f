// Receiving side of the SDK's webhook scheme (v2, see signing.ts): timing-safe signature check over the delivery
// id, timestamp and raw body (any of several secrets, for rotation), a timestamp tolerance against replays of old
// captures, and a seen-delivery-id store against replays within the tolerance window. The id is signed, so a
// capture re-sent under a fresh id fails the signature instead of passing as a new delivery.
import { ValidationError } from '../errors/index.js';
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
import { MemoryReplayStore, claimsOf, type Claims, type LegacyReplayStore, type ReplayStore } from './replay-store.js';

export { MemoryReplayStore, type LegacyReplayStore, type ReplayStore } from './replay-store.js';

/** Largest accepted `toleranceSeconds` (one day): the replay window must stay short. */
export const MAX_TOLERANCE_SECONDS = 86_400;

/** Request headers: a `Headers` object or a plain record (node:http's `req.headers`). */
export type HeadersLike = Headers | Record<string, string | string[] | undefined>;

/** Options of `verifyWebhook`. */
export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (not re-serialized JSON). */
  body: string | Uint8Array;
  /** The request headers (signature, timestamp and delivery id). */
  headers: HeadersLike;
  /** The shared secret, or several while rotating (any one may match). */
  secret: string | readonly string[];
  /** Max age (and future skew) of the timestamp: the replay window. Default 300 s, at most 86,400. */
  toleranceSeconds?: number | undefined;
  /** Current time in epoch ms (tests). Default Date.now(). */
  now?: number | undefined;
  /**
   * Seen-delivery-id store (`claim(id, expiresAt)`, atomic; the old `has`/`add` shape is deprecated); false
   * disables replay detection. Default: one in-memory store per process.
   */
  replayStore?: ReplayStore | LegacyReplayStore | false | undefined;
}

/** Why a delivery was refused. */
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

/** The outcome of `verifyWebhook`: the parsed payload, or why the delivery was refused. */
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
  throw new ValidationError('verifyWebhook', [
    { path: `headers.${name}`, message: 'must be a string or an array of strings' },
  ]);
}

/** Programming errors (wrong types) throw; a bad request never does. */
function checkOptions(options: VerifyWebhookOptions): {
  body: Buffer;
  tolerance: number;
  now: number;
  claims: Claims | undefined;
} {
  const ctx = 'verifyWebhook';
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(ctx, [{ path: '', message: 'expected an options object' }]);
  const body = toBytes(ctx, options.body);
  const h = options.headers as unknown;
  if (typeof h !== 'object' || h === null || Array.isArray(h)) {
    throw new ValidationError(ctx, [
      { path: 'headers', message: 'must be a Headers object or a record of header values' },
    ]);
  }
  const tolerance = options.toleranceSeconds ?? 300;
  if (!(typeof tolerance === 'number' && tolerance > 0 && tolerance <= MAX_TOLERANCE_SECONDS)) {
    throw new ValidationError(ctx, [
      { path: 'toleranceSeconds', message: `must be a number in (0, ${MAX_TOLERANCE_SECONDS}]` },
    ]);
  }
  const now = options.now ?? Date.now();
  if (typeof now !== 'number' || !Number.isFinite(now))
    throw new ValidationError(ctx, [{ path: 'now', message: 'must be a finite epoch-ms number' }]);
  const store = options.replayStore === undefined ? (defaultStore ??= new MemoryReplayStore()) : options.replayStore;
  const claims = store === false ? undefined : claimsOf(store, ctx);
  return { body, tolerance, now, claims };
}

function fail(
  reason: WebhookFailureReason,
  message: string,
): { ok: false; reason: WebhookFailureReason; message: string } {
  return { ok: false, reason, message };
}

/** What verification found, before anyone processed the payload. */
export type VerifiedDelivery<T> =
  | { ok: true; payload: T; deliveryId: string; timestamp: number; expiresAt: number; claims: Claims | undefined }
  | { ok: false; reason: WebhookFailureReason; message: string };

/**
 * @internal Checks a delivery and claims its id (one atomic step in the store) as its last step: of parallel
 * copies of one delivery, only the first claimer gets ok. The caller commits or releases the claim.
 */
export async function verifyInternal<T>(options: VerifyWebhookOptions): Promise<VerifiedDelivery<T>> {
  const secrets = secretList('verifyWebhook', (options as Partial<VerifyWebhookOptions> | null)?.secret);
  const { body, tolerance, now, claims } = checkOptions(options);
  const signature = header(options.headers, SIGNATURE_HEADER)?.trim();
  if (!signature) return fail('missing-signature', `missing ${SIGNATURE_HEADER} header`);
  const parts = signature.split(',').map((part) => part.trim());
  const provided = parts
    .filter((part) => part.startsWith(`${SIGNATURE_VERSION}=`))
    .map((part) => part.slice(SIGNATURE_VERSION.length + 1))
    .filter((hex) => /^[0-9a-f]{64}$/i.test(hex))
    .map((hex) => Buffer.from(hex, 'hex'));
  if (!parts.some((part) => part.startsWith(`${SIGNATURE_VERSION}=`)) && parts.some((part) => /^v\d+=/.test(part))) {
    return fail(
      'unsupported-scheme',
      `no ${SIGNATURE_VERSION}= signature (v1 signatures do not cover the delivery id and are refused): upgrade the sender`,
    );
  }
  const rawTimestamp = header(options.headers, TIMESTAMP_HEADER)?.trim();
  if (!rawTimestamp) return fail('missing-timestamp', `missing ${TIMESTAMP_HEADER} header`);
  if (!/^\d{1,12}$/.test(rawTimestamp)) return fail('invalid-timestamp', `${TIMESTAMP_HEADER} must be unix seconds`);
  const timestamp = Number(rawTimestamp);
  const deliveryId = header(options.headers, DELIVERY_HEADER)?.trim();
  if (!deliveryId) return fail('missing-delivery-id', `missing ${DELIVERY_HEADER} header (it is signed)`);
  if (!DELIVERY_ID_PATTERN.test(deliveryId))
    return fail('invalid-delivery-id', `${DELIVERY_HEADER} must be 1-128 letters, digits, "_" or "-"`);

  const crypto = await loadCrypto();
  const matched = secrets.some((secret) => {
    const expected = Buffer.from(computeSignature(crypto, secret, deliveryId, timestamp, body), 'hex');
    return provided.some((candidate) => crypto.timingSafeEqual(candidate, expected));
  });
  if (!matched)
    return fail(
      'bad-signature',
      'signature does not match any secret (it covers the delivery id, the timestamp and the raw body)',
    );

  if (Math.abs(now / 1000 - timestamp) > tolerance)
    return fail('stale', `timestamp is more than ${tolerance} s away from now`);

  let payload: T;
  try {
    payload = JSON.parse(body.toString('utf8')) as T;
  } catch {
    return fail('invalid-json', 'body is not valid JSON');
  }
  // Beyond timestamp + tolerance a replay is rejected as stale anyway; keep ids a little longer for skew.
  const expiresAt = (timestamp + 2 * tolerance) * 1000;
  if (claims && !(await claims.claim(deliveryId, expiresAt)))
    return fail('replayed', `delivery ${deliveryId} was already received`);
  return { ok: true, payload, deliveryId, timestamp, expiresAt, claims };
}

/**
 * Verifies a webhook signed by `sendWebhook` (or `signWebhook`) with the v2 scheme and claims its delivery id in
 * the replay store (of parallel copies of one delivery, exactly one is `ok`). Never throws for a bad request:
 * check `ok`. When processing an `ok` delivery fails, call `replayStore.release(result.deliveryId)` (pass your own
 * store) so the sender's retry is accepted instead of refused as `replayed`; `createWebhookHandler` does this itself.
 * A replay store that fails (e.g. Redis down) rejects: answer 5xx so the sender retries. Throws ValidationError only for a programming error: no secret, a body that is not the raw
 * bytes (e.g. an object parsed by a framework), headers that are not a record or Headers, a bad option.
 *
 * @example
 * const result = await verifyWebhook({ body: rawBody, headers: req.headers, secret: [current, previous] });
 * if (!result.ok) return res.writeHead(401).end(result.reason);
 */
export async function verifyWebhook<T = unknown>(options: VerifyWebhookOptions): Promise<VerifyWebhookResult<T>> {
  const result = await verifyInternal<T>(options);
  if (!result.ok) return result;
  const { payload, deliveryId, timestamp, expiresAt, claims } = result;
  await claims?.commit(deliveryId, expiresAt);
  return { ok: true, payload, deliveryId, timestamp };
}
