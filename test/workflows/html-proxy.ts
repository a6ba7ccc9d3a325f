// A misbehaving proxy in front of the emulator (real HTTP): answers chosen requests itself, e.g. `200 text/html`.
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';

export interface Proxy {
  baseUrl: string;
  /** Requests the proxy answered itself. */
  intercepted: string[];
  close(): Promise<void>;
}

/** Forwards everything to `target`, except requests for which `answer` returns a response. */
export async function startProxy(
  target: string,
  answer: (method: string, path: string) => { status: number; contentType: string; body: string } | undefined,
): Promise<Proxy> {
  const upstream = new URL(target);
  const intercepted: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const own = answer(req.method ?? 'GET', req.url ?? '/');
    if (own) {
      intercepted.push(`${req.method} ${req.url}`);
      req.resume();
      res.writeHead(own.status, { 'content-type': own.contentType });
      res.end(own.body);
      return;
    }
    const out = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy: Proxy = {
    baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    intercepted,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  server.on('connection', (s) => s.unref());
  // Closed when the test ends (per test: it holds however test files share a worker).
  onTestFinished(() => proxy.close());
  return proxy;
}
