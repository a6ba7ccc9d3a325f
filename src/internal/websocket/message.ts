// Turns frames into messages: reassembles fragmented text/binary messages (control frames may arrive
// between fragments), validates UTF-8 and close payloads, and bounds the total message size.
import { CloseCode, Opcode, WebSocketProtocolError, type Frame } from './frame.js';

export type WebSocketMessage =
  | { type: 'text'; data: string }
  | { type: 'binary'; data: Buffer }
  | { type: 'close'; code: number; reason: string }
  | { type: 'ping'; data: Buffer }
  | { type: 'pong'; data: Buffer };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decodeUtf8(data: Buffer, what: string): string {
  try {
    return utf8.decode(data);
  } catch {
    throw new WebSocketProtocolError(`${what} is not valid UTF-8`, CloseCode.InvalidPayload);
  }
}

/** Close codes a peer may send (RFC 6455 §7.4: 1004-1006 and 1015 are reserved for local use). */
export function isValidCloseCode(code: number): boolean {
  return (code >= 1000 && code <= 1003) || (code >= 1007 && code <= 1014) || (code >= 3000 && code <= 4999);
}

export function decodeClosePayload(payload: Buffer): { code: number; reason: string } {
  if (payload.length === 0) return { code: CloseCode.NoStatus, reason: '' };
  if (payload.length === 1) throw new WebSocketProtocolError('close frame with a 1-byte payload', CloseCode.ProtocolError);
  const code = payload.readUInt16BE(0);
  if (!isValidCloseCode(code)) throw new WebSocketProtocolError(`invalid close code ${code}`, CloseCode.ProtocolError);
  return { code, reason: decodeUtf8(payload.subarray(2), 'close reason') };
}

export class MessageAssembler {
  readonly #maxMessage: number;
  #opcode: number | undefined;
  #parts: Buffer[] = [];
  #size = 0;

  constructor(maxMessage: number) {
    this.#maxMessage = maxMessage;
  }

  /** A complete message or control frame, or undefined while a fragmented message is still incomplete. */
  push(frame: Frame): WebSocketMessage | undefined {
    switch (frame.opcode) {
      case Opcode.Close:
        return { type: 'close', ...decodeClosePayload(frame.payload) };
      case Opcode.Ping:
        return { type: 'ping', data: frame.payload };
      case Opcode.Pong:
        return { type: 'pong', data: frame.payload };
      case Opcode.Continuation:
        if (this.#opcode === undefined) throw new WebSocketProtocolError('continuation frame without a message to continue', CloseCode.ProtocolError);
        return this.#append(frame);
      default:
        if (this.#opcode !== undefined) throw new WebSocketProtocolError('new message started before the previous one ended', CloseCode.ProtocolError);
        this.#opcode = frame.opcode;
        return this.#append(frame);
    }
  }

  #append(frame: Frame): WebSocketMessage | undefined {
    this.#size += frame.payload.length;
    if (this.#size > this.#maxMessage) {
      throw new WebSocketProtocolError(`message exceeds the ${this.#maxMessage}-byte limit`, CloseCode.TooBig);
    }
    this.#parts.push(frame.payload);
    if (!frame.fin) return undefined;
    const data = this.#parts.length === 1 ? (this.#parts[0] as Buffer) : Buffer.concat(this.#parts, this.#size);
    const opcode = this.#opcode;
    this.#opcode = undefined;
    this.#parts = [];
    this.#size = 0;
    return opcode === Opcode.Text ? { type: 'text', data: decodeUtf8(data, 'text message') } : { type: 'binary', data };
  }
}
