// The live picture the notification stream keeps: per queue the calls waiting and interacting, since when the
// oldest has waited and the agents on queue (from `v2.analytics.queues.{id}.observations`); per agent whether they
// are on queue now (from `v2.users.{id}.presence`). Pure: events in, picture out; the stream source feeds it.
import type { QueueLoad } from '../../resources/analytics/index.js';

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
  metric?: string | undefined;
  qualifier?: string | null | undefined;
  stats?: Record<string, number> | undefined;
  observations?: Array<{ observationDate?: string }> | undefined;
}

/** What an observations message carries: one group (`{ queueId, mediaType }` or `{ queueId }`) and its data. */
export interface ObservationsBody {
  group?: Record<string, string> | undefined;
  data?: readonly ObservationStatsItem[] | undefined;
}

/** A presence message: the presence definition's system presence. */
export interface PresenceBody {
  presenceDefinition?: { systemPresence?: string | undefined } | undefined;
}

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
    for (const id of userIds) if (!this.#heard.has(id)) this.#presence.set(id, onQueue.has(id));
  }

  /** The stream (re)connected: events may have been missed, so every agent is open to the next seed again. */
  reconnected(): void {
    this.#heard.clear();
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
    this.#presence.set(userId, isOnQueuePresence(body.presenceDefinition?.systemPresence));
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

  /** On queue now by the stream; undefined for an agent it has no word on. */
  onQueue(userId: string): boolean | undefined {
    return this.#presence.get(userId);
  }

  get agentsKnown(): number {
    return this.#presence.size;
  }
}
