export { optimizeRouting } from './optimize.js';
export { warmUpOptimizer, type WarmUpOptimizerOptions, type WarmUpOptimizerResult } from './warm-up.js';
export {
  evaluateRouting,
  type EvaluateRoutingInput,
  type EvaluateRoutingOptions,
  type EvaluatedQueue,
} from './evaluate/evaluate-routing.js';
