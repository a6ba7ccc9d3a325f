// The opening handshake's key/accept pair (RFC 6455 §4): Sec-WebSocket-Accept = base64(sha1(key + GUID)).
import { createHash, randomBytes } from 'node:crypto';

export const WEBSOCKET_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';

/** A fresh Sec-WebSocket-Key: 16 random bytes, base64. */
export function newWebSocketKey(): string {
  return randomBytes(16).toString('base64');
}

export function acceptKeyFor(key: string): string {
  return createHash('sha1').update(key + WEBSOCKET_GUID).digest('base64');
}

/** A syntactically valid client key decodes to exactly 16 bytes. */
export function isValidWebSocketKey(key: string | undefined): key is string {
  return typeof key === 'string' && /^[A-Za-z0-9+/]{22}==$/.test(key.trim());
}
