export { optimizeRouting } from './optimize.js';
export { warmUpOptimizer, type WarmUpOptimizerOptions, type WarmUpOptimizerResult } from './warm-up.js';
export {
  evaluateRouting,
  evaluateRoutingAsync,
  type EvaluateRoutingInput,
  type EvaluateRoutingOptions,
  type EvaluateRoutingAsyncOptions,
  type EvaluatedQueue,
} from './evaluate/evaluate-routing.js';
