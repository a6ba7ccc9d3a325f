// Opening one WebSocket to a channel's connectUri, with a timeout and the caller's signal. Reached only
// through the stream module (a dynamic import), so `ws` loads only when a stream opens.
import { ConnectionError, RequestAbortedError, TimeoutError } from '../../errors.js';
import type { WebSocketCloseEventLike, WebSocketConstructor, WebSocketLike } from '../../internal/websocket/types.js';

/**
 * The WebSocket implementation to use: the caller's, the platform's global one (Node 22+), else the `ws`
 * package (Node 20), whose WebSocket has the same WHATWG event interface.
 */
export async function resolveWebSocket(injected: WebSocketConstructor | undefined): Promise<WebSocketConstructor> {
  if (injected) return injected;
  const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
  if (typeof global === 'function') return global;
  const { WebSocket } = await import('ws');
  return WebSocket as unknown as WebSocketConstructor;
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
export function openSocket(Ctor: WebSocketConstructor, uri: string, timeoutMs: number, signal: AbortSignal): Promise<WebSocketLike> {
  const where = { operation: 'notifications.stream.connect', url: safeUri(uri) };
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new RequestAbortedError('notifications.stream: aborted', { ...where, cause: signal.reason }));
    let ws: WebSocketLike;
    try {
      ws = new Ctor(uri);
    } catch (error) {
      return reject(new ConnectionError(`notifications.stream: cannot open ${where.url} (${(error as Error)?.message ?? String(error)})`, { ...where, cause: error }));
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
      finish(new ConnectionError(`notifications.stream: WebSocket to ${where.url} failed${detail ? ` (${detail})` : ''}`, { ...where, cause }));
    };
    const onClose = (event: WebSocketCloseEventLike) => finish(new ConnectionError(`notifications.stream: WebSocket to ${where.url} closed before opening (code ${event.code})`, where));
    const onAbort = () => finish(new RequestAbortedError('notifications.stream: aborted', { ...where, cause: signal.reason }));
    const timer = setTimeout(() => finish(new TimeoutError(`notifications.stream: WebSocket to ${where.url} did not open within ${timeoutMs} ms`, { ...where, timeoutMs })), timeoutMs);
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
