// The WebSocket layer: which implementation a stream uses, and the emulator's server side (handshake
// checks, payload limit, fragmentation, close handshake) as a ws client sees it, over real TCP.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { resolveWebSocket } from '../../../src/resources/notifications/connect.js';
import { isValidationError, type ValidationError } from '../../../src/errors/index.js';
import type { WebSocketConstructor } from '../../../src/internal/websocket/types.js';
import { emulator, webhooksFor } from './helpers.js';

const open: WsWebSocket[] = [];
afterEach(() => {
  for (const ws of open.splice(0)) ws.terminate();
});

function connect(url: string): WsWebSocket {
  const ws = new WsWebSocket(url);
  ws.on('error', () => undefined); // a refused upgrade is asserted through 'unexpected-response'
  open.push(ws);
  return ws;
}

function once<T>(ws: WsWebSocket, event: string): Promise<T[]> {
  return new Promise((resolve) => ws.once(event, (...args: T[]) => resolve(args)));
}

describe('WebSocket implementation', () => {
  it("uses the stream's constructor, else the client's, else the global WebSocket", () => {
    const fromStream = WsWebSocket as unknown as WebSocketConstructor;
    const fromClient = class extends WsWebSocket {} as unknown as WebSocketConstructor;
    expect(resolveWebSocket(fromStream, fromClient)).toBe(fromStream);
    expect(resolveWebSocket(undefined, fromClient)).toBe(fromClient);
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
    const global = class extends WsWebSocket {} as unknown as WebSocketConstructor;
    Object.defineProperty(globalThis, 'WebSocket', { value: global, configurable: true, writable: true });
    try {
      expect(resolveWebSocket(undefined, undefined)).toBe(global);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'WebSocket', saved);
      else delete (globalThis as { WebSocket?: unknown }).WebSocket;
    }
  });

  it('without any (Node 20 has no global WebSocket) throws a ValidationError on the WebSocket field that says what to pass', () => {
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');
    delete (globalThis as { WebSocket?: unknown }).WebSocket;
    try {
      const error = (() => {
        try {
          resolveWebSocket(undefined, undefined);
        } catch (e) {
          return e;
        }
        return undefined;
      })();
      expect(isValidationError(error)).toBe(true);
      expect((error as ValidationError).issues).toEqual([
        { path: 'WebSocket', message: expect.stringContaining("import { WebSocket } from 'ws'") },
      ]);
      expect(() => resolveWebSocket('ws' as unknown as WebSocketConstructor, undefined)).toThrow(
        /WebSocket: must be a WebSocket constructor/,
      );
    } finally {
      if (saved) Object.defineProperty(globalThis, 'WebSocket', saved);
    }
  });

  it("types ws's WebSocket and the WHATWG WebSocket as a WebSocketConstructor", () => {
    const fromWs: WebSocketConstructor = WsWebSocket as unknown as WebSocketConstructor;
    const whatwg: WebSocketConstructor | undefined = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    expect(typeof fromWs).toBe('function');
    expect(whatwg === undefined || typeof whatwg === 'function').toBe(true);
  });
});

describe('emulator notification socket (ws server)', () => {
  it('refuses an unknown channel (404) and an unknown path (404) before upgrading', async () => {
    const emu = await emulator();
    const base = emu.baseUrl.replace(/^http/, 'ws');
    for (const path of ['/channels/no-such-channel', '/elsewhere']) {
      const ws = connect(`${base}${path}`);
      const [, res] = await once<{ statusCode?: number }>(ws, 'unexpected-response');
      expect(res?.statusCode).toBe(404);
    }
  });

  it('answers pings, fragments large messages the client reassembles, and completes the close handshake', async () => {
    const emu = await emulator();
    emu.notifications.configure({ fragmentSize: 16 });
    const { webhooks } = webhooksFor(emu);
    const channel = await webhooks.channels.create();
    const ws = connect(channel.connectUri);
    await once(ws, 'open');
    const pong = once(ws, 'pong');
    ws.ping('are you there');
    expect(String((await pong)[0])).toBe('are you there');
    const reply = once<Buffer>(ws, 'message');
    ws.send(JSON.stringify({ message: 'ping' }));
    expect(JSON.parse(String((await reply)[0]))).toEqual({
      topicName: 'channel.metadata',
      eventBody: { message: 'pong' },
    });
    const closed = once<number>(ws, 'close');
    ws.close(1000, 'done');
    expect((await closed)[0]).toBe(1000);
  });

  it('closes with 1009 when a client frame exceeds the 64 KiB limit', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const channel = await webhooks.channels.create();
    const ws = connect(channel.connectUri);
    await once(ws, 'open');
    const closed = once<number>(ws, 'close');
    ws.send('x'.repeat(65 * 1024));
    expect((await closed)[0]).toBe(1009);
  });
});
