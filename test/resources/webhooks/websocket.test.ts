// The RFC 6455 codec and the built-in client, over real sockets.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { NodeWebSocket } from '../../../src/internal/websocket/client.js';
import {
  CloseCode,
  FrameParser,
  Opcode,
  WebSocketProtocolError,
  applyMask,
  encodeClosePayload,
  encodeFrame,
  encodeMessage,
  type Frame,
} from '../../../src/internal/websocket/frame.js';
import { acceptKeyFor } from '../../../src/internal/websocket/handshake.js';
import { MessageAssembler } from '../../../src/internal/websocket/message.js';
import type { WebSocketConstructor } from '../../../src/internal/websocket/types.js';

const serverParser = () => new FrameParser({ maxPayload: 1 << 24, expectMasked: true });
const clientParser = () => new FrameParser({ maxPayload: 1 << 24, expectMasked: false });

describe('frame codec', () => {
  it('round-trips the three length encodings (7-bit, 16-bit, 64-bit beyond 64 KiB)', () => {
    for (const size of [0, 125, 126, 65_535, 65_536, 200_000]) {
      const payload = Buffer.alloc(size, 0x61 + (size % 26));
      const frame = encodeFrame(Opcode.Binary, payload);
      expect(frame[1]! & 0x7f).toBe(size < 126 ? size : size <= 0xffff ? 126 : 127);
      const [decoded, ...rest] = clientParser().push(frame);
      expect(rest).toEqual([]);
      expect(decoded).toMatchObject({ fin: true, opcode: Opcode.Binary, masked: false });
      expect(decoded!.payload.equals(payload)).toBe(true);
    }
  });

  it('masks client frames with the key and unmasks them on the server side', () => {
    const key = Buffer.from([0x37, 0xfa, 0x21, 0x3d]);
    // RFC 6455 §5.7: a masked "Hello".
    const frame = encodeFrame(Opcode.Text, 'Hello', { mask: key });
    expect(frame.toString('hex')).toBe('818537fa213d7f9f4d5158');
    const [decoded] = serverParser().push(frame);
    expect(decoded!.payload.toString()).toBe('Hello');
    // Random keys differ per frame but always decode.
    const a = encodeFrame(Opcode.Text, 'same', { mask: true });
    const b = encodeFrame(Opcode.Text, 'same', { mask: true });
    expect(a.subarray(2, 6).equals(b.subarray(2, 6)) && a.equals(b)).toBe(false);
    expect(serverParser().push(Buffer.concat([a, b])).map((f) => f.payload.toString())).toEqual(['same', 'same']);
    expect(applyMask(applyMask(Buffer.from('xyz'), key), key).toString()).toBe('xyz');
  });

  it('parses frames split at every byte boundary and several frames in one chunk', () => {
    const frames = [encodeFrame(Opcode.Text, 'first', { mask: true }), encodeFrame(Opcode.Ping, 'p', { mask: true }), encodeFrame(Opcode.Binary, Buffer.alloc(70_000, 7), { mask: true })];
    const all = Buffer.concat(frames);
    const parser = serverParser();
    const out: Frame[] = [];
    for (let i = 0; i < all.length; i += 997) out.push(...parser.push(all.subarray(i, i + 997)));
    expect(out.map((f) => [f.opcode, f.payload.length])).toEqual([[Opcode.Text, 5], [Opcode.Ping, 1], [Opcode.Binary, 70_000]]);
    const bytewise = serverParser();
    const small = Buffer.concat(frames.slice(0, 2));
    const got: Frame[] = [];
    for (const byte of small) got.push(...bytewise.push(Buffer.from([byte])));
    expect(got.map((f) => f.payload.toString())).toEqual(['first', 'p']);
    expect(bytewise.buffered).toBe(0);
  });

  it('reassembles fragmented messages with control frames in between', () => {
    const text = 'é'.repeat(40_000); // multi-byte characters split across fragments
    const fragments = encodeMessage(Opcode.Text, text, { fragmentSize: 1_001 });
    expect(fragments.length).toBeGreaterThan(50);
    const withPing = [fragments[0]!, encodeFrame(Opcode.Ping, 'x'), ...fragments.slice(1)];
    const assembler = new MessageAssembler(1 << 20);
    const messages = clientParser()
      .push(Buffer.concat(withPing))
      .map((f) => assembler.push(f))
      .filter((m) => m !== undefined);
    expect(messages.map((m) => m.type)).toEqual(['ping', 'text']);
    expect(messages[1]).toEqual({ type: 'text', data: text });
  });

  it('refuses protocol violations with the right close code', () => {
    const expectCode = (fn: () => unknown, code: number) => {
      try {
        fn();
        expect.unreachable('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(WebSocketProtocolError);
        expect((error as WebSocketProtocolError).closeCode).toBe(code);
      }
    };
    expectCode(() => serverParser().push(encodeFrame(Opcode.Text, 'unmasked')), CloseCode.ProtocolError);
    expectCode(() => clientParser().push(encodeFrame(Opcode.Text, 'masked', { mask: true })), CloseCode.ProtocolError);
    expectCode(() => new FrameParser({ maxPayload: 1_000, expectMasked: false }).push(encodeFrame(Opcode.Binary, Buffer.alloc(1_001))), CloseCode.TooBig);
    // The size guard fires on the header alone, before the payload is buffered.
    expectCode(() => new FrameParser({ maxPayload: 1_000, expectMasked: false }).push(encodeFrame(Opcode.Binary, Buffer.alloc(100_000)).subarray(0, 10)), CloseCode.TooBig);
    expectCode(() => clientParser().push(encodeFrame(Opcode.Ping, Buffer.alloc(126))), CloseCode.ProtocolError);
    expectCode(() => clientParser().push(encodeFrame(Opcode.Ping, 'x', { fin: false })), CloseCode.ProtocolError);
    expectCode(() => clientParser().push(Buffer.from([0x83, 0x00])), CloseCode.ProtocolError); // opcode 3
    expectCode(() => clientParser().push(Buffer.from([0xc1, 0x00])), CloseCode.ProtocolError); // RSV1
    const assembler = new MessageAssembler(10);
    expectCode(() => assembler.push({ fin: true, opcode: Opcode.Continuation, masked: false, payload: Buffer.alloc(1) }), CloseCode.ProtocolError);
    expectCode(() => assembler.push({ fin: true, opcode: Opcode.Text, masked: false, payload: Buffer.alloc(11) }), CloseCode.TooBig);
    expectCode(() => new MessageAssembler(10).push({ fin: true, opcode: Opcode.Text, masked: false, payload: Buffer.from([0xff]) }), CloseCode.InvalidPayload);
    expectCode(() => new MessageAssembler(10).push({ fin: true, opcode: Opcode.Close, masked: false, payload: encodeClosePayload(1005) }), CloseCode.ProtocolError);
    expect(new MessageAssembler(10).push({ fin: true, opcode: Opcode.Close, masked: false, payload: encodeClosePayload(4001, 'bye') })).toEqual({ type: 'close', code: 4001, reason: 'bye' });
  });
});

// ---- the client against hand-written servers ------------------------------------------------------------

const servers: Server[] = [];
const sockets: Duplex[] = [];
afterEach(async () => {
  // Upgraded sockets are no longer tracked by the server: close them here.
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

async function upgradeServer(onUpgrade: (req: IncomingMessage, socket: Duplex) => void): Promise<string> {
  const server = createServer((_req, res) => res.writeHead(426).end());
  server.on('upgrade', (req, socket) => {
    sockets.push(socket);
    onUpgrade(req, socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  servers.push(server);
  return `ws://127.0.0.1:${(server.address() as AddressInfo).port}/channels/x`;
}

function accept(req: IncomingMessage, socket: Duplex, acceptValue = acceptKeyFor(String(req.headers['sec-websocket-key']))): void {
  socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptValue}\r\n\r\n`);
}

function events(ws: NodeWebSocket): { log: string[]; closed: Promise<{ code: number; wasClean: boolean; reason: string }> } {
  const log: string[] = [];
  ws.addEventListener('open', () => log.push('open'));
  ws.addEventListener('error', () => log.push('error'));
  ws.addEventListener('message', (e) => log.push(`message:${String((e as MessageEvent).data)}`));
  const closed = new Promise<{ code: number; wasClean: boolean; reason: string }>((resolve) =>
    ws.addEventListener('close', (e) => {
      log.push('close');
      resolve(e as unknown as { code: number; wasClean: boolean; reason: string });
    }),
  );
  return { log, closed };
}

describe('built-in WebSocket client', () => {
  it('rejects a server whose Sec-WebSocket-Accept does not match the key', async () => {
    const url = await upgradeServer((req, socket) => accept(req, socket, 'bm90IHRoZSByaWdodCBrZXk='));
    const ws = new NodeWebSocket(url);
    const { log, closed } = events(ws);
    expect((await closed).code).toBe(CloseCode.Abnormal);
    expect(log).toEqual(['error', 'close']);
    expect(ws.readyState).toBe(NodeWebSocket.CLOSED);
  });

  it('fails with an error event when the server refuses the upgrade', async () => {
    const url = await upgradeServer((_req, socket) => socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n'));
    const { log, closed } = events(new NodeWebSocket(url));
    expect((await closed).wasClean).toBe(false);
    expect(log).toEqual(['error', 'close']);
  });

  it('receives fragmented text, answers pings with masked pongs, and completes the close handshake', async () => {
    const fromClient: Frame[] = [];
    const url = await upgradeServer((req, socket) => {
      accept(req, socket);
      const parser = serverParser();
      socket.on('data', (chunk: Buffer) => {
        for (const frame of parser.push(chunk)) {
          fromClient.push(frame);
          if (frame.opcode === Opcode.Text && frame.payload.toString() === 'go') {
            socket.write(encodeFrame(Opcode.Ping, 'are-you-there'));
            for (const f of encodeMessage(Opcode.Text, JSON.stringify({ big: 'z'.repeat(70_000) }), { fragmentSize: 16_384 })) socket.write(f);
            socket.write(encodeFrame(Opcode.Close, encodeClosePayload(1000, 'done')));
          }
          if (frame.opcode === Opcode.Close) socket.end();
        }
      });
    });
    const ws = new NodeWebSocket(url);
    const { log, closed } = events(ws);
    ws.addEventListener('open', () => ws.send('go'));
    const close = await closed;
    expect(close).toMatchObject({ code: 1000, reason: 'done', wasClean: true });
    expect(log[0]).toBe('open');
    expect(JSON.parse(log[1]!.slice('message:'.length)).big).toHaveLength(70_000);
    expect(fromClient.map((f) => [f.opcode, f.masked])).toEqual([
      [Opcode.Text, true],
      [Opcode.Pong, true],
      [Opcode.Close, true],
    ]);
    expect(fromClient[1]!.payload.toString()).toBe('are-you-there');
  });

  it('closes with 1009 when a frame exceeds maxPayload', async () => {
    let closeCode: number | undefined;
    const url = await upgradeServer((req, socket) => {
      accept(req, socket);
      socket.write(encodeFrame(Opcode.Text, 'x'.repeat(2_000)));
      const parser = serverParser();
      socket.on('data', (chunk: Buffer) => {
        for (const frame of parser.push(chunk)) if (frame.opcode === Opcode.Close) closeCode = frame.payload.readUInt16BE(0);
        socket.end();
      });
    });
    const ws = new NodeWebSocket(url, undefined, { maxPayload: 1_000 });
    const { log, closed } = events(ws);
    expect((await closed).code).toBe(CloseCode.Abnormal);
    expect(closeCode).toBe(CloseCode.TooBig);
    expect(log).toEqual(['open', 'error', 'close']);
  });

  it('validates its arguments like the WHATWG WebSocket', () => {
    expect(() => new NodeWebSocket('ftp://example.com')).toThrow(SyntaxError);
  });
});

describe('WebSocket typing', () => {
  it('accepts the built-in client and the WHATWG WebSocket type as WebSocketConstructor', () => {
    const builtIn: WebSocketConstructor = NodeWebSocket;
    // Compile-time check: the DOM/undici WebSocket type fits the injectable constructor type.
    const whatwg: WebSocketConstructor | undefined = (globalThis as { WebSocket?: typeof WebSocket }).WebSocket;
    expect(typeof builtIn).toBe('function');
    expect([NodeWebSocket.CONNECTING, NodeWebSocket.OPEN, NodeWebSocket.CLOSING, NodeWebSocket.CLOSED]).toEqual([0, 1, 2, 3]);
    expect(whatwg === undefined || typeof whatwg === 'function').toBe(true);
  });
});
