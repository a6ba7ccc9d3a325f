// Queue observations (QueueObservationQueryResponse) at the org clock: conversation metrics from the synthetic
// stream (who is waiting, alerting or connected right now), user metrics from the roster's live routing
// status and presence. Per queue: one result grouped by { queueId } with the user metrics, and one per
// media type grouped by { queueId, mediaType } with the conversation metrics.
import { Random, deriveSeed } from '../random.js';
import { liveStatus } from '../state/live-status.js';
import type { OrgState } from '../state/org.js';
import type { SystemPresence, UserRecord } from '../state/types.js';
import type { Test } from './query/filters.js';
import { MAX_LIFETIME_MS, type SyntheticConversation } from './synthetic/generate.js';
import { idsFor } from './synthetic/ids.js';
import { TRAFFIC_MEDIA, type TrafficModel } from './synthetic/model.js';
import { conversationsStartedIn } from './synthetic/stream.js';

const USER_METRICS = new Set([
  'oActiveUsers',
  'oMemberUsers',
  'oOnQueueUsers',
  'oOffQueueUsers',
  'oUserPresences',
  'oUserRoutingStatuses',
]);
const SYSTEM_PRESENCES: readonly SystemPresence[] = [
  'Available',
  'Away',
  'Busy',
  'Offline',
  'Idle',
  'On Queue',
  'Meal',
  'Training',
  'Meeting',
  'Break',
];

/** Same derivation as the presence definition ids the users API renders (respond/views.ts), so the ids agree. */
export function presenceDefinitionId(presence: SystemPresence): string {
  return new Random(deriveSeed(0, `presence:${presence}`)).uuid();
}

/** 'On Queue' -> 'ON_QUEUE': the system presence keys analytics uses. */
export function systemPresenceKey(presence: SystemPresence): string {
  return presence.toUpperCase().replace(/ /g, '_');
}

type ConversationState = 'waiting' | 'alerting' | 'interacting';

interface Live {
  c: SyntheticConversation;
  state: ConversationState;
  /** When the conversation entered that state. */
  since: number;
  userId?: string;
}

function liveState(c: SyntheticConversation, now: number): Live | undefined {
  if (now < c.start || now >= c.end) return undefined;
  const first = c.legs[0];
  if (c.abandoned || !first || now < first.alertStart) return { c, state: 'waiting', since: c.start };
  for (const leg of c.legs) {
    if (now >= leg.alertStart && now < leg.connect)
      return { c, state: 'alerting', since: leg.alertStart, userId: leg.userId };
    if (now >= leg.connect && now < leg.disconnect)
      return { c, state: 'interacting', since: leg.connect, userId: leg.userId };
  }
  return undefined;
}

interface ObservationRequest {
  queueIds: readonly string[];
  metrics: readonly string[];
  detailMetrics: ReadonlySet<string>;
  filter: Test;
}

export function observeQueues(
  state: OrgState,
  model: TrafficModel,
  req: ObservationRequest,
  now: number,
  /** The conversations to observe (the live emulator's); default: the synthetic stream around `now`. */
  conversations?: readonly SyntheticConversation[],
): Record<string, unknown> {
  const live = new Map<string, Live[]>();
  const source = conversations ?? conversationsStartedIn(model, now - MAX_LIFETIME_MS, now + 1, now, req.queueIds);
  for (const c of source) {
    const l = liveState(c, now);
    if (l) live.set(c.queueId, [...(live.get(c.queueId) ?? []), l]);
  }
  const results: unknown[] = [];
  const userMetrics = req.metrics.filter((m) => USER_METRICS.has(m));
  const conversationMetrics = req.metrics.filter((m) => !USER_METRICS.has(m));
  for (const queueId of req.queueIds) {
    const passes = TRAFFIC_MEDIA.filter((mediaType) => req.filter({ queueId, mediaType }));
    if (passes.length === 0 && !req.filter({ queueId })) continue;
    if (userMetrics.length > 0) {
      const users = activeUsersOf(state, queueId);
      results.push({
        group: { queueId },
        data: userMetrics.flatMap((m) => userData(state, queueId, users, m, req.detailMetrics.has(m))),
      });
    }
    if (conversationMetrics.length === 0) continue;
    for (const mediaType of passes) {
      const here = (live.get(queueId) ?? []).filter((l) => l.c.mediaType === mediaType);
      const data = conversationMetrics.map((m) => conversationData(m, here, now, req.detailMetrics.has(m)));
      results.push({ group: { queueId, mediaType }, data });
    }
  }
  const mappings = Object.fromEntries(SYSTEM_PRESENCES.map((p) => [systemPresenceKey(p), [presenceDefinitionId(p)]]));
  return { systemToOrganizationMappings: mappings, results };
}

function conversationData(
  metric: string,
  live: readonly Live[],
  now: number,
  detail: boolean,
): Record<string, unknown> {
  const wanted: ConversationState =
    metric === 'oAlerting'
      ? 'alerting'
      : metric === 'oInteracting' || metric === 'oLongestInteracting'
        ? 'interacting'
        : 'waiting';
  const items = live.filter((l) => l.state === wanted).sort((a, b) => a.since - b.since);
  const observation = (l: Live) => ({
    observationDate: new Date(l.since).toISOString(),
    conversationId: l.c.conversationId,
    sessionId: idsFor(l.c, 'acd').sessionId,
    ...(l.c.skillId ? { requestedRoutingSkillIds: [l.c.skillId] } : {}),
    ...(l.c.languageId ? { requestedLanguageId: l.c.languageId } : {}),
    routingPriority: 0,
    direction: 'inbound',
    ...(l.userId ? { userId: l.userId } : {}),
    requestedRoutings: ['Standard'],
    ...(l.userId ? { usedRouting: 'Standard' } : {}),
  });
  if (metric === 'oLongestWaiting' || metric === 'oLongestInteracting') {
    // Unconfirmed shape: count of 0/1 plus the oldest item as the one observation; max = its age in ms.
    const oldest = items[0];
    return oldest
      ? { metric, stats: { count: 1, max: now - oldest.since }, observations: [observation(oldest)] }
      : { metric, stats: { count: 0 } };
  }
  return {
    metric,
    stats: { count: items.length },
    ...(detail ? { truncated: false, observations: items.map(observation) } : {}),
  };
}

/** Joined active members as they are now: routing status and presence at the org clock (shift or last set; live-status.ts). */
function activeUsersOf(state: OrgState, queueId: string): UserRecord[] {
  const out: UserRecord[] = [];
  for (const m of state.membersOf(queueId).values()) {
    const u = m.joined ? state.users.get(m.userId) : undefined;
    if (u?.state === 'active') out.push({ ...u, ...liveStatus(state, u) });
  }
  return out;
}

function userData(
  state: OrgState,
  queueId: string,
  activeUsers: readonly UserRecord[],
  metric: string,
  detail: boolean,
): Array<Record<string, unknown>> {
  const members = [...state.membersOf(queueId).values()];
  const user = (id: string) => state.users.get(id);
  const entry = (users: readonly UserRecord[], qualifier?: string) => ({
    metric,
    ...(qualifier === undefined ? {} : { qualifier }),
    stats: { count: users.length },
    ...(detail
      ? {
          truncated: false,
          observations: users.map((u) => ({ observationDate: u.routingStatus.startTime, userId: u.id })),
        }
      : {}),
  });
  const byQualifier = (users: readonly UserRecord[], key: (u: UserRecord) => string) => {
    const groups = new Map<string, UserRecord[]>();
    for (const u of users) groups.set(key(u), [...(groups.get(key(u)) ?? []), u]);
    return groups.size === 0
      ? [entry([])]
      : [...groups].sort(([a], [b]) => a.localeCompare(b)).map(([q, us]) => entry(us, q));
  };
  switch (metric) {
    case 'oMemberUsers':
      return [
        entry(
          members.map((m) => user(m.userId)).filter((u): u is UserRecord => u !== undefined && u.state !== 'deleted'),
        ),
      ];
    case 'oActiveUsers':
      return [entry(activeUsers)];
    case 'oOffQueueUsers':
      return [entry(activeUsers.filter((u) => u.routingStatus.status === 'OFF_QUEUE'))];
    case 'oOnQueueUsers':
      return byQualifier(
        activeUsers.filter((u) => u.routingStatus.status !== 'OFF_QUEUE'),
        (u) => u.routingStatus.status,
      );
    case 'oUserRoutingStatuses':
      return byQualifier(activeUsers, (u) => u.routingStatus.status);
    default: // oUserPresences: qualifier = the organization presence definition id
      return byQualifier(activeUsers, (u) => presenceDefinitionId(u.presence.systemPresence));
  }
}
