// A small HTTP server on 127.0.0.1 that misbehaves on purpose: oversized bodies, redirects to elsewhere, huge
// Retry-After values, absurd token lifetimes, hangs, resets, echoes of what it was sent. Real sockets, no fetch
// mocks. Each test gives the API handler; /oauth/token answers with a configurable token and lifetime.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { GenesysClient, type ClientOptions } from '../../src/index.js';

export interface SeenRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface HostileServer {
  url: string;
  requests: SeenRequest[];
  /** Requests to /oauth/token. */
  tokenRequests(): number;
  close(): Promise<void>;
}

export interface HostileOptions {
  token?: string;
  expiresIn?: unknown;
  /** Answers /oauth/token itself (e.g. with an error echoing the credentials). */
  onToken?: (req: SeenRequest, res: ServerResponse) => void;
}

type Handler = (req: SeenRequest, res: ServerResponse) => void;

export async function hostileServer(handler: Handler, options: HostileOptions = {}): Promise<HostileServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(seen);
      if (seen.path === '/oauth/token') {
        if (options.onToken) return options.onToken(seen, res);
        return json(res, 200, {
          access_token: options.token ?? 'hostile-token-0001',
          token_type: 'bearer',
          expires_in: options.expiresIn ?? 86_400,
        });
      }
      handler(seen, res);
    });
  });
  const sockets = new Set<import('node:net').Socket>();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const hostile: HostileServer = {
    url: `http://127.0.0.1:${port}`,
    requests,
    tokenRequests: () => requests.filter((r) => r.path === '/oauth/token').length,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
  // Closed when the test ends (per test: it holds however test files share a worker).
  onTestFinished(() => hostile.close());
  return hostile;
}

export function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

export function clientOf(server: { url: string }, options: Partial<ClientOptions> = {}): GenesysClient {
  return new GenesysClient({
    clientId: 'hostile-client',
    clientSecret: 'hostile-secret',
    apiBaseUrl: server.url,
    loginBaseUrl: server.url,
    retryBackoff: { baseMs: 10, maxMs: 50 },
    ...options,
  });
}
