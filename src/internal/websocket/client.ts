// A small RFC 6455 client with the WHATWG WebSocket surface, for Node versions without a global WebSocket
// (Node 20). Upgrade over node:http / node:https, checks Sec-WebSocket-Accept, masks what it sends,
// reassembles fragmented messages, answers pings, performs the close handshake and bounds frame and
// message sizes. Text and binary messages; no extensions (no permessage-deflate).
import { request as httpRequest, type ClientRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import { CloseCode, encodeClosePayload, encodeFrame, FrameParser, Opcode, WebSocketProtocolError } from './frame.js';
import { acceptKeyFor, newWebSocketKey } from './handshake.js';
import { MessageAssembler, type WebSocketMessage } from './message.js';

export interface NodeWebSocketOptions {
  /** Largest frame payload accepted, in bytes. Default 16 MiB. */
  maxPayload?: number;
  /** Largest (reassembled) message accepted, in bytes. Default: maxPayload. */
  maxMessage?: number;
  /** Time allowed for the HTTP upgrade. Default 30,000 ms. */
  handshakeTimeoutMs?: number;
  /** After close(), wait this long for the peer's close frame before dropping the socket. Default 5,000 ms. */
  closeTimeoutMs?: number;
  /** Extra request headers for the upgrade (e.g. a proxy's). */
  headers?: Record<string, string>;
}

type Listener = ((event: Event) => void) | null;

/** Event types dispatched by NodeWebSocket (the WHATWG shapes, without requiring the DOM lib). */
export interface NodeWebSocketEventMap {
  open: Event;
  message: Event & { readonly data: string | ArrayBuffer; readonly origin: string };
  close: Event & { readonly code: number; readonly reason: string; readonly wasClean: boolean };
  error: Event & { readonly error: unknown; readonly message: string };
}

type AnyListener = EventListenerOrEventListenerObject | ((event: never) => void) | null;

function makeEvent(type: string, fields: Record<string, unknown> = {}): Event {
  const event = new Event(type);
  for (const [key, value] of Object.entries(fields)) Object.defineProperty(event, key, { value, enumerable: true });
  return event;
}

/** WHATWG-compatible WebSocket over node:http(s). */
export class NodeWebSocket extends EventTarget {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;

  readonly url: string;
  protocol = '';
  readonly extensions = '';
  binaryType: 'arraybuffer' | 'blob' = 'arraybuffer';
  onopen: Listener = null;
  onmessage: Listener = null;
  onclose: Listener = null;
  onerror: Listener = null;

  #state = 0;
  #request: ClientRequest | undefined;
  #socket: Duplex | undefined;
  #parser: FrameParser;
  #assembler: MessageAssembler;
  #closeSent = false;
  #closeReceived: { code: number; reason: string } | undefined;
  #timer: NodeJS.Timeout | undefined;
  #closeEmitted = false;
  #errorEmitted = false;
  readonly #options: Required<Omit<NodeWebSocketOptions, 'headers'>> & { headers: Record<string, string> };

  constructor(url: string | URL, protocols?: string | string[], options: NodeWebSocketOptions = {}) {
    super();
    const parsed = new URL(url);
    if (parsed.protocol === 'http:') parsed.protocol = 'ws:';
    if (parsed.protocol === 'https:') parsed.protocol = 'wss:';
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new SyntaxError(`WebSocket URL must use ws: or wss: (got ${parsed.protocol})`);
    if (parsed.hash) throw new SyntaxError('WebSocket URL must not contain a fragment');
    this.url = parsed.toString();
    const maxPayload = options.maxPayload ?? 16 * 1024 * 1024;
    this.#options = {
      maxPayload,
      maxMessage: options.maxMessage ?? maxPayload,
      handshakeTimeoutMs: options.handshakeTimeoutMs ?? 30_000,
      closeTimeoutMs: options.closeTimeoutMs ?? 5_000,
      headers: options.headers ?? {},
    };
    this.#parser = new FrameParser({ maxPayload, expectMasked: false });
    this.#assembler = new MessageAssembler(this.#options.maxMessage);
    const wanted = protocols === undefined ? [] : Array.isArray(protocols) ? protocols : [protocols];
    this.#connect(parsed, wanted);
  }

  override addEventListener<K extends keyof NodeWebSocketEventMap>(type: K, listener: (event: NodeWebSocketEventMap[K]) => void, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | AddEventListenerOptions): void;
  override addEventListener(type: string, listener: AnyListener, options?: boolean | AddEventListenerOptions): void {
    super.addEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  override removeEventListener<K extends keyof NodeWebSocketEventMap>(type: K, listener: (event: NodeWebSocketEventMap[K]) => void, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: EventListenerOrEventListenerObject | null, options?: boolean | EventListenerOptions): void;
  override removeEventListener(type: string, listener: AnyListener, options?: boolean | EventListenerOptions): void {
    super.removeEventListener(type, listener as EventListenerOrEventListenerObject | null, options);
  }

  get readyState(): number {
    return this.#state;
  }

  /** Bytes queued in the socket, not yet sent. */
  get bufferedAmount(): number {
    return (this.#socket as { writableLength?: number } | undefined)?.writableLength ?? 0;
  }

  send(data: string | ArrayBuffer | ArrayBufferView): void {
    if (this.#state === NodeWebSocket.CONNECTING) throw new DOMException('WebSocket is still connecting', 'InvalidStateError');
    if (this.#state !== NodeWebSocket.OPEN || !this.#socket) return;
    const frame =
      typeof data === 'string'
        ? encodeFrame(Opcode.Text, data, { mask: true })
        : encodeFrame(Opcode.Binary, ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data), { mask: true });
    this.#socket.write(frame);
  }

  close(code?: number, reason = ''): void {
    if (code !== undefined && code !== 1000 && !(code >= 3000 && code <= 4999)) {
      throw new DOMException(`close code must be 1000 or 3000-4999 (got ${code})`, 'InvalidAccessError');
    }
    if (Buffer.byteLength(reason) > 123) throw new DOMException('close reason must be at most 123 bytes', 'SyntaxError');
    if (this.#state === NodeWebSocket.CLOSING || this.#state === NodeWebSocket.CLOSED) return;
    if (this.#state === NodeWebSocket.CONNECTING) {
      this.#fail(new Error('WebSocket was closed before the connection was established'));
      return;
    }
    this.#state = NodeWebSocket.CLOSING;
    this.#sendClose(code, reason);
    this.#armTimer(this.#options.closeTimeoutMs, () => this.#socket?.destroy());
  }

  // ---- connection --------------------------------------------------------------------------------

  #connect(url: URL, protocols: string[]): void {
    const key = newWebSocketKey();
    const headers: Record<string, string> = {
      ...this.#options.headers,
      Connection: 'Upgrade',
      Upgrade: 'websocket',
      'Sec-WebSocket-Key': key,
      'Sec-WebSocket-Version': '13',
    };
    if (protocols.length > 0) headers['Sec-WebSocket-Protocol'] = protocols.join(', ');
    const secure = url.protocol === 'wss:';
    const request = (secure ? httpsRequest : httpRequest)({
      hostname: url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
    });
    this.#request = request;
    this.#armTimer(this.#options.handshakeTimeoutMs, () => {
      request.destroy(new Error(`WebSocket handshake timed out after ${this.#options.handshakeTimeoutMs} ms`));
    });
    request.on('response', (res: IncomingMessage) => {
      res.resume();
      this.#fail(new Error(`WebSocket upgrade refused: HTTP ${res.statusCode ?? '?'}`));
    });
    request.on('error', (error) => this.#fail(error));
    request.on('upgrade', (res: IncomingMessage, socket: Duplex, head: Buffer) => {
      const problem = this.#checkUpgrade(res, key, protocols);
      if (problem) {
        socket.destroy();
        this.#fail(new Error(`WebSocket handshake failed: ${problem}`));
        return;
      }
      this.#open(socket, head);
    });
    request.end();
  }

  #checkUpgrade(res: IncomingMessage, key: string, protocols: string[]): string | undefined {
    if (res.statusCode !== 101) return `expected HTTP 101, got ${res.statusCode}`;
    if (String(res.headers.upgrade ?? '').toLowerCase() !== 'websocket') return 'missing "Upgrade: websocket"';
    if (!/\bupgrade\b/i.test(String(res.headers.connection ?? ''))) return 'missing "Connection: Upgrade"';
    if (res.headers['sec-websocket-accept'] !== acceptKeyFor(key)) return 'Sec-WebSocket-Accept does not match the key';
    if (res.headers['sec-websocket-extensions']) return 'the server negotiated an extension this client did not offer';
    const protocol = res.headers['sec-websocket-protocol'];
    if (protocol !== undefined && !protocols.includes(protocol)) return `unexpected subprotocol ${protocol}`;
    this.protocol = protocol ?? '';
    return undefined;
  }

  #open(socket: Duplex, head: Buffer): void {
    this.#clearTimer();
    this.#request = undefined;
    this.#socket = socket;
    (socket as { setNoDelay?: (v: boolean) => void }).setNoDelay?.(true);
    (socket as { setTimeout?: (ms: number) => void }).setTimeout?.(0);
    socket.on('data', (chunk: Buffer) => this.#onData(chunk));
    socket.on('error', () => socket.destroy());
    socket.on('end', () => socket.end());
    socket.on('close', () => this.#onSocketClosed());
    this.#state = NodeWebSocket.OPEN;
    this.#dispatch(makeEvent('open'));
    if (head.length > 0) this.#onData(head);
  }

  #onData(chunk: Buffer): void {
    if (this.#state === NodeWebSocket.CLOSED) return;
    try {
      for (const frame of this.#parser.push(chunk)) {
        const message = this.#assembler.push(frame);
        if (message) this.#handle(message);
        if (!this.#socket || this.#closeReceived) return;
      }
    } catch (error) {
      if (!(error instanceof WebSocketProtocolError)) throw error;
      this.#protocolFailure(error);
    }
  }

  #handle(message: WebSocketMessage): void {
    switch (message.type) {
      case 'text':
        if (this.#state === NodeWebSocket.OPEN) this.#dispatch(makeEvent('message', { data: message.data, origin: new URL(this.url).origin }));
        return;
      case 'binary':
        if (this.#state === NodeWebSocket.OPEN) {
          const data = message.data.buffer.slice(message.data.byteOffset, message.data.byteOffset + message.data.byteLength);
          this.#dispatch(makeEvent('message', { data, origin: new URL(this.url).origin }));
        }
        return;
      case 'ping':
        if (!this.#closeSent) this.#socket?.write(encodeFrame(Opcode.Pong, message.data, { mask: true }));
        return;
      case 'pong':
        return;
      case 'close':
        this.#closeReceived = { code: message.code, reason: message.reason };
        this.#state = NodeWebSocket.CLOSING;
        // Echo the code (RFC 6455 §5.5.1); the server then closes the TCP connection.
        if (!this.#closeSent) this.#sendClose(message.code === CloseCode.NoStatus ? undefined : message.code, '');
        this.#socket?.end();
        this.#armTimer(this.#options.closeTimeoutMs, () => this.#socket?.destroy());
        return;
    }
  }

  #sendClose(code: number | undefined, reason: string): void {
    if (this.#closeSent || !this.#socket) return;
    this.#closeSent = true;
    this.#socket.write(encodeFrame(Opcode.Close, encodeClosePayload(code, reason), { mask: true }));
  }

  #protocolFailure(error: WebSocketProtocolError): void {
    this.#dispatch(makeEvent('error', { error, message: error.message }));
    this.#state = NodeWebSocket.CLOSING;
    this.#sendClose(error.closeCode, '');
    this.#socket?.end();
    this.#armTimer(this.#options.closeTimeoutMs, () => this.#socket?.destroy());
  }

  /** The connection could not be established (or was abandoned while connecting). */
  #fail(error: Error): void {
    if (this.#state === NodeWebSocket.CLOSED) return;
    this.#clearTimer();
    this.#request?.destroy();
    this.#request = undefined;
    this.#state = NodeWebSocket.CLOSED;
    this.#dispatch(makeEvent('error', { error, message: error.message }));
    this.#emitClose(CloseCode.Abnormal, '', false);
  }

  #onSocketClosed(): void {
    this.#clearTimer();
    this.#socket = undefined;
    this.#state = NodeWebSocket.CLOSED;
    const received = this.#closeReceived;
    // Clean only when both close frames were exchanged; otherwise 1006 (abnormal closure).
    if (received && this.#closeSent) {
      this.#emitClose(received.code, received.reason, true);
      return;
    }
    if (!this.#errorEmitted) this.#dispatch(makeEvent('error', { error: new Error('connection lost'), message: 'connection lost' }));
    this.#emitClose(CloseCode.Abnormal, '', false);
  }

  #emitClose(code: number, reason: string, wasClean: boolean): void {
    if (this.#closeEmitted) return;
    this.#closeEmitted = true;
    this.#dispatch(makeEvent('close', { code, reason, wasClean }));
  }

  #dispatch(event: Event): void {
    if (event.type === 'error') this.#errorEmitted = true;
    this.dispatchEvent(event);
    const handler = { open: this.onopen, message: this.onmessage, close: this.onclose, error: this.onerror }[event.type as 'open'];
    handler?.call(this, event);
  }

  #armTimer(ms: number, fn: () => void): void {
    this.#clearTimer();
    this.#timer = setTimeout(fn, ms);
    this.#timer.unref?.();
  }

  #clearTimer(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}
