// Notification service models as loose zod/mini schemas. Payload schemas follow
// the official SDK's notification models (QueueUserEventTopicQueueMember, UserRoutingStatusUserRoutingStatus,
// AgentActivityChangedTopicAgentActivity, PresenceEventUserPresence, AuditTopicAuditLogMessage, ...).
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';

export const ChannelSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    /** The WebSocket URL to connect to (use it as given; never build it). */
    connectUri: z.string(),
    /** ISO-8601; the channel is removed after it unless re-subscribed. */
    expires: z.optional(z.string()),
  }),
);

export const ChannelListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(ChannelSchema())) }),
);

export const ChannelTopicSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.string(),
    state: z.optional(z.union([z.enum(['Permitted', 'Rejected']), z.string()])),
    rejectionReason: z.optional(z.string()),
    missingPermissions: z.optional(z.array(z.string())),
    selfUri: z.optional(z.string()),
  }),
);

export const ChannelTopicListingSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ entities: z.optional(z.array(ChannelTopicSchema())) }),
);

/** What arrives on the socket (and inside an EventBridge `detail`). */
export const NotificationMessageSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    topicName: z.string().check(z.minLength(1)),
    version: z.optional(z.union([z.string(), z.number()])),
    eventBody: z.unknown(),
    metadata: z.optional(z.looseObject({ CorrelationId: z.optional(z.string()) })),
  }),
);

const RoutingStatusBody = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    status: z.optional(
      z.union([z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']), z.string()]),
    ),
    startTime: z.optional(z.string()),
  }),
);

const PresenceDefinitionBody = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ id: z.optional(z.string()), systemPresence: z.optional(z.string()) }),
);

/** `v2.routing.queues.{id}.users`: a membership change. */
export const QueueMemberNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    /** The user id. */
    id: z.optional(z.string()),
    user: z.optional(z.looseObject({ id: z.optional(z.string()) })),
    queueId: z.optional(z.string()),
    joined: z.optional(z.boolean()),
  }),
);

/** `v2.users.{id}.routingStatus`. */
export const UserRoutingStatusNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    routingStatus: z.optional(RoutingStatusBody()),
    errorInfo: z.optional(
      z.looseObject({
        errorCode: z.optional(z.string()),
        status: z.optional(z.number()),
        userMessage: z.optional(z.string()),
      }),
    ),
  }),
);

/** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues in one. */
export const UserActivityNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    routingStatus: z.optional(RoutingStatusBody()),
    presence: z.optional(
      z.looseObject({
        presenceDefinition: z.optional(PresenceDefinitionBody()),
        presenceMessage: z.optional(z.string()),
        modifiedDate: z.optional(z.string()),
      }),
    ),
    outOfOffice: z.optional(z.looseObject({ active: z.optional(z.boolean()), modifiedDate: z.optional(z.string()) })),
    activeQueueIds: z.optional(z.array(z.string())),
    dateActiveQueuesChanged: z.optional(z.string()),
  }),
);

/** `v2.users.{id}.presence`. */
export const UserPresenceNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    source: z.optional(z.string()),
    presenceDefinition: z.optional(PresenceDefinitionBody()),
    primary: z.optional(z.boolean()),
    message: z.optional(z.string()),
    modifiedDate: z.optional(z.string()),
  }),
);

const MediaCounts = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    contactCenter: z.optional(z.looseObject({ active: z.optional(z.number()), acw: z.optional(z.number()) })),
    enterprise: z.optional(z.looseObject({ active: z.optional(z.number()), acw: z.optional(z.number()) })),
  }),
);

/** `v2.users.{id}.conversationsummary`: active/ACW counts per media type. */
export const UserConversationSummaryNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    userId: z.optional(z.string()),
    call: z.optional(MediaCounts()),
    callback: z.optional(MediaCounts()),
    email: z.optional(MediaCounts()),
    message: z.optional(MediaCounts()),
    chat: z.optional(MediaCounts()),
  }),
);

/** `v2.routing.queues.{id}.conversations[.media]`: the conversation (participants, ...). */
export const QueueConversationNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    participants: z.optional(
      z.array(
        z.looseObject({
          id: z.optional(z.string()),
          purpose: z.optional(z.string()),
          queueId: z.optional(z.string()),
          userId: z.optional(z.string()),
        }),
      ),
    ),
  }),
);

/** Analytics pushes (`...observations`, `...activity`, `...aggregates`): a group and metric data. */
export const StatsNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    group: z.optional(z.record(z.string(), z.string())),
    data: z.optional(
      z.array(
        z.looseObject({
          metric: z.optional(z.string()),
          qualifier: z.optional(z.nullable(z.string())),
          stats: z.optional(z.record(z.string(), z.number())),
          interval: z.optional(z.string()),
          metrics: z.optional(z.array(z.looseObject({}))),
        }),
      ),
    ),
  }),
);

/** `v2.detail.events.conversation.{id}.*`. */
export const DetailEventNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    eventTime: z.optional(z.union([z.string(), z.number()])),
    conversationId: z.optional(z.string()),
    participantId: z.optional(z.string()),
    sessionId: z.optional(z.string()),
    queueId: z.optional(z.string()),
    userId: z.optional(z.string()),
    mediaType: z.optional(z.string()),
  }),
);

/** `v2.audits.entitytype.{type}.entityid.{id}` (AuditTopicAuditLogMessage; note `eventTime`, `clientId.id`). */
export const AuditNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    id: z.optional(z.string()),
    userId: z.optional(z.string()),
    userHomeOrgId: z.optional(z.string()),
    clientId: z.optional(z.looseObject({ id: z.optional(z.string()) })),
    remoteIp: z.optional(z.array(z.string())),
    serviceName: z.optional(z.string()),
    level: z.optional(z.string()),
    eventTime: z.optional(z.string()),
    message: z.optional(z.looseObject({ message: z.optional(z.string()), messageWithParams: z.optional(z.string()) })),
    action: z.optional(z.string()),
    entityType: z.optional(z.string()),
    entity: z.optional(z.looseObject({ id: z.optional(z.string()), name: z.optional(z.string()) })),
    propertyChanges: z.optional(
      z.array(
        z.looseObject({
          property: z.optional(z.string()),
          oldValues: z.optional(z.array(z.string())),
          newValues: z.optional(z.array(z.string())),
        }),
      ),
    ),
    context: z.optional(z.record(z.string(), z.string())),
  }),
);

/** `v2.analytics.conversations.details.jobs.availability`. */
export const DataAvailabilityNotificationSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ dataAvailabilityDate: z.optional(z.string()) }),
);

/** The Amazon EventBridge envelope of a Genesys Cloud event (`detail` is the notification). */
export const EventBridgeEnvelopeSchema = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({
    version: z.string(),
    id: z.string().check(z.minLength(1)),
    'detail-type': z.string().check(z.minLength(1)),
    source: z.string().check(z.minLength(1)),
    account: z.string(),
    time: z.string().check(z.minLength(1)),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.looseObject({
      topicName: z.string().check(z.minLength(1)),
      version: z.optional(z.union([z.string(), z.number()])),
      eventBody: z.unknown().check(z.refine((v) => v !== undefined, 'is required')),
      metadata: z.optional(z.looseObject({ CorrelationId: z.optional(z.string()) })),
    }),
  }),
);

export type {
  Channel,
  ChannelTopic,
  NotificationMessage,
  QueueMemberNotification,
  UserRoutingStatusNotification,
  UserActivityNotification,
  UserPresenceNotification,
  UserConversationSummaryNotification,
  QueueConversationNotification,
  StatsNotification,
  DetailEventNotification,
  AuditNotification,
  DataAvailabilityNotification,
  EventBridgeEnvelope,
} from './notification-events.js';
