// Re-level agents' skill proficiencies from their history, review the plan, dry-run it, apply it with a
// resumable journal and an audit trail, and show that applying it again changes nothing.
//
//   npx tsx examples/optimize-skills.ts                 # on the built-in emulator (no Genesys org needed)
//
// Against your org (reads only, then a dry run; nothing is written):
//   GENESYS_CLIENT_ID=... GENESYS_CLIENT_SECRET=... GENESYS_REGION=eu_west_1 npx tsx examples/optimize-skills.ts
// Add `--apply` to really write the plan (OAuth client roles: routing:skill:assign, analytics, users view).
// QUEUE_IDS=id1,id2 limits the plan to some queues (default: every queue).
//
// Guide: docs/guides/optimize-skills.md. CLI equivalent: `genesys-routing plan --out plan.json` then
// `genesys-routing apply plan.json --dry-run` / `genesys-routing apply plan.json --audit audit.jsonl`.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  FileJournal,
  JsonlAuditTrail,
  applyPlan,
  parsePlan,
  planProficiencyRelevel,
  readAuditTrail,
  type ApplyResult,
} from '../src/workflows/index.js';
import { connect, pct, run, secs, table } from './_connect.js';

run(async () => {
  const conn = await connect();
  const { client } = conn;
  console.log(`Running on ${conn.target}\n`);

  // Count the write requests the client makes (works the same on a real org).
  let writes = 0;
  client.on('request', (e) => {
    if (e.method !== 'GET' && e.attempt === 1 && !e.url.includes('/query')) writes++;
  });

  try {
    // 1. Plan: roster -> history (7 days) -> scoreProficiency -> constraints -> diff -> what-if. Reads only.
    const queueIds = process.env.QUEUE_IDS?.split(',').filter(Boolean);
    const plan = await planProficiencyRelevel(client, {
      days: 7,
      queueIds,
      onProgress: (step) => console.log(`  ... ${step}`),
    });
    const s = plan.summary;
    console.log(
      `\nPlan ${plan.id}: ${s.updates} updates, ${s.adds} adds, ${s.removes} removals for ${s.users} agents; ${s.skipped} skipped, ${s.violations} violations`,
    );

    console.log('\nChanges (first 8) and why:');
    for (const c of plan.changes.slice(0, 8)) {
      console.log(
        `  ${c.userName ?? c.userId} / ${c.skillName ?? c.skillId}: ${c.before ?? '-'} -> ${c.after ?? 'removed'}`,
      );
      // The reasons list each factor's contribution; the last one is the rounded result.
      for (const reason of c.reasons.slice(0, 3)) console.log(`      ${reason}`);
    }
    if (plan.changes.length > 8) console.log(`  ... and ${plan.changes.length - 8} more`);
    for (const v of plan.violations.slice(0, 5)) console.log(`  violation (${v.kind}): ${v.message}`);
    for (const k of plan.skipped.slice(0, 5)) console.log(`  skipped (${k.kind}): ${k.message}`);

    console.log('\nWhat-if per queue (busiest 30 minutes of the period, Erlang C):');
    console.log(
      table(
        ['queue', 'agents', 'SL before', 'SL after', 'ASA before', 'ASA after', 'occupancy'],
        plan.impact.map((q) => [
          q.queueName ?? q.queueId,
          `${q.before.headcount ?? '?'} -> ${q.after.headcount ?? '?'}`,
          pct(q.before.serviceLevel),
          pct(q.after.serviceLevel),
          secs(q.before.asaSeconds),
          secs(q.after.asaSeconds),
          pct(q.after.occupancy),
        ]),
      ),
    );
    console.log(
      '  (Re-levelling changes who is offered work first, not how many can answer: headcount stays the same.)',
    );

    // A plan is a JSON document: store it, review it in a pull request, apply it later.
    const dir = await mkdtemp(join(tmpdir(), 'optimize-skills-'));
    const planFile = join(dir, 'plan.json');
    await writeFile(planFile, JSON.stringify(plan, null, 2));
    const reviewed = parsePlan(await readFile(planFile, 'utf8')); // validated and version-checked

    // 2. Dry run: reads every user, compares, writes nothing.
    const dry = await applyPlan(client, reviewed, { dryRun: true });
    console.log(`\nDry run: ${describe(dry)} (${writes} writes so far)`);

    if (!conn.writesAllowed) {
      console.log('\nRead-only run: pass --apply to write the plan to your org.');
      return;
    }

    // 3. Apply with a journal (resume after a crash) and an audit trail (one JSON line per change).
    const journal = new FileJournal(join(dir, 'plan.journal'));
    const auditTrail = new JsonlAuditTrail(join(dir, 'audit.jsonl'));
    const before = writes;
    const applied = await applyPlan(client, reviewed, {
      journal,
      auditTrail,
      onProgress: (p) =>
        p.usersDone === p.usersTotal && console.log(`  progress: ${p.usersDone}/${p.usersTotal} users`),
    });
    console.log(
      `\nApply: ${describe(applied)}, ${writes - before} write requests, ${Math.round(applied.durationMs)} ms`,
    );
    const records = await readAuditTrail(auditTrail.path);
    const first = records.find((r) => r.result === 'applied');
    if (first)
      console.log(`  audit record: ${JSON.stringify({ ...first, correlationIds: first.correlationIds.slice(0, 1) })}`);
    console.log(`  files: ${planFile}, ${journal.path}, ${auditTrail.path}`);

    // 4. Apply again. The journal says which users an earlier run finished; the org is still re-read (batched).
    const resumedBefore = writes;
    const again = await applyPlan(client, reviewed, { journal, auditTrail });
    console.log(
      `\nRe-apply (same journal): ${describe(again)}, ${again.users.fromJournal} users done earlier (journal) and confirmed against the org, ${writes - resumedBefore} writes`,
    );

    // Without the journal each user is read and compared (desired state): still nothing to write.
    const freshBefore = writes;
    const fresh = await applyPlan(client, reviewed);
    console.log(`Re-apply (no journal):   ${describe(fresh)}, ${writes - freshBefore} writes`);
    if (fresh.counts.unchanged !== reviewed.changes.length)
      throw new Error('expected every item unchanged on re-apply');
    console.log('\nEverything unchanged: applying a plan twice is safe.');
  } finally {
    await conn.close();
  }
});

function describe(result: ApplyResult): string {
  return (
    Object.entries(result.counts)
      .filter(([, n]) => n > 0)
      .map(([status, n]) => `${n} ${status}`)
      .join(', ') || 'nothing to do'
  );
}
