// Public entry `genesys-routing-sdk/testing`: an emulator of the Genesys Cloud Platform API on loopback.
// The platform limits it enforces are `LIMITS` of the root entry.
export { startEmulator } from './emulator/server.js';
export { virtualClock } from './virtual-clock.js';
export type { VirtualClock } from './virtual-clock.js';
export type { Clock } from '../internal/clock.js';
export type { Emulator } from './emulator/server.js';
export { DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, FAULT_KINDS, BODY_FAULT_KINDS } from './emulator/options.js';
export type {
  EmulatorClientOptions,
  EmulatorOptions,
  EmulatorQuirks,
  BodyFaultKind,
  FaultKind,
  FaultOptions,
  OrgSizeOptions,
  ResolvedOptions,
} from './emulator/options.js';
export type { RateLimitConfig } from './emulator/pipeline/rate-limit.js';
export type { EmulatorStats, RequestLogEntry } from './emulator/stats.js';
export type { NewAuditEntry } from './emulator/state/org.js';
export type {
  AuditLogMessage as EmulatorAuditEntry,
  AuditPropertyChange as EmulatorAuditPropertyChange,
  Division,
  EmulatorClient,
  EntityState,
  MemberRecord,
  Organization,
  QueueRecord,
  RoutingStatusValue,
  SkillGroupRecord,
  SkillRecord,
  UserRecord,
} from './emulator/state/types.js';
export type { ErrorBody, ErrorDetail } from './emulator/respond/error-body.js';
export type {
  ServiceLevel,
  BullseyeRing,
  MediaSetting,
  MediaType,
  QueueLanguageDemand,
  RoutingStatusRecord,
  SystemPresence,
} from './emulator/state/types.js';
export type { HttpMethod } from './emulator/pipeline/router.js';
export type { RoutePermissions } from './emulator/pipeline/permissions.js';
export type { AuditQuery, AuditQueryFilter, AuditQuerySort, FilterProperty } from './emulator/audit/query.js';
export type { AuditQueryOutcome, AuditQueryState, ResolvedAuditBehaviour } from './emulator/audit/store.js';
export { MAX_BODY_BYTES } from './emulator/pipeline/body.js';
export { auditEmulation } from './emulator/audit/store.js';
export type { AuditEmulationOptions, AuditTransaction } from './emulator/audit/store.js';
export type { UtilizationRecord, MediaUtilizationRecord, PendingJoinBatch } from './emulator/state/types.js';
export type {
  NotificationsControl,
  NotificationSettings,
  NotificationChannelInfo,
} from './emulator/notifications/index.js';
export { DEFAULT_NOTIFICATION_SETTINGS } from './emulator/notifications/index.js';
export type { OrgChange } from './emulator/state/types.js';
export type { AnalyticsSettings, HistoryWeeks, ScenarioDemand, SurgeRecord } from './emulator/traffic/config.js';
export { SCENARIOS, type ScenarioName, type SurgeShape } from './emulator/scenarios.js';
export type {
  LiveCallRecord,
  LiveCounters,
  LiveEmulator,
  LiveEvents,
  LiveIntervalSummary,
  LiveOptions,
  LiveQueueSummary,
  QueueIntervalStats,
  QueueStatsQuery,
} from './emulator/live/types.js';
export type { ResolvedLiveOptions } from './emulator/live/index.js';
export type { WorkforceSettings } from './emulator/workforce/model.js';
export { reproducibleHistoryWindow } from './emulator/traffic/synthetic/window.js';

// Classes reached through an emulator (`emulator.org`, `emulator.audit`): exported by name (the emulator builds them).
export { OrgState } from './emulator/state/org.js';
export { AuditQueryStore } from './emulator/audit/store.js';
