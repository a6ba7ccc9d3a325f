export { optimizeRouting } from './optimize.js';
export {
  evaluateRouting,
  type EvaluateRoutingInput,
  type EvaluateRoutingOptions,
  type EvaluatedQueue,
} from './evaluate/evaluate-routing.js';
