// genesys-routing apply plan.json: dry run or apply the whole plan (queue memberships, languages, then skills) through the
// same applyPlan call a library user makes, with a journal (labels earlier work) and an audit trail.
import { readFile } from 'node:fs/promises';
import { parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { progressBar, table } from '../output.js';
import {
  applyPlan,
  type ApplyResult,
  type ItemResult,
  type LanguageItemResult,
  type MembershipItemResult,
} from '../../workflows/apply/apply-plan.js';
import { parsePlan, type Plan } from '../../workflows/plan.js';
import { FileJournal } from '../../workflows/journal/journals.js';
import { JsonlAuditTrail } from '../../workflows/audit/trail.js';

export const applyHelp = `genesys-routing apply PLAN.json [--dry-run] [--journal FILE] [--audit FILE] [--concurrency 4] [--removals delete|replace] [--take-over] [--allow-other-org] [--json]

  Applies a whole plan: its queue memberships first, then its language changes, then its skill changes. Reads users 100 at a time, writes
  only what still differs, verifies each write from its answer, and confirms every item with a final read.
  --dry-run          list what would change, user by user, and write nothing
  --journal          records which users each run finished (default PLAN.json.journal); a re-run still
                     re-reads every user and says which items an earlier run had done
  --audit            append one JSON line per change to this file
  --removals         delete (default): one DELETE per removal; never undoes another writer's change.
                     replace: one PUT of a user's whole set, read right before (fewer requests); for orgs with
                     no other writers: afterwards the audit log is checked for changes the PUTs undid
                     (reported as conflicts; re-applied where the plan did not touch that skill)
  --take-over        take the plan's lease from a holder known to be dead (e.g. on another host); a holder on
                     this host whose process is gone is taken over without it
  --allow-other-org  apply a plan made for another org (refused by default: the org ids differ)
  Exit code 0 when every item is applied/unchanged, 1 when any is failed, skipped, overwritten, unverified
  or in conflict, 2 on bad usage.

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
    'take-over': { type: 'boolean' },
    'allow-other-org': { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(applyHelp);
    return 0;
  }
  const file = positionals[0];
  if (!file) throw new UsageError('give the plan file: genesys-routing apply plan.json');
  const plan = await readPlanFile(file);
  const dryRun = values['dry-run'] ?? false;
  const concurrency = values.concurrency ? Number(values.concurrency) : 4;
  if (!Number.isInteger(concurrency) || concurrency < 1)
    throw new UsageError('--concurrency must be a whole number >= 1');
  const removals = values.removals ?? 'delete';
  if (removals !== 'replace' && removals !== 'delete')
    throw new UsageError(`--removals must be delete or replace (got ${removals})`);
  if (plan.changes.length === 0 && (plan.memberships ?? []).length === 0 && (plan.languageChanges ?? []).length === 0) {
    console.log(
      values.json
        ? JSON.stringify({ planId: plan.id, items: [], memberships: [], languages: [], nothingToApply: true })
        : `${file}: the plan has no skill changes, no memberships and no language changes: nothing to apply.`,
    );
    return 0;
  }
  const client = clientFromEnv();
  const bar = progressBar(dryRun ? 'dry run' : 'applying');
  const result = await applyPlan(client, plan, {
    dryRun,
    concurrency,
    removals,
    journal: dryRun ? undefined : new FileJournal(values.journal ?? `${file}.journal`),
    lease: values['take-over'] ? { takeOver: true } : undefined,
    auditTrail: values.audit ? new JsonlAuditTrail(values.audit) : undefined,
    allowOtherOrg: values['allow-other-org'] ?? false,
    onProgress: (p) =>
      bar.update(
        p.usersDone,
        p.usersTotal,
        p.failed ? `${p.failed} failing${p.pass > 1 ? `, pass ${p.pass}` : ''}` : '',
      ),
  });
  bar.done();
  if (values.json) console.log(JSON.stringify(jsonResult(result), null, 2));
  else {
    if (dryRun) printDryRun(result);
    printSummary(result);
  }
  const c = result.counts;
  const unresolved = result.conflicts.filter((x) => x.resolution !== 'reapplied').length;
  const bad = c.failed + c.skipped + c.overwritten + c.unverified + c.conflict + unresolved + (result.stopped ? 1 : 0);
  return bad > 0 ? 1 : 0;
}

/** The plan file, read and checked: malformed JSON or not a plan is bad input (exit 2); another kind of file is named. */
async function readPlanFile(file: string): Promise<Plan> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return parsePlan(text);
  } catch (error) {
    const kind = (error as { issues?: Array<{ path: string; message: string }> }).issues?.find(
      (i) => i.path === 'kind' && i.message.startsWith('this is'),
    );
    throw new UsageError(kind ? `${file}: ${kind.message}` : `${file} is not a plan: ${(error as Error).message}`);
  }
}

/** The result as JSON: errors as their messages. */
function jsonResult(result: ApplyResult) {
  const plain = <T extends { error?: Error | undefined }>({ error, ...i }: T) => ({ ...i, error: error?.message });
  return {
    ...result,
    stopped: result.stopped?.message,
    items: result.items.map(plain),
    memberships: result.memberships.map(plain),
    languages: result.languages.map(plain),
    conflicts: result.conflicts.map(plain),
  };
}

/** What a dry run would change, grouped by user, with names. */
function printDryRun(result: ApplyResult): void {
  const byUser = new Map<string, { name: string; lines: string[] }>();
  const add = (userId: string, userName: string | undefined, line: string) => {
    const entry = byUser.get(userId) ?? { name: named(userName, userId), lines: [] };
    entry.lines.push(line);
    byUser.set(userId, entry);
  };
  for (const m of result.memberships.filter((x) => x.status === 'wouldApply'))
    add(m.userId, m.userName, `join queue ${named(m.queueName, m.queueId)}`);
  for (const l of result.languages.filter((x) => x.status === 'wouldApply')) {
    const language = `language ${named(l.languageName, l.languageId)}`;
    const from = l.actual ?? l.before;
    add(
      l.userId,
      l.userName,
      l.after === null
        ? `remove ${language} (now ${from ?? 'absent'})`
        : from === null
          ? `add ${language} at ${l.after}`
          : `set ${language} ${from} -> ${l.after}`,
    );
  }
  for (const i of result.items.filter((x) => x.status === 'wouldApply')) {
    const skill = named(i.skillName, i.skillId);
    const from = i.actual ?? i.before;
    add(
      i.userId,
      i.userName,
      i.after === null
        ? `remove ${skill} (now ${from ?? 'absent'})`
        : from === null || from === undefined
          ? `add ${skill} at ${i.after}`
          : `set ${skill} ${from} -> ${i.after}`,
    );
  }
  if (byUser.size === 0) {
    console.log('Nothing would change: the org already holds every planned value.');
    return;
  }
  console.log(`Would change ${byUser.size} user(s):`);
  for (const { name, lines } of byUser.values()) {
    console.log(`  ${name}`);
    for (const l of lines) console.log(`    ${l}`);
  }
}

function printSummary(result: ApplyResult): void {
  console.log(
    table(
      ['result', 'items'],
      Object.entries(result.counts).filter(([, n]) => n > 0),
    ),
  );
  if (result.memberships.length > 0) {
    const counts = new Map<string, number>();
    for (const m of result.memberships) counts.set(m.status, (counts.get(m.status) ?? 0) + 1);
    console.log(
      `memberships: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')} (of ${result.memberships.length}, applied before the skills)`,
    );
  }
  if (result.languages.length > 0) {
    const counts = new Map<string, number>();
    for (const l of result.languages) counts.set(l.status, (counts.get(l.status) ?? 0) + 1);
    console.log(
      `languages: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')} (of ${result.languages.length}, applied before the skills)`,
    );
  }
  console.log(`${result.retries} request(s) retried (rate limits, server or network errors).`);
  const fromJournal = result.items.filter((i) => i.fromJournal).length;
  if (fromJournal > 0) {
    console.log(
      `${fromJournal} item(s) of ${result.users.fromJournal} user(s) were done by an earlier run (journal) and confirmed against the org now.`,
    );
  }
  if (result.stopped) console.log(`stopped early: ${result.stopped.message}`);
  if (result.notJournaled.length > 0)
    console.log(
      `${result.notJournaled.length} user(s) could not be recorded in the journal; their statuses above come from the org.`,
    );
  for (const p of result.journalProblems) console.log(`journal line ${p.line}: ${p.reason}`);
  for (const w of result.warnings) console.log(`warning: ${w}`);
  for (const c of result.conflicts)
    console.log(`conflict (${c.resolution}): user ${c.userId} skill ${c.skillId}: ${c.detail}`);
  const notable = [
    ...result.memberships.filter((m) => isNotable(m.status)).map(membershipLine),
    ...result.languages.filter((l) => isNotable(l.status)).map(languageLine),
    ...result.items.filter((x) => isNotable(x.status)).map(line),
  ];
  for (const l of notable.slice(0, 20)) console.log(l);
  if (notable.length > 20) console.log(`… and ${notable.length - 20} more (use --json for every item)`);
}

const isNotable = (s: string) => s !== 'applied' && s !== 'unchanged' && s !== 'wouldApply';

function line(i: ItemResult): string {
  return `${i.status}: user ${named(i.userName, i.userId)} skill ${named(i.skillName, i.skillId)}: ${i.reason ?? i.error?.message ?? ''}`;
}

function membershipLine(m: MembershipItemResult): string {
  return `${m.status}: user ${named(m.userName, m.userId)} queue ${named(m.queueName, m.queueId)}: ${m.detail ?? m.error?.message ?? ''}`;
}

function languageLine(l: LanguageItemResult): string {
  return `${l.status}: user ${named(l.userName, l.userId)} language ${named(l.languageName, l.languageId)}: ${l.detail ?? l.error?.message ?? ''}`;
}
