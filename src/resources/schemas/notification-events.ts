// The notification payloads as named interfaces (the shapes notifications.ts's schemas check, written out so the
// public types name their fields): channels, topics, the message envelope and the event body of each topic kind.
// No index signature: a typo such as `event.body.joinde` fails to compile. Fields the platform adds later still pass
// the loose schemas and are on the object at run time (read them with a cast, see docs/resources/models.md);
// test/types/schema-interfaces.ts keeps each interface the same type as its schema's named fields.
/** A notification channel: its id, WebSocket `connectUri` and expiry. */
export interface Channel {
  /** The channel id (used in the subscription paths). */
  id: string;
  /** The WebSocket URL to connect to (use it as given; never build it). */
  connectUri: string;
  /** ISO-8601; the channel is removed after it unless re-subscribed. */
  expires?: string | undefined;
}

/** A topic a channel is subscribed to (e.g. `v2.users.{id}.presence`). */
export interface ChannelTopic {
  /** The topic name, e.g. `v2.routing.queues.{id}.users`. */
  id: string;
  /** `Permitted` or `Rejected` (the caller lacks a permission the topic needs). */
  state?: string | undefined;
  /** Why a `Rejected` topic was refused. */
  rejectionReason?: string | undefined;
  /** The permissions a `Rejected` topic needs that the caller lacks. */
  missingPermissions?: string[] | undefined;
  /** The URI of this subscription. */
  selfUri?: string | undefined;
}

/** What arrives on the socket (and inside an EventBridge `detail`). */
export interface NotificationMessage {
  /** The topic the event is for (`channel.metadata` for a heartbeat). */
  topicName: string;
  /** The event; its shape depends on the topic (see `NotificationKinds`). */
  eventBody: unknown;
  /** The version of the topic's payload. */
  version?: string | number | undefined;
  /** The message's metadata. */
  metadata?:
    | {
        /** Correlation id of the change that caused the event. */
        CorrelationId?: string | undefined;
      }
    | undefined;
}

/** `v2.routing.queues.{id}.users`: a membership change. */
export interface QueueMemberNotification {
  /** The user id. */
  id?: string | undefined;
  /** The member user (its `id`). */
  user?:
    | {
        /** The user id. */
        id?: string | undefined;
      }
    | undefined;
  /** The queue the membership is of. */
  queueId?: string | undefined;
  /** Whether the member is joined (receives the queue's interactions); false when unjoined or removed. */
  joined?: boolean | undefined;
}

/** `v2.users.{id}.routingStatus`. */
export interface UserRoutingStatusNotification {
  /** The user id. */
  id?: string | undefined;
  /** The user's routing status now. */
  routingStatus?:
    | {
        /** `OFF_QUEUE`, `IDLE`, `INTERACTING`, `NOT_RESPONDING` or `COMMUNICATING` (others may be added). */
        status?: string | undefined;
        /** ISO-8601: when the user entered this status. */
        startTime?: string | undefined;
      }
    | undefined;
  /** Set when the status change failed. */
  errorInfo?:
    | {
        /** The platform's error code. */
        errorCode?: string | undefined;
        /** The HTTP status of the failure. */
        status?: number | undefined;
        /** A message fit to show the user. */
        userMessage?: string | undefined;
      }
    | undefined;
}

/** `v2.users.{id}.activity`: routing status, presence, out-of-office and active queues in one. */
export interface UserActivityNotification {
  /** The user id. */
  id?: string | undefined;
  /** The user's routing status now. */
  routingStatus?:
    | {
        /** `OFF_QUEUE`, `IDLE`, `INTERACTING`, `NOT_RESPONDING` or `COMMUNICATING` (others may be added). */
        status?: string | undefined;
        /** ISO-8601: when the user entered this status. */
        startTime?: string | undefined;
      }
    | undefined;
  /** The user's presence now. */
  presence?:
    | {
        /** The org presence the user is in, and the system presence it maps to. */
        presenceDefinition?:
          | {
              /** The org presence definition id. */
              id?: string | undefined;
              /** e.g. `AVAILABLE`, `AWAY`, `BUSY`, `ON_QUEUE`, `OFFLINE` (others may be added). */
              systemPresence?: string | undefined;
            }
          | undefined;
        /** The user's presence message. */
        presenceMessage?: string | undefined;
        /** ISO-8601: when the presence last changed. */
        modifiedDate?: string | undefined;
      }
    | undefined;
  /** The user's out-of-office state. */
  outOfOffice?:
    | {
        /** Whether the user is out of office now. */
        active?: boolean | undefined;
        /** ISO-8601: when it last changed. */
        modifiedDate?: string | undefined;
      }
    | undefined;
  /** The queues the user is joined to and active on. */
  activeQueueIds?: string[] | undefined;
  /** ISO-8601: when `activeQueueIds` last changed. */
  dateActiveQueuesChanged?: string | undefined;
}

/** `v2.users.{id}.presence`. */
export interface UserPresenceNotification {
  /** The source that set the presence (e.g. `PURECLOUD`, or an integration). */
  source?: string | undefined;
  /** The org presence the user is in, and the system presence it maps to. */
  presenceDefinition?:
    | {
        /** The org presence definition id. */
        id?: string | undefined;
        /** e.g. `AVAILABLE`, `AWAY`, `BUSY`, `ON_QUEUE`, `OFFLINE` (others may be added). */
        systemPresence?: string | undefined;
      }
    | undefined;
  /** Whether this source is the user's primary presence source. */
  primary?: boolean | undefined;
  /** The user's presence message. */
  message?: string | undefined;
  /** ISO-8601: when the presence last changed. */
  modifiedDate?: string | undefined;
}

/** `v2.users.{id}.conversationsummary`: active/ACW counts per media type. */
export interface UserConversationSummaryNotification {
  /** The user id. */
  userId?: string | undefined;
  /** `call` conversation counts. */
  call?:
    | {
        /** ACD conversations (routed through a queue). */
        contactCenter?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
        /** Non-ACD conversations (direct calls, internal). */
        enterprise?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  /** `callback` conversation counts. */
  callback?:
    | {
        /** ACD conversations (routed through a queue). */
        contactCenter?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
        /** Non-ACD conversations (direct calls, internal). */
        enterprise?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  /** `email` conversation counts. */
  email?:
    | {
        /** ACD conversations (routed through a queue). */
        contactCenter?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
        /** Non-ACD conversations (direct calls, internal). */
        enterprise?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  /** `message` conversation counts. */
  message?:
    | {
        /** ACD conversations (routed through a queue). */
        contactCenter?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
        /** Non-ACD conversations (direct calls, internal). */
        enterprise?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
  /** `chat` conversation counts. */
  chat?:
    | {
        /** ACD conversations (routed through a queue). */
        contactCenter?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
        /** Non-ACD conversations (direct calls, internal). */
        enterprise?:
          | {
              /** Conversations of this media type the agent is in now. */
              active?: number | undefined;
              /** Conversations of this media type the agent is wrapping up (after-call work). */
              acw?: number | undefined;
            }
          | undefined;
      }
    | undefined;
}

/** `v2.routing.queues.{id}.conversations[.media]`: the conversation (participants, ...). */
export interface QueueConversationNotification {
  /** The conversation id. */
  id?: string | undefined;
  /** The conversation's participants. */
  participants?:
    | Array<{
        /** The participant id. */
        id?: string | undefined;
        /** Its role, e.g. `customer`, `acd` (the queue), `agent`, `user`. */
        purpose?: string | undefined;
        /** The queue the participant is on, for an `acd` or `agent` participant. */
        queueId?: string | undefined;
        /** The user, for an agent participant. */
        userId?: string | undefined;
      }>
    | undefined;
}

/** Analytics pushes (`...observations`, `...activity`, `...aggregates`): a group and metric data. */
export interface StatsNotification {
  /** The dimensions these statistics are for: dimension name -> value (e.g. `queueId`, `mediaType`). */
  group?: Record<string, string> | undefined;
  /** One entry per metric (and qualifier). */
  data?:
    | Array<{
        /** The metric name, e.g. `oWaiting`, `oOnQueueUsers`, `tHandle`. */
        metric?: string | undefined;
        /** What the metric is qualified by (e.g. a routing status or presence for `oOnQueueUsers`), or null. */
        qualifier?: null | string | undefined;
        /** Statistic name -> value (e.g. `count`, `max`, `sum`). */
        stats?: Record<string, number> | undefined;
        /** ISO-8601 interval the statistics cover (aggregate pushes). */
        interval?: string | undefined;
        /** Per-metric entries this SDK does not model: an open map each, narrow a field before use. */
        metrics?: Array<Record<string, unknown>> | undefined;
      }>
    | undefined;
}

/** `v2.detail.events.conversation.{id}.*`. */
export interface DetailEventNotification {
  /** When the event happened: ISO-8601, or epoch milliseconds. */
  eventTime?: string | number | undefined;
  /** The conversation id. */
  conversationId?: string | undefined;
  /** The participant the event is about. */
  participantId?: string | undefined;
  /** The session (of that participant) the event is about. */
  sessionId?: string | undefined;
  /** The queue involved, where there is one. */
  queueId?: string | undefined;
  /** The user involved, where there is one. */
  userId?: string | undefined;
  /** e.g. `VOICE`, `CALLBACK`, `CHAT`, `EMAIL`, `MESSAGE` (others may be added). */
  mediaType?: string | undefined;
}

/** `v2.audits.entitytype.{type}.entityid.{id}` (AuditTopicAuditLogMessage; note `eventTime`, `clientId.id`). */
export interface AuditNotification {
  /** The audit message id. */
  id?: string | undefined;
  /** The user who made the change (absent for a change made by an OAuth client alone). */
  userId?: string | undefined;
  /** The home org of that user. */
  userHomeOrgId?: string | undefined;
  /** The OAuth client that made the change. */
  clientId?:
    | {
        /** The OAuth client id. */
        id?: string | undefined;
      }
    | undefined;
  /** IP addresses the change came from. */
  remoteIp?: string[] | undefined;
  /** The service that audited the change, e.g. `Routing`. */
  serviceName?: string | undefined;
  /** e.g. `USER` or `SYSTEM`. */
  level?: string | undefined;
  /** ISO-8601: when the change was made. */
  eventTime?: string | undefined;
  /** A human-readable description of the change. */
  message?:
    | {
        /** The message text. */
        message?: string | undefined;
        /** The message with `{placeholders}`. */
        messageWithParams?: string | undefined;
      }
    | undefined;
  /** What was done, e.g. `Create`, `Update`, `Delete`. */
  action?: string | undefined;
  /** The kind of entity changed, e.g. `Queue`. */
  entityType?: string | undefined;
  /** The entity changed. */
  entity?:
    | {
        /** The entity id. */
        id?: string | undefined;
        /** Its name. */
        name?: string | undefined;
      }
    | undefined;
  /** The properties changed, each with its old and new values. */
  propertyChanges?:
    | Array<{
        /** The property name. */
        property?: string | undefined;
        /** Its values before the change. */
        oldValues?: string[] | undefined;
        /** Its values after the change. */
        newValues?: string[] | undefined;
      }>
    | undefined;
  /** Free-form context the auditing service adds: key -> value. */
  context?: Record<string, string> | undefined;
}

/** `v2.analytics.conversations.details.jobs.availability`. */
export interface DataAvailabilityNotification {
  /** ISO-8601: analytics detail jobs see the data before this time. */
  dataAvailabilityDate?: string | undefined;
}

/** The Amazon EventBridge envelope of a Genesys Cloud event (`detail` is the notification). */
export interface EventBridgeEnvelope {
  /** The EventBridge envelope version (`0`). */
  version: string;
  /** The EventBridge event id. */
  id: string;
  /** The notification topic name. */
  'detail-type': string;
  /** The partner event source (`aws.partner/genesys.com/cloud/{orgId}/{suffix}`). */
  source: string;
  /** The AWS account id the event was delivered to. */
  account: string;
  /** ISO-8601: when EventBridge received the event. */
  time: string;
  /** The AWS region. */
  region: string;
  /** The AWS resources involved (usually empty). */
  resources: string[];
  /** The Genesys Cloud notification. */
  detail: NotificationMessage;
}
