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
  id: string;
  name: string;
}

/** The emulated org itself. */
export interface Organization {
  id: string;
  name: string;
}

/** A routing skill as the emulator stores it. */
export interface SkillRecord {
  id: string;
  name: string;
  divisionId: string;
  /** ISO-8601. */
  dateModified: string;
  state: EntityState;
  version: number;
}

/** A service-level target as the emulator stores it: `percentage` (0-1) answered within `durationMs`. */
export interface ServiceLevel {
  percentage: number;
  durationMs: number;
}

/** A queue's settings for one media type: alerting timeout, service level and auto answer. */
export interface MediaSetting {
  alertingTimeoutSeconds: number;
  serviceLevel: ServiceLevel;
  enableAutoAnswer: boolean;
}

/** A media type a queue has settings for. */
export type MediaType = 'call' | 'callback' | 'chat' | 'email' | 'message';

/** One bullseye ring of a queue: when it expands, and the skills it stops requiring. */
export interface BullseyeRing {
  expansionCriteria: Array<{ type: 'TIMEOUT_SECONDS'; threshold: number }>;
  actions?: { skillsToRemove: Array<{ name: string; id: string; selfUri: string }> };
}

/** A routing queue as the emulator stores it. */
export interface QueueRecord {
  id: string;
  name: string;
  divisionId: string;
  description: string;
  dateCreated: string;
  dateModified: string;
  mediaSettings: Record<MediaType, MediaSetting>;
  acwSettings: {
    wrapupPrompt: 'MANDATORY' | 'OPTIONAL' | 'MANDATORY_TIMEOUT' | 'MANDATORY_FORCED_TIMEOUT' | 'AGENT_REQUESTED';
    timeoutMs?: number;
  };
  skillEvaluationMethod: 'NONE' | 'BEST' | 'ALL';
  bullseye: { rings: BullseyeRing[] };
  scoringMethod: 'TimestampAndPriority' | 'PriorityOnly';
  lastAgentRoutingMode: 'Disabled' | 'QueueMembersOnly' | 'AnyAgent';
  autoAnswerOnly: boolean;
  enableTranscription: boolean;
  enableManualAssignment: boolean;
  callingPartyName?: string;
  /** Other QueueRequest fields (queueFlow, routingRules, memberGroups, ...) stored as sent by POST/PUT and rendered back. */
  extras?: Record<string, unknown>;
}

/** A member of a queue as the emulator stores it: ring number, joined state and how they became a member. */
export interface MemberRecord {
  userId: string;
  /** 1..6 (terraform range; API-side range unconfirmed). */
  ringNumber: number;
  joined: boolean;
  memberBy: 'user' | 'group';
}

/** A user's routing status and when it started. */
export interface RoutingStatusRecord {
  status: RoutingStatusValue;
  /** ISO-8601. */
  startTime: string;
}

/** A user as the emulator stores it. */
export interface UserRecord {
  id: string;
  name: string;
  email: string;
  username: string;
  state: EntityState;
  version: number;
  divisionId: string;
  department?: string;
  title?: string;
  routingStatus: RoutingStatusRecord;
  presence: { systemPresence: SystemPresence; modifiedDate: string };
}

/** A skill group as the emulator stores it. */
export interface SkillGroupRecord {
  id: string;
  name: string;
  divisionId: string;
  description: string;
  dateCreated: string;
  dateModified: string;
  /** Routing-skill conditions: members are users holding `skillId` at >= `minProficiency`. */
  conditions: Array<{ skillId: string; minProficiency: number }>;
}

/** OAuth client known to the emulator. `permissions` may contain '*' or segment wildcards ('routing:skill:*'). */
export interface EmulatorClient {
  clientId: string;
  clientSecret: string;
  name: string;
  permissions: string[];
}

/** A changed property of an emulated audit entry: its name and the old and new values. */
export interface AuditPropertyChange {
  property: string;
  oldValues: string[];
  newValues: string[];
}

/** `AuditLogMessage` (the official SDK purecloud-platform-client-v2 model). */
export interface AuditLogMessage {
  id: string;
  userHomeOrgId: string;
  user?: { id: string; name?: string };
  client: { id: string };
  remoteIp: string[];
  serviceName: string;
  level: 'USER' | 'SYSTEM' | 'GENESYS_INTERNAL';
  status: 'SUCCESS' | 'FAILURE' | 'WARNING';
  eventDate: string;
  message?: {
    localizableMessageCode?: string;
    message: string;
    messageWithParams?: string;
    messageParams?: Record<string, string>;
  };
  action: string;
  entity: { id: string; name?: string };
  entityType: string;
  propertyChanges: AuditPropertyChange[];
  context: Record<string, string>;
  /** Optional fields of the official model (set by tests; the emulator's own handlers leave them out). */
  application?: string;
  /** Audits written by one action share `initiatingAction.transactionId` (POST .../realtime/related). */
  initiatingAction?: { transactionId: string; actionContext?: string };
  transactionInitiator?: boolean;
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
  maximumCapacity: number;
  interruptableMediaTypes: string[];
  includeNonAcd: boolean;
}

/** A stored `UtilizationRequest`: only what the last PUT sent (omitted media types fall back to the default). */
export interface UtilizationRecord {
  utilization: Record<string, MediaUtilizationRecord>;
  labelUtilizations: Record<string, { maximumCapacity: number; interruptingLabelIds: string[] }>;
  maxInboundCalls?: number;
}

/** A bulk join/unjoin (PATCH …/members) accepted but not applied yet: the platform processes it asynchronously. */
export interface PendingJoinBatch {
  queueId: string;
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
