// RFC 6455 frame codec, shared by the SDK's WebSocket client and the emulator's server side. Node built-ins
// only. The parser is incremental (bytes may arrive in any split) and refuses oversized frames before
// buffering their payload.
import { randomFillSync } from 'node:crypto';

export const Opcode = {
  Continuation: 0x0,
  Text: 0x1,
  Binary: 0x2,
  Close: 0x8,
  Ping: 0x9,
  Pong: 0xa,
} as const;

/** Close codes used by this codec (RFC 6455 §7.4.1). */
export const CloseCode = {
  Normal: 1000,
  GoingAway: 1001,
  ProtocolError: 1002,
  NoStatus: 1005,
  Abnormal: 1006,
  InvalidPayload: 1007,
  PolicyViolation: 1008,
  TooBig: 1009,
  InternalError: 1011,
} as const;

export interface Frame {
  fin: boolean;
  opcode: number;
  masked: boolean;
  /** Unmasked payload. */
  payload: Buffer;
}

/** A peer broke the protocol; `closeCode` is what to send in the close frame. */
export class WebSocketProtocolError extends Error {
  constructor(
    message: string,
    readonly closeCode: number,
  ) {
    super(message);
    this.name = 'WebSocketProtocolError';
  }
}

export function isControl(opcode: number): boolean {
  return (opcode & 0x8) !== 0;
}

function isKnownOpcode(opcode: number): boolean {
  return opcode <= 0x2 || (opcode >= 0x8 && opcode <= 0xa);
}

/** XORs `data` in place with the 4-byte key (masking and unmasking are the same operation). */
export function applyMask(data: Buffer, key: Buffer): Buffer {
  for (let i = 0; i < data.length; i++) data[i] = (data[i] as number) ^ (key[i & 3] as number);
  return data;
}

export interface EncodeOptions {
  /** Last frame of the message. Default true. */
  fin?: boolean;
  /** Clients must mask (true = random key); a Buffer gives the key (tests). Servers must not. */
  mask?: boolean | Buffer;
}

/** Encodes one frame; the caller's payload is not modified. */
export function encodeFrame(opcode: number, payload: Buffer | string, options: EncodeOptions = {}): Buffer {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const fin = options.fin ?? true;
  const key = options.mask === true ? randomFillSync(Buffer.alloc(4)) : options.mask instanceof Buffer ? options.mask : undefined;
  if (key && key.length !== 4) throw new RangeError('mask key must be 4 bytes');
  const length = data.length;
  const lengthBytes = length < 126 ? 0 : length <= 0xffff ? 2 : 8;
  const headerLength = 2 + lengthBytes + (key ? 4 : 0);
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = (fin ? 0x80 : 0) | (opcode & 0x0f);
  const maskBit = key ? 0x80 : 0;
  if (lengthBytes === 0) frame[1] = maskBit | length;
  else if (lengthBytes === 2) {
    frame[1] = maskBit | 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = maskBit | 127;
    frame.writeUInt32BE(Math.floor(length / 2 ** 32), 2);
    frame.writeUInt32BE(length >>> 0, 6);
  }
  data.copy(frame, headerLength);
  if (key) {
    key.copy(frame, 2 + lengthBytes);
    applyMask(frame.subarray(headerLength), key);
  }
  return frame;
}

/**
 * Encodes a whole text or binary message, split into frames of at most `fragmentSize` payload bytes
 * (continuation frames after the first).
 */
export function encodeMessage(opcode: typeof Opcode.Text | typeof Opcode.Binary, payload: Buffer | string, options: { mask?: boolean | Buffer; fragmentSize?: number } = {}): Buffer[] {
  const data = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const size = options.fragmentSize ?? Infinity;
  if (!(size >= 1)) throw new RangeError('fragmentSize must be at least 1');
  if (data.length <= size) return [encodeFrame(opcode, data, { mask: options.mask })];
  const frames: Buffer[] = [];
  for (let offset = 0; offset < data.length; offset += size) {
    const part = data.subarray(offset, Math.min(data.length, offset + size));
    frames.push(encodeFrame(offset === 0 ? opcode : Opcode.Continuation, part, { fin: offset + size >= data.length, mask: options.mask }));
  }
  return frames;
}

/** Close frame payload: 2-byte code + UTF-8 reason (at most 123 bytes, so the frame stays a control frame). */
export function encodeClosePayload(code?: number, reason = ''): Buffer {
  if (code === undefined) return Buffer.alloc(0);
  const text = Buffer.from(reason, 'utf8');
  if (text.length > 123) throw new RangeError('close reason must be at most 123 bytes');
  const out = Buffer.allocUnsafe(2 + text.length);
  out.writeUInt16BE(code, 0);
  text.copy(out, 2);
  return out;
}

export interface FrameParserOptions {
  /** Largest accepted payload of one frame, in bytes. */
  maxPayload: number;
  /** true: every frame must be masked (server side); false: none may be (client side). */
  expectMasked: boolean;
}

/** Incremental frame decoder: push() raw bytes, get back every complete frame. */
export class FrameParser {
  readonly #options: FrameParserOptions;
  #chunks: Buffer[] = [];
  #buffered = 0;

  constructor(options: FrameParserOptions) {
    this.#options = options;
  }

  /** Bytes received but not yet part of a complete frame. */
  get buffered(): number {
    return this.#buffered;
  }

  push(chunk: Buffer): Frame[] {
    if (chunk.length > 0) {
      this.#chunks.push(chunk);
      this.#buffered += chunk.length;
    }
    const frames: Frame[] = [];
    for (;;) {
      const frame = this.#next();
      if (!frame) return frames;
      frames.push(frame);
    }
  }

  #next(): Frame | undefined {
    if (this.#buffered < 2) return undefined;
    const head = this.#peek(Math.min(this.#buffered, 14));
    const b0 = head[0] as number;
    const b1 = head[1] as number;
    const fin = (b0 & 0x80) !== 0;
    const opcode = b0 & 0x0f;
    const masked = (b1 & 0x80) !== 0;
    if ((b0 & 0x70) !== 0) throw new WebSocketProtocolError('reserved bits set (no extension was negotiated)', CloseCode.ProtocolError);
    if (!isKnownOpcode(opcode)) throw new WebSocketProtocolError(`unknown opcode 0x${opcode.toString(16)}`, CloseCode.ProtocolError);
    if (masked !== this.#options.expectMasked) {
      throw new WebSocketProtocolError(masked ? 'server frames must not be masked' : 'client frames must be masked', CloseCode.ProtocolError);
    }
    let length = b1 & 0x7f;
    let offset = 2;
    if (length === 126) {
      if (head.length < 4) return undefined;
      length = head.readUInt16BE(2);
      offset = 4;
    } else if (length === 127) {
      if (head.length < 10) return undefined;
      const high = head.readUInt32BE(2);
      // 2^53 and above cannot be a real length here; the top bit must be 0 per the RFC.
      if (high > 0x1fffff) throw new WebSocketProtocolError('frame length out of range', CloseCode.TooBig);
      length = high * 2 ** 32 + head.readUInt32BE(6);
      offset = 10;
    }
    if (isControl(opcode)) {
      if (!fin) throw new WebSocketProtocolError('control frames must not be fragmented', CloseCode.ProtocolError);
      if (length > 125) throw new WebSocketProtocolError('control frame payload longer than 125 bytes', CloseCode.ProtocolError);
    }
    if (length > this.#options.maxPayload) {
      throw new WebSocketProtocolError(`frame of ${length} bytes exceeds the ${this.#options.maxPayload}-byte limit`, CloseCode.TooBig);
    }
    const keyOffset = offset;
    if (masked) offset += 4;
    if (this.#buffered < offset + length) return undefined;
    const raw = this.#take(offset + length);
    const payload = Buffer.from(raw.subarray(offset));
    if (masked) applyMask(payload, raw.subarray(keyOffset, keyOffset + 4));
    return { fin, opcode, masked, payload };
  }

  /** The first n buffered bytes (copies only what is needed). */
  #peek(n: number): Buffer {
    const first = this.#chunks[0] as Buffer;
    if (first.length >= n) return first.subarray(0, n);
    const parts: Buffer[] = [];
    let have = 0;
    for (const chunk of this.#chunks) {
      parts.push(chunk);
      have += chunk.length;
      if (have >= n) break;
    }
    return Buffer.concat(parts, have).subarray(0, n);
  }

  /** Removes and returns the first n buffered bytes (one concat per frame, never per chunk). */
  #take(n: number): Buffer {
    const all = this.#chunks.length === 1 ? (this.#chunks[0] as Buffer) : Buffer.concat(this.#chunks, this.#buffered);
    const out = all.subarray(0, n);
    const rest = all.subarray(n);
    this.#chunks = rest.length > 0 ? [rest] : [];
    this.#buffered = rest.length;
    return out;
  }
}
