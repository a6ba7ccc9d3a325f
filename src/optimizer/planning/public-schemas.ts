// The planning input checkers users may reuse (e.g. to validate a policy file before calling the function, or to
// list a schema's fields). Exported from `genesys-routing-sdk/optimizer` as one `schemas` namespace, not as loose
// names. They are zod 4 schemas (built with zod/mini): z.infer, composition (z.extend, or as members of your own
// zod objects), Standard Schema (`~standard`) and z.toJSONSchema work on them.
// A frozen object rather than `export * as`: a bundler drops it (and every schema) from a program that does not
// use it, where a namespace object built by the SDK's own build would keep them all.
import { IdSchema, ProficiencySchema, FractionSchema, SkillChangeSchema, SkillMatrixSchema } from './schemas.js';
import { ProficiencyPolicySchema, ProficiencyMetricsSchema } from './proficiency.js';
import {
  ConstraintUserSchema,
  ConstraintSkillSchema,
  ConstraintQueueSchema,
  RoutingConstraintsInputSchema,
} from './constraints.js';
import { MemberWeightSchema, WeightsInputSchema, NormalizeOptionsSchema } from './weights.js';
import { WeightsToProficiencyOptionsSchema, WeightsToRingsOptionsSchema } from './weight-mapping.js';
import { SaturationInputSchema } from './saturation.js';
import { DiffModeSchema, DiffOptionsSchema, SkillMatrixDiffSchema, SkillRowSchema } from './skill-matrix.js';
import { BulkPayloadOptionsSchema } from './bulk-payloads.js';
import {
  SkillUsageSchema,
  SkillDemandSchema,
  RecommendationThresholdsSchema,
  RecommendationInputSchema,
} from './recommendations.js';
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
} from './drift.js';
import { DriftFormatSchema } from './drift-format.js';
import { RoutingRuleQueueSchema, RoutingRulesSchema } from './routing-rules.js';
import {
  WhatIfQueueSchema,
  WhatIfMembershipSchema,
  WhatIfSimulationSchema,
  WhatIfOptionsSchema,
  WhatIfInputSchema,
} from './what-if-model.js';

/** The planning input schemas (zod 4, built with zod/mini), e.g. `schemas.ProficiencyPolicySchema`. */
export const schemas = /* @__PURE__ */ Object.freeze({
  IdSchema,
  ProficiencySchema,
  FractionSchema,
  SkillChangeSchema,
  SkillMatrixSchema,
  ProficiencyPolicySchema,
  ProficiencyMetricsSchema,
  ConstraintUserSchema,
  ConstraintSkillSchema,
  ConstraintQueueSchema,
  RoutingConstraintsInputSchema,
  MemberWeightSchema,
  WeightsInputSchema,
  NormalizeOptionsSchema,
  WeightsToProficiencyOptionsSchema,
  WeightsToRingsOptionsSchema,
  SaturationInputSchema,
  DiffModeSchema,
  DiffOptionsSchema,
  SkillMatrixDiffSchema,
  SkillRowSchema,
  BulkPayloadOptionsSchema,
  SkillUsageSchema,
  SkillDemandSchema,
  RecommendationThresholdsSchema,
  RecommendationInputSchema,
  DriftEntitySchema,
  DriftMemberSchema,
  DriftUserSkillSchema,
  DriftUserLanguageSchema,
  DriftSkillGroupMemberSchema,
  DriftQueueWrapupCodeSchema,
  RoutingConfigSnapshotSchema,
  DriftOptionsSchema,
  DriftReportSchema,
  DriftFormatSchema,
  RoutingRuleQueueSchema,
  RoutingRulesSchema,
  WhatIfQueueSchema,
  WhatIfMembershipSchema,
  WhatIfSimulationSchema,
  WhatIfOptionsSchema,
  WhatIfInputSchema,
});
