// Opening one WebSocket to a channel's connectUri, with a timeout and the caller's signal. The SDK imports no
// WebSocket library: a bundle of the client carries none (the `ws` package alone is ~48 KB minified).
import { ConnectionError, RequestAbortedError, TimeoutError, ValidationError } from '../../errors/index.js';
import type { WebSocketCloseEventLike, WebSocketConstructor, WebSocketLike } from '../../internal/websocket/types.js';

/**
 * The WebSocket implementation to use: the stream's `WebSocket` option, else the client's, else the
 * runtime's global one (Node 22+, Deno, Bun, browsers). Node 20 has no global WebSocket: there the caller
 * passes one, e.g. the `ws` package's, whose WebSocket has the same WHATWG event interface.
 */
export function resolveWebSocket(
  fromStream: WebSocketConstructor | undefined,
  fromClient: WebSocketConstructor | undefined,
): WebSocketConstructor {
  const ctor = fromStream ?? fromClient ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof ctor === 'function') return ctor;
  if (ctor !== undefined)
    throw new ValidationError('notifications.streams.open', [
      { path: 'WebSocket', message: 'must be a WebSocket constructor' },
    ]);
  const node = (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node;
  throw new ValidationError('notifications.streams.open', [
    {
      path: 'WebSocket',
      message:
        `this runtime has no global WebSocket${node ? ` (Node ${node}; Node 22 and later have one)` : ''}: pass a WHATWG WebSocket ` +
        "constructor, e.g. `import { WebSocket } from 'ws'`, then `new GenesysClient({ ..., WebSocket })` or `streams.open({ ..., WebSocket })`",
    },
  ]);
}

function ignore(): void {}

/** Only the origin and path: connectUris carry no secrets today, but never log a query string. */
export function safeUri(uri: string): string {
  try {
    const u = new URL(uri);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid URL)';
  }
}

/** Resolves with the socket once it is open; rejects on error, early close, timeout or abort. */
export function openSocket(
  Ctor: WebSocketConstructor,
  uri: string,
  timeoutMs: number,
  signal: AbortSignal,
): Promise<WebSocketLike> {
  const where = { operation: 'notifications.stream.connect', url: safeUri(uri) };
  return new Promise((resolve, reject) => {
    if (signal.aborted)
      return reject(new RequestAbortedError('notifications.stream: aborted', { ...where, cause: signal.reason }));
    let ws: WebSocketLike;
    try {
      ws = new Ctor(uri);
    } catch (error) {
      return reject(
        new ConnectionError(
          `notifications.stream: cannot open ${where.url} (${(error as Error)?.message ?? String(error)})`,
          { ...where, cause: error },
        ),
      );
    }
    const finish = (error: Error | undefined) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      ws.removeEventListener('open', onOpen);
      ws.removeEventListener('error', onError);
      ws.removeEventListener('close', onClose);
      if (!error) return resolve(ws);
      // Closing a socket that is still connecting makes some implementations (ws) emit 'error' again;
      // with no listener left that would be an uncaught exception.
      ws.addEventListener('error', ignore);
      try {
        ws.close();
      } catch {
        // already closed or never opened
      }
      reject(error);
    };
    const onOpen = () => finish(undefined);
    const onError = (event: unknown) => {
      const cause = (event as { error?: unknown } | undefined)?.error ?? event;
      const detail = (cause as { message?: string } | undefined)?.message;
      finish(
        new ConnectionError(`notifications.stream: WebSocket to ${where.url} failed${detail ? ` (${detail})` : ''}`, {
          ...where,
          cause,
        }),
      );
    };
    const onClose = (event: WebSocketCloseEventLike) =>
      finish(
        new ConnectionError(
          `notifications.stream: WebSocket to ${where.url} closed before opening (code ${event.code})`,
          where,
        ),
      );
    const onAbort = () =>
      finish(new RequestAbortedError('notifications.stream: aborted', { ...where, cause: signal.reason }));
    const timer = setTimeout(
      () =>
        finish(
          new TimeoutError(`notifications.stream: WebSocket to ${where.url} did not open within ${timeoutMs} ms`, {
            ...where,
            timeoutMs,
          }),
        ),
      timeoutMs,
    );
    ws.addEventListener('open', onOpen);
    ws.addEventListener('error', onError);
    ws.addEventListener('close', onClose);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** Resolves when the socket has closed, or after `ms` (a peer that never answers the close frame). */
export function waitForClose(ws: WebSocketLike, ms: number): Promise<void> {
  if (ws.readyState === 3) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      ws.removeEventListener('close', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    ws.addEventListener('close', done);
  });
}
