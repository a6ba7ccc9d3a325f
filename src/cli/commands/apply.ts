// genesys-routing apply plan.json: dry run or apply, with a journal (resume) and an audit trail.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressBar, table } from '../output.js';

export const applyHelp = `genesys-routing apply PLAN.json [--dry-run] [--journal FILE] [--audit FILE] [--concurrency 4] [--json]

  Applies a plan: reads each user first and writes only what still differs, then reads back to verify.
  --journal  resume file: a re-run after an interruption skips users already done (default PLAN.json.journal)
  --audit    append one JSON line per change to this file
  Exit code 0 when every item is applied/unchanged, 1 when any failed or was skipped, 2 on bad usage.`;

export async function apply(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'dry-run': { type: 'boolean' },
    journal: { type: 'string' },
    audit: { type: 'string' },
    concurrency: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(applyHelp);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('give the plan file: genesys-routing apply plan.json');
  const { parsePlan } = await import('../../workflows/plan.js');
  const { applyPlan } = await import('../../workflows/apply-plan.js');
  const { FileJournal } = await import('../../workflows/journal.js');
  const { JsonlAuditTrail } = await import('../../workflows/audit-trail.js');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  const plan = parsePlan(text);
  const dryRun = values['dry-run'] ?? false;
  const bar = progressBar(dryRun ? 'dry run' : 'applying');
  const concurrency = values.concurrency ? Number(values.concurrency) : 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a whole number >= 1');
  const client = clientFromEnv();
  // A plan from `optimize` also lists the queue memberships its new skills need: those go first (a skill
  // without the membership takes none of the queue's calls).
  const memberships = (plan as { memberships?: unknown }).memberships;
  if (Array.isArray(memberships) && memberships.length > 0) {
    const { applyMemberships } = await import('../../workflows/apply-memberships.js');
    const valid = memberships.every((m) => typeof m?.userId === 'string' && typeof m?.queueId === 'string');
    if (!valid) throw new UsageError(`${file}: memberships[] must be { userId, queueId } items`);
    const joined = await applyMemberships(client, memberships, { dryRun });
    if (!values.json) console.log(table(['memberships', 'items'], Object.entries(joined.counts).filter(([, n]) => n > 0)));
    if (joined.counts.failed > 0) {
      for (const m of joined.items.filter((x) => x.status === 'failed')) console.log(`failed: user ${m.userId} queue ${m.queueId}: ${m.error ?? ''}`);
      console.log('memberships failed: skills not applied');
      return 1;
    }
  }
  const result = await applyPlan(client, plan, {
    dryRun,
    concurrency,
    journal: dryRun ? undefined : new FileJournal(values.journal ?? `${file}.journal`),
    auditTrail: values.audit ? new JsonlAuditTrail(values.audit) : undefined,
    onProgress: (p) => bar.update(p.usersDone, p.usersTotal, p.failed ? `${p.failed} failed` : ''),
  });
  bar.done();
  if (values.json) console.log(JSON.stringify({ ...result, items: result.items.map(({ error, ...i }) => ({ ...i, error: error?.message })) }, null, 2));
  else {
    console.log(table(['result', 'items'], Object.entries(result.counts).filter(([, n]) => n > 0)));
    for (const i of result.items.filter((x) => x.status === 'failed' || x.status === 'skipped').slice(0, 20)) {
      console.log(`${i.status}: user ${i.userId} skill ${i.skillId}: ${i.reason ?? ''}`);
    }
  }
  return result.counts.failed > 0 || result.counts.skipped > 0 ? 1 : 0;
}
