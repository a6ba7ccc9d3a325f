// genesys-routing optimize: which agents should hold which queue skills so every queue meets its target.
import { writeFile } from 'node:fs/promises';
import { num, optionalNum, parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { percent, table } from '../output.js';
import { resolveQueueIds } from '../queues.js';
import type { RoutingOptimizationPlan } from '../../workflows/optimize-routing.js';

export const optimizeHelp = `genesys-routing optimize [--queue ID|NAME ...] [--days 7] [--demand peak|mean] [--max-skills N]
                         [--max-changes N] [--max-changes-per-agent N] [--min-holders N] [--patience SECONDS]
                         [--seed 1] [--time-limit 30] [--out plan.json] [--report report.html] [--json]

  Decides which agents should hold which queue skills (and join which queues) so that every queue meets its
  service-level target with the fewest changes: demand from the last --days of analytics (the busiest interval by
  default), a mixed-integer screening model, then simulation and local search. Reads only; writes a plan that
  'genesys-routing apply' applies. A queue that cannot reach its target within the limits is named with the agents
  it lacks (exit code 1).

  Examples:
    genesys-routing optimize --max-skills 3 --max-changes 40 --out plan.json
    genesys-routing optimize --queue "Billing Support" --queue Collections --days 14 --json > plan.json
    genesys-routing apply plan.json --dry-run`;

export async function optimize(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    queue: { type: 'string', multiple: true },
    days: { type: 'string' },
    demand: { type: 'string' },
    'max-skills': { type: 'string' },
    'max-changes': { type: 'string' },
    'max-changes-per-agent': { type: 'string' },
    'min-holders': { type: 'string' },
    patience: { type: 'string' },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(optimizeHelp);
    return 0;
  }
  const demand = values.demand ?? 'peak';
  if (demand !== 'peak' && demand !== 'mean') throw new UsageError('--demand must be peak or mean');
  const constraints = {
    maxSkillsPerAgent: optionalNum('max-skills', values['max-skills']),
    maxChanges: optionalNum('max-changes', values['max-changes']),
    maxChangesPerAgent: optionalNum('max-changes-per-agent', values['max-changes-per-agent']),
    minHoldersPerQueue: optionalNum('min-holders', values['min-holders']),
  };
  const { planRoutingOptimization } = await import('../../workflows/optimize-routing.js');
  const tty = process.stderr.isTTY;
  const client = clientFromEnv();
  const plan = await planRoutingOptimization(client, {
    queueIds: await resolveQueueIds(client, values.queue),
    days: num('days', values.days, 7),
    demand,
    constraints,
    patienceSeconds: optionalNum('patience', values.patience),
    seed: num('seed', values.seed, 1),
    timeLimitMs: num('time-limit', values['time-limit'], 30) * 1000,
    onProgress: (p) => {
      if (tty)
        process.stderr.write(
          `\r  ${p.phase.padEnd(8)} ${String(p.changes).padStart(4)} changes, ${p.queuesBelowTarget} queue(s) below target, ${(p.elapsedMs / 1000).toFixed(1)} s   `,
        );
    },
  });
  if (tty) process.stderr.write('\n');
  if (values.out) await writeFile(values.out, `${JSON.stringify(plan, null, 2)}\n`);
  if (values.report)
    await (
      await import('../../report/write-report.js')
    ).writePlanReport(client, plan, values.report, optionalNum('patience', values.patience));
  if (values.json) console.log(JSON.stringify(plan, null, 2));
  else printOptimization(plan, values.out);
  return plan.optimization.feasible ? 0 : 1;
}

/** Per queue: target, now and after (with the simulated interval), holders; then the changes and the shortfall. */
export function printOptimization(plan: RoutingOptimizationPlan, out?: string): void {
  const o = plan.optimization;
  // A bound of 0 says nothing a reader needs (every plan needs at least none).
  const bound =
    o.lowerBound && o.lowerBound.changes > 0 ? ` (no plan can need fewer than ${o.lowerBound.changes})` : '';
  console.log(
    `Plan ${plan.id}: ${plan.changes.length} skill changes and ${plan.memberships.length} queue memberships${bound}`,
  );
  const names = new Map(plan.impact.map((q) => [q.queueId, q.queueName ?? q.queueId]));
  if (o.queues.length === 0) {
    console.log(
      '\nNo queue with offered calls in the window: nothing to optimize (try a longer --days, or name queues with --queue).',
    );
    if (out) console.log(`\nwritten to ${out} (nothing to apply)`);
    return;
  }
  console.log(
    '\n' +
      table(
        ['queue', 'target', 'now', 'after', 'after 95 % interval', 'holders'],
        o.queues.map((q) => [
          names.get(q.id) ?? q.id,
          `${percent(q.target.serviceLevel)} in ${q.target.withinSeconds} s`,
          percent(q.before.serviceLevel),
          `${percent(q.after.serviceLevel)}${q.meetsTarget ? '' : ' (below)'}`,
          `${percent(q.after.ci95[0])} - ${percent(q.after.ci95[1])}`,
          `${q.before.holders} -> ${q.after.holders}`,
        ]),
      ),
  );
  if (plan.changes.length === 0 && plan.memberships.length === 0) {
    console.log(
      o.feasible
        ? '\nNo changes: every queue already meets its target.'
        : '\nNo changes found that help within the limits.',
    );
  } else if (plan.changes.length > 0) {
    console.log(
      '\n' +
        table(
          ['agent', 'skill', 'change', 'why'],
          plan.changes
            .slice(0, 25)
            .map((c) => [
              c.userName ?? c.userId,
              c.skillName ?? c.skillId,
              `${c.before ?? '-'} -> ${c.after ?? 'removed'}`,
              c.reasons[0] ?? '',
            ]),
        ),
    );
    if (plan.changes.length > 25) console.log(`... and ${plan.changes.length - 25} more (see the plan file)`);
  }
  for (const s of o.shortfall)
    console.log(
      `cannot fix ${names.get(s.queueId) ?? s.queueId} within the limits: it lacks about ${s.agentsMissing} agent(s)`,
    );
  for (const w of o.warnings) console.log(`note: ${w}`);
  if (out && (plan.changes.length > 0 || plan.memberships.length > 0))
    console.log(`\nwritten to ${out}; review it, then: genesys-routing apply ${out} --dry-run`);
  else if (out) console.log(`\nwritten to ${out} (nothing to apply)`);
}
