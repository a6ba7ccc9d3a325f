// genesys-routing-sdk/optimizer: pure math and planning. No I/O; loads without any transport dependency.
export * from './queueing/index.js';
export * from './planning/index.js';
export { ValidationError, isValidationError, type ValidationIssue } from '../errors.js';
export { optimizeRouting, evaluateRouting, type EvaluateRoutingInput, type EvaluateRoutingOptions, type EvaluatedQueue } from './routing/index.js';
export type * from './routing/types.js';
