// genesys-routing optimize: which agents should hold which queue skills so every queue meets its target.
import { writeFile } from 'node:fs/promises';
import { num, optionalNum, parse, UsageError } from '../args.js';
import { clientFromEnv } from '../client.js';
import { percent, table, timeCapNotice } from '../output.js';
import { resolveQueueIds } from '../queues.js';
import type { QueueOutcome, UnreachableQueue } from '../../optimizer/index.js';
import type { RoutingOptimizationPlan } from '../../workflows/optimize/plan-routing.js';

export const optimizeHelp = `genesys-routing optimize [--queue ID|NAME ...] [--days 7] [--demand day|forecast|peak|mean] [--date YYYY-MM-DD]
                         [--interval-minutes 15|30|60] [--max-skills N] [--max-changes N] [--max-changes-per-agent N]
                         [--min-holders N] [--patience SECONDS] [--seed 1] [--effort 1] [--time-limit SECONDS] [--threads N] [--out plan.json]
                         [--report report.html] [--json]

  Decides which agents should hold which queue skills (and join which queues) so that every queue meets its
  service-level target with the fewest changes: a mixed-integer screening model, then simulation and local search,
  of the busiest hour (default) or of a whole day (--demand day|forecast: calls per interval, agents on their
  shifts; it prints each queue's worst interval now -> after). Reads only; writes a plan that 'genesys-routing
  apply' applies. A queue that cannot reach its target within the limits is named with the agents it lacks (exit
  code 1).

  --demand peak       (default) one steady hour sized for the busiest interval of --days, every agent present
  --demand mean       the same steady hour at the window's mean
  --demand day        a day from the last --days of history: for the planned day's weekday, the mean offered calls
                      per interval, and each agent's on-queue share per interval from status history
  --demand forecast   a day from the WFM short-term forecast and the published schedule
  --date              the day to plan (UTC). Default: with day, the busiest day of the window; with forecast, tomorrow
  --interval-minutes  length of the day's intervals (default 30)
  --time-limit        a cap in seconds on the optimizer's time: the plan then depends on the machine's speed
                      when it is reached (said first). Default: the work budget (--effort) decides, on any machine
  --threads           threads that run the simulations (default: the machine's available parallelism); the plan
                      is the same on any number

  Examples:
    genesys-routing optimize --max-skills 3 --max-changes 40 --out plan.json
    genesys-routing optimize --demand day --max-skills 3 --max-changes 80 --out plan.json
    genesys-routing optimize --demand forecast --date 2026-03-10 --interval-minutes 15 --out plan.json
    genesys-routing optimize --queue "Billing Support" --queue Collections --days 14 --json > plan.json
    genesys-routing apply plan.json --dry-run`;

/** The CLI's --demand values and the workflow's names for them. */
const DEMANDS = { day: 'history', forecast: 'forecast', peak: 'peak', mean: 'mean' } as const;

export async function optimize(argv: string[]): Promise<number> {
  const { values } = parse(argv, {
    queue: { type: 'string', multiple: true },
    days: { type: 'string' },
    demand: { type: 'string' },
    date: { type: 'string' },
    'interval-minutes': { type: 'string' },
    'max-skills': { type: 'string' },
    'max-changes': { type: 'string' },
    'max-changes-per-agent': { type: 'string' },
    'min-holders': { type: 'string' },
    patience: { type: 'string' },
    seed: { type: 'string' },
    'time-limit': { type: 'string' },
    threads: { type: 'string' },
    effort: { type: 'string' },
    out: { type: 'string' },
    report: { type: 'string' },
    json: { type: 'boolean' },
  });
  if (values.help) {
    console.log(optimizeHelp);
    return 0;
  }
  // The steady hour stays the default until a day plan of the getting-started org reaches every target within
  // that guide's change budget (docs/cli.md says where it falls short).
  const demandFlag = values.demand ?? 'peak';
  if (!Object.hasOwn(DEMANDS, demandFlag))
    throw new UsageError(`--demand must be day, forecast, peak or mean (got ${JSON.stringify(demandFlag)})`);
  const demand = DEMANDS[demandFlag as keyof typeof DEMANDS];
  const steady = demand === 'peak' || demand === 'mean';
  const intervalMinutes = optionalNum('interval-minutes', values['interval-minutes']);
  if (intervalMinutes !== undefined && ![15, 30, 60].includes(intervalMinutes))
    throw new UsageError(`--interval-minutes must be 15, 30 or 60 (got ${intervalMinutes})`);
  const date = values.date;
  if (date !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Number.isFinite(Date.parse(`${date}T00:00:00Z`))))
    throw new UsageError(`--date must be a day as YYYY-MM-DD (got ${JSON.stringify(date)})`);
  if (steady && (date !== undefined || intervalMinutes !== undefined))
    throw new UsageError(
      `--date and --interval-minutes plan a day: they apply with --demand day or forecast, not ${demandFlag}`,
    );
  const constraints = {
    maxSkillsPerAgent: optionalNum('max-skills', values['max-skills']),
    maxChanges: optionalNum('max-changes', values['max-changes']),
    maxChangesPerAgent: optionalNum('max-changes-per-agent', values['max-changes-per-agent']),
    minHoldersPerQueue: optionalNum('min-holders', values['min-holders']),
  };
  const { planRoutingOptimization } = await import('../../workflows/optimize/plan-routing.js');
  const tty = process.stderr.isTTY;
  const client = clientFromEnv();
  const plan = await planRoutingOptimization(client, {
    queueIds: await resolveQueueIds(client, values.queue),
    days: num('days', values.days, 7),
    demand,
    ...(date !== undefined ? { day: `${date}T00:00:00Z` } : {}),
    ...(intervalMinutes !== undefined ? { intervalMinutes: intervalMinutes as 15 | 30 | 60 } : {}),
    constraints,
    patienceSeconds: optionalNum('patience', values.patience),
    seed: num('seed', values.seed, 1),
    ...(values['time-limit'] !== undefined ? { timeLimitMs: num('time-limit', values['time-limit']) * 1000 } : {}),
    ...(values.effort !== undefined ? { effort: num('effort', values.effort, 1) } : {}),
    ...(values.threads !== undefined ? { threads: num('threads', values.threads, 1) } : {}),
    onProgress: (p) => {
      if (tty)
        process.stderr.write(
          `\r  ${p.phase.padEnd(8)} ${String(p.changes).padStart(4)} changes, ${p.queuesBelowTarget} queue(s) below target, search work ${Math.round(p.work.used)}/${p.work.budget}, ${(p.elapsedMs / 1000).toFixed(1)} s   `,
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

/**
 * First what no routing change can fix (queues short of agents), then per queue its target, now and after (over
 * a day: the weakest interval now and after, each with its time, and the whole day), holders; then the changes.
 */
export function printOptimization(plan: RoutingOptimizationPlan, out?: string): void {
  const o = plan.optimization;
  // A bound of 0 says nothing a reader needs (every plan needs at least none).
  const bound =
    o.lowerBound && o.lowerBound.changes > 0 ? ` (no plan can need fewer than ${o.lowerBound.changes})` : '';
  console.log(
    `Plan ${plan.id}: ${plan.changes.length} skill changes and ${plan.memberships.length} queue memberships${bound}`,
  );
  const capped = timeCapNotice(o.stats, { flag: '--time-limit' });
  if (capped) console.log(capped);
  const names = new Map(plan.impact.map((q) => [q.queueId, q.queueName ?? q.queueId]));
  if (o.queues.length === 0) {
    console.log(
      '\nNo queue with offered calls in the window: nothing to optimize (try a longer --days, or name queues with --queue).',
    );
    if (out) console.log(`\nwritten to ${out} (nothing to apply)`);
    return;
  }
  const day = plan.day;
  const at = (index: number): string => (day ? clock(index * day.intervalMinutes) : '');
  printOutOfReach(o.unreachable ?? [], o.queues.length, names, day ? at : undefined);
  if (day)
    console.log(
      `Day ${day.date} (UTC), ${day.intervalMinutes}-minute intervals, ${day.agentsOnShift} agents on queue during the day (from ${day.source.split(':')[0]})`,
    );
  console.log('\n' + queueTable(plan, names, day ? at : undefined));
  if (day)
    console.log(
      "weakest interval: the interval with calls where the queue's service level is lowest (now, and after the changes); whole day: all its calls",
    );
  printChanges(plan);
  const outOfReach = new Set((o.unreachable ?? []).map((u) => u.queueId));
  for (const s of o.shortfall)
    if (!outOfReach.has(s.queueId))
      console.log(
        `cannot fix ${names.get(s.queueId) ?? s.queueId} within the limits: it lacks about ${s.agentsMissing} agent(s)`,
      );
  // A few notes in full; the rest are in the plan file (a long list of ids helps nobody on a terminal).
  for (const w of o.warnings.slice(0, NOTES)) console.log(`note: ${w}`);
  if (o.warnings.length > NOTES) console.log(`... and ${o.warnings.length - NOTES} more notes (see the plan file)`);
  if (out && (plan.changes.length > 0 || plan.memberships.length > 0))
    console.log(`\nwritten to ${out}; review it, then: genesys-routing apply ${out} --dry-run`);
  else if (out) console.log(`\nwritten to ${out} (nothing to apply)`);
}

/** Notes printed in full on the terminal. */
const NOTES = 5;

/** The queues short of agents, with their demand, the Erlang need, the agents' time they can have, and advice. */
export function printOutOfReach(
  list: readonly UnreachableQueue[],
  queues: number,
  names: ReadonlyMap<string, string>,
  at: ((index: number) => string) | undefined,
): void {
  if (list.length === 0) return;
  const total = list.reduce((n, u) => n + u.shortBy, 0);
  console.log(
    `\nOut of reach: ${list.length} of ${queues} queue(s) cannot meet their targets with the agents there are; no routing change closes the gap.` +
      `\nAdd agents (about ${total} in all) or lower the targets:\n`,
  );
  console.log(
    table(
      ['queue', ...(at ? ['at'] : []), 'demand', 'agents needed (Erlang)', 'agents available', 'advice'],
      list.map((u) => [
        u.queueName ?? names.get(u.queueId) ?? u.queueId,
        ...(at ? [at(u.interval)] : []),
        `${Math.round(u.demand.callsPerHour)} calls/h, AHT ${Math.round(u.demand.ahtSeconds)} s`,
        String(u.agentsNeeded),
        u.agentsAvailable.toFixed(1),
        `add ${u.shortBy} agent${u.shortBy === 1 ? '' : 's'} or lower the target`,
      ]),
    ),
  );
}

/** The interval with calls whose service level (now or after the changes) is lowest, with that level. */
export function weakestInterval(
  q: QueueOutcome,
  side: 'before' | 'after',
): { index: number; serviceLevel: number; low: number; high: number } {
  let best: { index: number; serviceLevel: number; low: number; high: number } | undefined;
  for (const i of q.intervals) {
    if (i.offered <= 0) continue;
    if (!best || i[side].serviceLevel < best.serviceLevel) best = { index: i.index, ...i[side] };
  }
  const whole = side === 'before' ? q.before : q.after;
  return best ?? { index: 0, serviceLevel: whole.serviceLevel, low: whole.ci95[0], high: whole.ci95[1] };
}

function queueTable(
  plan: RoutingOptimizationPlan,
  names: ReadonlyMap<string, string>,
  at: ((index: number) => string) | undefined,
): string {
  const head = at
    ? ['queue', 'target', 'weakest interval now', 'after', 'after 95 % interval', 'whole day now', 'after', 'holders']
    : ['queue', 'target', 'now', 'after', 'after 95 % interval', 'holders'];
  return table(
    head,
    plan.optimization.queues.map((q) => {
      const below = q.meetsTarget ? '' : ' (below)';
      const target = `${percent(q.target.serviceLevel)} in ${q.target.withinSeconds} s`;
      const holders = `${q.before.holders} -> ${q.after.holders}`;
      if (!at)
        return [
          names.get(q.id) ?? q.id,
          target,
          percent(q.before.serviceLevel),
          `${percent(q.after.serviceLevel)}${below}`,
          `${percent(q.after.ci95[0])} - ${percent(q.after.ci95[1])}`,
          holders,
        ];
      const now = weakestInterval(q, 'before');
      const after = weakestInterval(q, 'after');
      return [
        names.get(q.id) ?? q.id,
        target,
        `${percent(now.serviceLevel)} at ${at(now.index)}`,
        `${percent(after.serviceLevel)} at ${at(after.index)}${below}`,
        `${percent(after.low)} - ${percent(after.high)}`,
        percent(q.before.serviceLevel),
        percent(q.after.serviceLevel),
        holders,
      ];
    }),
  );
}

function printChanges(plan: RoutingOptimizationPlan): void {
  const o = plan.optimization;
  if (plan.changes.length === 0 && plan.memberships.length === 0) {
    console.log(
      o.feasible
        ? '\nNo changes: every queue already meets its target.'
        : '\nNo changes found that help within the limits.',
    );
    return;
  }
  if (plan.changes.length === 0) return;
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

/** 'HH:MM-HH:MM UTC' of the interval starting `minutes` after midnight (UTC) of a planned day. */
function clock(minutes: number): string {
  const hhmm = (m: number) => `${String(Math.floor(m / 60) % 24).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `${hhmm(minutes)} UTC`;
}
