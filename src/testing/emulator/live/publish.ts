// What the live day publishes beyond the routing-status events every status change already sends
// (notifications/publisher.ts: v2.users.{id}.routingStatus and .activity):
//  - v2.users.{id}.presence                 when an agent's presence changes (shift start, break, end of shift);
//  - v2.analytics.queues.{id}.observations  a queue's observation groups, as the observations query shapes them
//                                           (one message per group: { queueId, mediaType } with oWaiting,
//                                           oInteracting, oLongestWaiting; { queueId } with oOnQueueUsers and
//                                           oActiveUsers), when a count changed.
// Publishing happens once per simulated instant at most, after every event of that instant, and only for
// topics someone subscribed to.
import { liveStatus } from '../state/live-status.js';
import type { OrgState } from '../state/org.js';
import type { SystemPresence } from '../state/types.js';
import type { SyntheticConversation } from '../traffic/synthetic/generate.js';
import { observeQueues, presenceDefinitionId } from '../traffic/observations.js';
import type { TrafficModel } from '../traffic/synthetic/model.js';

/** The part of the notification hub the live day uses. */
export interface LiveHub {
  publish(topicName: string, eventBody: unknown): number;
  hasSubscriber(topicName: string): boolean;
  /** Every event message the hub sent so far, the org's own routing-status events included. */
  readonly published?: number;
}

const CONVERSATION_METRICS = ['oWaiting', 'oInteracting', 'oLongestWaiting'];
const USER_METRICS = ['oOnQueueUsers', 'oActiveUsers'];
const NO_TRAFFIC = {} as TrafficModel; // observeQueues reads the conversations given, never the model

export class LivePublisher {
  readonly #state: OrgState;
  readonly #hub: LiveHub;
  readonly #dirtyQueues = new Set<string>();
  readonly #dirtyUsers = new Set<string>();
  readonly #presence = new Map<string, SystemPresence>();
  /** Last published counts per (queue, group): a group is published again only when a count changed. */
  readonly #lastCounts = new Map<string, string>();
  published = 0;

  constructor(state: OrgState, hub: LiveHub) {
    this.#state = state;
    this.#hub = hub;
  }

  queueChanged(queueId: string): void {
    this.#dirtyQueues.add(queueId);
  }

  /** An agent's status changed: their presence, and the user metrics of their queues. */
  userChanged(userId: string): void {
    this.#dirtyUsers.add(userId);
  }

  get pending(): boolean {
    return this.#dirtyQueues.size > 0 || this.#dirtyUsers.size > 0;
  }

  /** Publishes what changed at `now`; `live(queueId)` gives the queue's conversations in progress. */
  flush(now: number, live: (queueId: string) => SyntheticConversation[]): void {
    // Conversation groups of queues whose calls changed; the user group of queues whose members' status did.
    const userQueues = new Set<string>();
    for (const userId of this.#dirtyUsers) {
      this.#publishPresence(userId);
      for (const [queueId, members] of this.#state.members) if (members.has(userId)) userQueues.add(queueId);
    }
    this.#dirtyUsers.clear();
    for (const queueId of [...new Set([...this.#dirtyQueues, ...userQueues])].sort()) {
      const topic = `v2.analytics.queues.${queueId}.observations`;
      if (!this.#hub.hasSubscriber(topic)) continue;
      const metrics = [
        ...(this.#dirtyQueues.has(queueId) ? CONVERSATION_METRICS : []),
        ...(userQueues.has(queueId) ? USER_METRICS : []),
      ];
      const response = observeQueues(
        this.#state,
        NO_TRAFFIC,
        { queueIds: [queueId], metrics, detailMetrics: new Set(), filter: () => true },
        now,
        live(queueId),
      );
      for (const result of response['results'] as Array<{ group: Record<string, string>; data: CountData[] }>) {
        const key = `${queueId}:${result.group['mediaType'] ?? ''}`;
        const counts = result.data.map((d) => `${d.metric}:${d.qualifier ?? ''}:${d.stats.count}`).join(',');
        if (this.#lastCounts.get(key) === counts) continue;
        this.#lastCounts.set(key, counts);
        this.published += this.#hub.publish(topic, result);
      }
    }
    this.#dirtyQueues.clear();
  }

  #publishPresence(userId: string): void {
    const user = this.#state.users.get(userId);
    if (!user) return;
    const { presence } = liveStatus(this.#state, user);
    if (this.#presence.get(userId) === presence.systemPresence) return;
    this.#presence.set(userId, presence.systemPresence);
    const topic = `v2.users.${userId}.presence`;
    if (!this.#hub.hasSubscriber(topic)) return;
    this.published += this.#hub.publish(topic, {
      source: 'PURECLOUD',
      presenceDefinition: {
        id: presenceDefinitionId(presence.systemPresence),
        systemPresence: presence.systemPresence,
      },
      primary: true,
      message: '',
      modifiedDate: presence.modifiedDate,
    });
  }
}

interface CountData {
  metric: string;
  qualifier?: string;
  stats: { count: number };
}
