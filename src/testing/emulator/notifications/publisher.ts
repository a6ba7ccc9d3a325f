// Turns org changes into notification events, in the payload models of the official SDK:
//  - audit messages             -> v2.audits.entitytype.{type}.entityid.{id}   (AuditTopicAuditLogMessage)
//  - queue membership changes   -> v2.routing.queues.{id}.users                (QueueUserEventTopicQueueMember)
//  - routing status changes     -> v2.users.{id}.routingStatus                 (UserRoutingStatusUserRoutingStatus)
//                                  v2.users.{id}.activity                      (AgentActivityChangedTopicAgentActivity)
// Membership events come from a diff against a snapshot taken when the topic was first subscribed, so a
// change is published once however it was made (REST handler + its audit record, or OrgState.addMember).
import type { OrgState } from '../state/org.js';
import type { AuditLogMessage, OrgChange, UserRecord } from '../state/types.js';
import type { NotificationHub } from './hub.js';

const QUEUE_USERS = /^v2\.routing\.queues\.([^.]+)\.users$/i;

/** AuditLogMessage (REST model) -> AuditTopicAuditLogMessage (notification model). */
export function auditTopicView(m: AuditLogMessage) {
  return {
    id: m.id,
    ...(m.user ? { userId: m.user.id } : {}),
    userHomeOrgId: m.userHomeOrgId,
    ...(m.user?.name ? { userDisplay: m.user.name } : {}),
    clientId: { id: m.client.id },
    remoteIp: m.remoteIp,
    serviceName: m.serviceName,
    level: m.level,
    eventTime: m.eventDate,
    ...(m.message ? { message: m.message } : {}),
    action: m.action,
    entityType: m.entityType,
    entity: m.entity,
    propertyChanges: m.propertyChanges,
    context: m.context,
  };
}

export function agentActivityView(state: OrgState, user: UserRecord) {
  const activeQueueIds = state.queuesOf(user.id).filter((queueId) => state.membersOf(queueId).get(user.id)?.joined);
  return {
    id: user.id,
    routingStatus: { status: user.routingStatus.status, startTime: user.routingStatus.startTime },
    presence: {
      presenceDefinition: { systemPresence: user.presence.systemPresence },
      modifiedDate: user.presence.modifiedDate,
    },
    outOfOffice: { active: false },
    activeQueueIds,
  };
}

export class ChangePublisher {
  readonly #state: OrgState;
  readonly #hub: NotificationHub;
  /** queueId -> userId -> joined, for queues someone subscribed to. */
  readonly #members = new Map<string, Map<string, boolean>>();
  readonly #unsubscribe: () => void;

  constructor(state: OrgState, hub: NotificationHub) {
    this.#state = state;
    this.#hub = hub;
    this.#unsubscribe = state.onChange((change) => this.#onChange(change));
    hub.onSubscribe((topics) => {
      for (const topic of topics) {
        const queueId = QUEUE_USERS.exec(topic)?.[1];
        if (queueId && !this.#members.has(queueId)) this.#members.set(queueId, this.#snapshot(queueId));
      }
    });
  }

  stop(): void {
    this.#unsubscribe();
  }

  #onChange(change: OrgChange): void {
    if (change.type === 'member') {
      this.#diffQueue(change.queueId);
    } else if (change.type === 'routingStatus') {
      const user = this.#state.users.get(change.userId);
      if (!user) return;
      this.#hub.publish(`v2.users.${user.id}.routingStatus`, {
        id: user.id,
        routingStatus: { ...change.routingStatus },
      });
      this.#hub.publish(`v2.users.${user.id}.activity`, agentActivityView(this.#state, user));
    } else {
      const m = change.message;
      if (m.entityType === 'Queue') this.#diffQueue(m.entity.id);
      this.#hub.publish(`v2.audits.entitytype.${m.entityType}.entityid.${m.entity.id}`, auditTopicView(m));
    }
  }

  #snapshot(queueId: string): Map<string, boolean> {
    return new Map([...this.#state.membersOf(queueId)].map(([userId, member]) => [userId, member.joined]));
  }

  /** Publishes added, removed (joined: false) and join-state changes since the last snapshot. */
  #diffQueue(queueId: string): void {
    const before = this.#members.get(queueId);
    if (!before) return;
    const after = this.#snapshot(queueId);
    this.#members.set(queueId, after);
    const topic = `v2.routing.queues.${queueId}.users`;
    for (const [userId, joined] of after) {
      if (before.get(userId) !== joined)
        this.#hub.publish(topic, { id: userId, user: { id: userId }, queueId, joined });
    }
    for (const userId of before.keys()) {
      if (!after.has(userId)) this.#hub.publish(topic, { id: userId, user: { id: userId }, queueId, joined: false });
    }
  }
}
