// Server side of one notification WebSocket, on the `ws` package's server (the same library the SDK's streams
// use on Node 20). Text messages only; ws answers pings and runs the close handshake.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';

/** Frames from clients larger than this are refused (1009). Notification clients send tiny pings only. */
const MAX_CLIENT_PAYLOAD = 64 * 1024;
const OPEN = 1;

let server: WebSocketServer | undefined;
/** One handshake-only server for every hub: `noServer`, no client tracking, so it holds no state. */
function upgrader(): WebSocketServer {
  return (server ??= new WebSocketServer({ noServer: true, clientTracking: false, maxPayload: MAX_CLIENT_PAYLOAD }));
}

export interface ServerSocketHandlers {
  onText(text: string): void;
  onClose(): void;
}

/** Writes a plain HTTP error on a socket that asked to upgrade, then drops it. */
export function rejectUpgrade(socket: Duplex, status: number, reason: string, body = ''): void {
  socket.end(
    `HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  );
}

/** Why this request cannot be upgraded, or undefined when it can (ws checks the key and version itself). */
export function upgradeProblem(req: IncomingMessage): string | undefined {
  if (req.method !== 'GET') return 'method must be GET';
  if (String(req.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'missing "Upgrade: websocket"';
  return undefined;
}

export class ServerWebSocket {
  #ws: WebSocket | undefined;
  readonly #socket: Duplex;
  #closed = false;
  readonly #handlers: ServerSocketHandlers;

  /** Completes the handshake (ws writes the 101, or a 400 for a bad key/version) and starts reading. */
  constructor(req: IncomingMessage, socket: Duplex, head: Buffer, handlers: ServerSocketHandlers) {
    this.#handlers = handlers;
    this.#socket = socket;
    socket.on('close', () => this.#onClosed());
    upgrader().handleUpgrade(req, socket, head, (ws) => {
      this.#ws = ws;
      (socket as { setNoDelay?: (v: boolean) => void }).setNoDelay?.(true);
      ws.on('message', (data, isBinary) => {
        if (!isBinary && ws.readyState === OPEN) this.#handlers.onText(data.toString());
      });
      ws.on('error', () => ws.terminate());
      ws.on('close', () => this.#onClosed());
    });
  }

  get isOpen(): boolean {
    return !this.#closed && this.#ws?.readyState === OPEN;
  }

  /** Sends one text message; `fragmentSize` splits it into continuation frames (to exercise clients). */
  sendText(text: string, fragmentSize?: number): boolean {
    const ws = this.#ws;
    if (!ws || !this.isOpen) return false;
    if (!fragmentSize || fragmentSize <= 0 || Buffer.byteLength(text) <= fragmentSize) {
      ws.send(text);
      return true;
    }
    const bytes = Buffer.from(text);
    for (let at = 0; at < bytes.length; at += fragmentSize) {
      ws.send(bytes.subarray(at, at + fragmentSize), { binary: false, fin: at + fragmentSize >= bytes.length });
    }
    return true;
  }

  ping(data = ''): void {
    if (this.isOpen) this.#ws!.ping(data);
  }

  /** Starts the close handshake; the client's close frame (or a timeout) ends the TCP connection. */
  close(code = 1000, reason = ''): void {
    if (this.#closed) return;
    if (!this.#ws) return void this.#socket.destroy();
    this.#ws.close(code, reason);
    const ws = this.#ws;
    setTimeout(() => ws.terminate(), 2_000).unref();
  }

  /** Drops the TCP connection without a close frame (a network failure, as the client sees it). */
  destroy(): void {
    if (this.#ws) this.#ws.terminate();
    else this.#socket.destroy();
  }

  #onClosed(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#handlers.onClose();
  }
}
