// `genesys-routing-sdk/workflows`: the end-to-end jobs (plan -> dry run -> apply -> verify -> audit -> export,
// weights, the routing autopilot) and the optimizer types their options and results reach. Listed by name once,
// here; etc/ (the API report) locks it. A client alone does not load them: the root entry does not import this.
export {
  PLAN_KIND,
  PLAN_VERSION,
  parsePlan,
  summarize as summarizePlan,
  type ParsePlanOptions,
  type Plan,
  type PlannedChange,
  type PlannedAction,
  type PlanIssue,
  type QueueImpact,
  type QueueMetrics,
  type PlannedLanguageChange,
} from './plan.js';
export type { QueueLanguages } from './optimize/languages-as-skills.js';
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
export type { LeaseOptions } from './apply/journaling/lease.js';
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
} from '../optimizer/planning/checks/windows.js';
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
} from '../optimizer/planning/weights/weights-balance.js';
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
// Optimizer types the workflows' options and results reach (the functions are in `genesys-routing-sdk/optimizer`).
export type { StaffingResult, StaffingTargets } from '../optimizer/queueing/types.js';
export type {
  ServiceTarget,
  OptimizeConstraints,
  OptimizeProgress,
  OptimizeRoutingResult,
  LockedPair,
  RoutingChange,
  QueueOutcome,
  Shortfall,
  UnreachableQueue,
  QueueMeasures,
  IntervalOutcome,
  IntervalMeasure,
} from '../optimizer/routing/types.js';
export type { ProficiencyPolicy, ProficiencyPolicyInput } from '../optimizer/planning/skills/proficiency.js';
export type { DiffMode } from '../optimizer/planning/skills/skill-matrix.js';
export type { RecommendationThresholds } from '../optimizer/planning/skills/recommendations.js';
export type { SaturationProjection } from '../optimizer/planning/checks/saturation.js';
export type {
  RoutingConfigSnapshot,
  DriftEntity,
  DriftQueueItem,
  DriftUserItem,
  DriftSkillGroupItem,
  DriftOptions,
  DriftReport,
  DriftEntry,
  DriftChange,
  DriftSection,
} from '../optimizer/planning/drift/drift-schemas.js';
// The routing autopilot (docs/guides/autopilot.md).
export {
  startAutopilot,
  parseAutopilotPolicy,
  checkGuardrails,
  resolveGuardrails,
  checkHysteresis,
  FileKillSwitch,
  MemoryKillSwitch,
  reforecast,
  analyticsSource,
  MemoryAutopilotStore,
  FileAutopilotStore,
  type AutopilotHandle,
  type AutopilotOptions,
  type AutopilotLeaseOptions,
  type AutopilotEvents,
  type AutopilotSummary,
  type AutopilotProposal,
  type AutopilotProposalResolution,
  type AutopilotPolicy,
  type AutopilotMode,
  type AutopilotHysteresis,
  type HysteresisRules,
  type WrittenChange,
  type ResolvedPolicy,
  type Guardrails,
  type GuardedChange,
  type GuardrailState,
  type GuardrailVerdict,
  type PastChange,
  type RefusedChange,
  type KillSwitch,
  type Reforecast,
  type ReforecastInput,
  type ObservationSource,
  type ObservationRequest,
  type QueueObservation,
  type SourceStatus,
  streamSource,
  type StreamSource,
  type StreamSourceOptions,
  LivePicture,
  isOnQueuePresence,
  livePressure,
  type LiveQueue,
  type ObservationsBody,
  type ObservationStatsItem,
  type PresenceBody,
  type RoutingStatusBody,
  type AgentState as AutopilotAgentState,
  type AutopilotState,
  type AutopilotStateStore,
  type AutopilotDecision,
  type DecisionKind,
  type QueueAssessment,
  type QueueStaffing,
  type Assignment as AutopilotAssignment,
} from './autopilot/index.js';
