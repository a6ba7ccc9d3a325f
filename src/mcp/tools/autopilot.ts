// The autopilot seen from the desk: its status, its recent decisions and, in approval mode with writes enabled,
// approving or rejecting the changes it proposes. Absent when no autopilot is attached.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import { McpRefusalError } from '../errors.js';
import { guarded } from '../result.js';
import type { DeskSession } from '../session.js';
import type { AutopilotControl, AutopilotDecisionView } from '../types.js';
import * as out from './schemas.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: false } as const;
const WRITE = { readOnlyHint: false, destructiveHint: true, idempotentHint: false, openWorldHint: true } as const;

const view = (d: AutopilotDecisionView) => ({
  seq: d.seq,
  at: d.at,
  kind: d.kind,
  why: d.why,
  shadow: d.shadow,
  changes: d.changes.length,
  refused: d.refused.length,
});

export function registerAutopilotTools(server: McpServer, session: DeskSession, pilot: AutopilotControl): void {
  const ctx: ToolContext = { server, session, pilot, secrets: session.options.redact };
  registerStatus(ctx);
  registerDecisions(ctx);
  if (!session.options.allowWrites) return;
  registerApprove(ctx);
  registerReject(ctx);
}

interface ToolContext {
  server: McpServer;
  session: DeskSession;
  pilot: AutopilotControl;
  secrets: DeskSession['options']['redact'];
}

/** Whether an autopilot is attached, its last decision and the proposals waiting. */
function registerStatus({ server, session, pilot, secrets }: ToolContext): void {
  server.registerTool(
    'autopilot_status',
    {
      title: 'Autopilot status',
      description:
        'Whether an autopilot is attached, its last decision, and the proposals waiting for approval (approval mode): id, why, how many changes and when each expires.',
      inputSchema: {},
      outputSchema: out.autopilotStatusOutput,
      annotations: READ,
    },
    () =>
      guarded(secrets, async () => ({
        attached: true,
        approvals: takesApprovals(pilot),
        decisionsSeen: session.decisions.length,
        lastDecision: session.decisions.length ? view(session.decisions.at(-1)!) : null,
        pending: (takesApprovals(pilot) ? (pilot.proposals?.() ?? []) : []).map((p) => ({
          id: p.id,
          seq: p.seq,
          createdAt: p.createdAt,
          expiresAt: p.expiresAt,
          why: p.decision.why,
          changes: p.changes.length,
        })),
      })),
  );
}

/** The most recent decisions, newest last. */
function registerDecisions({ server, session, secrets }: ToolContext): void {
  server.registerTool(
    'autopilot_decisions',
    {
      title: 'Autopilot decisions',
      description:
        "The autopilot's most recent decisions (newest last): kind (hold, adjust, return), why, changes made or proposed and refused.",
      inputSchema: { limit: z.int().min(1).max(50).optional().describe('default 10') },
      outputSchema: out.autopilotDecisionsOutput,
      annotations: READ,
    },
    ({ limit }) => guarded(secrets, async () => ({ decisions: session.decisions.slice(-(limit ?? 10)).map(view) })),
  );
}

/** Whether the autopilot answers proposals: it can list them, and its mode (when it says) is approve. */
function takesApprovals(pilot: AutopilotControl): boolean {
  return typeof pilot.proposals === 'function' && (pilot.mode === undefined || pilot.mode === 'approve');
}

/** Approves or rejects a pending proposal; refused when the autopilot has no approval mode or no such proposal. */
function resolveProposal(pilot: AutopilotControl, action: 'approved' | 'rejected', id: string, reason?: string) {
  const fn = action === 'approved' ? pilot.approve : pilot.reject;
  if (typeof fn !== 'function' || !takesApprovals(pilot))
    throw new McpRefusalError(
      'id',
      'autopilot',
      `this autopilot has no approval mode (its policy mode is ${pilot.mode ?? 'not approve'})`,
    );
  const resolved = action === 'approved' ? fn.call(pilot, id) : fn.call(pilot, id, reason);
  if (!resolved)
    throw new McpRefusalError(
      'id',
      'autopilot',
      `no pending proposal ${JSON.stringify(id)} (expired, resolved, or unknown): see autopilot_status`,
    );
  return { id, resolved, action };
}

function registerApprove({ server, pilot, secrets }: ToolContext): void {
  server.registerTool(
    'autopilot_approve',
    {
      title: 'Approve an autopilot proposal',
      description:
        "Lets the autopilot apply one of its pending proposals (approval mode). The autopilot's own guardrails still apply.",
      inputSchema: { id: z.string().min(1) },
      outputSchema: out.autopilotResolveOutput,
      annotations: WRITE,
    },
    ({ id }) => guarded(secrets, async () => resolveProposal(pilot, 'approved', id)),
  );
}

function registerReject({ server, pilot, secrets }: ToolContext): void {
  server.registerTool(
    'autopilot_reject',
    {
      title: 'Reject an autopilot proposal',
      description: 'Drops one of the pending proposals, with a reason the autopilot records.',
      inputSchema: { id: z.string().min(1), reason: z.string().max(500).optional() },
      outputSchema: out.autopilotResolveOutput,
      annotations: { ...WRITE, destructiveHint: false },
    },
    ({ id, reason }) => guarded(secrets, async () => resolveProposal(pilot, 'rejected', id, reason)),
  );
}
