// genesys-routing-sdk/mcp: the routing desk as a Model Context Protocol server (docs/guides/assistant.md). Needs
// the optional peer dependency @modelcontextprotocol/sdk; nothing else of the package imports it.
export { createMcpServer, MCP_SERVER_INFO } from './server.js';
export { startMcpHttpServer, type McpHttpOptions, type McpHttpServer } from './http.js';
export { McpRefusalError, isMcpRefusalError, type RefusalReason, type ToolFailure } from './errors.js';
export type {
  McpServerOptions,
  McpLimits,
  McpPlanDefaults,
  AutopilotControl,
  AutopilotDecisionView,
  AutopilotProposalView,
} from './types.js';
