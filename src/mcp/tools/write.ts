// The tools that write, registered only with writes enabled: apply a dry-run plan (after the user confirms) and
// roll an apply back to the state read before it.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { GenesysClient } from '../../client/client.js';
import { applySessionPlan, rollback, type Confirmation } from '../actions/applying.js';
import { guarded } from '../result.js';
import type { DeskSession } from '../session.js';
import * as out from './schemas.js';

const WRITE = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } as const;

export function registerWriteTools(server: McpServer, client: GenesysClient, session: DeskSession): void {
  const secrets = session.options.redact;
  server.registerTool(
    'apply_plan',
    {
      title: 'Apply a plan',
      description:
        "Writes a plan of this session to the org: only after dry_run_plan, only while the org is unchanged since the plan, only within the policy (max changes, locked agents and queues), and only once the user confirms: the server asks the user directly where the client supports it; otherwise pass the confirmationToken the dry run returned, after the user said yes. Journaled and audited under the assistant's identity; rollback_plan undoes it.",
      inputSchema: {
        planId: z.string().min(1),
        confirmationToken: z
          .string()
          .min(1)
          .optional()
          .describe('from dry_run_plan; only for clients without elicitation'),
      },
      outputSchema: out.applyOutput,
      annotations: WRITE,
    },
    (input) => guarded(secrets, async () => applySessionPlan(client, session, input, (m) => askUser(server, m))),
  );
  server.registerTool(
    'rollback_plan',
    {
      title: 'Roll back an apply',
      description:
        'Returns every agent and queue a plan of this session touched to the state read right before its apply, then checks the org is back at it (`atSnapshot`). Default: the latest apply not yet rolled back.',
      inputSchema: { planId: z.string().min(1).optional() },
      outputSchema: out.rollbackOutput,
      annotations: WRITE,
    },
    ({ planId }) => guarded(secrets, async () => rollback(client, session, planId)),
  );
}

/** Asks the user through MCP elicitation; `unsupported` when the client did not declare it. */
async function askUser(server: McpServer, message: string): Promise<Confirmation> {
  if (!server.server.getClientCapabilities()?.elicitation) return 'unsupported';
  const answer = await server.server.elicitInput({
    message,
    requestedSchema: {
      type: 'object',
      properties: { confirm: { type: 'boolean', title: 'Apply these changes', description: message } },
      required: ['confirm'],
    },
  });
  return answer.action === 'accept' && answer.content?.['confirm'] === true ? 'accepted' : 'declined';
}
