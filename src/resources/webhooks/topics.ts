// Notification topics: typed builders, the event union (discriminated by `kind`), and the runtime matcher
// that maps a topicName back to its kind and ids. Topic list: the routing-relevant topics of the official SDK purecloud-platform-client-v2's notification mapping.
import type { SchemaLike } from '../../transport/operation.js';
import { ValidationError } from '../../errors/index.js';
import {
  AuditNotificationSchema,
  DataAvailabilityNotificationSchema,
  DetailEventNotificationSchema,
  QueueConversationNotificationSchema,
  QueueMemberNotificationSchema,
  StatsNotificationSchema,
  UserActivityNotificationSchema,
  UserConversationSummaryNotificationSchema,
  UserPresenceNotificationSchema,
  UserRoutingStatusNotificationSchema,
  type AuditNotification,
  type DataAvailabilityNotification,
  type DetailEventNotification,
  type QueueConversationNotification,
  type QueueMemberNotification,
  type StatsNotification,
  type UserActivityNotification,
  type UserConversationSummaryNotification,
  type UserPresenceNotification,
  type UserRoutingStatusNotification,
} from '../schemas/notifications.js';

/** A media type of the `v2.routing.queues.{id}.conversations.{media}` topics. */
export type QueueConversationMedia =
  | 'calls'
  | 'callbacks'
  | 'chats'
  | 'cobrowseSessions'
  | 'emails'
  | 'messages'
  | 'screenshares'
  | 'socialexpressions'
  | 'videos';
/** An event type of the `v2.detail.events.conversation.{id}.{eventType}` topics. */
export type ConversationDetailEventType =
  | 'wrapup'
  | 'acd.start'
  | 'acd.end'
  | 'acw'
  | 'customer.start'
  | 'customer.end'
  | 'user.start'
  | 'user.end'
  | 'outbound'
  | 'flow.start'
  | 'flow.end';

/** Per kind: the ids found in the topic name and the payload type. */
export interface NotificationKinds {
  /** `v2.routing.queues.{id}.users`: queue membership changes. */
  queueMembers: { ids: { queueId: string }; body: QueueMemberNotification };
  /** `v2.routing.queues.{id}.conversations[.{media}]`: conversations in a queue. */
  queueConversations: { ids: { queueId: string; media: string | undefined }; body: QueueConversationNotification };
  /** `v2.users.{id}.routingStatus`: a user's routing status. */
  userRoutingStatus: { ids: { userId: string }; body: UserRoutingStatusNotification };
  /** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues. */
  userActivity: { ids: { userId: string }; body: UserActivityNotification };
  /** `v2.users.{id}.presence`: a user's presence. */
  userPresence: { ids: { userId: string }; body: UserPresenceNotification };
  /** `v2.users.{id}.conversationsummary`: a user's conversation counts per media type. */
  userConversationSummary: { ids: { userId: string }; body: UserConversationSummaryNotification };
  /** `v2.analytics.queues.{id}.observations`: queue observation stats. */
  queueObservations: { ids: { queueId: string }; body: StatsNotification };
  /** `v2.analytics.queues.{id}.activity`: observation counts per grouping. */
  queueActivity: { ids: { queueId: string }; body: StatsNotification };
  /** `v2.analytics.users.{id}.aggregates`: a user's aggregate stats. */
  userAggregates: { ids: { userId: string }; body: StatsNotification };
  /** `v2.analytics.wrapup.{id}.aggregates`: aggregate stats of a wrap-up code. */
  wrapupAggregates: { ids: { wrapupCodeId: string }; body: StatsNotification };
  /** `v2.detail.events.conversation.{id}.{eventType}`: detail events of one conversation. */
  conversationDetailEvents: { ids: { conversationId: string; eventType: string }; body: DetailEventNotification };
  /** `v2.audits.entitytype.{type}.entityid.{id}`: audit messages of one entity. */
  audits: { ids: { entityType: string; entityId: string }; body: AuditNotification };
  /** `v2.analytics.conversations.details.jobs.availability`: analytics data availability. */
  detailsJobsAvailability: { ids: Record<string, never>; body: DataAvailabilityNotification };
  /** A topic this SDK has no model for: the body is passed through untyped. */
  unknown: { ids: Record<string, never>; body: unknown };
}
/** The kind of a notification event, from its topic name (`unknown` for topics without a model). */
export type NotificationKind = keyof NotificationKinds;

/**
 * The metadata of a notification: its `CorrelationId`. Other fields the platform adds are on the object at run
 * time, outside the type.
 */
export interface NotificationMetadata {
  /** Correlation id of the change that caused the event. */
  CorrelationId?: string;
}

/** One event from a notification channel (or an EventBridge `detail`), typed by its topic's kind. */
export type NotificationEvent<K extends NotificationKind = NotificationKind> = K extends NotificationKind
  ? {
      kind: K;
      topicName: string;
      /** Ids parsed from the topic name. */
      ids: NotificationKinds[K]['ids'];
      eventBody: NotificationKinds[K]['body'];
      metadata: NotificationMetadata;
      version: string | undefined;
    }
  : never;

/** The kind a topic string belongs to, at the type level (plain `string` -> every kind). */
export type TopicKind<T extends string> = string extends T
  ? NotificationKind
  : T extends `v2.routing.queues.${string}.users`
    ? 'queueMembers'
    : T extends `v2.routing.queues.${string}.conversations${string}`
      ? 'queueConversations'
      : T extends `v2.users.${string}.routingStatus`
        ? 'userRoutingStatus'
        : T extends `v2.users.${string}.activity`
          ? 'userActivity'
          : T extends `v2.users.${string}.presence`
            ? 'userPresence'
            : T extends `v2.users.${string}.conversationsummary`
              ? 'userConversationSummary'
              : T extends `v2.analytics.queues.${string}.observations`
                ? 'queueObservations'
                : T extends `v2.analytics.queues.${string}.activity`
                  ? 'queueActivity'
                  : T extends `v2.analytics.users.${string}.aggregates`
                    ? 'userAggregates'
                    : T extends `v2.analytics.wrapup.${string}.aggregates`
                      ? 'wrapupAggregates'
                      : T extends `v2.detail.events.conversation.${string}`
                        ? 'conversationDetailEvents'
                        : T extends `v2.audits.entitytype.${string}.entityid.${string}`
                          ? 'audits'
                          : T extends 'v2.analytics.conversations.details.jobs.availability'
                            ? 'detailsJobsAvailability'
                            : 'unknown';

/** The event type delivered for a set of subscribed topics. */
export type TopicEvent<T extends string> = NotificationEvent<TopicKind<T>>;

// ---- builders -----------------------------------------------------------------------------------------

function segment(builder: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '' || /[.\s{}]/.test(value)) {
    throw new ValidationError(`topics.${builder}`, [
      { path: name, message: 'must be a non-empty id without dots, braces or spaces' },
    ]);
  }
  return value;
}

/**
 * Builders for the routing-relevant notification topics.
 *
 * @example
 * const stream = await client.notifications.streams.open({
 *   topics: [topics.queueMembers(queueId), topics.userRoutingStatus(userId)],
 * });
 */
export const topics = {
  /** Queue membership changes: `v2.routing.queues.{id}.users`. */
  queueMembers: (queueId: string) => `v2.routing.queues.${segment('queueMembers', 'queueId', queueId)}.users` as const,
  /** Conversations in a queue, optionally one media type: `v2.routing.queues.{id}.conversations[.calls|...]`. */
  queueConversations: <M extends QueueConversationMedia | undefined = undefined>(queueId: string, media?: M) =>
    `v2.routing.queues.${segment('queueConversations', 'queueId', queueId)}.conversations${(media ? `.${media}` : '') as M extends string ? `.${M}` : ''}` as const,
  /** A user's routing status: `v2.users.{id}.routingStatus`. */
  userRoutingStatus: (userId: string) =>
    `v2.users.${segment('userRoutingStatus', 'userId', userId)}.routingStatus` as const,
  /** Routing status + presence + out-of-office + active queues: `v2.users.{id}.activity`. */
  userActivity: (userId: string) => `v2.users.${segment('userActivity', 'userId', userId)}.activity` as const,
  /** `v2.users.{id}.presence`. */
  userPresence: (userId: string) => `v2.users.${segment('userPresence', 'userId', userId)}.presence` as const,
  /** Per-user conversation counts: `v2.users.{id}.conversationsummary`. */
  userConversationSummary: (userId: string) =>
    `v2.users.${segment('userConversationSummary', 'userId', userId)}.conversationsummary` as const,
  /** Queue observation stats push: `v2.analytics.queues.{id}.observations`. */
  queueObservations: (queueId: string) =>
    `v2.analytics.queues.${segment('queueObservations', 'queueId', queueId)}.observations` as const,
  /** Observation counts per grouping: `v2.analytics.queues.{id}.activity`. */
  queueActivity: (queueId: string) =>
    `v2.analytics.queues.${segment('queueActivity', 'queueId', queueId)}.activity` as const,
  /** `v2.analytics.users.{id}.aggregates`. */
  userAggregates: (userId: string) =>
    `v2.analytics.users.${segment('userAggregates', 'userId', userId)}.aggregates` as const,
  /** `v2.analytics.wrapup.{id}.aggregates`. */
  wrapupAggregates: (wrapupCodeId: string) =>
    `v2.analytics.wrapup.${segment('wrapupAggregates', 'wrapupCodeId', wrapupCodeId)}.aggregates` as const,
  /** Detail events of one conversation: `v2.detail.events.conversation.{id}.{wrapup|acd.start|...}`. */
  conversationDetailEvents: <E extends ConversationDetailEventType>(conversationId: string, eventType: E) =>
    `v2.detail.events.conversation.${segment('conversationDetailEvents', 'conversationId', conversationId)}.${eventType}` as const,
  /** Audit messages of one entity: `v2.audits.entitytype.{type}.entityid.{id}` (e.g. `Queue`, a queue id). */
  audits: (entityType: string, entityId: string) =>
    `v2.audits.entitytype.${segment('audits', 'entityType', entityType)}.entityid.${segment('audits', 'entityId', entityId)}` as const,
  /** Analytics data-lake availability: `v2.analytics.conversations.details.jobs.availability`. */
  detailsJobsAvailability: () => 'v2.analytics.conversations.details.jobs.availability' as const,
};

// ---- runtime matcher ----------------------------------------------------------------------------------

interface Matcher {
  kind: Exclude<NotificationKind, 'unknown'>;
  pattern: RegExp;
  ids: (m: RegExpExecArray) => Record<string, string | undefined>;
  schema: () => SchemaLike<unknown>;
}

const ID = '([^.]+)';
const MATCHERS: readonly Matcher[] = [
  {
    kind: 'queueMembers',
    pattern: re(`v2\\.routing\\.queues\\.${ID}\\.users`),
    ids: (m) => ({ queueId: m[1] }),
    schema: QueueMemberNotificationSchema,
  },
  {
    kind: 'queueConversations',
    pattern: re(`v2\\.routing\\.queues\\.${ID}\\.conversations(?:\\.([a-z]+))?`),
    ids: (m) => ({ queueId: m[1], media: m[2] }),
    schema: QueueConversationNotificationSchema,
  },
  {
    kind: 'userRoutingStatus',
    pattern: re(`v2\\.users\\.${ID}\\.routingStatus`),
    ids: (m) => ({ userId: m[1] }),
    schema: UserRoutingStatusNotificationSchema,
  },
  {
    kind: 'userActivity',
    pattern: re(`v2\\.users\\.${ID}\\.activity`),
    ids: (m) => ({ userId: m[1] }),
    schema: UserActivityNotificationSchema,
  },
  {
    kind: 'userPresence',
    pattern: re(`v2\\.users\\.${ID}\\.presence`),
    ids: (m) => ({ userId: m[1] }),
    schema: UserPresenceNotificationSchema,
  },
  {
    kind: 'userConversationSummary',
    pattern: re(`v2\\.users\\.${ID}\\.conversationsummary`),
    ids: (m) => ({ userId: m[1] }),
    schema: UserConversationSummaryNotificationSchema,
  },
  {
    kind: 'queueObservations',
    pattern: re(`v2\\.analytics\\.queues\\.${ID}\\.observations`),
    ids: (m) => ({ queueId: m[1] }),
    schema: StatsNotificationSchema,
  },
  {
    kind: 'queueActivity',
    pattern: re(`v2\\.analytics\\.queues\\.${ID}\\.activity`),
    ids: (m) => ({ queueId: m[1] }),
    schema: StatsNotificationSchema,
  },
  {
    kind: 'userAggregates',
    pattern: re(`v2\\.analytics\\.users\\.${ID}\\.aggregates`),
    ids: (m) => ({ userId: m[1] }),
    schema: StatsNotificationSchema,
  },
  {
    kind: 'wrapupAggregates',
    pattern: re(`v2\\.analytics\\.wrapup\\.${ID}\\.aggregates`),
    ids: (m) => ({ wrapupCodeId: m[1] }),
    schema: StatsNotificationSchema,
  },
  {
    kind: 'conversationDetailEvents',
    pattern: re(`v2\\.detail\\.events\\.conversation\\.${ID}\\.(.+)`),
    ids: (m) => ({ conversationId: m[1], eventType: m[2] }),
    schema: DetailEventNotificationSchema,
  },
  {
    kind: 'audits',
    pattern: re(`v2\\.audits\\.entitytype\\.${ID}\\.entityid\\.${ID}`),
    ids: (m) => ({ entityType: m[1], entityId: m[2] }),
    schema: AuditNotificationSchema,
  },
  {
    kind: 'detailsJobsAvailability',
    pattern: re('v2\\.analytics\\.conversations\\.details\\.jobs\\.availability'),
    ids: () => ({}),
    schema: DataAvailabilityNotificationSchema,
  },
];

function re(source: string): RegExp {
  return new RegExp(`^${source}$`, 'i');
}

/**
 * Maps a topic name to its kind and the ids it carries.
 *
 * @example
 * matchTopic('v2.routing.queues.q1.users'); // { kind: 'queueMembers', ids: { queueId: 'q1' } }
 */
export function matchTopic(topicName: string): { kind: NotificationKind; ids: Record<string, string | undefined> } {
  if (typeof topicName !== 'string')
    throw new ValidationError('matchTopic', [
      { path: 'topicName', message: `must be a string, received ${typeof topicName}` },
    ]);
  for (const m of MATCHERS) {
    const match = m.pattern.exec(topicName);
    if (match) return { kind: m.kind, ids: m.ids(match) };
  }
  return { kind: 'unknown', ids: {} };
}

/** Schema of a kind's payload (undefined for `unknown`). */
export function schemaForKind(kind: NotificationKind): SchemaLike<unknown> | undefined {
  return MATCHERS.find((m) => m.kind === kind)?.schema();
}
