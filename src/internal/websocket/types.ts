// The part of the WHATWG WebSocket API the SDK uses, so any implementation can be injected: Node 22's global
// WebSocket or the `ws` package (the default on Node 20). Types only.

/** A WebSocket `message` event: its `data` (a text frame for notification streams). */
export interface WebSocketMessageEventLike {
  /** Text messages arrive as strings. */
  readonly data: unknown;
}

/** A WebSocket `close` event: its close code, reason and whether the close was clean. */
export interface WebSocketCloseEventLike {
  /** The close code (e.g. 1000 normal, 1006 abnormal). */
  readonly code: number;
  /** The close reason the peer gave (may be empty). */
  readonly reason: string;
  /** True when the closing handshake completed. */
  readonly wasClean: boolean;
}

/** The events a `WebSocketLike` emits, by name, with the event objects notification streams read. */
export interface WebSocketEventMapLike {
  /** The connection opened. */
  open: unknown;
  /** A message arrived. */
  message: WebSocketMessageEventLike;
  /** The connection closed. */
  close: WebSocketCloseEventLike;
  /** The connection failed. */
  error: unknown;
}

/** The WebSocket shape notification streams use (the WHATWG API, which the global `WebSocket` and `ws` both offer). */
export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  /** Sends a text frame. */
  send(data: string): void;
  /** Closes the socket. */
  close(code?: number, reason?: string): void;
  /** Adds a listener for `open`, `message`, `close` or `error`. */
  addEventListener<K extends keyof WebSocketEventMapLike>(
    type: K,
    listener: (event: WebSocketEventMapLike[K]) => void,
  ): void;
  /** Removes a listener added with `addEventListener`. */
  removeEventListener<K extends keyof WebSocketEventMapLike>(
    type: K,
    listener: (event: WebSocketEventMapLike[K]) => void,
  ): void;
}

/** A WHATWG-style WebSocket constructor (`globalThis.WebSocket` or `ws`'s `WebSocket`). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;
