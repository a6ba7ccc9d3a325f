// genesys-routing-sdk/planning: pure decisions over plain data (proficiency, weights, skill-matrix diffs and bulk
// payloads, recommendations, what-if, drift, routing rules, change windows). No I/O. Every public name is listed
// here (no wildcard re-exports), so the surface is what this file says.
export type { SkillChange, SkillMatrix } from './schemas.js';
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
} from './skills/proficiency.js';
export {
  checkRoutingConstraints,
  type RoutingConstraintsInput,
  type ConstraintViolation,
  type ConstraintViolationKind,
} from './checks/constraints.js';
export {
  validateWeights,
  normalizeWeights,
  type MemberWeight,
  type WeightsInput,
  type WeightIssue,
  type WeightIssueCode,
  type NormalizeOptions,
} from './weights/weights.js';
export {
  weightsToProficiency,
  weightsToRings,
  type WeightsToProficiencyOptions,
  type WeightsToRingsOptions,
  type WeightProficiency,
  type WeightRing,
} from './weights/weight-mapping.js';
export { projectSaturation, type SaturationInput, type SaturationProjection } from './checks/saturation.js';
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
} from './skills/skill-matrix.js';
export {
  toBulkPayloads,
  type BulkPayload,
  type BulkSkillItem,
  type BulkPayloadOptions,
} from './skills/bulk-payloads.js';
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
} from './skills/recommendations.js';
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
} from './drift/drift.js';
export { formatDriftReport, type DriftFormat } from './drift/drift-format.js';
export {
  validateRoutingRules,
  parseRoutingRules,
  type RoutingRules,
  type RoutingRuleQueue,
  type RoutingRuleError,
  type RoutingRuleErrorCode,
  type RoutingRulesValidation,
} from './checks/routing-rules.js';
export {
  type WhatIfQueue,
  type WhatIfMembership,
  type WhatIfOptions,
  type WhatIfInput,
  type WhatIfWarning,
} from './what-if/what-if-model.js';
export { whatIf, type WhatIfMetrics, type WhatIfQueueResult, type WhatIfResult } from './what-if/what-if.js';
export {
  expectedOfferShares,
  balanceAccuracy,
  type WeightLever,
  type MemberPlacement,
  type OfferModelOptions,
} from './weights/weights-balance.js';
export { isWithinWindow, nextWindow, type ChangeWindow, type Weekday, type WindowOptions } from './checks/windows.js';
export { schemas } from './public-schemas.js';
export {
  GenesysError,
  type GenesysErrorOptions,
  type IssueList,
  type ZodIssueLike,
  ValidationError,
  isValidationError,
  type ValidationIssue,
} from '../../errors/index.js';
export { LIMITS, type Limits } from '../../limits.js';
