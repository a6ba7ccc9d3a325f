// The server over streamable HTTP, stateless (no MCP session id: one transport and server per request, sharing
// the desk session), on 127.0.0.1 only, every request carrying `Authorization: Bearer <token>`.
import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { GenesysClient } from '../client/client.js';
import { ValidationError } from '../errors/index.js';
import { resolveMcpOptions } from './options.js';
import { buildServer } from './server.js';
import { DeskSession } from './session.js';
import type { McpServerOptions } from './types.js';

/** Where and how `startMcpHttpServer` listens. */
export interface McpHttpOptions {
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The bearer token every request must carry (at least 16 characters). */
  token: string;
}

/** A running HTTP server: its URL (`http://127.0.0.1:PORT/mcp`) and how to stop it. */
export interface McpHttpServer {
  /** `http://127.0.0.1:PORT/mcp`. */
  url: string;
  /** Stops listening; resolves once open connections are closed. */
  close(): Promise<void>;
}

/**
 * Serves `createMcpServer(client, options)` over streamable HTTP at `http://127.0.0.1:PORT/mcp`, stateless.
 * Stateless means the server cannot ask the user through elicitation: an apply takes the dry run's token.
 * @throws ValidationError naming `port` or `token`, or any bad server option.
 */
export async function startMcpHttpServer(
  client: GenesysClient,
  http: McpHttpOptions,
  options: McpServerOptions = {},
): Promise<McpHttpServer> {
  if (!Number.isInteger(http.port) || http.port < 0 || http.port > 65_535)
    throw new ValidationError('Invalid MCP HTTP options', [
      { path: 'port', message: 'must be a whole number 0..65535' },
    ]);
  if (typeof http.token !== 'string' || http.token.length < 16)
    throw new ValidationError('Invalid MCP HTTP options', [
      { path: 'token', message: 'must be at least 16 characters' },
    ]);
  const resolved = resolveMcpOptions({ ...options, redact: [...(options.redact ?? []), http.token] });
  const session = new DeskSession(resolved);
  const expected = Buffer.from(`Bearer ${http.token}`);
  const server: Server = createServer((req, res) => {
    if (!authorized(req, expected)) {
      res.writeHead(401, { 'content-type': 'application/json', 'www-authenticate': 'Bearer' }).end(
        JSON.stringify({
          jsonrpc: '2.0',
          error: { code: -32001, message: 'missing or wrong bearer token' },
          id: null,
        }),
      );
      return;
    }
    if (new URL(req.url ?? '/', 'http://127.0.0.1').pathname !== '/mcp' || req.method !== 'POST') {
      res.writeHead(req.method === 'POST' ? 404 : 405, { allow: 'POST' }).end();
      return;
    }
    const mcp = buildServer(client, session);
    const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
    res.on('close', () => {
      void transport.close();
      void mcp.close();
    });
    mcp
      .connect(transport)
      .then(() => transport.handleRequest(req, res))
      .catch(() => {
        if (!res.headersSent) res.writeHead(500).end();
      });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(http.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/mcp`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function authorized(req: IncomingMessage, expected: Buffer): boolean {
  const given = Buffer.from(req.headers.authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
