// The SDK's own webhook signing scheme (Genesys Cloud has none for outbound calls), version v2:
//   x-genesys-routing-signature: v2=<hex HMAC-SHA256(secret, `v2.${deliveryId}.${timestamp}.` + rawBody)>
// (several comma-separated `v2=` values while a secret is being rotated). The delivery id and the timestamp are
// signed, so a captured delivery cannot be replayed under a fresh id, nor with a fresh timestamp. The delivery id
// has no `.` (letters, digits, `_`, `-`), so the signed string splits one way only. v1 (timestamp + body only)
// is not accepted: its delivery id could be swapped.
import * as nodeCrypto from 'node:crypto';
import { ValidationError } from '../errors/index.js';

/** Header carrying the delivery's signature(s): `v2=<hex HMAC-SHA256>`. */
export const SIGNATURE_HEADER = 'x-genesys-routing-signature';
/** Header carrying the signed Unix timestamp (seconds) of the attempt. */
export const TIMESTAMP_HEADER = 'x-genesys-routing-timestamp';
/** Header carrying the signed delivery id (the same across retries of one delivery). */
export const DELIVERY_HEADER = 'x-genesys-routing-delivery';
export const SIGNATURE_VERSION = 'v2';
/** A delivery id: 1-128 letters, digits, `_` or `-` (a UUID fits). */
export const DELIVERY_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

type Crypto = typeof nodeCrypto;

/** node:crypto (a promise for its callers' sake). */
export function loadCrypto(): Promise<Crypto> {
  return Promise.resolve(nodeCrypto);
}

/** Normalizes `secret` (one or several, for rotation); throws on an empty one. */
export function secretList(context: string, secret: unknown): string[] {
  const list = Array.isArray(secret) ? secret : [secret];
  if (list.length === 0)
    throw new ValidationError(context, [{ path: 'secret', message: 'at least one secret is required' }]);
  list.forEach((s, i) => {
    if (typeof s !== 'string' || s.length === 0) {
      throw new ValidationError(context, [
        { path: Array.isArray(secret) ? `secret[${i}]` : 'secret', message: 'must be a non-empty string' },
      ]);
    }
  });
  return list as string[];
}

/**
 * The raw body as bytes. Anything but a string or bytes is a programming error, typically a framework that
 * already parsed the JSON: the signature covers the exact bytes received, so a parsed object cannot be checked.
 */
export function toBytes(context: string, body: unknown): Buffer {
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  if (body instanceof Uint8Array) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  const got =
    body === null
      ? 'null'
      : Array.isArray(body)
        ? 'an array'
        : typeof body === 'object'
          ? 'a parsed object'
          : typeof body;
  throw new ValidationError(context, [
    {
      path: 'body',
      message: `must be the raw body (string, Buffer or Uint8Array), received ${got}: keep the raw bytes (e.g. express.raw({ type: 'application/json' }))`,
    },
  ]);
}

/** Checks a delivery id for signing (sender side: a ValidationError naming `path`). */
export function checkDeliveryId(context: string, path: string, id: unknown): string {
  if (typeof id !== 'string' || !DELIVERY_ID_PATTERN.test(id)) {
    throw new ValidationError(context, [{ path, message: 'must be 1-128 letters, digits, "_" or "-" (e.g. a UUID)' }]);
  }
  return id;
}

/** Hex HMAC-SHA256 of `v2.${deliveryId}.${timestamp}.` + body. */
export function computeSignature(
  crypto: Crypto,
  secret: string,
  deliveryId: string,
  timestamp: number,
  body: Buffer,
): string {
  return crypto
    .createHmac('sha256', secret)
    .update(`${SIGNATURE_VERSION}.${deliveryId}.${timestamp}.`)
    .update(body)
    .digest('hex');
}

/** The signature header value for every secret: `v2=<hex>[,v2=<hex>...]`. */
export function signatureHeader(
  crypto: Crypto,
  secrets: readonly string[],
  deliveryId: string,
  timestamp: number,
  body: Buffer,
): string {
  return secrets
    .map((s) => `${SIGNATURE_VERSION}=${computeSignature(crypto, s, deliveryId, timestamp, body)}`)
    .join(',');
}

/**
 * Signs a payload the way sendWebhook does, for senders in other runtimes or tests: returns the signature,
 * timestamp and delivery headers (`deliveryId` defaults to a random UUID; reuse it when re-sending one delivery).
 *
 * @example
 * const headers = await signWebhook({ body: JSON.stringify(payload), secret });
 */
export async function signWebhook(input: {
  body: string | Uint8Array;
  secret: string | readonly string[];
  timestamp?: number | undefined;
  deliveryId?: string | undefined;
}): Promise<Record<string, string>> {
  if (typeof input !== 'object' || input === null)
    throw new ValidationError('signWebhook', [{ path: '', message: 'expected an options object' }]);
  const secrets = secretList('signWebhook', input.secret);
  const body = toBytes('signWebhook', input.body);
  if (
    input.timestamp !== undefined &&
    !(Number.isSafeInteger(input.timestamp) && input.timestamp >= 0 && input.timestamp < 1e12)
  ) {
    throw new ValidationError('signWebhook', [{ path: 'timestamp', message: 'must be whole unix seconds' }]);
  }
  const crypto = await loadCrypto();
  const deliveryId =
    input.deliveryId === undefined
      ? crypto.randomUUID()
      : checkDeliveryId('signWebhook', 'deliveryId', input.deliveryId);
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    [SIGNATURE_HEADER]: signatureHeader(crypto, secrets, deliveryId, timestamp, body),
    [TIMESTAMP_HEADER]: String(timestamp),
    [DELIVERY_HEADER]: deliveryId,
  };
}
