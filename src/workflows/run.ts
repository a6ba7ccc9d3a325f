// The workflow implementations behind the root entry's async workflows, in one module: each documented
// function (plan-skills.ts, snapshot.ts, ...) imports this on its first call. One lazy module rather than one
// per workflow: the modules the root entry loads anyway (plan, errors, resources) are then shared with a single
// lazy chunk, so the bundler splits them into a few chunks instead of one per combination of users, and every
// chunk is a file `require('genesys-routing-sdk')` reads at start.
export { applyPlan } from './apply-plan.js';
export { applyMemberships } from './apply-memberships-run.js';
export { crossCheckAuditTrail } from './audit-crosscheck-run.js';
export { distributeWeights } from './distribute-weights-run.js';
export { skillMatrixChunks } from './export-run.js';
export { checkTarget, sendExportSummary } from './export-summary-run.js';
export { planRoutingOptimization } from './optimize-routing-run.js';
export { planSkillOptimization } from './plan-skills-run.js';
export { recommendRoutingChanges } from './recommend-run.js';
export { driftReport, snapshotRoutingConfig } from './snapshot-run.js';
export { staffingFromHistory } from '../report/history-staffing-run.js';
