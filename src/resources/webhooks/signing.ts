// The SDK's own webhook signing scheme (Genesys Cloud has none for outbound calls): HMAC-SHA256 over
// `${timestamp}.${rawBody}`, hex, sent as `x-genesys-routing-signature: v1=<hex>` (several comma-separated
// `v1=` values while a secret is being rotated). node:crypto is loaded on first use, never at import.
import { ValidationError } from '../../errors.js';

export const SIGNATURE_HEADER = 'x-genesys-routing-signature';
export const TIMESTAMP_HEADER = 'x-genesys-routing-timestamp';
export const DELIVERY_HEADER = 'x-genesys-routing-delivery';
export const SIGNATURE_VERSION = 'v1';

type Crypto = typeof import('node:crypto');
let cryptoModule: Promise<Crypto> | undefined;

export function loadCrypto(): Promise<Crypto> {
  cryptoModule ??= import('node:crypto');
  return cryptoModule;
}

/** Normalizes `secret` (one or several, for rotation); throws on an empty one. */
export function secretList(context: string, secret: unknown): string[] {
  const list = Array.isArray(secret) ? secret : [secret];
  if (list.length === 0) throw new ValidationError(context, [{ path: 'secret', message: 'at least one secret is required' }]);
  list.forEach((s, i) => {
    if (typeof s !== 'string' || s.length === 0) {
      throw new ValidationError(context, [{ path: Array.isArray(secret) ? `secret[${i}]` : 'secret', message: 'must be a non-empty string' }]);
    }
  });
  return list as string[];
}

export function toBytes(body: string | Uint8Array): Buffer {
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
}

/** Hex HMAC-SHA256 of `${timestamp}.${body}`. */
export function computeSignature(crypto: Crypto, secret: string, timestamp: number, body: Buffer): string {
  return crypto.createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex');
}

/** The signature header value for every secret: `v1=<hex>[,v1=<hex>...]`. */
export function signatureHeader(crypto: Crypto, secrets: readonly string[], timestamp: number, body: Buffer): string {
  return secrets.map((s) => `${SIGNATURE_VERSION}=${computeSignature(crypto, s, timestamp, body)}`).join(',');
}

/**
 * Signs a payload the way sendWebhook does, for senders in other runtimes or tests.
 *
 * @example
 * const headers = await signWebhook({ body: JSON.stringify(payload), secret });
 */
export async function signWebhook(input: { body: string | Uint8Array; secret: string | readonly string[]; timestamp?: number }): Promise<Record<string, string>> {
  const secrets = secretList('signWebhook', input.secret);
  const crypto = await loadCrypto();
  const timestamp = input.timestamp ?? Math.floor(Date.now() / 1000);
  return {
    [SIGNATURE_HEADER]: signatureHeader(crypto, secrets, timestamp, toBytes(input.body)),
    [TIMESTAMP_HEADER]: String(timestamp),
  };
}
