// genesys-routing plan / recommend: compute a plan from the live org and write it as JSON.
import { writeFile } from 'node:fs/promises';
import { num, parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { percent, table } from '../output.js';
import type { Plan } from '../../workflows/plan.js';

export const planHelp = `genesys-routing plan [--queue ID ...] [--days 7] [--mode set|upgradeOnly|replace] [--out plan.json] [--report report.html] [--json]

  Re-levels agents' skill proficiencies from their history (handled, handle time, transfers, occupancy).
  Reads only. Review the plan, then: genesys-routing apply plan.json
  --report FILE.html also writes a self-contained HTML report (queues, staffing curves, skill matrix, changes).`;

export const recommendHelp = `genesys-routing recommend [--queue ID ...] [--days 7] [--max-changes 25] [--out plan.json] [--report report.html] [--json]

  Suggests adding or removing skills from how agents actually handled each skill's contacts. Reads only.`;

export async function plan(argv: string[]): Promise<number> {
  const { values } = parse(argv, { queue: { type: 'string', multiple: true }, days: { type: 'string' }, mode: { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    console.log(planHelp);
    return 0;
  }
  const mode = values.mode ?? 'set';
  if (!['set', 'upgradeOnly', 'replace'].includes(mode)) throw new UsageError('--mode must be set, upgradeOnly or replace');
  const { planSkillOptimization } = await import('../../workflows/plan-skills.js');
  const client = clientFromEnv();
  const result = await planSkillOptimization(client, {
    queueIds: values.queue,
    days: num('days', values.days, 7),
    mode: mode as 'set',
    onProgress: (step) => process.stderr.isTTY && process.stderr.write(`  ${step}\n`),
  });
  if (values.report) await (await import('../../report/write-report.js')).writePlanReport(client, result, values.report);
  return report(result, values.out, values.json);
}

export async function recommend(argv: string[]): Promise<number> {
  const { values } = parse(argv, { queue: { type: 'string', multiple: true }, days: { type: 'string' }, 'max-changes': { type: 'string' }, out: { type: 'string' }, report: { type: 'string' }, json: { type: 'boolean' } });
  if (values.help) {
    console.log(recommendHelp);
    return 0;
  }
  const { recommendRoutingChanges } = await import('../../workflows/recommend.js');
  const client = clientFromEnv();
  const result = await recommendRoutingChanges(client, {
    queueIds: values.queue,
    days: num('days', values.days, 7),
    thresholds: values['max-changes'] ? { maxChanges: num('max-changes', values['max-changes']) } : undefined,
  });
  if (values.report) await (await import('../../report/write-report.js')).writePlanReport(client, result, values.report);
  return report(result, values.out, values.json);
}

async function report(plan: Plan, out: string | undefined, json: boolean | undefined): Promise<number> {
  if (out) await writeFile(out, `${JSON.stringify(plan, null, 2)}\n`);
  if (json) {
    console.log(JSON.stringify(plan, null, 2));
    return 0;
  }
  const s = plan.summary;
  console.log(`Plan ${plan.id} (${plan.source}): ${s.adds} adds, ${s.updates} updates, ${s.removes} removals for ${s.users} users; ${s.skipped} skipped, ${s.violations} violations`);
  if (plan.changes.length > 0) {
    console.log(
      '\n' +
        table(
          ['user', 'skill', 'change', 'why'],
          plan.changes.slice(0, 20).map((c) => [c.userName ?? c.userId, c.skillName ?? c.skillId, `${c.before ?? '-'} -> ${c.after ?? 'removed'}`, c.reasons[0] ?? '']),
        ),
    );
    if (plan.changes.length > 20) console.log(`... and ${plan.changes.length - 20} more`);
  }
  if (plan.impact.length > 0) {
    console.log(
      '\n' +
        table(
          ['queue', 'agents', 'service level before', 'after', 'occupancy before', 'after'],
          plan.impact.map((q) => [q.queueName ?? q.queueId, `${q.before.headcount ?? '?'} -> ${q.after.headcount ?? '?'}`, percent(q.before.serviceLevel), percent(q.after.serviceLevel), percent(q.before.occupancy), percent(q.after.occupancy)]),
        ),
    );
  }
  for (const v of plan.violations.slice(0, 10)) console.log(`violation: ${v.message}`);
  if (out) console.log(`\nwritten to ${out}; apply with: genesys-routing apply ${out} --dry-run`);
  return 0;
}
