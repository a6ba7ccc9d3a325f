// The notification payloads as named interfaces (the shapes notifications.ts's schemas check, written out so the
// public types name their fields): channels, topics, the message envelope and the event body of each topic kind.
// test/types/schema-interfaces.ts keeps each one the same type as its schema.
/** A notification channel: its id, WebSocket `connectUri` and expiry. */
export interface Channel {
  id: string;
  /** The WebSocket URL to connect to (use it as given; never build it). */
  connectUri: string;
  /** ISO-8601; the channel is removed after it unless re-subscribed. */
  expires?: string | undefined;
  [key: string]: unknown;
}

/** A topic a channel is subscribed to (e.g. `v2.users.{id}.presence`). */
export interface ChannelTopic {
  id: string;
  state?: string | undefined;
  rejectionReason?: string | undefined;
  missingPermissions?: string[] | undefined;
  selfUri?: string | undefined;
  [key: string]: unknown;
}

/** What arrives on the socket (and inside an EventBridge `detail`). */
export interface NotificationMessage {
  topicName: string;
  eventBody: unknown;
  version?: string | number | undefined;
  metadata?:
    | {
        CorrelationId?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  [key: string]: unknown;
}

/** `v2.routing.queues.{id}.users`: a membership change. */
export interface QueueMemberNotification {
  /** The user id. */
  id?: string | undefined;
  user?:
    | {
        id?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  queueId?: string | undefined;
  joined?: boolean | undefined;
  [key: string]: unknown;
}

/** `v2.users.{id}.routingStatus`. */
export interface UserRoutingStatusNotification {
  id?: string | undefined;
  routingStatus?:
    | {
        status?: string | undefined;
        startTime?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  errorInfo?:
    | {
        errorCode?: string | undefined;
        status?: number | undefined;
        userMessage?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  [key: string]: unknown;
}

/** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues in one. */
export interface UserActivityNotification {
  id?: string | undefined;
  routingStatus?:
    | {
        status?: string | undefined;
        startTime?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  presence?:
    | {
        presenceDefinition?:
          | {
              id?: string | undefined;
              systemPresence?: string | undefined;
              [key: string]: unknown;
            }
          | undefined;
        presenceMessage?: string | undefined;
        modifiedDate?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  outOfOffice?:
    | {
        active?: boolean | undefined;
        modifiedDate?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  activeQueueIds?: string[] | undefined;
  dateActiveQueuesChanged?: string | undefined;
  [key: string]: unknown;
}

/** `v2.users.{id}.presence`. */
export interface UserPresenceNotification {
  source?: string | undefined;
  presenceDefinition?:
    | {
        id?: string | undefined;
        systemPresence?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  primary?: boolean | undefined;
  message?: string | undefined;
  modifiedDate?: string | undefined;
  [key: string]: unknown;
}

/** `v2.users.{id}.conversationsummary`: active/ACW counts per media type. */
export interface UserConversationSummaryNotification {
  userId?: string | undefined;
  call?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
  callback?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
  email?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
  message?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
  chat?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
              [key: string]: unknown;
            }
          | undefined;
        [key: string]: unknown;
      }
    | undefined;
  [key: string]: unknown;
}

/** `v2.routing.queues.{id}.conversations[.media]`: the conversation (participants, ...). */
export interface QueueConversationNotification {
  id?: string | undefined;
  participants?:
    | Array<{
        id?: string | undefined;
        purpose?: string | undefined;
        queueId?: string | undefined;
        userId?: string | undefined;
        [key: string]: unknown;
      }>
    | undefined;
  [key: string]: unknown;
}

/** Analytics pushes (`...observations`, `...activity`, `...aggregates`): a group and metric data. */
export interface StatsNotification {
  group?:
    | {
        [key: string]: string;
      }
    | undefined;
  data?:
    | Array<{
        metric?: string | undefined;
        qualifier?: null | string | undefined;
        stats?:
          | {
              [key: string]: number;
            }
          | undefined;
        interval?: string | undefined;
        metrics?:
          | Array<{
              [key: string]: unknown;
            }>
          | undefined;
        [key: string]: unknown;
      }>
    | undefined;
  [key: string]: unknown;
}

/** `v2.detail.events.conversation.{id}.*`. */
export interface DetailEventNotification {
  eventTime?: string | number | undefined;
  conversationId?: string | undefined;
  participantId?: string | undefined;
  sessionId?: string | undefined;
  queueId?: string | undefined;
  userId?: string | undefined;
  mediaType?: string | undefined;
  [key: string]: unknown;
}

/** `v2.audits.entitytype.{type}.entityid.{id}` (AuditTopicAuditLogMessage; note `eventTime`, `clientId.id`). */
export interface AuditNotification {
  id?: string | undefined;
  userId?: string | undefined;
  userHomeOrgId?: string | undefined;
  clientId?:
    | {
        id?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  remoteIp?: string[] | undefined;
  serviceName?: string | undefined;
  level?: string | undefined;
  eventTime?: string | undefined;
  message?:
    | {
        message?: string | undefined;
        messageWithParams?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entity?:
    | {
        id?: string | undefined;
        name?: string | undefined;
        [key: string]: unknown;
      }
    | undefined;
  propertyChanges?:
    | Array<{
        property?: string | undefined;
        oldValues?: string[] | undefined;
        newValues?: string[] | undefined;
        [key: string]: unknown;
      }>
    | undefined;
  context?:
    | {
        [key: string]: string;
      }
    | undefined;
  [key: string]: unknown;
}

/** `v2.analytics.conversations.details.jobs.availability`. */
export interface DataAvailabilityNotification {
  dataAvailabilityDate?: string | undefined;
  [key: string]: unknown;
}

/** The Amazon EventBridge envelope of a Genesys Cloud event (`detail` is the notification). */
export interface EventBridgeEnvelope {
  version: string;
  id: string;
  'detail-type': string;
  source: string;
  account: string;
  time: string;
  region: string;
  resources: string[];
  detail: NotificationMessage;
  [key: string]: unknown;
}
