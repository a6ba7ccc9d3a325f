// Record types of the emulator's in-memory org. Records hold what the platform stores; fields the API
// derives (selfUri, member counts, expanded sub-objects) are computed when a response is rendered.

/** The state of a stored entity (a deleted one is kept, as the platform keeps it, and answers 404). */
export type EntityState = 'active' | 'inactive' | 'deleted';
/** A user's ACD routing status, as the platform reports it. */
export type RoutingStatusValue = 'OFF_QUEUE' | 'IDLE' | 'INTERACTING' | 'NOT_RESPONDING' | 'COMMUNICATING';
/** A system presence of a user (the platform's presence definitions' `systemPresence`). */
export type SystemPresence =
  'Available' | 'Away' | 'Busy' | 'Offline' | 'Idle' | 'On Queue' | 'Meal' | 'Training' | 'Meeting' | 'Break';

/** A division of the emulated org. */
export interface Division {
  /** Division id. */
  id: string;
  /** Division name. */
  name: string;
}

/** The emulated org itself. */
export interface Organization {
  /** Org id. */
  id: string;
  /** Org name. */
  name: string;
}

/** A routing skill as the emulator stores it. */
export interface SkillRecord {
  /** Skill id. */
  id: string;
  /** Skill name (unique in the org). */
  name: string;
  /** The division the skill belongs to. */
  divisionId: string;
  /** ISO-8601. */
  dateModified: string;
  /** `active`, `inactive` or `deleted` (a deleted skill answers 404). */
  state: EntityState;
  /** Entity version, raised on every change. */
  version: number;
}

/** A service-level target as the emulator stores it: `percentage` (0-1) answered within `durationMs`. */
export interface ServiceLevel {
  /** Share of calls to answer within `durationMs`, 0..1. */
  percentage: number;
  /** Answer-time threshold, ms. */
  durationMs: number;
}

/** A queue's settings for one media type: alerting timeout, service level and auto answer. */
export interface MediaSetting {
  /** How long an offered interaction alerts an agent before it goes to the next, seconds. */
  alertingTimeoutSeconds: number;
  /** The media type's service-level target. */
  serviceLevel: ServiceLevel;
  /** True when interactions of this media type are answered automatically. */
  enableAutoAnswer: boolean;
}

/** A media type a queue has settings for. */
export type MediaType = 'call' | 'callback' | 'chat' | 'email' | 'message';

/** One bullseye ring of a queue: when it expands, and the skills it stops requiring. */
export interface BullseyeRing {
  /** When the ring expands to the next: after `threshold` seconds of waiting. */
  expansionCriteria: Array<{ type: 'TIMEOUT_SECONDS'; threshold: number }>;
  /** Skills the conversation stops requiring when the ring expands. */
  actions?: { skillsToRemove: Array<{ name: string; id: string; selfUri: string }> };
}

/** A routing queue as the emulator stores it. */
export interface QueueRecord {
  /** Queue id. */
  id: string;
  /** Queue name (unique in the org). */
  name: string;
  /** The division the queue belongs to. */
  divisionId: string;
  /** Free text. */
  description: string;
  /** ISO-8601. */
  dateCreated: string;
  /** ISO-8601; raised on every change (the SDK's `update` compares it). */
  dateModified: string;
  /** Per media type: alerting timeout, service level, auto answer. */
  mediaSettings: Record<MediaType, MediaSetting>;
  /** After-call work: how the agent is prompted for a wrap-up code, and the time allowed (ms). */
  acwSettings: {
    wrapupPrompt: 'MANDATORY' | 'OPTIONAL' | 'MANDATORY_TIMEOUT' | 'MANDATORY_FORCED_TIMEOUT' | 'AGENT_REQUESTED';
    timeoutMs?: number;
  };
  /** How agents' skills are weighed when routing: `NONE`, `BEST` (highest proficiency first) or `ALL`. */
  skillEvaluationMethod: 'NONE' | 'BEST' | 'ALL';
  /** Bullseye routing rings (the first ring is the innermost). */
  bullseye: { rings: BullseyeRing[] };
  /** How waiting conversations are ordered: `TimestampAndPriority` or `PriorityOnly`. */
  scoringMethod: 'TimestampAndPriority' | 'PriorityOnly';
  /** Routing to the agent who last handled the customer: `Disabled`, `QueueMembersOnly` or `AnyAgent`. */
  lastAgentRoutingMode: 'Disabled' | 'QueueMembersOnly' | 'AnyAgent';
  /** True when the queue's whisper plays only for auto-answered calls. */
  autoAnswerOnly: boolean;
  /** True when voice transcription is on for the queue. */
  enableTranscription: boolean;
  /** True when interactions may be assigned to agents by hand. */
  enableManualAssignment: boolean;
  /** Caller name shown for outbound calls from the queue. */
  callingPartyName?: string;
  /** Other QueueRequest fields (queueFlow, routingRules, memberGroups, ...) stored as sent by POST/PUT and rendered back. */
  extras?: Record<string, unknown>;
}

/** A member of a queue as the emulator stores it: ring number, joined state and how they became a member. */
export interface MemberRecord {
  /** The member's user id. */
  userId: string;
  /** 1..6 (terraform range; API-side range unconfirmed). */
  ringNumber: number;
  /** True when the member is joined (receives the queue's interactions). */
  joined: boolean;
  /** How they became a member: directly (`user`) or through a group (`group`). */
  memberBy: 'user' | 'group';
}

/** A user's routing status and when it started. */
export interface RoutingStatusRecord {
  /** `OFF_QUEUE`, `IDLE`, `INTERACTING`, `NOT_RESPONDING` or `COMMUNICATING`. */
  status: RoutingStatusValue;
  /** ISO-8601. */
  startTime: string;
}

/** A user as the emulator stores it. */
export interface UserRecord {
  /** User id. */
  id: string;
  /** Display name. */
  name: string;
  /** Email address. */
  email: string;
  /** Login name. */
  username: string;
  /** `active`, `inactive` or `deleted`. */
  state: EntityState;
  /** Entity version, raised on every change. */
  version: number;
  /** The division the user belongs to. */
  divisionId: string;
  /** Department, free text. */
  department?: string;
  /** Job title, free text. */
  title?: string;
  /** The user's ACD routing status and since when. */
  routingStatus: RoutingStatusRecord;
  /** The user's system presence and when it last changed (ISO-8601). */
  presence: { systemPresence: SystemPresence; modifiedDate: string };
}

/** A skill group as the emulator stores it. */
export interface SkillGroupRecord {
  /** Skill group id. */
  id: string;
  /** Skill group name. */
  name: string;
  /** The division the group belongs to. */
  divisionId: string;
  /** Free text. */
  description: string;
  /** ISO-8601. */
  dateCreated: string;
  /** ISO-8601. */
  dateModified: string;
  /** Routing-skill conditions: members are users holding `skillId` at >= `minProficiency`. */
  conditions: Array<{ skillId: string; minProficiency: number }>;
}

/** OAuth client known to the emulator. `permissions` may contain '*' or segment wildcards ('routing:skill:*'). */
export interface EmulatorClient {
  /** OAuth client id. */
  clientId: string;
  /** OAuth client secret. */
  clientSecret: string;
  /** Display name (the audit log's client name). */
  name: string;
  /** Granted permissions (`*` or segment wildcards allowed). */
  permissions: string[];
}

/** A changed property of an emulated audit entry: its name and the old and new values. */
export interface AuditPropertyChange {
  /** The changed property's name. */
  property: string;
  /** Values before. */
  oldValues: string[];
  /** Values after. */
  newValues: string[];
}

/** `AuditLogMessage` (the official SDK purecloud-platform-client-v2 model). */
export interface AuditLogMessage {
  /** Audit message id. */
  id: string;
  /** Home org of the acting user. */
  userHomeOrgId: string;
  /** The acting user, if a user acted. */
  user?: { id: string; name?: string };
  /** The OAuth client that made the change. */
  client: { id: string };
  /** IP addresses the request came from. */
  remoteIp: string[];
  /** The service that logged it (e.g. `Routing`). */
  serviceName: string;
  /** `USER`, `SYSTEM` or `GENESYS_INTERNAL`. */
  level: 'USER' | 'SYSTEM' | 'GENESYS_INTERNAL';
  /** `SUCCESS`, `FAILURE` or `WARNING`. */
  status: 'SUCCESS' | 'FAILURE' | 'WARNING';
  /** When it happened, ISO-8601. */
  eventDate: string;
  /** A message about the action, with its parameters. */
  message?: {
    localizableMessageCode?: string;
    message: string;
    messageWithParams?: string;
    messageParams?: Record<string, string>;
  };
  /** The audited action (e.g. `Create`, `Update`, `Delete`). */
  action: string;
  /** The entity acted on. */
  entity: { id: string; name?: string };
  /** The entity's type (e.g. `Queue`, `QueueMember`). */
  entityType: string;
  /** Properties changed, with old and new values. */
  propertyChanges: AuditPropertyChange[];
  /** Extra context (string pairs). */
  context: Record<string, string>;
  /** Optional fields of the official model (set by tests; the emulator's own handlers leave them out). */
  application?: string;
  /** Audits written by one action share `initiatingAction.transactionId` (POST .../realtime/related). */
  initiatingAction?: { transactionId: string; actionContext?: string };
  /** True on the audit that started the action. */
  transactionInitiator?: boolean;
  /** Changes of related entities. */
  entityChanges?: Array<{
    entityId?: string;
    entityName?: string;
    entityType?: string;
    oldValues?: string[];
    newValues?: string[];
  }>;
}

/** A change of the org, as delivered to `OrgState.onChange` listeners. */
export type OrgChange =
  | { type: 'audit'; message: AuditLogMessage }
  | { type: 'member'; queueId: string; userId: string }
  | { type: 'routingStatus'; userId: string; routingStatus: RoutingStatusRecord };

/** `MediaUtilization` of the utilization API. */
export interface MediaUtilizationRecord {
  /** Most conversations of this media type an agent handles at once. */
  maximumCapacity: number;
  /** Media types that may interrupt a conversation of this type. */
  interruptableMediaTypes: string[];
  /** True when non-ACD conversations count against the capacity. */
  includeNonAcd: boolean;
}

/** A stored `UtilizationRequest`: only what the last PUT sent (omitted media types fall back to the default). */
export interface UtilizationRecord {
  /** Media type -> its capacity settings. */
  utilization: Record<string, MediaUtilizationRecord>;
  /** Utilization label id -> its capacity and the labels that may interrupt it. */
  labelUtilizations: Record<string, { maximumCapacity: number; interruptingLabelIds: string[] }>;
  /** As the last PUT sent it. */
  maxInboundCalls?: number;
}

/** A bulk join/unjoin (PATCH …/members) accepted but not applied yet: the platform processes it asynchronously. */
export interface PendingJoinBatch {
  /** The queue the batch is for. */
  queueId: string;
  /** The members to join (`joined: true`) or unjoin. */
  items: Array<{ userId: string; joined: boolean }>;
  /** Epoch ms (state clock) from which it applies. */
  applyAt: number;
  /** OAuth client that sent it (recorded in the audit when applied). */
  clientId: string;
}

/** The routing language a queue's conversations request (`OrgState.queueLanguage`), and in what share of them. */
export interface QueueLanguageDemand {
  /** A routing language id of the org. */
  languageId: string;
  /** Share of the queue's conversations that request it, 0..1. */
  share: number;
}
