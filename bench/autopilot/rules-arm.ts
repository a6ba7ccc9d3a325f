// The threshold-rule arm of `npm run bench:autopilot`, on the SDK's public API only: every 5 minutes it reads each
// queue's service level over the last 15 minutes (conversation aggregates, oServiceLevel), and when a rule fires,
// the members of every watched queue with their skills and routing status; it adds and removes skills with
// routing.userSkills, and memberships with routing.members when an agent was not a member. At the end it removes what it still holds, as the autopilot returns to its baseline.
import { aggregateStats, anyOfFilter, combineRows, type GenesysClient } from '../../src/index.js';
import type { Clock } from '../../src/internal/clock.js';
import {
  emptyRuleState,
  thresholdRuleStep,
  type RuleAddition,
  type RuleAgent,
  type RuleQueue,
} from './threshold-rules.js';

const MINUTE = 60_000;
const CHECK_MS = 5 * MINUTE;
const WINDOW_MS = 15 * MINUTE;
const HISTORY_MS = 7 * 86_400_000;
/** Proficiency of an added skill (the autopilot's default addProficiency, for a like-for-like comparison). */
const ADD_PROFICIENCY = 1;

interface WatchedQueue {
  queueId: string;
  skillId: string;
  target: number;
}

/** Runs the rules from the clock's now until `end`, then removes what they still hold. */
export async function runThresholdRules(
  client: GenesysClient,
  options: { queueIds: readonly string[]; clock: Clock; end: number },
): Promise<void> {
  const { clock, end } = options;
  const queues = await watchedQueues(client, options.queueIds, clock.now());
  let state = emptyRuleState();
  // The first window lies wholly in the live day: the 15 minutes before its start are the emulator's synthetic
  // history, of which only part is visible at that instant (its service level reads near 0 on some queues).
  await clock.sleep(WINDOW_MS);
  while (clock.now() < end) {
    const now = clock.now();
    const observed = await lastWindow(client, queues, now);
    const pressed = observed.some((q) => q.serviceLevel !== null && q.serviceLevel < q.target - 0.05);
    const agents = pressed || state.additions.length > 0 ? await agentsOf(client, queues) : [];
    const decision = thresholdRuleStep({ now, queues: observed, agents, state });
    for (const r of decision.remove) await undo(client, r);
    for (const a of decision.add) {
      if (a.membership) await client.routing.members.add(a.queueId, [a.userId]);
      await client.routing.userSkills.add(a.userId, { id: a.skillId, proficiency: ADD_PROFICIENCY });
    }
    state = decision.state;
    await clock.sleep(Math.min(CHECK_MS, end - now));
  }
  for (const r of state.additions) await undo(client, r);
}

async function undo(client: GenesysClient, addition: RuleAddition): Promise<void> {
  await client.routing.userSkills.remove(addition.userId, addition.skillId);
  if (addition.membership) await client.routing.members.remove(addition.queueId, [addition.userId]);
}

/** Each queue's voice service-level target and the skill its calls request most (last 7 days). */
async function watchedQueues(client: GenesysClient, queueIds: readonly string[], now: number) {
  const res = await client.analytics.aggregates.query({
    interval: { from: new Date(now - HISTORY_MS), to: new Date(now) },
    groupBy: ['queueId', 'requestedRoutingSkillId'],
    metrics: ['nOffered'],
    filter: anyOfFilter('queueId', [...queueIds]),
  });
  const top = new Map<string, { skillId: string; n: number }>();
  for (const row of combineRows(aggregateStats(res), 'mediaType')) {
    const { queueId, requestedRoutingSkillId: skillId } = row.group;
    const n = row.count ?? 0;
    if (!queueId || !skillId || (top.get(queueId)?.n ?? -1) >= n) continue;
    top.set(queueId, { skillId, n });
  }
  const out: WatchedQueue[] = [];
  for (const queueId of queueIds) {
    const queue = await client.routing.queues.get(queueId);
    const skillId = top.get(queueId)?.skillId;
    const target = queue.mediaSettings?.['call']?.serviceLevel?.percentage ?? 0.8;
    if (skillId) out.push({ queueId, skillId, target });
  }
  return out;
}

/** Service level of each queue over [now - 15 min, now). */
async function lastWindow(client: GenesysClient, queues: readonly WatchedQueue[], now: number): Promise<RuleQueue[]> {
  const res = await client.analytics.aggregates.query({
    interval: { from: new Date(now - WINDOW_MS), to: new Date(now) },
    groupBy: ['queueId'],
    metrics: ['oServiceLevel'],
    filter: anyOfFilter(
      'queueId',
      queues.map((q) => q.queueId),
    ),
  });
  const sl = new Map<string, number>();
  for (const row of combineRows(aggregateStats(res), 'mediaType'))
    if (row.metric === 'oServiceLevel' && row.ratio !== undefined && (row.denominator ?? 0) > 0)
      sl.set(row.group['queueId'] ?? '', row.ratio);
  return queues.map((q) => ({ ...q, serviceLevel: sl.get(q.queueId) ?? null }));
}

/** The members of every watched queue, with their skills and routing status. */
async function agentsOf(client: GenesysClient, queues: readonly WatchedQueue[]): Promise<RuleAgent[]> {
  const agents = new Map<string, RuleAgent & { joinedQueueIds: string[]; memberQueueIds: string[] }>();
  for (const q of queues) {
    const members = await client.routing.members
      .list(q.queueId, { expand: ['routingStatus', 'skills'], pageSize: 100 })
      .toArray();
    for (const m of members) {
      const known = agents.get(m.id);
      if (known) {
        known.memberQueueIds.push(q.queueId);
        if (m.joined) known.joinedQueueIds.push(q.queueId);
        continue;
      }
      agents.set(m.id, {
        userId: m.id,
        joinedQueueIds: m.joined ? [q.queueId] : [],
        memberQueueIds: [q.queueId],
        skillIds: (m.user?.skills ?? []).map((s) => s.id ?? '').filter((id) => id !== ''),
        status: m.routingStatus?.status ?? 'OFF_QUEUE',
        statusSince: Date.parse(m.routingStatus?.startTime ?? '') || 0,
      });
    }
  }
  return [...agents.values()];
}
