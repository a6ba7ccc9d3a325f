// The planning input checkers users may reuse (e.g. to validate a policy file before calling the function, or to
// list a schema's fields). Exported from `genesys-routing-sdk/optimizer` as one `schemas` namespace, not as loose
// names. They are the optimizer's own checkers (`safeParse` / `parse`, zod-like issue paths), not zod schemas.
export { IdSchema, ProficiencySchema, FractionSchema, SkillChangeSchema, SkillMatrixSchema } from './schemas.js';
export { ProficiencyPolicySchema, ProficiencyMetricsSchema } from './proficiency.js';
export { ConstraintUserSchema, ConstraintSkillSchema, ConstraintQueueSchema, RoutingConstraintsInputSchema } from './constraints.js';
export { MemberWeightSchema, WeightsInputSchema, NormalizeOptionsSchema } from './weights.js';
export { WeightsToProficiencyOptionsSchema, WeightsToRingsOptionsSchema } from './weight-mapping.js';
export { SaturationInputSchema } from './saturation.js';
export { DiffModeSchema, DiffOptionsSchema, SkillMatrixDiffSchema, SkillRowSchema } from './skill-matrix.js';
export { BulkPayloadOptionsSchema } from './bulk-payloads.js';
export { SkillUsageSchema, SkillDemandSchema, RecommendationThresholdsSchema, RecommendationInputSchema } from './recommendations.js';
export { DriftEntitySchema, DriftMemberSchema, DriftUserSkillSchema, RoutingConfigSnapshotSchema, DriftOptionsSchema, DriftReportSchema } from './drift.js';
export { DriftFormatSchema } from './drift-format.js';
export { RoutingRuleQueueSchema, RoutingRulesSchema } from './routing-rules.js';
export { WhatIfQueueSchema, WhatIfMembershipSchema, WhatIfSimulationSchema, WhatIfOptionsSchema, WhatIfInputSchema } from './what-if-model.js';
