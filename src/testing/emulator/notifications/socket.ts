// Server side of one notification WebSocket: the 101 handshake and frames, using the codec the SDK's client
// uses (src/internal/websocket). Text messages only; pings are answered; close handshake both ways.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, encodeClosePayload, encodeFrame, encodeMessage, FrameParser, Opcode, WebSocketProtocolError } from '../../../internal/websocket/frame.js';
import { acceptKeyFor, isValidWebSocketKey } from '../../../internal/websocket/handshake.js';
import { MessageAssembler } from '../../../internal/websocket/message.js';

/** Frames from clients larger than this are refused (1009). Notification clients send tiny pings only. */
const MAX_CLIENT_PAYLOAD = 64 * 1024;

export interface ServerSocketHandlers {
  onText(text: string): void;
  onClose(): void;
}

/** Writes a plain HTTP error on a socket that asked to upgrade, then drops it. */
export function rejectUpgrade(socket: Duplex, status: number, reason: string, body = ''): void {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
}

/** Why this request cannot be upgraded, or undefined when it can. */
export function upgradeProblem(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return 'method must be GET';
  if (String(req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'missing "Upgrade: websocket"';
  if (req.headers['sec-websocket-version'] !== '13') return 'Sec-WebSocket-Version must be 13';
  if (!isValidWebSocketKey(req.headers['sec-websocket-key'])) return 'missing or malformed Sec-WebSocket-Key';
  return undefined;
}

export class ServerWebSocket {
  readonly #socket: Duplex;
  readonly #handlers: ServerSocketHandlers;
  readonly #parser = new FrameParser({ maxPayload: MAX_CLIENT_PAYLOAD, expectMasked: true });
  readonly #assembler = new MessageAssembler(MAX_CLIENT_PAYLOAD);
  #open = true;
  #closeSent = false;
  #closed = false;

  /** Completes the handshake (writes the 101 response) and starts reading frames. */
  constructor(req: IncomingMessage, socket: Duplex, head: Buffer, handlers: ServerSocketHandlers) {
    this.#socket = socket;
    this.#handlers = handlers;
    const accept = acceptKeyFor(String(req.headers['sec-websocket-key']).trim());
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${accept}\r\n\r\n`);
    (socket as { setNoDelay?: (v: boolean) => void }).setNoDelay?.(true);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('end', () => socket.end());
    socket.on('close', () => this.#onClosed());
    if (head.length > 0) this.#onData(head);
  }

  get isOpen(): boolean {
    return this.#open && !this.#closed;
  }

  /** Sends one text message; `fragmentSize` splits it into continuation frames (to exercise clients). */
  sendText(text: string, fragmentSize?: number): boolean {
    if (!this.isOpen) return false;
    for (const frame of encodeMessage(Opcode.Text, text, { fragmentSize })) this.#socket.write(frame);
    return true;
  }

  ping(data = ''): void {
    if (this.isOpen) this.#socket.write(encodeFrame(Opcode.Ping, data));
  }

  /** Starts the close handshake; the client's close frame (or a timeout) ends the TCP connection. */
  close(code: number = CloseCode.Normal, reason = ''): void {
    if (this.#closed) return;
    this.#open = false;
    this.#sendClose(code, reason);
    setTimeout(() => this.#socket.destroy(), 2_000).unref();
  }

  /** Drops the TCP connection without a close frame (a network failure, as the client sees it). */
  destroy(): void {
    this.#open = false;
    this.#socket.destroy();
  }

  #sendClose(code: number, reason: string): void {
    if (this.#closeSent) return;
    this.#closeSent = true;
    this.#socket.write(encodeFrame(Opcode.Close, encodeClosePayload(code, reason)));
  }

  #onData(chunk: Buffer): void {
    try {
      for (const frame of this.#parser.push(chunk)) {
        const message = this.#assembler.push(frame);
        if (!message) continue;
        if (message.type === 'text') {
          if (this.#open) this.#handlers.onText(message.data);
        } else if (message.type === 'ping') {
          if (!this.#closeSent) this.#socket.write(encodeFrame(Opcode.Pong, message.data));
        } else if (message.type === 'close') {
          this.#open = false;
          this.#sendClose(message.code === CloseCode.NoStatus ? CloseCode.Normal : message.code, '');
          // The server closes the TCP connection after the close handshake (RFC 6455 §7.1.1).
          this.#socket.end();
          return;
        }
      }
    } catch (error) {
      if (!(error instanceof WebSocketProtocolError)) throw error;
      this.#open = false;
      this.#sendClose(error.closeCode, '');
      this.#socket.end();
    }
  }

  #onClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#open = false;
    this.#handlers.onClose();
  }
}
