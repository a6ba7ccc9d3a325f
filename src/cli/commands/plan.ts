// genesys-routing relevel (the deprecated `plan` still runs it) / recommend: compute a plan from the live org and
// write it as JSON.
import { writeFile } from 'node:fs/promises';
import { num, parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { percent, progressLine, table } from '../output.js';
import { resolveQueueIds } from '../queues.js';
import type { Plan, PlanIssue } from '../../workflows/plan.js';
import { planProficiencyRelevel } from '../../workflows/skills/plan-relevel.js';
import { recommendRoutingChanges } from '../../workflows/skills/recommend.js';

export const relevelHelp = `genesys-routing relevel [--queue NAME|ID ...] [--days 7] [--mode set|upgradeOnly|replace] [--out plan.json] [--report report.html] [--json]

  Re-levels the proficiencies of the skills agents already hold, from their history (handled, handle time,
  transfers, occupancy). Reads only. Review the plan, then: genesys-routing apply plan.json
  (To decide who should hold which queue skill so every queue meets its target, use: genesys-routing optimize.)
  'genesys-routing plan' is the deprecated old name of this command.
  --queue   a queue name or id (repeat for several; default every queue; list them with: genesys-routing queues)
  --days    days of history to the last whole hour, 1..366 (default 7)
  --mode    set (add/update), upgradeOnly (never lower), replace (also remove)
  --out     write the plan JSON to this file
  --json    print the plan JSON instead of the tables
  --report  also write a self-contained HTML report (queues, staffing curves, skill matrix, changes)

  Examples:
    genesys-routing relevel --days 14 --out plan.json
    genesys-routing relevel --queue "Billing Support" --queue Collections --mode upgradeOnly --out plan.json
    genesys-routing apply plan.json --dry-run`;

export const recommendHelp = `genesys-routing recommend [--queue NAME|ID ...] [--days 7] [--max-changes 25] [--out plan.json] [--report report.html] [--json]

  Suggests adding or removing skills from how agents actually handled each skill's contacts. Reads only.
  --queue        a queue name or id (repeatable; default every queue)
  --days         days of history to the last whole hour, 1..366 (default 7)
  --max-changes  at most this many recommendations; the rest are listed as skipped (default 25)
  --out, --json, --report  as for relevel

  Examples:
    genesys-routing recommend --days 14 --out recommend.json
    genesys-routing recommend --queue "Billing Support" --max-changes 10 --json`;

export async function relevel(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    queue: { type: 'string', multiple: true },
    days: { type: 'string' },
    mode: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(relevelHelp);
    return 0;
  }
  const mode = values.mode ?? 'set';
  if (!['set', 'upgradeOnly', 'replace'].includes(mode))
    throw new UsageError('--mode must be set, upgradeOnly or replace');
  const days = num('days', values.days, 7);
  const client = clientFromEnv();
  const done = progressLine(client, `planning from ${days} day(s) of history`);
  const result = await (async () =>
    planProficiencyRelevel(client, {
      queueIds: await resolveQueueIds(client, values.queue),
      days,
      mode: mode as 'set',
    }))().finally(done);
  if (values.report)
    await (await import('../../report/write-report.js')).writePlanReport(client, result, values.report);
  return printPlan(result, values.out, values.json);
}

export async function recommend(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    queue: { type: 'string', multiple: true },
    days: { type: 'string' },
    'max-changes': { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(recommendHelp);
    return 0;
  }
  const days = num('days', values.days, 7);
  const maxChanges = values['max-changes'] === undefined ? undefined : num('max-changes', values['max-changes']);
  const client = clientFromEnv();
  const done = progressLine(client, `recommending from ${days} day(s) of history`);
  const result = await (async () =>
    recommendRoutingChanges(client, {
      queueIds: await resolveQueueIds(client, values.queue),
      days,
      thresholds: maxChanges === undefined ? undefined : { maxChanges },
    }))().finally(done);
  if (values.report)
    await (await import('../../report/write-report.js')).writePlanReport(client, result, values.report);
  return printPlan(result, values.out, values.json);
}

/** "Name (id)" when both are known, else whichever is. */
export function named(name: string | undefined, id: string | undefined): string {
  if (name && id && name !== id) return `${name} (${id})`;
  return name ?? id ?? '-';
}

/** A skipped item or violation with the names the plan knows beside its ids. */
export function describeIssue(
  issue: PlanIssue & { userName?: string; skillName?: string; queueName?: string },
  plan: Plan,
): string {
  const users = new Map(plan.changes.map((c) => [c.userId, c.userName]));
  const skills = new Map(plan.changes.map((c) => [c.skillId, c.skillName]));
  const queues = new Map(plan.impact.map((q) => [q.queueId, q.queueName]));
  const parts = [
    issue.userId && `user ${named(issue.userName ?? users.get(issue.userId), issue.userId)}`,
    issue.skillId && `skill ${named(issue.skillName ?? skills.get(issue.skillId), issue.skillId)}`,
    issue.queueId && `queue ${named(issue.queueName ?? queues.get(issue.queueId), issue.queueId)}`,
  ].filter(Boolean);
  return `${issue.kind}${parts.length ? ` (${parts.join(', ')})` : ''}: ${issue.message}`;
}

/** Prints a plan (or its JSON) and writes it to `out` when given. */
export async function printPlan(plan: Plan, out: string | undefined, json: boolean | undefined): Promise<number> {
  if (out) await writeFile(out, `${JSON.stringify(plan, null, 2)}\n`);
  if (json) {
    console.log(JSON.stringify(plan, null, 2));
    return 0;
  }
  const s = plan.summary;
  console.log(
    `Plan ${plan.id} (${plan.source}): ${s.adds} adds, ${s.updates} updates, ${s.removes} removals for ${s.users} users; ${s.skipped} skipped, ${s.violations} violations`,
  );
  if (plan.changes.length === 0) console.log('\nNo changes: nothing to apply.');
  else {
    // Every reason, in full: a 5 -> 4 downgrade is explained by all of them, not the first.
    console.log(
      '\n' +
        table(
          ['user', 'skill', 'change', 'why'],
          plan.changes
            .slice(0, 20)
            .map((c) => [
              c.userName ?? c.userId,
              c.skillName ?? c.skillId,
              `${c.before ?? '-'} -> ${c.after ?? 'removed'}`,
              c.reasons.join('; '),
            ]),
        ),
    );
    if (plan.changes.length > 20) console.log(`... and ${plan.changes.length - 20} more`);
  }
  if (plan.impact.length > 0) {
    console.log(
      '\n' +
        table(
          ['queue', 'agents', 'service level before', 'after', 'occupancy before', 'after'],
          plan.impact.map((q) => [
            q.queueName ?? q.queueId,
            `${q.before.headcount ?? '?'} -> ${q.after.headcount ?? '?'}`,
            percent(q.before.serviceLevel),
            percent(q.after.serviceLevel),
            percent(q.before.occupancy),
            percent(q.after.occupancy),
          ]),
        ),
    );
  }
  for (const i of plan.skipped.slice(0, 10)) console.log(`skipped: ${describeIssue(i, plan)}`);
  if (plan.skipped.length > 10) console.log(`... and ${plan.skipped.length - 10} more skipped (see the plan JSON)`);
  for (const v of plan.violations.slice(0, 10)) console.log(`violation: ${describeIssue(v, plan)}`);
  if (out) console.log(`\nwritten to ${out}; apply with: genesys-routing apply ${out} --dry-run`);
  return 0;
}
