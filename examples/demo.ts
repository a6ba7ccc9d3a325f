// npm run demo — the main job end to end: optimize -> re-level -> recommend -> dry run -> apply -> verify -> audit
// -> export.
// With no GENESYS_CLIENT_ID it runs against the embedded emulator (no Genesys org needed). With the GENESYS_*
// variables it uses your org, READ-ONLY unless you pass --apply (then it writes the planned skill changes).
import { mkdir, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join, resolve } from 'node:path';
import { table, percent, timeCapNotice } from '../src/cli/output.js';
import { GenesysClient } from '../src/index.js';
import { renderReport } from '../src/report/index.js';
import {
  JsonlAuditTrail,
  FileJournal,
  applyPlan,
  crossCheckAuditTrail,
  sendExportSummary,
  planProficiencyRelevel,
  planRoutingOptimization,
  readAuditTrail,
  recommendRoutingChanges,
  writeSkillMatrix,
  type Plan,
  type RoutingOptimizationPlan,
} from '../src/workflows/index.js';
import { evaluateRouting, type OptimizeRoutingInput } from '../src/optimizer/index.js';
import { printOutOfReach, weakestInterval } from '../src/cli/commands/optimize.js';
import { planReportInput } from '../src/report/write-report.js';
import { createWebhookHandler } from '../src/webhooks/index.js';
import { reproducibleHistoryWindow, startEmulator, type Emulator } from '../src/testing/index.js';
import { DEMO_EMULATOR, DEMO_OPTIMIZE } from './_demo-org.js';

const heading = (n: number, text: string) => console.log(`\n${n}. ${text}\n${'-'.repeat(text.length + 3)}`);
const ms = (t0: number) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  const realOrg = Boolean(process.env.GENESYS_CLIENT_ID);
  const write = !realOrg || process.argv.includes('--apply');
  const outDir = resolve('demo-output', new Date().toISOString().replace(/[:.]/g, '-'));
  await mkdir(outDir, { recursive: true });

  // The emulator's synthetic contact centre (examples/_demo-org.ts): 120 agents working shifts, 5 queues, in the
  // 'understaffed' scenario, behind a rate limit enforced like the platform's.
  const emu: Emulator | undefined = realOrg ? undefined : await startEmulator(DEMO_EMULATOR);
  const client = realOrg
    ? GenesysClient.fromEnv()
    : new GenesysClient({
        clientId: emu!.clientId,
        clientSecret: emu!.clientSecret,
        apiBaseUrl: emu!.baseUrl,
        loginBaseUrl: emu!.baseUrl,
      });
  let retries = 0;
  let rateLimited = 0;
  client.on('retry', () => retries++);
  client.on('rateLimited', () => rateLimited++);

  console.log('genesys-routing-sdk demo');
  console.log(
    realOrg
      ? `Org: ${client.org.apiBaseUrl} (${write ? 'WILL WRITE: --apply given' : 'read-only; pass --apply to write'})`
      : `Org: embedded emulator at ${emu!.baseUrl} (seed ${DEMO_EMULATOR.seed}, '${DEMO_EMULATOR.scenario}' scenario)`,
  );

  // History window: on a real org the last 7 days; on the emulator a settled week of its weekly-repeating
  // synthetic traffic, taken from its clock, so every run gives the same plan and the same numbers.
  const history = emu ? { interval: reproducibleHistoryWindow(emu.now()) } : { days: 7 };

  try {
    // 1. Optimize a day: which agents should hold which queue skills so every queue meets its target in every
    // half hour of the day (demand per interval and who is on shift, from history), with the fewest changes.
    heading(1, 'Optimize a day: who should hold which queue skill so every queue meets its target in every interval');
    let t0 = performance.now();
    const optimized = await planRoutingOptimization(client, { ...history, ...DEMO_OPTIMIZE });
    printOptimization(optimized);
    const optimizationFile = join(outDir, 'optimization-plan.json');
    await writeFile(optimizationFile, `${JSON.stringify(optimized, null, 2)}\n`);
    console.log(`plan with the model it optimized -> ${optimizationFile}  [${ms(t0)}]`);

    // 2. Re-level proficiencies of the skills agents already hold, from how they handled their calls.
    heading(2, 'Plan: re-level skill proficiencies from the last 7 days');
    t0 = performance.now();
    const plan = await planProficiencyRelevel(client, history);
    const up = plan.changes.filter((c) => (c.after ?? 0) > (c.before ?? 0)).length;
    console.log(
      `${plan.summary.users} agents, ${plan.changes.length} changes (${up} up, ${plan.changes.length - up} down), ${plan.summary.skipped} skipped, ${plan.summary.violations} violations  [${ms(t0)}]`,
    );
    console.log(
      table(
        ['agent', 'skill', 'change', 'why (every reason)'],
        plan.changes
          .slice(0, 8)
          .map((c) => [
            c.userName ?? c.userId,
            c.skillName ?? c.skillId,
            `${c.before} -> ${c.after}`,
            c.reasons.join('; '),
          ]),
      ),
    );

    // 3. The usage-rule recommender, for comparison (dry run only: the optimization decides who holds which skill).
    heading(3, 'Recommend (usage rules): skills to add or remove, and the service level they would leave');
    t0 = performance.now();
    const rec = await recommendRoutingChanges(client, history);
    // The plans as files, for review before anything is applied (genesys-routing apply <file> --dry-run).
    await writeFile(join(outDir, 'plan-skills.json'), `${JSON.stringify(plan, null, 2)}\n`);
    await writeFile(join(outDir, 'plan-recommend.json'), `${JSON.stringify(rec, null, 2)}\n`);
    const guarded = rec.skipped.filter((s) => s.kind === 'serviceLevelGuard').length;
    console.log(
      `${rec.summary.adds} additions, ${rec.summary.removes} removals accepted; ${guarded} removals rejected by the service-level guard; ${rec.skipped.length - guarded} deferred by caps  [${ms(t0)}]`,
    );
    // Judged on the day step 1 planned (the same model, the same "now"), so a queue's figure reads one way.
    printRecommendationOnTheDay(optimized, rec);
    console.log('(not applied: the optimization plan above decides which agents hold which queue skills)');

    // 4. Dry run the plans.
    heading(4, 'Dry run');
    for (const p of [optimized, plan, rec]) {
      // applyPlan takes the whole plan: the optimization's queue memberships (first) and its skill changes.
      const dry = await applyPlan(client, p, { dryRun: true });
      const count = (status: string) => dry.items.filter((i) => i.status === status).length;
      const joins =
        dry.memberships.length > 0
          ? `; memberships: would add ${dry.memberships.filter((m) => m.status === 'wouldApply').length}, already members ${dry.memberships.filter((m) => m.status === 'unchanged').length}`
          : '';
      console.log(
        `${p.source.padEnd(26)} would write ${count('wouldApply')}, already as planned ${count('unchanged')}, skipped ${count('skipped')}${joins}`,
      );
    }

    // 5. Apply the optimization (memberships first, then skills) and the re-levelling, with a journal (resumable)
    // and a JSONL audit trail; on the emulator, under injected faults.
    const auditPath = join(outDir, 'audit-trail.jsonl');
    const started = new Date();
    if (write) {
      heading(5, emu ? 'Apply (with 10 % of requests failing: 429, 500, 502, 503, connection resets)' : 'Apply');
      emu?.setFaults({ rate: 0.1, kinds: ['429', '500', '502', '503', 'reset'], seed: 7, retryAfterSeconds: 1 });
      t0 = performance.now();
      for (const p of [optimized, plan]) {
        const result = await applyPlan(client, p, {
          journal: new FileJournal(join(outDir, `${p.id}.journal`)),
          auditTrail: new JsonlAuditTrail(auditPath),
        });
        const count = (status: string) => result.items.filter((i) => i.status === status).length;
        const joins =
          result.memberships.length > 0
            ? `; memberships: added ${result.memberships.filter((m) => m.status === 'applied').length}, already members ${result.memberships.filter((m) => m.status === 'unchanged').length}, failed ${result.memberships.filter((m) => m.status === 'failed').length}`
            : '';
        console.log(
          `${p.source.padEnd(26)} applied ${count('applied')}, unchanged ${count('unchanged')}, skipped ${count('skipped')}, failed ${count('failed')}${joins}`,
        );
      }
      emu?.setFaults(null);
      console.log(`${retries} retries and ${rateLimited} rate-limit pauses absorbed by the client  [${ms(t0)}]`);

      // 6. Verify: applying again must find everything already done and write nothing.
      heading(6, 'Verify: apply again (must write nothing)');
      const writesBefore = emu ? writeRequests(emu) : 0;
      for (const p of [optimized, plan]) {
        const again = await applyPlan(client, p);
        const unchanged = again.items.filter((i) => i.status === 'unchanged').length;
        const joins =
          again.memberships.length > 0
            ? `; already members ${again.memberships.filter((m) => m.status === 'unchanged').length} of ${again.memberships.length}`
            : '';
        console.log(
          `${p.source.padEnd(26)} unchanged ${unchanged} of ${p.changes.length}, applied ${again.counts.applied}${joins}`,
        );
      }
      if (emu) console.log(`write requests during the re-run: ${writeRequests(emu) - writesBefore}`);

      // 7. Cross-check our audit trail against the platform's own audit log.
      heading(7, "Audit: our trail vs the platform's audit log");
      const records = await readAuditTrail(auditPath);
      const check = await crossCheckAuditTrail(client, records, {
        interval: { from: new Date(started.getTime() - 60_000), to: new Date(Date.now() + 60_000) },
      });
      console.log(`${records.length} records in ${auditPath}`);
      console.log(
        `matched ${check.matched.length}, missing on the platform ${check.missingOnPlatform.length}, unexpected platform changes ${check.unexpectedOnPlatform.length} (source: ${check.source})`,
      );
    } else {
      console.log('\n(read-only run: steps 5-7 apply, verify and audit are skipped; pass --apply to run them)');
    }

    // 8. Export the skill matrix for WFM and push a signed summary to a receiver.
    heading(8, 'Export: skill matrix for workforce management');
    const csv = join(outDir, 'skill-matrix.csv');
    const summary = await writeSkillMatrix(client, csv, { format: 'csv' });
    console.log(`${summary.rows} rows (${summary.users} agents x their skills) -> ${csv}`);
    const secret = 'demo-webhook-secret';
    const received: string[] = [];
    const handler = createWebhookHandler({
      secret,
      onEvent: (event) => void received.push(JSON.stringify(event).slice(0, 80)),
    });
    const server = createServer(handler.node);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const delivery = await sendExportSummary(summary, { url: `http://127.0.0.1:${port}/wfm`, secret });
    server.close();
    console.log(
      `signed summary delivered to a local WFM receiver: HTTP ${delivery.status}, signature verified: ${received.length === 1 ? 'yes' : 'no'}`,
    );

    // 9. One self-contained HTML report of the optimization plan (the plan step 1 printed): a first screen with
    // every queue's target, now and after, and the changes; then the details (per-interval results, a day of
    // required agents beside the agents holding each queue's skill, every change with its reasons, the matrix).
    heading(9, 'Report: the optimization plan as one HTML file (opens offline)');
    const reportPath = join(outDir, 'report.html');
    // Callers' patience 2 minutes: the staffing curves add Erlang A beside Erlang C.
    const html = await renderReport(await planReportInput(client, optimized, { patienceSeconds: 120 }));
    await writeFile(reportPath, html);
    console.log(`${reportPath} (${Math.round(Buffer.byteLength(html) / 1024)} KB)`);

    console.log(`\nFiles written to ${outDir}`);
  } finally {
    await emu?.close();
  }
}

/** Requests other than GET the emulator has answered (per-route counters are unbounded, unlike the request log). */
function writeRequests(emu: Emulator): number {
  return Object.entries(emu.stats.byRoute)
    .filter(
      ([route]) =>
        !route.startsWith('GET ') &&
        !route.includes('/oauth/token') &&
        !route.startsWith('POST /api/v2/analytics') &&
        !route.startsWith('POST /api/v2/audits'),
    )
    .reduce((n, [, r]) => n + r.count, 0);
}

/**
 * Every queue with its target; over the day its weakest interval now and after (each the interval with calls
 * where its service level is lowest, with its time) and the whole day now and after; then what no change can fix
 * and the changes. The same definitions as `genesys-routing optimize` and the report.
 */
function printOptimization(plan: RoutingOptimizationPlan): void {
  const o = plan.optimization;
  const capped = timeCapNotice(o.stats, { flag: 'timeLimitMs (examples/_demo-org.ts)' });
  if (capped) console.log(capped);
  const names = new Map(plan.impact.map((q) => [q.queueId, q.queueName ?? q.queueId]));
  const day = plan.day;
  // The weekday, not the date: the emulator's history repeats weekly, so every run plans the same weekday.
  if (day)
    console.log(
      `${weekday(day.date)}, ${day.intervalMinutes}-minute intervals, ${day.agentsOnShift} agents on shift during the day (${day.source.split(':')[0]})`,
    );
  const at = (index: number) => (day ? clock(index * day.intervalMinutes) : 'the hour');
  printOutOfReach(o.unreachable, o.queues.length, names, at);
  console.log(
    table(
      ['queue', 'target', 'weakest interval now', 'after', 'whole day now', 'after', 'agents holding'],
      o.queues.map((q) => {
        const now = weakestInterval(q, 'before');
        const after = weakestInterval(q, 'after');
        return [
          names.get(q.id) ?? q.id,
          `${percent(q.target.serviceLevel)} in ${q.target.withinSeconds} s`,
          `${percent(now.serviceLevel)} at ${at(now.index)}`,
          `${percent(after.serviceLevel)} at ${at(after.index)}${q.meetsTarget ? '' : ' (below target)'}`,
          percent(q.before.serviceLevel),
          percent(q.after.serviceLevel),
          `${q.before.holders} -> ${q.after.holders}`,
        ];
      }),
    ),
  );
  const bound = o.lowerBound ? `; no plan meeting every target can need fewer than ${o.lowerBound.changes}` : '';
  console.log(
    `${plan.changes.length} skill changes and ${plan.memberships.length} queue memberships (budget ${DEMO_OPTIMIZE.constraints.maxChanges} changes${bound})`,
  );
  for (const c of plan.changes)
    console.log(
      `  ${c.action.padEnd(6)} ${(c.skillName ?? c.skillId).padEnd(20)} ${c.userName ?? c.userId} (proficiency ${c.before ?? '-'} -> ${c.after ?? 'removed'})`,
    );
  if (o.feasible) console.log('every queue reaches its target within the budget');
  const outOfReach = new Set(o.unreachable.map((u) => u.queueId));
  for (const s of o.shortfall)
    if (!outOfReach.has(s.queueId))
      console.log(
        `cannot be fixed within the budget: ${names.get(s.queueId) ?? s.queueId} lacks about ${s.agentsMissing} agent(s)`,
      );
}

/**
 * The recommender's changes judged on the day step 1 planned: its model (demand per interval, who is on shift)
 * with the changes applied, simulated by the optimizer's own evaluator. "Now" is step 1's, so it reads the same.
 */
function printRecommendationOnTheDay(optimized: RoutingOptimizationPlan, rec: Plan): void {
  const model = optimized.inputs?.model as OptimizeRoutingInput | undefined;
  const queueSkills = optimized.inputs?.queueSkills as Record<string, string> | undefined;
  if (!model || !queueSkills) return;
  const agents = model.agents.map((a) => {
    const skills = { ...a.skills };
    for (const c of rec.changes.filter((x) => x.userId === a.id))
      for (const [queueId, skillId] of Object.entries(queueSkills))
        if (skillId === c.skillId) {
          if (c.after === null) delete skills[queueId];
          else skills[queueId] = c.after;
        }
    return { ...a, skills };
  });
  const judged = evaluateRouting({ queues: model.queues, agents }, { seed: 1, contacts: 1_500_000 });
  const day = optimized.day;
  const at = (index: number) => (day ? clock(index * day.intervalMinutes) : 'the hour');
  const names = new Map(optimized.impact.map((q) => [q.queueId, q.queueName ?? q.queueId]));
  console.log(
    table(
      ['queue', 'weakest interval now', 'after these changes', 'whole day now', 'after'],
      optimized.optimization.queues.map((q, i) => {
        const e = judged.queues[i]!;
        const now = weakestInterval(q, 'before');
        return [
          names.get(q.id) ?? q.id,
          `${percent(now.serviceLevel)} at ${at(now.index)}`,
          `${percent(e.worstInterval.serviceLevel)} at ${at(e.worstInterval.index)}${e.meetsTarget ? '' : ' (below target)'}`,
          percent(q.before.serviceLevel),
          percent(e.measures.serviceLevel),
        ];
      }),
    ),
  );
}

/** 'Thursday' from '2025-03-06' (UTC). */
function weekday(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-US', { weekday: 'long', timeZone: 'UTC' });
}

/** 'HH:MM UTC' from minutes after midnight. */
function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} UTC`;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
