// Close the loop after a change: apply a small skill plan with a JSONL audit trail, cross-check that trail
// against the platform's own audit log (and spot a change somebody else made meanwhile), export the skill
// matrix for WFM as CSV, and push the export's summary to a local receiver as a signed webhook.
//
//   npx tsx examples/audit-and-export.ts                 # on the built-in emulator (no Genesys org needed)
//
// Against your org: without `--apply` the plan is only dry-run (the cross-check then has nothing to compare)
// and the export runs read-only:
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 npx tsx examples/audit-and-export.ts
// With `--apply` it writes the three changes it plans (OAuth client roles: routing:skill:assign,
// audits:audit:view, directory user view). WFM_WEBHOOK_URL / WFM_WEBHOOK_SECRET send the summary to your
// receiver instead of the local one.
//
// Guide: docs/guides/audit-and-export.md.
import http from 'node:http';
import { mkdtemp, readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GenesysClient } from '../src/index.js';
import {
  JsonlAuditTrail,
  PLAN_KIND,
  PLAN_VERSION,
  applyPlan,
  crossCheckAuditTrail,
  readAuditTrail,
  sendExportSummary,
  summarizePlan,
  writeSkillMatrix,
  type Plan,
  type PlannedChange,
} from '../src/workflows/index.js';
import { createWebhookHandler } from '../src/webhooks/index.js';
import { connect, run } from './_connect.js';

run(async () => {
  const conn = await connect();
  const { client } = conn;
  console.log(`Running on ${conn.target}\n`);
  const dir = await mkdtemp(join(tmpdir(), 'audit-and-export-'));
  try {
    // 1. A small plan: one proficiency step for three agents.
    const plan = await smallPlan(client);
    for (const c of plan.changes) console.log(`  planned: ${c.userName} / ${c.skillName}: ${c.before} -> ${c.after}`);

    // 2. Apply it with a JSONL audit trail: one record per change, with before/after, timing and the
    //    ININ-Correlation-Id of each write (quote it to Genesys support).
    const auditTrail = new JsonlAuditTrail(join(dir, 'audit.jsonl'));
    const result = await applyPlan(client, plan, { auditTrail, dryRun: !conn.writesAllowed });
    console.log(
      `\napplyPlan${result.dryRun ? ' (dry run)' : ''}: ${JSON.stringify(result.counts)}; trail: ${auditTrail.path}`,
    );

    // Emulator only: an admin edits one of the same users right after, outside the trail.
    const records = await readAuditTrail(auditTrail.path);
    if (conn.emulator) {
      const first = plan.changes[0]!;
      await client.routing.userSkills.patchBulk(first.userId, [{ id: first.skillId, proficiency: 1 }]);
      console.log(`  (meanwhile someone sets ${first.userName}'s ${first.skillName} to 1 by hand)`);
    }

    // 3. Cross-check: our records against the platform's audit log (realtime query for the last 14 days).
    const check = await crossCheckAuditTrail(client, records);
    console.log(
      `\nAudit cross-check (${check.source}, ${check.platformMessages} platform messages, ${check.interval.from} .. ${check.interval.to}):`,
    );
    console.log(
      `  checked ${check.checked}, matched ${check.matched.length} (${check.matched.filter((m) => m.exact).length} exact), missing on the platform ${check.missingOnPlatform.length}, ignored ${check.ignored}`,
    );
    const label = (userId: string, skillId?: string) => {
      const c = plan.changes.find((x) => x.userId === userId && x.skillId === skillId);
      return c ? `${c.userName} / ${c.skillName}` : `user ${userId} / skill ${skillId}`;
    };
    for (const m of check.matched)
      console.log(
        `  matched:          ${label(m.record.userId, m.record.skillId)} -> ${m.record.after} (platform audit ${m.platform.auditId})`,
      );
    for (const u of check.unexpectedOnPlatform) {
      console.log(
        `  NOT IN OUR TRAIL: ${label(u.userId, u.skillId)}: ${u.before} -> ${u.after} at ${u.eventDate}, by OAuth client ${u.actor.clientId ?? '?'}, user ${u.actor.userId ?? '-'}`,
      );
    }
    for (const n of check.notCheckable) console.log(`  not checkable: ${n.reason}`);

    // 4. WFM export: the skill matrix (user x skill -> proficiency), streamed to a CSV file.
    const summary = await writeSkillMatrix(client, join(dir, 'skills.csv'), { format: 'csv' });
    const head = (await readFile(summary.path, 'utf8')).split('\n').slice(0, 3);
    console.log(
      `\nSkill matrix: ${summary.rows} rows, ${summary.users} users, ${summary.skills} skills -> ${summary.path}`,
    );
    for (const line of head) console.log(`  ${line}`);

    // 5. Tell the WFM system: a signed webhook with the summary. Here the receiver is local.
    const received: unknown[] = [];
    const secret = process.env.WFM_WEBHOOK_SECRET ?? 'wfm-shared-secret';
    const server = http.createServer(
      createWebhookHandler({ secret, onEvent: (event) => void received.push(event) }).node,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url =
        process.env.WFM_WEBHOOK_URL ?? `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/skills`;
      const delivery = await sendExportSummary(summary, { url, secret, maxRetries: 3, timeoutMs: 5_000 });
      console.log(
        `\nSummary webhook: HTTP ${delivery.status} after ${delivery.attempts} attempt(s), delivery ${delivery.deliveryId}`,
      );
      if (received.length > 0) console.log(`  receiver got: ${JSON.stringify(received[0])}`);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  } finally {
    await conn.close();
  }
});

/** Three active users' first skill, one step up (or down from 5): a hand-written plan in the Plan format. */
async function smallPlan(client: GenesysClient): Promise<Plan> {
  const users = await client.routing.users
    .list({ pageSize: 25, expand: ['skills'] })
    .toArray({ max: 25, ifMore: 'truncate' });
  const changes: PlannedChange[] = users
    .filter((u) => u.state === 'active' && (u.skills?.length ?? 0) > 0)
    .slice(0, 3)
    .map((u) => {
      const skill = u.skills![0]!;
      const before = skill.proficiency ?? 0;
      const after = before >= 5 ? 4 : Math.min(5, Math.floor(before) + 1);
      return {
        userId: u.id,
        userName: u.name,
        skillId: skill.id,
        skillName: skill.name,
        action: 'update',
        before,
        after,
        reasons: ['example: one step'],
      };
    });
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: `plan-example-${Date.now()}`,
    createdAt: new Date().toISOString(),
    source: 'examples/audit-and-export.ts',
    org: client.org.apiBaseUrl,
    changes,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarizePlan(changes, [], []),
  };
}
