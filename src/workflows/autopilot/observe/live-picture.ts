// The live picture the notification stream keeps: per queue the calls waiting and interacting, since when the
// oldest has waited and the agents on queue (from `v2.analytics.queues.{id}.observations`); per agent whether they
// are on queue now (`v2.users.{id}.presence`) and taking calls (`v2.users.{id}.routingStatus`: IDLE available,
// INTERACTING busy, NOT_RESPONDING or OFF_QUEUE away). Pure: events in, picture out; the stream source feeds it.
import type { QueueLoad } from '../../../resources/analytics/index.js';

/** One queue as the stream last showed it. */
export interface LiveQueue {
  /** Calls waiting (oWaiting), all media types. */
  waiting: number;
  /** Calls connected to an agent (oInteracting). */
  interacting: number;
  /** Joined members on queue (oOnQueueUsers); undefined until a message or the seed said. */
  onQueueUsers: number | undefined;
  /** Epoch ms the oldest waiting call started waiting (oLongestWaiting); undefined when none waits. */
  oldestWaitingSince: number | undefined;
  /** Epoch ms of the last message or seed for the queue. */
  updatedAt: number;
}

/** One item of an observations message's `data`. */
export interface ObservationStatsItem {
  /** The metric: `oWaiting`, `oInteracting`, `oOnQueueUsers`, `oLongestWaiting`... */
  metric?: string | undefined;
  /** The metric's qualifier (e.g. a routing status of `oOnQueueUsers`), null when none. */
  qualifier?: string | null | undefined;
  /** The metric's statistics by name: `count` (all metrics), `max` (`oLongestWaiting`, ms). */
  stats?: Record<string, number> | undefined;
  /** The observations behind the metric; the picture reads the first one's `observationDate` (ISO time). */
  observations?: Array<{ observationDate?: string }> | undefined;
}

/** What an observations message carries: one group (`{ queueId, mediaType }` or `{ queueId }`) and its data. */
export interface ObservationsBody {
  /** The group: `queueId`, and `mediaType` for the per-media figures (without it: the queue's on-queue agents). */
  group?: Record<string, string> | undefined;
  /** The group's metrics. */
  data?: readonly ObservationStatsItem[] | undefined;
}

/** A presence message: the presence definition's system presence. */
export interface PresenceBody {
  /** The presence definition; its `systemPresence` (`On Queue`, `Available`, `Break`...) is what counts. */
  presenceDefinition?: { systemPresence?: string | undefined } | undefined;
}

/** A routing-status message: the agent's ACD status (IDLE, INTERACTING, COMMUNICATING, NOT_RESPONDING, OFF_QUEUE). */
export interface RoutingStatusBody {
  /** The routing status; its `status` is what counts. */
  routingStatus?: { status?: string | undefined } | undefined;
}

/** An agent as the stream shows them: taking calls now, on a call, or on queue by presence but not taking calls. */
export type AgentState = 'available' | 'busy' | 'away';

/** Routing statuses in which an agent on queue by presence takes no call: off queue, or not answering alerts. */
const NOT_TAKING_CALLS = new Set(['OFF_QUEUE', 'NOT_RESPONDING']);
/** Routing statuses of an agent on a call (or in after-call work on one): busy, but serving the queues. */
const ON_A_CALL = new Set(['INTERACTING', 'COMMUNICATING']);

interface MediaCounts {
  waiting: number;
  interacting: number;
  oldestSince: number | undefined;
}

/** True for the system presence "On Queue" however it is spelled (`On Queue`, `ON_QUEUE`). */
export function isOnQueuePresence(systemPresence: string | undefined): boolean {
  return (systemPresence ?? '').replace(/[\s_]/g, '').toLowerCase() === 'onqueue';
}

/** The live state of the watched queues and agents, kept from the notification stream (queue observations and presence). */
export class LivePicture {
  readonly #media = new Map<string, Map<string, MediaCounts>>();
  readonly #onQueueUsers = new Map<string, number>();
  readonly #updated = new Map<string, number>();
  readonly #presence = new Map<string, boolean>();
  readonly #routing = new Map<string, string>();
  /** Agents with a presence event since the stream last (re)connected: a seed read before it must not undo it. */
  readonly #heard = new Set<string>();
  /** Messages applied (observations and presence). */
  messages = 0;

  /** Replaces the queues' picture with an observations query's answer (at start and after a reconnect). */
  seedQueues(loads: readonly QueueLoad[], at: number): void {
    for (const l of loads) {
      const since = l.longestWaitingSince ? Date.parse(l.longestWaitingSince) : undefined;
      this.#media.set(
        l.queueId,
        new Map([['*', { waiting: l.waiting, interacting: l.interacting, oldestSince: since }]]),
      );
      this.#onQueueUsers.set(l.queueId, l.onQueueUsers);
      this.#updated.set(l.queueId, at);
    }
  }

  /**
   * Sets the on-queue picture of agents the stream has not spoken about since it (re)connected, from a read of
   * their routing status (other than OFF_QUEUE: on queue).
   */
  seedAgents(userIds: Iterable<string>, onQueue: ReadonlySet<string>): void {
    for (const id of userIds)
      if (!this.#heard.has(id)) {
        this.#presence.set(id, onQueue.has(id));
        this.#routing.delete(id);
      }
  }

  /** The stream (re)connected: events may have been missed, so every agent is open to the next seed again. */
  reconnected(): void {
    this.#heard.clear();
  }

  /** Applies one routing-status notification: the agent's ACD status now. */
  applyRoutingStatus(userId: string, body: RoutingStatusBody): void {
    this.messages++;
    const status = body.routingStatus?.status;
    if (status === undefined) return;
    this.#heard.add(userId);
    const upper = status.toUpperCase();
    this.#routing.set(userId, upper);
    // Any routing status but OFF_QUEUE means the agent is On Queue (the platform routes only to them).
    if (upper !== 'OFF_QUEUE') this.#presence.set(userId, true);
  }

  /** Applies one queue observations notification (waiting, interacting, on-queue agents) received at `at` (ms). */
  applyObservations(queueId: string, body: ObservationsBody, at: number): void {
    this.messages++;
    this.#updated.set(queueId, at);
    const data = body.data ?? [];
    const mediaType = body.group?.['mediaType'];
    if (mediaType === undefined) {
      const users = data.filter((d) => d.metric === 'oOnQueueUsers');
      if (users.length > 0)
        this.#onQueueUsers.set(
          queueId,
          users.reduce((n, d) => n + (d.stats?.['count'] ?? 0), 0),
        );
      return;
    }
    const byMedia = this.#media.get(queueId) ?? new Map<string, MediaCounts>();
    byMedia.delete('*'); // a seed's totals give way to the per-media messages
    const prev = byMedia.get(mediaType) ?? { waiting: 0, interacting: 0, oldestSince: undefined };
    const count = (metric: string) => {
      const items = data.filter((d) => d.metric === metric);
      return items.length === 0 ? undefined : items.reduce((n, d) => n + (d.stats?.['count'] ?? 0), 0);
    };
    const longest = data.find((d) => d.metric === 'oLongestWaiting');
    let oldestSince = prev.oldestSince;
    if (longest) {
      const date = longest.observations?.[0]?.observationDate;
      const max = longest.stats?.['max'];
      oldestSince =
        (longest.stats?.['count'] ?? 0) === 0
          ? undefined
          : date !== undefined
            ? Date.parse(date)
            : max !== undefined
              ? at - max
              : at;
    }
    const waiting = count('oWaiting') ?? prev.waiting;
    byMedia.set(mediaType, {
      waiting,
      interacting: count('oInteracting') ?? prev.interacting,
      oldestSince: waiting === 0 ? undefined : oldestSince,
    });
    this.#media.set(queueId, byMedia);
  }

  /** Applies one presence notification: whether the agent is on queue now. */
  applyPresence(userId: string, body: PresenceBody): void {
    this.messages++;
    this.#heard.add(userId);
    const on = isOnQueuePresence(body.presenceDefinition?.systemPresence);
    this.#presence.set(userId, on);
    // Leaving On Queue takes the agent off queue; coming back, the routing status that follows says how they are.
    if (!on) this.#routing.set(userId, 'OFF_QUEUE');
    else if (this.#routing.get(userId) === 'OFF_QUEUE') this.#routing.delete(userId);
  }

  /** The live state of one queue, or undefined before anything was heard of it. */
  queue(queueId: string): LiveQueue | undefined {
    const byMedia = this.#media.get(queueId);
    const updatedAt = this.#updated.get(queueId);
    if (updatedAt === undefined) return undefined;
    let waiting = 0;
    let interacting = 0;
    let oldest: number | undefined;
    for (const m of byMedia?.values() ?? []) {
      waiting += m.waiting;
      interacting += m.interacting;
      if (m.oldestSince !== undefined) oldest = Math.min(oldest ?? Infinity, m.oldestSince);
    }
    return {
      waiting,
      interacting,
      onQueueUsers: this.#onQueueUsers.get(queueId),
      oldestWaitingSince: oldest,
      updatedAt,
    };
  }

  /**
   * On queue now by the stream: presence On Queue and a routing status that takes calls (an agent NOT_RESPONDING
   * or OFF_QUEUE is not, whatever the presence); undefined for an agent it has no word on.
   */
  onQueue(userId: string): boolean | undefined {
    const state = this.agent(userId);
    return state === undefined ? undefined : state !== 'away';
  }

  /**
   * The agent now: `available` (on queue, idle), `busy` (on a call) or `away` (presence not On Queue, or a routing
   * status that takes no call); undefined for an agent the stream has no word on.
   */
  agent(userId: string): AgentState | undefined {
    const presence = this.#presence.get(userId);
    const status = this.#routing.get(userId);
    if (presence === undefined && status === undefined) return undefined;
    if (presence === false || (status !== undefined && NOT_TAKING_CALLS.has(status))) return 'away';
    return status !== undefined && ON_A_CALL.has(status) ? 'busy' : 'available';
  }

  /** How many of `userIds` are available, busy and away by the stream (the rest: no word). */
  agents(userIds: Iterable<string>): Record<AgentState, number> {
    const out: Record<AgentState, number> = { available: 0, busy: 0, away: 0 };
    for (const id of userIds) {
      const state = this.agent(id);
      if (state) out[state]++;
    }
    return out;
  }

  /** Agents with a presence or routing-status word from the stream (or a seed) so far. */
  get agentsKnown(): number {
    return new Set([...this.#presence.keys(), ...this.#routing.keys()]).size;
  }
}
