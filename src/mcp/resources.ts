// Resources: the org snapshot (memberships and skills, as the guardrails see them), the latest plan as JSON and
// each plan's HTML report (rendered on first read).
import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { GenesysClient } from '../client/client.js';
import { sessionPlan } from './guard.js';
import { readOrgState } from './org-state.js';
import { redact } from './result.js';
import type { DeskSession } from './session.js';

export function registerResources(server: McpServer, client: GenesysClient, session: DeskSession): void {
  const secrets = session.options.redact;
  const json = (uri: URL, data: unknown) => ({
    contents: [{ uri: uri.href, mimeType: 'application/json', text: redact(JSON.stringify(data, null, 2), secrets) }],
  });
  server.registerResource(
    'org-snapshot',
    'genesys-routing://org/snapshot',
    {
      title: 'Org snapshot',
      description: 'Queue memberships and skills (with proficiency) of every agent now, and their fingerprint.',
      mimeType: 'application/json',
    },
    async (uri) => {
      const org = await readOrgState(client, session.options.now());
      return json(uri, {
        takenAt: org.takenAt,
        fingerprint: org.fingerprint,
        queues: Object.fromEntries(org.queueNames),
        members: [...org.members].map((k) => ({ queueId: k.split(' ')[0], userId: k.split(' ')[1] })),
        skills: [...org.skills].map(([userId, held]) => ({
          userId,
          name: org.userNames.get(userId),
          skills: Object.fromEntries(held),
        })),
      });
    },
  );
  server.registerResource(
    'latest-plan',
    'genesys-routing://plans/latest',
    {
      title: 'Latest plan',
      description: 'The latest plan of this session, as the plan file apply reads.',
      mimeType: 'application/json',
    },
    async (uri) => json(uri, session.latestPlanId ? sessionPlan(session, session.latestPlanId).plan : { plan: null }),
  );
  server.registerResource(
    'plan-report',
    new ResourceTemplate('genesys-routing://plans/{planId}/report', {
      list: async () => ({
        resources: [...session.plans.keys()].map((id) => ({
          uri: `genesys-routing://plans/${id}/report`,
          name: `report of plan ${id}`,
          mimeType: 'text/html',
        })),
      }),
    }),
    {
      title: 'Plan report',
      description: "A plan's report: one self-contained HTML page (queues now and after, the changes, the reasons).",
      mimeType: 'text/html',
    },
    async (uri, { planId }) => {
      const entry = sessionPlan(session, String(planId));
      if (!entry.reportHtml) {
        const { planReportInput } = await import('../report/write-report.js');
        const { renderReport } = await import('../report/index.js');
        entry.reportHtml = await renderReport(await planReportInput(client, entry.plan));
      }
      return { contents: [{ uri: uri.href, mimeType: 'text/html', text: redact(entry.reportHtml, secrets) }] };
    },
  );
}
