// Known values of the audit API (enums of the official SDK purecloud-platform-client-v2). Strings stay open: the org's service mapping
// (`client.audit.queries.serviceMapping()`) is the authoritative list, and the platform adds values over time.
import { LIMITS } from '../../limits.js';

/** Services whose audits matter for routing. `ContactCenter` is where Genesys' own samples put Queue audits. */
export const AUDIT_SERVICE_NAMES = ['Routing', 'Directory', 'ContactCenter', 'Groups', 'AgentConfig'] as const;
/** One of `AUDIT_SERVICE_NAMES`; other strings the platform adds later are accepted too. */
export type AuditServiceName = (typeof AUDIT_SERVICE_NAMES)[number] | (string & {});

/**
 * Routing-related `entityType` values of the SDK enums. `UserSkill` and `UserLanguage` are from older enums;
 * which type records a user-skill change today (`UserSkill`, `AgentRoutingInfo` or `User`) is unconfirmed.
 */
export const ROUTING_AUDIT_ENTITY_TYPES = [
  'Queue',
  'RoutingSkill',
  'RoutingLanguage',
  'WrapupCode',
  'AgentRoutingInfo',
  'SkillGroup',
  'SkillGroupDefinition',
  'RoutingUtilizationTag',
  'MaxOrgRoutingUtilizationCapacity',
  'RoutingTranscriptionSettings',
  'User',
  'UserSkill',
  'UserLanguage',
] as const;
/** One of `ROUTING_AUDIT_ENTITY_TYPES`. */
export type RoutingAuditEntityType = (typeof ROUTING_AUDIT_ENTITY_TYPES)[number];
/** An audit `entityType`: a routing one of `ROUTING_AUDIT_ENTITY_TYPES`, or any other the service mapping lists. */
export type AuditEntityType = RoutingAuditEntityType | (string & {});

/** Actions seen on routing entities. */
export const AUDIT_ACTIONS = [
  'Create',
  'Update',
  'Delete',
  'MemberAdd',
  'MemberUpdate',
  'MemberRemove',
  'Add',
  'Remove',
  'Assign',
  'Unassign',
  'WrapupCodeAdd',
  'WrapupCodeRemove',
] as const;
/** One of `AUDIT_ACTIONS`; other strings the platform adds later are accepted too. */
export type AuditAction = (typeof AUDIT_ACTIONS)[number] | (string & {});

/** Properties an audit query can filter on (`AuditQueryFilter.property`). */
export const AUDIT_FILTER_PROPERTIES = [
  'UserId',
  'TrusteeOrganizationId',
  'ClientId',
  'Action',
  'EntityType',
  'EntityId',
] as const;
/** One of `AUDIT_FILTER_PROPERTIES`. */
export type AuditFilterProperty = (typeof AUDIT_FILTER_PROPERTIES)[number];

/** States of an async audit query; the last three are final. */
export const AUDIT_QUERY_STATES = ['Queued', 'Running', 'Succeeded', 'Failed', 'Cancelled'] as const;
/** One of `AUDIT_QUERY_STATES`; other strings the platform adds later are accepted too. */
export type AuditQueryState = (typeof AUDIT_QUERY_STATES)[number] | (string & {});

/** Levels of an audit entry: done by a user, by the system, or by Genesys itself. */
export const AUDIT_LEVELS = ['USER', 'SYSTEM', 'GENESYS_INTERNAL'] as const;
/** One of `AUDIT_LEVELS`; other strings the platform adds later are accepted too. */
export type AuditLevel = (typeof AUDIT_LEVELS)[number] | (string & {});

/** Outcomes an audit entry records. */
export const AUDIT_STATUSES = ['SUCCESS', 'FAILURE', 'WARNING'] as const;
/** One of `AUDIT_STATUSES`; other strings the platform adds later are accepted too. */
export type AuditStatus = (typeof AUDIT_STATUSES)[number] | (string & {});

/** Most rows one results page of an async query may hold (documented). */
export const AUDIT_RESULTS_MAX_PAGE_SIZE = LIMITS.auditResultsPageSize;
/** How far back a realtime query reaches, in days (documented as ~14 "for certain services"). */
export const AUDIT_REALTIME_WINDOW_DAYS = LIMITS.auditRealtimeWindowDays;
