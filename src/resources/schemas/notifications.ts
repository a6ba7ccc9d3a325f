// Notification service models as loose schemas (the checker in internal/shape.ts). Payload schemas follow
// the official SDK's notification models (QueueUserEventTopicQueueMember, UserRoutingStatusUserRoutingStatus,
// AgentActivityChangedTopicAgentActivity, PresenceEventUserPresence, AuditTopicAuditLogMessage, ...).
import * as z from '../../internal/shape.js';
import type { Infer } from '../../internal/shape.js';

export const ChannelSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    /** The WebSocket URL to connect to (use it as given; never build it). */
    connectUri: z.string(),
    /** ISO-8601; the channel is removed after it unless re-subscribed. */
    expires: z.string().optional(),
  }),
);
export type Channel = Infer<typeof ChannelSchema>;

export const ChannelListingSchema = z.lazy(() => z.looseObject({ entities: z.array(ChannelSchema).optional() }));

export const ChannelTopicSchema = z.lazy(() =>
  z.looseObject({
    id: z.string(),
    state: z.enum(['Permitted', 'Rejected']).or(z.string()).optional(),
    rejectionReason: z.string().optional(),
    missingPermissions: z.array(z.string()).optional(),
    selfUri: z.string().optional(),
  }),
);
export type ChannelTopic = Infer<typeof ChannelTopicSchema>;

export const ChannelTopicListingSchema = z.lazy(() => z.looseObject({ entities: z.array(ChannelTopicSchema).optional() }));

/** What arrives on the socket (and inside an EventBridge `detail`). */
export const NotificationMessageSchema = z.lazy(() =>
  z.looseObject({
    topicName: z.string().min(1),
    version: z.union([z.string(), z.number()]).optional(),
    eventBody: z.unknown(),
    metadata: z.looseObject({ CorrelationId: z.string().optional() }).optional(),
  }),
);
export type NotificationMessage = Infer<typeof NotificationMessageSchema>;

const RoutingStatusBody = z.lazy(() =>
  z.looseObject({
    status: z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).or(z.string()).optional(),
    startTime: z.string().optional(),
  }),
);

const PresenceDefinitionBody = z.lazy(() => z.looseObject({ id: z.string().optional(), systemPresence: z.string().optional() }));

/** `v2.routing.queues.{id}.users`: a membership change. */
export const QueueMemberNotificationSchema = z.lazy(() =>
  z.looseObject({
    /** The user id. */
    id: z.string().optional(),
    user: z.looseObject({ id: z.string().optional() }).optional(),
    queueId: z.string().optional(),
    joined: z.boolean().optional(),
  }),
);
export type QueueMemberNotification = Infer<typeof QueueMemberNotificationSchema>;

/** `v2.users.{id}.routingStatus`. */
export const UserRoutingStatusNotificationSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    routingStatus: RoutingStatusBody.optional(),
    errorInfo: z.looseObject({ errorCode: z.string().optional(), status: z.number().optional(), userMessage: z.string().optional() }).optional(),
  }),
);
export type UserRoutingStatusNotification = Infer<typeof UserRoutingStatusNotificationSchema>;

/** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues in one. */
export const UserActivityNotificationSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    routingStatus: RoutingStatusBody.optional(),
    presence: z
      .looseObject({ presenceDefinition: PresenceDefinitionBody.optional(), presenceMessage: z.string().optional(), modifiedDate: z.string().optional() })
      .optional(),
    outOfOffice: z.looseObject({ active: z.boolean().optional(), modifiedDate: z.string().optional() }).optional(),
    activeQueueIds: z.array(z.string()).optional(),
    dateActiveQueuesChanged: z.string().optional(),
  }),
);
export type UserActivityNotification = Infer<typeof UserActivityNotificationSchema>;

/** `v2.users.{id}.presence`. */
export const UserPresenceNotificationSchema = z.lazy(() =>
  z.looseObject({
    source: z.string().optional(),
    presenceDefinition: PresenceDefinitionBody.optional(),
    primary: z.boolean().optional(),
    message: z.string().optional(),
    modifiedDate: z.string().optional(),
  }),
);
export type UserPresenceNotification = Infer<typeof UserPresenceNotificationSchema>;

const MediaCounts = z.lazy(() =>
  z.looseObject({
    contactCenter: z.looseObject({ active: z.number().optional(), acw: z.number().optional() }).optional(),
    enterprise: z.looseObject({ active: z.number().optional(), acw: z.number().optional() }).optional(),
  }),
);

/** `v2.users.{id}.conversationsummary`: active/ACW counts per media type. */
export const UserConversationSummaryNotificationSchema = z.lazy(() =>
  z.looseObject({
    userId: z.string().optional(),
    call: MediaCounts.optional(),
    callback: MediaCounts.optional(),
    email: MediaCounts.optional(),
    message: MediaCounts.optional(),
    chat: MediaCounts.optional(),
  }),
);
export type UserConversationSummaryNotification = Infer<typeof UserConversationSummaryNotificationSchema>;

/** `v2.routing.queues.{id}.conversations[.media]`: the conversation (participants, ...). */
export const QueueConversationNotificationSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    participants: z.array(z.looseObject({ id: z.string().optional(), purpose: z.string().optional(), queueId: z.string().optional(), userId: z.string().optional() })).optional(),
  }),
);
export type QueueConversationNotification = Infer<typeof QueueConversationNotificationSchema>;

/** Analytics pushes (`...observations`, `...activity`, `...aggregates`): a group and metric data. */
export const StatsNotificationSchema = z.lazy(() =>
  z.looseObject({
    group: z.record(z.string(), z.string()).optional(),
    data: z
      .array(
        z.looseObject({
          metric: z.string().optional(),
          qualifier: z.string().nullable().optional(),
          stats: z.record(z.string(), z.number()).optional(),
          interval: z.string().optional(),
          metrics: z.array(z.looseObject({})).optional(),
        }),
      )
      .optional(),
  }),
);
export type StatsNotification = Infer<typeof StatsNotificationSchema>;

/** `v2.detail.events.conversation.{id}.*`. */
export const DetailEventNotificationSchema = z.lazy(() =>
  z.looseObject({
    eventTime: z.union([z.string(), z.number()]).optional(),
    conversationId: z.string().optional(),
    participantId: z.string().optional(),
    sessionId: z.string().optional(),
    queueId: z.string().optional(),
    userId: z.string().optional(),
    mediaType: z.string().optional(),
  }),
);
export type DetailEventNotification = Infer<typeof DetailEventNotificationSchema>;

/** `v2.audits.entitytype.{type}.entityid.{id}` (AuditTopicAuditLogMessage; note `eventTime`, `clientId.id`). */
export const AuditNotificationSchema = z.lazy(() =>
  z.looseObject({
    id: z.string().optional(),
    userId: z.string().optional(),
    userHomeOrgId: z.string().optional(),
    clientId: z.looseObject({ id: z.string().optional() }).optional(),
    remoteIp: z.array(z.string()).optional(),
    serviceName: z.string().optional(),
    level: z.string().optional(),
    eventTime: z.string().optional(),
    message: z.looseObject({ message: z.string().optional(), messageWithParams: z.string().optional() }).optional(),
    action: z.string().optional(),
    entityType: z.string().optional(),
    entity: z.looseObject({ id: z.string().optional(), name: z.string().optional() }).optional(),
    propertyChanges: z
      .array(z.looseObject({ property: z.string().optional(), oldValues: z.array(z.string()).optional(), newValues: z.array(z.string()).optional() }))
      .optional(),
    context: z.record(z.string(), z.string()).optional(),
  }),
);
export type AuditNotification = Infer<typeof AuditNotificationSchema>;

/** `v2.analytics.conversations.details.jobs.availability`. */
export const DataAvailabilityNotificationSchema = z.lazy(() => z.looseObject({ dataAvailabilityDate: z.string().optional() }));
export type DataAvailabilityNotification = Infer<typeof DataAvailabilityNotificationSchema>;

/** The Amazon EventBridge envelope of a Genesys Cloud event (`detail` is the notification). */
export const EventBridgeEnvelopeSchema = z.lazy(() =>
  z.looseObject({
    version: z.string(),
    id: z.string().min(1),
    'detail-type': z.string().min(1),
    source: z.string().min(1),
    account: z.string(),
    time: z.string().min(1),
    region: z.string(),
    resources: z.array(z.string()),
    detail: z.looseObject({
      topicName: z.string().min(1),
      version: z.union([z.string(), z.number()]).optional(),
      eventBody: z.unknown().refine((v) => v !== undefined, 'is required'),
      metadata: z.looseObject({ CorrelationId: z.string().optional() }).optional(),
    }),
  }),
);
export type EventBridgeEnvelope = Infer<typeof EventBridgeEnvelopeSchema>;
