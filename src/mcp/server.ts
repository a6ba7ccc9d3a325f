// createMcpServer: the routing desk behind the Model Context Protocol. Read-only unless `allowWrites`; the write
// tools pass the guardrails in guard.ts and an explicit confirmation (actions/applying.ts).
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GenesysClient } from '../client/client.js';
import { resolveMcpOptions } from './options.js';
import { registerPrompts } from './prompts.js';
import { registerResources } from './resources.js';
import { DeskSession } from './session.js';
import { registerAutopilotTools } from './tools/autopilot.js';
import { registerReadTools } from './tools/read.js';
import { registerWriteTools } from './tools/write.js';
import type { McpServerOptions } from './types.js';

/** The name and version the server reports to MCP clients (the version of its tool surface). */
export const MCP_SERVER_INFO = { name: 'genesys-routing', version: '1.0.0' } as const;

const INSTRUCTIONS = `Tools for a Genesys Cloud routing desk. Start with queues_now, explain_queue for a queue below target, then plan_routing -> dry_run_plan. apply_plan exists only when the server allows writes; it needs the user's confirmation and refuses stale plans or plans over the policy's limits. rollback_plan undoes an apply.`;

/**
 * An MCP server over `client`: tools (queues now, explain, what-if, plan, dry run; with `allowWrites` apply and
 * rollback; with an autopilot its status, decisions and approvals), resources (the org snapshot, the latest
 * plan, each plan's report) and prompts. Connect it to any transport of `@modelcontextprotocol/sdk`.
 * @throws ValidationError naming each bad option (an unknown key with "did you mean").
 * @example
 * const server = createMcpServer(client, { allowWrites: true, limits: { maxChanges: 20 } });
 * await server.connect(new StdioServerTransport());
 */
export function createMcpServer(client: GenesysClient, options: McpServerOptions = {}): McpServer {
  return buildServer(client, new DeskSession(resolveMcpOptions(options)));
}

/** One MCP server over an existing session (stateless HTTP builds one per request, sharing the session). */
export function buildServer(client: GenesysClient, session: DeskSession): McpServer {
  const server = new McpServer(MCP_SERVER_INFO, { instructions: INSTRUCTIONS });
  registerReadTools(server, client, session);
  if (session.options.allowWrites) registerWriteTools(server, client, session);
  if (session.options.autopilot) registerAutopilotTools(server, session, session.options.autopilot);
  registerResources(server, client, session);
  registerPrompts(server);
  return server;
}
