// The part of the WHATWG WebSocket API the SDK uses, so any implementation can be injected: Node 22's global
// WebSocket or the `ws` package (the default on Node 20). Types only.

export interface WebSocketMessageEventLike {
  /** Text messages arrive as strings. */
  readonly data: unknown;
}

export interface WebSocketCloseEventLike {
  readonly code: number;
  readonly reason: string;
  readonly wasClean: boolean;
}

export interface WebSocketEventMapLike {
  open: unknown;
  message: WebSocketMessageEventLike;
  close: WebSocketCloseEventLike;
  error: unknown;
}

export interface WebSocketLike {
  /** 0 connecting, 1 open, 2 closing, 3 closed. */
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  addEventListener<K extends keyof WebSocketEventMapLike>(
    type: K,
    listener: (event: WebSocketEventMapLike[K]) => void,
  ): void;
  removeEventListener<K extends keyof WebSocketEventMapLike>(
    type: K,
    listener: (event: WebSocketEventMapLike[K]) => void,
  ): void;
}

/** A WHATWG-style WebSocket constructor (`globalThis.WebSocket` or `ws`'s `WebSocket`). */
export type WebSocketConstructor = new (url: string, protocols?: string | string[]) => WebSocketLike;
