// One queue explained: today's demand against the usual, the Erlang staff it needs against the holders on queue,
// who holds its skill, what changed today (the platform's audit log and this session's applies) and, when a
// plan of this session modelled it, its simulated service level with the org's skills as they are now.
import type { GenesysClient } from '../../client/client.js';
import { findChanges } from '../../resources/audit/changes.js';
import { queueNow, readQueues, resolveQueues, round, usualCalls, type QueueNow } from './queues-now.js';
import { readOrgState } from '../org-state.js';
import type { DeskSession } from '../session.js';
import { hasModel, modelWithOrg, simulate } from './simulate.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const MAX_LISTED = 40;

/** A queue explained. */
export interface QueueExplanation extends QueueNow {
  demand: { todaySoFar: number; usualSoFar: number; ratio: number | null; lastHour: number; usualThisHour: number };
  holdersList: Array<{ userId: string; name: string; proficiency: number; routingStatus: string; onQueue: boolean }>;
  changedToday: Array<{ at: string; what: string; by: string }>;
  simulated: { serviceLevel: number; meetsTarget: boolean; basis: string } | null;
  summary: string;
}

export async function explainQueue(
  client: GenesysClient,
  session: DeskSession,
  ref: string,
  signal?: AbortSignal,
): Promise<QueueExplanation> {
  const { now: clock, plan } = session.options;
  const now = clock();
  const [queue] = await resolveQueues(client, [ref]);
  const reads = await readQueues(client, [queue!], now, plan.days);
  const base = queueNow(reads, queue!, now, plan.days);
  const hourly = reads.hourly.get(queue!.id) ?? new Map<number, number>();
  const hourStart = Math.floor(now.getTime() / HOUR) * HOUR;
  const midnight = Math.floor(now.getTime() / DAY) * DAY;
  let usualSoFar = 0;
  for (let h = midnight; h < hourStart; h += HOUR) usualSoFar += usualCalls(hourly, h, plan.days);
  const todayComplete = [...hourly].filter(([t]) => t >= midnight && t < hourStart).reduce((n, [, c]) => n + c, 0);
  const members = reads.members.get(queue!.id) ?? [];
  const holdersList = base.skill
    ? members
        .filter((m) => reads.skills.get(m.userId)?.has(base.skill!.id))
        .map((m) => ({
          userId: m.userId,
          name: m.name,
          proficiency: reads.skills.get(m.userId)!.get(base.skill!.id)!,
          routingStatus: m.status,
          onQueue: m.onQueue,
        }))
    : [];
  const simulated = await simulatedNow(client, session, queue!.id, signal);
  const demand = {
    todaySoFar: todayComplete,
    usualSoFar: round(usualSoFar),
    ratio: usualSoFar > 0 ? round(todayComplete / usualSoFar) : null,
    lastHour: hourly.get(hourStart - HOUR) ?? 0,
    usualThisHour: round(usualCalls(hourly, hourStart, plan.days)),
  };
  const changedToday = [
    ...sessionChanges(session, queue!.id),
    ...(await auditChanges(client, queue!.id, midnight, now)),
  ];
  return {
    ...base,
    demand,
    holdersList: holdersList.slice(0, MAX_LISTED),
    changedToday: changedToday.slice(0, MAX_LISTED),
    simulated,
    summary: summaryLine(base, demand, simulated),
  };
}

function summaryLine(q: QueueNow, d: QueueExplanation['demand'], sim: QueueExplanation['simulated']): string {
  const sl = q.today.serviceLevel === null ? 'no answered calls yet today' : `${pct(q.today.serviceLevel)} today`;
  const staff =
    q.erlang.agentsNeeded === null
      ? 'no calls expected this hour'
      : `Erlang C needs ${q.erlang.agentsNeeded} agents for ${q.erlang.callsPerHour} calls/hour; ${q.erlang.holdersOnQueue} of ${q.holders} skill holders are on queue`;
  const load = d.ratio === null ? '' : `; demand so far is ${d.ratio}x the usual`;
  const model = sim
    ? `; simulated with the org's skills now: ${pct(sim.serviceLevel)} (${sim.meetsTarget ? 'meets' : 'misses'} the target)`
    : '';
  return `${q.queueName}: target ${pct(q.target.serviceLevel)} in ${q.target.withinSeconds} s, ${sl}; ${staff}${load}${model}.`;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10} %`;

/** The simulated service level of this queue under the latest plan's model that covers it, with the org now. */
export async function simulatedNow(client: GenesysClient, session: DeskSession, queueId: string, signal?: AbortSignal) {
  const entry = [...session.plans.values()].reverse().find((p) => hasModel(p) && p.queueSkills[queueId] !== undefined);
  if (!hasModel(entry)) return null;
  const org = await readOrgState(client, session.options.now(), signal);
  const q = (await simulate(entry, modelWithOrg(entry, org), signal)).find((x) => x.id === queueId);
  if (!q) return null;
  return {
    serviceLevel: round(q.measures.serviceLevel, 4),
    meetsTarget: q.meetsTarget,
    basis: `plan ${entry.plan.id}'s model (demand, handle times, shifts) with the org's skills and memberships read now; the plain target on the mean of one long run, as a re-plan judges it`,
  };
}

function sessionChanges(session: DeskSession, queueId: string): QueueExplanation['changedToday'] {
  return [...session.applies.values()].flatMap((a) => {
    const entry = session.plans.get(a.planId);
    const skillId = entry?.queueSkills[queueId];
    const touched =
      (entry?.plan.changes.filter((c) => c.skillId === skillId).length ?? 0) +
      (entry?.plan.memberships.filter((m) => m.queueId === queueId).length ?? 0);
    if (touched === 0) return [];
    const what = `plan ${a.planId} applied: ${touched} skill/membership change(s) for this queue${a.rolledBack ? ' (rolled back since)' : ''}`;
    return [{ at: a.at, what, by: session.options.identity }];
  });
}

/** The platform's audit log for the queue today; an org without audit access gets one line saying so. */
async function auditChanges(client: GenesysClient, queueId: string, midnight: number, now: Date) {
  try {
    const messages = await client.audit.realtime
      .query({ interval: { from: new Date(midnight), to: now }, serviceName: 'Routing', entityId: queueId })
      .toArray({ max: 200, ifMore: 'throw' });
    return findChanges(messages).map((r) => ({
      at: r.eventDate,
      what: `${r.action ?? 'change'} ${r.property}: ${r.oldValues.join(', ') || '-'} -> ${r.newValues.join(', ') || '-'}`,
      by: 'audit log',
    }));
  } catch (error) {
    return [{ at: now.toISOString(), what: `audit log not read: ${(error as Error).message}`, by: 'audit log' }];
  }
}
