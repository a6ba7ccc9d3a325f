// Prompts a routing team uses: the morning check, a queue below target, and a review of the autopilot.
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import * as z from 'zod';

const user = (text: string) => ({ messages: [{ role: 'user' as const, content: { type: 'text' as const, text } }] });

export function registerPrompts(server: McpServer): void {
  server.registerPrompt(
    'morning_check',
    {
      title: 'Morning check',
      description: 'Every queue against its target, the weakest explained, and a plan for the day if one is needed.',
    },
    () =>
      user(
        'Morning check of our routing. Call queues_now and list each queue with its service level against target, calls waiting and agents on queue. Explain the weakest queue with explain_queue. If any queue is below target, call plan_routing with horizon "day" and summarise the plan (queues before -> after, how many changes, the lower bound) and dry_run_plan it. Do not apply anything: ask me first.',
      ),
  );
  server.registerPrompt(
    'queue_below_target',
    {
      title: 'A queue is below target',
      description: 'Why one queue misses its target and the smallest change that fixes it.',
      argsSchema: { queue: z.string().describe('queue id or name') },
    },
    ({ queue }) =>
      user(
        `The queue "${queue}" is below its service-level target. Call explain_queue for it and tell me why (demand against the usual, Erlang staff needed against skill holders on queue, what changed today). Then call plan_routing for that queue (horizon "hours") and dry_run_plan the plan: show me who would change, by name. Apply only if I confirm, and tell me how to roll back.`,
      ),
  );
  server.registerPrompt(
    'autopilot_review',
    { title: 'Review the autopilot', description: "The autopilot's recent decisions and what waits for approval." },
    () =>
      user(
        'Call autopilot_status and autopilot_decisions. Summarise what the autopilot did and why, and list each pending proposal with its reason and expiry. Do not approve or reject anything without my word.',
      ),
  );
}
