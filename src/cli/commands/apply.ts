// genesys-routing apply plan.json: dry run or apply, with a journal (labels earlier work) and an audit trail.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressBar, table } from '../output.js';
import type { ApplyResult, ItemResult } from '../../workflows/apply-plan.js';

export const applyHelp = `genesys-routing apply PLAN.json [--dry-run] [--journal FILE] [--audit FILE] [--concurrency 4] [--removals replace|delete] [--allow-other-org] [--json]

  Applies a plan: reads users 100 at a time, writes only what still differs, verifies each write from its
  answer, and confirms every item with a final read of the org.
  --journal          records which users each run finished (default PLAN.json.journal); a re-run still
                     re-reads every user and says which items an earlier run had done
  --audit            append one JSON line per change to this file
  --removals         replace (default): one PUT of a user's whole set, read right before; a skill someone
                     else assigns between that read and the PUT is removed. delete: one DELETE per removal,
                     which keeps skills others assign during the run (one more request per removal)
  --allow-other-org  apply a plan made for another org (refused by default: the org ids differ)
  Exit code 0 when every item is applied/unchanged, 1 when any is failed, skipped, overwritten or
  unverified, 2 on bad usage.

  Examples:
    genesys-routing apply plan.json --dry-run
    genesys-routing apply plan.json --audit audit.jsonl
    genesys-routing apply plan.json --json > result.json`;

/** `Ann Lee (u-123)`: the name where the plan has one, with the id. */
const named = (name: string | undefined, id: string) => (name ? `${name} (${id})` : id);

export async function apply(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    'dry-run': { type: 'boolean' },
    journal: { type: 'string' },
    audit: { type: 'string' },
    concurrency: { type: 'string' },
    removals: { type: 'string' },
    'allow-other-org': { type: 'boolean' },
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
  const removals = values.removals ?? 'replace';
  if (removals !== 'replace' && removals !== 'delete') throw new UsageError(`--removals must be replace or delete (got ${removals})`);
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
    removals,
    journal: dryRun ? undefined : new FileJournal(values.journal ?? `${file}.journal`),
    auditTrail: values.audit ? new JsonlAuditTrail(values.audit) : undefined,
    allowOtherOrg: values['allow-other-org'] ?? false,
    onProgress: (p) => bar.update(p.usersDone, p.usersTotal, p.failed ? `${p.failed} failing${p.pass > 1 ? `, pass ${p.pass}` : ''}` : ''),
  });
  bar.done();
  if (values.json) console.log(JSON.stringify({ ...result, items: result.items.map(({ error, ...i }) => ({ ...i, error: error?.message })) }, null, 2));
  else printSummary(result);
  const bad = result.counts.failed + result.counts.skipped + result.counts.overwritten + result.counts.unverified;
  return bad > 0 ? 1 : 0;
}

function printSummary(result: ApplyResult): void {
  console.log(table(['result', 'items'], Object.entries(result.counts).filter(([, n]) => n > 0)));
  const fromJournal = result.items.filter((i) => i.fromJournal).length;
  if (fromJournal > 0) {
    console.log(`${fromJournal} item(s) of ${result.users.fromJournal} user(s) were done by an earlier run (journal) and confirmed against the org now.`);
  }
  for (const p of result.journalProblems) console.log(`journal line ${p.line}: ${p.reason}`);
  for (const w of result.warnings) console.log(`warning: ${w}`);
  const notable = result.items.filter((x) => x.status !== 'applied' && x.status !== 'unchanged' && x.status !== 'wouldApply');
  for (const i of notable.slice(0, 20)) console.log(line(i));
  if (notable.length > 20) console.log(`… and ${notable.length - 20} more (use --json for every item)`);
}

function line(i: ItemResult): string {
  return `${i.status}: user ${named(i.userName, i.userId)} skill ${named(i.skillName, i.skillId)}: ${i.reason ?? i.error?.message ?? ''}`;
}
