// The notification payloads as named interfaces (the shapes notifications.ts's schemas check, written out so the
// public types name their fields): channels, topics, the message envelope and the event body of each topic kind.
// No index signature: a typo such as `event.body.joinde` fails to compile. Fields the platform adds later still pass
// the loose schemas and are on the object at run time (read them with a cast, see docs/resources/models.md);
// test/types/schema-interfaces.ts keeps each interface the same type as its schema's named fields.
/** A notification channel: its id, WebSocket `connectUri` and expiry. */
export interface Channel {
  id: string;
  /** The WebSocket URL to connect to (use it as given; never build it). */
  connectUri: string;
  /** ISO-8601; the channel is removed after it unless re-subscribed. */
  expires?: string | undefined;
}

/** A topic a channel is subscribed to (e.g. `v2.users.{id}.presence`). */
export interface ChannelTopic {
  id: string;
  state?: string | undefined;
  rejectionReason?: string | undefined;
  missingPermissions?: string[] | undefined;
  selfUri?: string | undefined;
}

/** What arrives on the socket (and inside an EventBridge `detail`). */
export interface NotificationMessage {
  topicName: string;
  eventBody: unknown;
  version?: string | number | undefined;
  metadata?:
    | {
        CorrelationId?: string | undefined;
      }
    | undefined;
}

/** `v2.routing.queues.{id}.users`: a membership change. */
export interface QueueMemberNotification {
  /** The user id. */
  id?: string | undefined;
  user?:
    | {
        id?: string | undefined;
      }
    | undefined;
  queueId?: string | undefined;
  joined?: boolean | undefined;
}

/** `v2.users.{id}.routingStatus`. */
export interface UserRoutingStatusNotification {
  id?: string | undefined;
  routingStatus?:
    | {
        status?: string | undefined;
        startTime?: string | undefined;
      }
    | undefined;
  errorInfo?:
    | {
        errorCode?: string | undefined;
        status?: number | undefined;
        userMessage?: string | undefined;
      }
    | undefined;
}

/** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues in one. */
export interface UserActivityNotification {
  id?: string | undefined;
  routingStatus?:
    | {
        status?: string | undefined;
        startTime?: string | undefined;
      }
    | undefined;
  presence?:
    | {
        presenceDefinition?:
          | {
              id?: string | undefined;
              systemPresence?: string | undefined;
            }
          | undefined;
        presenceMessage?: string | undefined;
        modifiedDate?: string | undefined;
      }
    | undefined;
  outOfOffice?:
    | {
        active?: boolean | undefined;
        modifiedDate?: string | undefined;
      }
    | undefined;
  activeQueueIds?: string[] | undefined;
  dateActiveQueuesChanged?: string | undefined;
}

/** `v2.users.{id}.presence`. */
export interface UserPresenceNotification {
  source?: string | undefined;
  presenceDefinition?:
    | {
        id?: string | undefined;
        systemPresence?: string | undefined;
      }
    | undefined;
  primary?: boolean | undefined;
  message?: string | undefined;
  modifiedDate?: string | undefined;
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
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  callback?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  email?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  message?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  chat?:
    | {
        contactCenter?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
        enterprise?:
          | {
              active?: number | undefined;
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
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
      }>
    | undefined;
}

/** Analytics pushes (`...observations`, `...activity`, `...aggregates`): a group and metric data. */
export interface StatsNotification {
  /** The dimensions these statistics are for: dimension name -> value (e.g. `queueId`, `mediaType`). */
  group?: Record<string, string> | undefined;
  data?:
    | Array<{
        metric?: string | undefined;
        qualifier?: null | string | undefined;
        /** Statistic name -> value (e.g. `count`, `max`, `sum`). */
        stats?: Record<string, number> | undefined;
        interval?: string | undefined;
        /** Per-metric entries this SDK does not model: an open map each, narrow a field before use. */
        metrics?: Array<Record<string, unknown>> | undefined;
      }>
    | undefined;
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
}

/** `v2.audits.entitytype.{type}.entityid.{id}` (AuditTopicAuditLogMessage; note `eventTime`, `clientId.id`). */
export interface AuditNotification {
  id?: string | undefined;
  userId?: string | undefined;
  userHomeOrgId?: string | undefined;
  clientId?:
    | {
        id?: string | undefined;
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
      }
    | undefined;
  action?: string | undefined;
  entityType?: string | undefined;
  entity?:
    | {
        id?: string | undefined;
        name?: string | undefined;
      }
    | undefined;
  propertyChanges?:
    | Array<{
        property?: string | undefined;
        oldValues?: string[] | undefined;
        newValues?: string[] | undefined;
      }>
    | undefined;
  /** Free-form context the auditing service adds: key -> value. */
  context?: Record<string, string> | undefined;
}

/** `v2.analytics.conversations.details.jobs.availability`. */
export interface DataAvailabilityNotification {
  dataAvailabilityDate?: string | undefined;
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
}
