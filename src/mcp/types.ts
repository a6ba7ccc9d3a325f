// The MCP server's options and the small autopilot interface it drives. Shared by every file of src/mcp/.
import type { GenesysClient } from '../client/client.js';
import type { AuditTrail } from '../workflows/audit/trail.js';
import type { ApplyJournal } from '../workflows/journal/types.js';
import type { AutopilotDecision } from '../workflows/autopilot/decision-log.js';
import type { AutopilotMode } from '../workflows/autopilot/policy.js';
import type { AutopilotProposal } from '../workflows/autopilot/proposals.js';

/** Policy limits an apply must stay within; refused (naming the limit) otherwise. */
export interface McpLimits {
  /** Most skill, membership and language changes one applied plan may carry. Default 40. */
  maxChanges?: number;
  /** Agents (user ids) whose skills and memberships the assistant may never change. */
  lockedUserIds?: string[];
  /** Queues whose skill holders and members the assistant may never change. */
  lockedQueueIds?: string[];
}

/** Defaults of the plan tool: the optimizer's budget and the history it reads. */
export interface McpPlanDefaults {
  /** Days of history the plan and the explanations read. Default 7. */
  days?: number;
  /** The optimizer's work budget (see `planRoutingOptimization`'s `effort`). Default 1. */
  effort?: number;
  /** Safety cap on one optimization, ms. Default 120,000. */
  timeLimitMs?: number;
  /** Seed of the optimizer (same org and seed, same plan). Default 1. */
  seed?: number;
  /** Skills one agent may hold after a plan. Default none. */
  maxSkillsPerAgent?: number;
}

/**
 * A decision as the assistant reads it: these fields of the autopilot's `AutopilotDecision` (a stand-in for the
 * autopilot, in a test, needs no more).
 */
export type AutopilotDecisionView = Pick<
  AutopilotDecision,
  'seq' | 'at' | 'kind' | 'why' | 'shadow' | 'changes' | 'refused'
>;

/**
 * A change the autopilot proposes in approve mode, waiting for a person (or this assistant) to decide: these
 * fields of the autopilot's `AutopilotProposal`, its decision as an `AutopilotDecisionView`.
 */
export type AutopilotProposalView = Pick<AutopilotProposal, 'id' | 'seq' | 'createdAt' | 'expiresAt' | 'changes'> & {
  /** The decision behind it. */
  decision: AutopilotDecisionView;
};

/**
 * What the assistant needs of a running autopilot: its decisions and, in approve mode, its proposals. A handle
 * from `startAutopilot` satisfies it; `proposals`, `approve` and `reject` are used when present and the mode (when
 * given) is `approve`.
 */
export interface AutopilotControl {
  /** Subscribes to every decision (the assistant keeps the last 50). */
  on(event: 'decision', listener: (decision: AutopilotDecisionView) => void): unknown;
  /** The policy's mode; approve and reject are offered only in `approve`. Absent: judged by `proposals`. */
  readonly mode?: AutopilotMode;
  /** The proposals waiting for approval (approve mode). */
  proposals?(): readonly AutopilotProposalView[];
  /** Approves a pending proposal; false when there is none with this id (unknown, answered or expired). */
  approve?(id: string): boolean;
  /** Rejects a pending proposal; false when there is none with this id (unknown, answered or expired). */
  reject?(id: string, reason?: string): boolean;
}

/** `createMcpServer`'s options; validated with a strict schema (an unknown key is a `ValidationError` naming it). */
export interface McpServerOptions {
  /** Register the tools that write (apply, rollback, approve/reject). Default false: read-only. */
  allowWrites?: boolean;
  /** Who the assistant acts as: recorded in the audit trail and the plan's inputs. Default 'mcp-assistant'. */
  identity?: string;
  /** Policy limits every apply is checked against. */
  limits?: McpLimits;
  /** Defaults of the plan tool. */
  plan?: McpPlanDefaults;
  /** Journal of applies (resumable, per user). Default in memory. */
  journal?: ApplyJournal;
  /** Audit trail of every change written (each record names `identity`). Default in memory. */
  auditTrail?: AuditTrail;
  /** Directory the plan tool writes each plan's HTML report to (the path is returned). Default: resource only. */
  reportDir?: string;
  /** A running autopilot to report on and, with writes enabled, approve or reject proposals of. */
  autopilot?: AutopilotControl;
  /** The time "now" and "today" are read at. Default the wall clock. */
  now?: () => Date;
  /** Strings never to appear in any output (the CLI passes the client secret and the HTTP bearer token). */
  redact?: string[];
}

/** Everything a tool needs: the client, the validated options and the session's state. */
export interface DeskContext {
  client: GenesysClient;
  options: ResolvedMcpOptions;
}

/** The options with every default filled in. */
export interface ResolvedMcpOptions {
  allowWrites: boolean;
  identity: string;
  limits: { maxChanges: number; lockedUserIds: string[]; lockedQueueIds: string[] };
  plan: { days: number; effort: number; timeLimitMs: number; seed: number; maxSkillsPerAgent?: number | undefined };
  journal: ApplyJournal;
  auditTrail: AuditTrail;
  reportDir?: string | undefined;
  autopilot?: AutopilotControl | undefined;
  now: () => Date;
  redact: string[];
}
