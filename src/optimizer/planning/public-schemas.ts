// The planning input checkers users may reuse (e.g. to validate a policy file before calling the function, or to
// list a schema's fields). Exported from `genesys-routing-sdk/optimizer` as one `schemas` namespace, not as loose
// names. They are zod 4 schemas (built with zod/mini): z.infer, composition (z.extend, or as members of your own
// zod objects), Standard Schema (`~standard`) and z.toJSONSchema work on them.
// A frozen object rather than `export * as`: a bundler drops it (and every schema) from a program that does not
// use it, where a namespace object built by the SDK's own build would keep them all.
import { IdSchema, ProficiencySchema, FractionSchema, SkillChangeSchema, SkillMatrixSchema } from './schemas.js';
import { ProficiencyPolicySchema, ProficiencyMetricsSchema } from './skills/proficiency.js';
import {
  ConstraintUserSchema,
  ConstraintSkillSchema,
  ConstraintQueueSchema,
  RoutingConstraintsInputSchema,
} from './checks/constraints.js';
import { MemberWeightSchema, WeightsInputSchema, NormalizeOptionsSchema } from './weights/weights.js';
import { WeightsToProficiencyOptionsSchema, WeightsToRingsOptionsSchema } from './weights/weight-mapping.js';
import { SaturationInputSchema } from './checks/saturation.js';
import { DiffModeSchema, DiffOptionsSchema, SkillMatrixDiffSchema, SkillRowSchema } from './skills/skill-matrix.js';
import { BulkPayloadOptionsSchema } from './skills/bulk-payloads.js';
import {
  SkillUsageSchema,
  SkillDemandSchema,
  RecommendationThresholdsSchema,
  RecommendationInputSchema,
} from './skills/recommendations.js';
import {
  DriftEntitySchema,
  DriftMemberSchema,
  DriftUserSkillSchema,
  DriftUserLanguageSchema,
  DriftSkillGroupMemberSchema,
  DriftQueueWrapupCodeSchema,
  RoutingConfigSnapshotSchema,
  DriftOptionsSchema,
  DriftReportSchema,
} from './drift/drift.js';
import { DriftFormatSchema } from './drift/drift-format.js';
import { RoutingRuleQueueSchema, RoutingRulesSchema } from './checks/routing-rules.js';
import {
  WhatIfQueueSchema,
  WhatIfMembershipSchema,
  WhatIfSimulationSchema,
  WhatIfOptionsSchema,
  WhatIfInputSchema,
} from './what-if/what-if-model.js';

/** The planning input schemas (zod 4, built with zod/mini), e.g. `schemas.ProficiencyPolicySchema`. */
export const schemas = /* @__PURE__ */ Object.freeze({
  get IdSchema() {
    return IdSchema._zod.innerType;
  },
  get ProficiencySchema() {
    return ProficiencySchema._zod.innerType;
  },
  get FractionSchema() {
    return FractionSchema._zod.innerType;
  },
  get SkillChangeSchema() {
    return SkillChangeSchema._zod.innerType;
  },
  get SkillMatrixSchema() {
    return SkillMatrixSchema._zod.innerType;
  },
  get ProficiencyPolicySchema() {
    return ProficiencyPolicySchema._zod.innerType;
  },
  get ProficiencyMetricsSchema() {
    return ProficiencyMetricsSchema._zod.innerType;
  },
  get ConstraintUserSchema() {
    return ConstraintUserSchema._zod.innerType;
  },
  get ConstraintSkillSchema() {
    return ConstraintSkillSchema._zod.innerType;
  },
  get ConstraintQueueSchema() {
    return ConstraintQueueSchema._zod.innerType;
  },
  get RoutingConstraintsInputSchema() {
    return RoutingConstraintsInputSchema._zod.innerType;
  },
  get MemberWeightSchema() {
    return MemberWeightSchema._zod.innerType;
  },
  get WeightsInputSchema() {
    return WeightsInputSchema._zod.innerType;
  },
  get NormalizeOptionsSchema() {
    return NormalizeOptionsSchema._zod.innerType;
  },
  get WeightsToProficiencyOptionsSchema() {
    return WeightsToProficiencyOptionsSchema._zod.innerType;
  },
  get WeightsToRingsOptionsSchema() {
    return WeightsToRingsOptionsSchema._zod.innerType;
  },
  get SaturationInputSchema() {
    return SaturationInputSchema._zod.innerType;
  },
  DiffModeSchema,
  get DiffOptionsSchema() {
    return DiffOptionsSchema._zod.innerType;
  },
  get SkillMatrixDiffSchema() {
    return SkillMatrixDiffSchema._zod.innerType;
  },
  SkillRowSchema,
  get BulkPayloadOptionsSchema() {
    return BulkPayloadOptionsSchema._zod.innerType;
  },
  get SkillUsageSchema() {
    return SkillUsageSchema._zod.innerType;
  },
  get SkillDemandSchema() {
    return SkillDemandSchema._zod.innerType;
  },
  get RecommendationThresholdsSchema() {
    return RecommendationThresholdsSchema._zod.innerType;
  },
  get RecommendationInputSchema() {
    return RecommendationInputSchema._zod.innerType;
  },
  get DriftEntitySchema() {
    return DriftEntitySchema._zod.innerType;
  },
  get DriftMemberSchema() {
    return DriftMemberSchema._zod.innerType;
  },
  get DriftUserSkillSchema() {
    return DriftUserSkillSchema._zod.innerType;
  },
  get DriftUserLanguageSchema() {
    return DriftUserLanguageSchema._zod.innerType;
  },
  get DriftSkillGroupMemberSchema() {
    return DriftSkillGroupMemberSchema._zod.innerType;
  },
  get DriftQueueWrapupCodeSchema() {
    return DriftQueueWrapupCodeSchema._zod.innerType;
  },
  get RoutingConfigSnapshotSchema() {
    return RoutingConfigSnapshotSchema._zod.innerType;
  },
  get DriftOptionsSchema() {
    return DriftOptionsSchema._zod.innerType;
  },
  get DriftReportSchema() {
    return DriftReportSchema._zod.innerType;
  },
  DriftFormatSchema,
  get RoutingRuleQueueSchema() {
    return RoutingRuleQueueSchema._zod.innerType;
  },
  get RoutingRulesSchema() {
    return RoutingRulesSchema._zod.innerType;
  },
  get WhatIfQueueSchema() {
    return WhatIfQueueSchema._zod.innerType;
  },
  get WhatIfMembershipSchema() {
    return WhatIfMembershipSchema._zod.innerType;
  },
  get WhatIfSimulationSchema() {
    return WhatIfSimulationSchema._zod.innerType;
  },
  get WhatIfOptionsSchema() {
    return WhatIfOptionsSchema._zod.innerType;
  },
  get WhatIfInputSchema() {
    return WhatIfInputSchema._zod.innerType;
  },
});
