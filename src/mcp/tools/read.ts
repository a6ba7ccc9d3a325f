// The tools that read: queues now, one queue explained, the what-ifs, the plan and its dry run. None writes.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';
import type { GenesysClient } from '../../client/client.js';
import { explainQueue } from '../actions/explain.js';
import { dryRun, makePlan } from '../actions/planning.js';
import { queueNow, readQueues, resolveQueues } from '../actions/queues-now.js';
import { guarded } from '../result.js';
import type { DeskSession } from '../session.js';
import { skillChangeWhatIf, staffingWhatIf } from '../actions/what-if.js';
import { progressNotifier } from './progress.js';
import * as out from './schemas.js';

const READ = { readOnlyHint: true, destructiveHint: false, idempotentHint: true, openWorldHint: true } as const;
const queueRef = z.string().min(1).describe('queue id or exact name (case-insensitive)');

export function registerReadTools(server: McpServer, client: GenesysClient, session: DeskSession): void {
  const ctx: ToolContext = { server, client, session, secrets: session.options.redact };
  registerQueuesNow(ctx);
  registerExplainQueue(ctx);
  registerStaffingWhatIf(ctx);
  registerSkillChangeWhatIf(ctx);
  registerPlanRouting(ctx);
  registerDryRunPlan(ctx);
}

interface ToolContext {
  server: McpServer;
  client: GenesysClient;
  session: DeskSession;
  secrets: DeskSession['options']['redact'];
}

/** Every queue (or the ones named) as it stands now. */
function registerQueuesNow({ server, client, session, secrets }: ToolContext): void {
  server.registerTool(
    'queues_now',
    {
      title: 'Queues now',
      description:
        "Every queue (or the ones named) as it stands now: today's service level against its target, calls waiting, agents on queue, members holding its skill, and the Erlang C staff this hour's calls need against the skill holders on queue. `status: below` marks a queue missing its target; `weakest` names the one furthest below. Start here, then explain_queue on the weakest.",
      inputSchema: { queues: z.array(queueRef).max(100).optional().describe('default: every queue') },
      outputSchema: out.queuesNowOutput,
      annotations: READ,
    },
    ({ queues }) =>
      guarded(secrets, async () => {
        const now = session.options.now();
        const list = await resolveQueues(client, queues);
        const reads = await readQueues(client, list, now, session.options.plan.days);
        const rows = list.map((q) => queueNow(reads, q, now, session.options.plan.days));
        return { at: now.toISOString(), queues: rows, weakest: weakest(rows) };
      }),
  );
}

/** Why one queue is where it is. */
function registerExplainQueue({ server, client, session, secrets }: ToolContext): void {
  server.registerTool(
    'explain_queue',
    {
      title: 'Explain one queue',
      description:
        "Why a queue is where it is: today's calls against the usual for the same hours, the Erlang C staff it needs against its skill holders on queue, who holds its skill (names, proficiency, routing status), what changed today (the org's audit log and this session's applies) and, once a plan has modelled it, its simulated service level with the org's skills as they are now.",
      inputSchema: { queue: queueRef },
      outputSchema: out.explainOutput,
      annotations: READ,
    },
    ({ queue }, extra) =>
      guarded(secrets, async () => ({ ...(await explainQueue(client, session, queue, extra.signal)) })),
  );
}

/** Erlang C staffing for a volume and a target: arithmetic, no org read. */
function registerStaffingWhatIf({ server, secrets }: ToolContext): void {
  server.registerTool(
    'staffing_what_if',
    {
      title: 'What-if: staffing (Erlang C)',
      description:
        'Agents needed for a volume, handle time and service-level target (Erlang C), with the service level, speed of answer and occupancy at that staff; with shrinkage, the agents to schedule. Pure arithmetic, no org read.',
      inputSchema: {
        callsPerHour: z.number().min(0).max(1e6),
        ahtSeconds: z.number().gt(0).max(86_400),
        serviceLevel: z.number().gt(0).lt(1).describe('share answered within withinSeconds, e.g. 0.8'),
        withinSeconds: z.number().min(0).max(3_600),
        shrinkage: z.number().min(0).lt(1).optional(),
      },
      outputSchema: out.staffingOutput,
      annotations: { ...READ, openWorldHint: false },
    },
    (input) => guarded(secrets, async () => staffingWhatIf(input)),
  );
}

/** A skill change simulated on the latest plan's model. */
function registerSkillChangeWhatIf({ server, client, session, secrets }: ToolContext): void {
  server.registerTool(
    'skill_change_what_if',
    {
      title: 'What-if: a skill change',
      description:
        "Simulates giving or taking a queue's skill (with its membership) from agents, on the demand model of this session's latest plan and the org's skills now: each queue's service level before and after, and whether it meets its target. Writes nothing. Needs a plan_routing call first.",
      inputSchema: {
        changes: z
          .array(
            z.object({
              agent: z.string().min(1).describe('user id or exact name'),
              queue: queueRef,
              action: z.enum(['add', 'remove']),
              proficiency: z.number().min(0).max(5).optional().describe('for add; default 1'),
            }),
          )
          .min(1)
          .max(50),
      },
      outputSchema: out.skillChangeOutput,
      annotations: READ,
    },
    (input, extra) => guarded(secrets, async () => skillChangeWhatIf(client, session, input, extra.signal)),
  );
}

/** The optimizer run: a plan, read only. */
function registerPlanRouting({ server, client, session, secrets }: ToolContext): void {
  server.registerTool(
    'plan_routing',
    {
      title: 'Plan routing changes',
      description:
        "Runs the optimizer: which agents should hold which queue skills (and join which queues) so every queue meets its target with the fewest changes, within the policy's limits and locks. `hours`: the busiest hour of the history, every agent present; `day`: today's intervals with agents on their usual shifts. Returns a plan id, each queue before -> after, the changes, a lower bound on the changes any plan needs, and the report's resource. Reads only; next step: dry_run_plan.",
      inputSchema: {
        horizon: z.enum(['hours', 'day']).optional().describe('default hours'),
        queues: z.array(queueRef).max(100).optional().describe('default: every queue with calls'),
        maxChanges: z.int().min(0).max(10_000).optional().describe("default: the policy's limit"),
        effort: z.number().min(0.01).max(10).optional().describe('optimizer work budget; lower is quicker'),
      },
      outputSchema: out.planOutput,
      annotations: { ...READ, idempotentHint: false },
    },
    (input, extra) =>
      guarded(secrets, async () =>
        makePlan(client, session, input, { signal: extra.signal, onProgress: progressNotifier(extra) }),
      ),
  );
}

/** What a plan would change now, read against the org. */
function registerDryRunPlan({ server, client, session, secrets }: ToolContext): void {
  server.registerTool(
    'dry_run_plan',
    {
      title: 'Dry run a plan',
      description:
        'What a plan of this session would change now, agent by agent with names, read against the org (refused when the org changed since the plan: plan again). Returns whether it is within the policy and a single-use confirmationToken for clients that cannot ask the user to confirm. Writes nothing.',
      inputSchema: { planId: z.string().min(1) },
      outputSchema: out.dryRunOutput,
      annotations: { ...READ, idempotentHint: false },
    },
    ({ planId }) => guarded(secrets, async () => dryRun(client, session, planId)),
  );
}

/** The queue furthest below its target: today's shortfall, else the Erlang staff gap. */
function weakest(rows: ReturnType<typeof queueNow>[]): string | null {
  const gap = (q: ReturnType<typeof queueNow>) =>
    Math.max(
      q.today.serviceLevel === null ? 0 : q.target.serviceLevel - q.today.serviceLevel,
      q.erlang.agentsNeeded ? (q.erlang.agentsNeeded - q.erlang.holdersOnQueue) / q.erlang.agentsNeeded : 0,
    );
  const below = rows.filter((q) => q.status === 'below').sort((a, b) => gap(b) - gap(a));
  return below[0]?.queueName ?? null;
}
