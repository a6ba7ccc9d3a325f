// The end-to-end jobs: plan -> dry run -> apply -> verify -> audit -> export. Exported from the root entry.
export {
  PLAN_KIND,
  PLAN_VERSION,
  parsePlan,
  checkPlanChanges,
  enforceSkillLimit,
  summarize,
  type ParsePlanOptions,
  type Plan,
  type PlannedChange,
  type PlannedAction,
  type PlanIssue,
  type QueueImpact,
  type QueueMetrics,
  type PlannedLanguageChange,
} from './plan.js';
export type { QueueLanguages, LanguageRequirements } from './optimize/languages-as-skills.js';
export {
  planProficiencyRelevel,
  type PlanProficiencyRelevelOptions,
  planSkillOptimization,
  type PlanSkillOptimizationOptions,
} from './skills/plan-relevel.js';
export { recommendRoutingChanges, type RecommendRoutingChangesOptions } from './skills/recommend.js';
export {
  applyPlan,
  type ApplyOptions,
  type ApplyResult,
  type ApplyProgress,
  type ItemResult,
  type ItemStatus,
  type MembershipItemResult,
  type LanguageItemResult,
  type ApplyConflict,
  type ConflictCheckOptions,
  type ConflictCheckResult,
} from './apply/apply-plan.js';
export { CHANGE_STATUSES, PROFICIENCY_TOLERANCE, type ChangeStatus } from './apply/values.js';
export type { LeaseOptions } from './apply/lease.js';
export { MemoryJournal, FileJournal, type FileJournalOptions } from './journal/journals.js';
export type {
  ApplyJournal,
  JournalRecord,
  JournalProblem,
  JournalReadResult,
  JournalLease,
  AcquireLeaseOptions,
} from './journal/types.js';
export {
  MemoryAuditTrail,
  JsonlAuditTrail,
  readAuditTrail,
  type AuditTrail,
  type AuditRecord,
  type AuditedChange,
  type ChangeResult,
} from './audit/trail.js';
export {
  snapshotRoutingConfig,
  parseSnapshot,
  driftReport,
  SNAPSHOT_KIND,
  type RoutingSnapshot,
  type SnapshotOptions,
} from './snapshot/snapshot.js';
export {
  exportSkillMatrix,
  writeSkillMatrix,
  type ExportFormat,
  type ExportOptions,
  type ExportSummary,
  type SkillMatrixRow,
} from './export/skill-matrix.js';
export {
  isWithinWindow,
  nextWindow,
  type ChangeWindow,
  type Weekday,
  type WindowOptions,
} from '../optimizer/planning/windows.js';
export {
  distributeWeights,
  type DistributeWeightsOptions,
  type DistributeWeightsResult,
  type DistributeStatus,
  type DistributeProgress,
  type MemberStatus,
  type MemberWeightResult,
  type LeverChange,
  type LeverStatus,
  type LiveMeasurement,
  type WeightsProjection,
} from './weights/distribute.js';
export {
  expectedOfferShares,
  balanceAccuracy,
  type WeightLever,
  type MemberPlacement,
  type OfferModelOptions,
} from '../optimizer/planning/weights-balance.js';
export {
  crossCheckAuditTrail,
  type CrossCheckOptions,
  type CrossCheckResult,
  type CrossCheckMatch,
  type PlatformChange,
} from './audit/crosscheck.js';
export {
  sendExportSummary,
  writeSkillMatrixAndNotify,
  EXPORT_SUMMARY_EVENT,
  type ExportSummaryEvent,
  type ExportSummaryWebhookOptions,
} from './export/summary.js';
export {
  planRoutingOptimization,
  type PlanRoutingOptimizationOptions,
  type PlannedDay,
  type PlannedMembership,
  type RoutingOptimizationPlan,
} from './optimize/plan-routing.js';
export {
  applyMemberships,
  type ApplyMembershipsResult,
  type MembershipResult,
  type MembershipStatus,
} from './apply/apply-memberships.js';
