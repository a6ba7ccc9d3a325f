// Shared by the MCP tests: an understaffed emulator org, the official MCP client over stdio (the CLI) or
// streamable HTTP, and the emulator's request log read for writes.
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { ElicitRequestSchema, type CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { fileURLToPath } from 'node:url';
import { GenesysClient } from '../../src/index.js';
import { startEmulator, type Emulator } from '../../src/testing/index.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** A small understaffed org: a plan of a few changes fixes it, quickly. */
export function understaffed(): Promise<Emulator> {
  return startEmulator({
    seed: 5,
    scenario: 'understaffed',
    org: { users: 60, skills: 6, queues: 4 },
    rateLimit: false,
    requestLogSize: 200_000,
  });
}

export function clientFor(emu: Emulator): GenesysClient {
  return new GenesysClient({
    clientId: emu.clientId,
    clientSecret: emu.clientSecret,
    apiBaseUrl: emu.baseUrl,
    loginBaseUrl: emu.baseUrl,
    timeoutMs: 120_000,
  });
}

/** Requests that change the org: every non-GET except queries, searches and token requests. */
export function writesSince(emu: Emulator, since: number): string[] {
  return emu.stats.requestLog
    .filter((r) => r.at >= since && r.method !== 'GET' && !/\/query|\/search|oauth\/token/.test(r.path))
    .map((r) => `${r.method} ${r.path}`);
}

/** The answers the user gives to elicitations, in order (true: confirm, false: decline). */
export type Answers = boolean[];

function mcpClient(answers?: Answers): Client {
  const client = new Client(
    { name: 'routing-desk-test', version: '1.0.0' },
    { capabilities: answers ? { elicitation: {} } : {} },
  );
  if (answers)
    client.setRequestHandler(ElicitRequestSchema, async () => {
      const yes = answers.shift();
      return yes === undefined
        ? { action: 'cancel' }
        : yes
          ? { action: 'accept', content: { confirm: true } }
          : { action: 'decline' };
    });
  return client;
}

/** The CLI's `genesys-routing mcp` as a child process, over stdio, against the emulator. */
export async function stdioClient(emu: Emulator, args: string[], answers?: Answers): Promise<Client> {
  const client = mcpClient(answers);
  await client.connect(
    new StdioClientTransport({
      command: process.execPath,
      args: ['--import', 'tsx', 'src/cli/index.ts', 'mcp', ...args],
      cwd: ROOT,
      stderr: 'pipe',
      env: {
        PATH: process.env['PATH'] ?? '',
        GENESYS_CLIENT_ID: emu.clientId,
        GENESYS_CLIENT_SECRET: emu.clientSecret,
        GENESYS_API_BASE_URL: emu.baseUrl,
        GENESYS_LOGIN_BASE_URL: emu.baseUrl,
      },
    }),
  );
  return client;
}

export async function httpClient(url: string, token: string): Promise<Client> {
  const client = mcpClient();
  await client.connect(
    new StreamableHTTPClientTransport(new URL(url), { requestInit: { headers: { Authorization: `Bearer ${token}` } } }),
  );
  return client;
}

/** A tool's answer as JSON.parse types it: the tests read it loosely and assert every field they use. */
export type Json = ReturnType<typeof JSON.parse>;

/** Strings no tool output may contain (the client secret, the bearer token): every `call` checks. */
export const forbidden: string[] = [];

/** Calls a tool; returns its structured content, or `{ error }` for a refusal. */
export async function call(
  client: Client,
  name: string,
  args: Record<string, unknown> = {},
): Promise<Record<string, Json>> {
  const result = (await client.callTool({ name, arguments: args }, undefined, { timeout: 600_000 })) as CallToolResult;
  const text = result.content.map((c) => (c.type === 'text' ? c.text : '')).join('');
  for (const secret of forbidden) if (text.includes(secret)) throw new Error(`${name} output contains a secret`);
  if (result.isError) return JSON.parse(text) as Record<string, Json>;
  return result.structuredContent as Record<string, Json>;
}
