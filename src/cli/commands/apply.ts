// genesys-routing apply plan.json: dry run or apply, with a journal (resume) and an audit trail.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressBar, table } from '../output.js';

export const applyHelp = `genesys-routing apply PLAN.json [--dry-run] [--journal FILE] [--audit FILE] [--concurrency 4] [--json]

  Applies a plan: reads each user first and writes only what still differs, then reads back to verify.
  --journal  resume file: a re-run after an interruption skips users already done (default PLAN.json.journal)
  --audit    append one JSON line per change to this file
  Exit code 0 when every item is applied/unchanged, 1 when any failed or was skipped, 2 on bad usage.

  Examples:
    genesys-routing apply plan.json --dry-run
    genesys-routing apply plan.json --audit audit.jsonl
    genesys-routing apply plan.json --json > result.json`;

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
  let plan: ReturnType<typeof parsePlan>;
  try {
    plan = parsePlan(text);
  } catch (error) {
    // Malformed JSON or not a plan: bad input, exit 2 (docs/cli.md).
    throw new UsageError(`${file} is not a plan: ${(error as Error).message}`);
  }
  const dryRun = values['dry-run'] ?? false;
  const bar = progressBar(dryRun ? 'dry run' : 'applying');
  const concurrency = values.concurrency ? Number(values.concurrency) : 4;
  if (!Number.isInteger(concurrency) || concurrency < 1) throw new UsageError('--concurrency must be a whole number >= 1');
  const result = await applyPlan(clientFromEnv(), plan, {
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
