// genesys-routing-sdk/optimizer: pure math and planning. No I/O; loads without any transport dependency.
// Every public name is listed here (no wildcard re-exports), so the surface is what this file says.
export {
  erlangB,
  erlangC,
  serviceLevel,
  averageSpeedOfAnswer,
  occupancy,
  requiredAgents,
  trafficFromVolume,
  staffIntervals,
  erlangA,
  requiredAgentsErlangA,
  compareSimulations,
  simulate,
} from './queueing/index.js';
export type {
  ErlangInput,
  AsaInput,
  ServiceLevelInput,
  StaffingTargets,
  RequiredAgentsInput,
  StaffingResult,
  VolumeInput,
  ForecastIds,
  VolumeForecast,
  TrafficForecast,
  IntervalForecast,
  IntervalStaffingResult,
} from './queueing/types.js';
export type {
  ErlangAInput,
  ErlangAResult,
  RequiredAgentsErlangAInput,
  RequiredAgentsErlangAResult,
} from './queueing/erlang-a/erlang-a-types.js';
export type {
  SimulationQueue,
  ArrivalProfile,
  SimulationAgent,
  AgentAvailability,
  RoutingRule,
  SimulationModel,
  Estimate,
  SimulatedQueueResult,
  SimulatedIntervalResult,
  SimulatedAgentResult,
  SimulationResult,
  QueueDifference,
  SimulationComparison,
} from './queueing/simulate/types.js';
// Planning: pure decisions over plain data (proficiency, weights, skill-matrix diffs, what-if, drift, rules).
export type { SkillChange, SkillMatrix } from './planning/schemas.js';
export {
  defaultProficiencyPolicy,
  resolveProficiencyPolicy,
  scoreProficiency,
  type ProficiencyPolicy,
  type ProficiencyPolicyInput,
  type ProficiencyMetrics,
  type ProficiencyFactor,
  type ProficiencyReason,
  type ProficiencyResult,
} from './planning/skills/proficiency.js';
export {
  checkRoutingConstraints,
  type RoutingConstraintsInput,
  type ConstraintViolation,
  type ConstraintViolationKind,
} from './planning/checks/constraints.js';
export {
  validateWeights,
  normalizeWeights,
  type MemberWeight,
  type WeightsInput,
  type WeightIssue,
  type WeightIssueCode,
  type NormalizeOptions,
} from './planning/weights/weights.js';
export {
  weightsToProficiency,
  weightsToRings,
  type WeightsToProficiencyOptions,
  type WeightsToRingsOptions,
  type WeightProficiency,
  type WeightRing,
} from './planning/weights/weight-mapping.js';
export { projectSaturation, type SaturationInput, type SaturationProjection } from './planning/checks/saturation.js';
export {
  diffSkillMatrix,
  applyDiff,
  isEmptyDiff,
  diffToChanges,
  skillMatrixFromRows,
  type DiffMode,
  type DiffOptions,
  type SkillMatrixDiff,
  type SkillAdd,
  type SkillUpdate,
  type SkillRemoval,
  type SkillUnchanged,
  type SkippedSkillChange,
  type SkillRow,
} from './planning/skills/skill-matrix.js';
export {
  toBulkPayloads,
  type BulkPayload,
  type BulkSkillItem,
  type BulkPayloadOptions,
} from './planning/skills/bulk-payloads.js';
export {
  defaultRecommendationThresholds,
  recommendSkillChanges,
  recommendationsToChanges,
  type RecommendationThresholds,
  type RecommendationInput,
  type RecommendationRule,
  type SkillRecommendation,
  type DeferredRecommendation,
  type RecommendationResult,
} from './planning/skills/recommendations.js';
export {
  VOLATILE_FIELDS,
  DRIFT_SECTIONS,
  diffRoutingConfig,
  type RoutingConfigSnapshot,
  type DriftEntity,
  type DriftQueueItem,
  type DriftUserItem,
  type DriftSkillGroupItem,
  type DriftSection,
  type DriftOptions,
  type DriftReport,
  type DriftEntry,
  type DriftChange,
} from './planning/drift/drift.js';
export { formatDriftReport, type DriftFormat } from './planning/drift/drift-format.js';
export {
  validateRoutingRules,
  parseRoutingRules,
  type RoutingRules,
  type RoutingRuleQueue,
  type RoutingRuleError,
  type RoutingRuleErrorCode,
  type RoutingRulesValidation,
} from './planning/checks/routing-rules.js';
export {
  type WhatIfQueue,
  type WhatIfMembership,
  type WhatIfOptions,
  type WhatIfInput,
  type WhatIfWarning,
} from './planning/what-if/what-if-model.js';
export { whatIf, type WhatIfMetrics, type WhatIfQueueResult, type WhatIfResult } from './planning/what-if/what-if.js';
export {
  expectedOfferShares,
  balanceAccuracy,
  type WeightLever,
  type MemberPlacement,
  type OfferModelOptions,
} from './planning/weights/weights-balance.js';
export {
  isWithinWindow,
  nextWindow,
  type ChangeWindow,
  type Weekday,
  type WindowOptions,
} from './planning/checks/windows.js';
export { schemas } from './planning/public-schemas.js';
export {
  optimizeRouting,
  evaluateRouting,
  type EvaluateRoutingInput,
  type EvaluateRoutingOptions,
  type EvaluatedQueue,
} from './routing/index.js';
export type {
  ServiceTarget,
  OptimizeQueue,
  OptimizeAgent,
  LockedPair,
  OptimizeConstraints,
  OptimizeRoutingInput,
  OptimizeProgress,
  EvaluationSettings,
  OptimizeRoutingOptions,
  RoutingChange,
  QueueMeasures,
  QueueOutcome,
  QueueDemand,
  IntervalMeasure,
  IntervalOutcome,
  Shortfall,
  UnreachableQueue,
  OptimizeRoutingResult,
} from './routing/types.js';
export {
  GenesysError,
  type GenesysErrorOptions,
  type IssueList,
  type ZodIssueLike,
  ValidationError,
  isValidationError,
  SolverUnavailableError,
  isSolverUnavailableError,
  type ValidationIssue,
} from '../errors/index.js';
export { configureSolver, type SolverOptions } from './routing/screen/highs.js';
export { LIMITS, type Limits } from '../limits.js';
