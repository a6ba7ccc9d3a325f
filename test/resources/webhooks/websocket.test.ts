// The WebSocket layer on `ws`: which implementation a stream uses, and the emulator's server side (handshake
// checks, payload limit, fragmentation, close handshake) as a ws client sees it, over real TCP.
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket as WsWebSocket } from 'ws';
import { resolveWebSocket } from '../../../src/resources/notifications/connect.js';
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
  it('uses an injected constructor, else the global WebSocket (Node 22+), else ws', async () => {
    const injected = WsWebSocket as unknown as WebSocketConstructor;
    expect(await resolveWebSocket(injected)).toBe(injected);
    const global = (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    expect(await resolveWebSocket(undefined)).toBe(typeof global === 'function' ? global : WsWebSocket);
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
    const channel = await webhooks.createChannel();
    const ws = connect(channel.connectUri);
    await once(ws, 'open');
    const pong = once(ws, 'pong');
    ws.ping('are you there');
    expect(String((await pong)[0])).toBe('are you there');
    const reply = once<Buffer>(ws, 'message');
    ws.send(JSON.stringify({ message: 'ping' }));
    expect(JSON.parse(String((await reply)[0]))).toEqual({ topicName: 'channel.metadata', eventBody: { message: 'pong' } });
    const closed = once<number>(ws, 'close');
    ws.close(1000, 'done');
    expect((await closed)[0]).toBe(1000);
  });

  it('closes with 1009 when a client frame exceeds the 64 KiB limit', async () => {
    const emu = await emulator();
    const { webhooks } = webhooksFor(emu);
    const channel = await webhooks.createChannel();
    const ws = connect(channel.connectUri);
    await once(ws, 'open');
    const closed = once<number>(ws, 'close');
    ws.send('x'.repeat(65 * 1024));
    expect((await closed)[0]).toBe(1009);
  });
});
