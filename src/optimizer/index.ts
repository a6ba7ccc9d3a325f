// genesys-routing-sdk/optimizer: the queueing math (Erlang, staffing, simulation) and the routing optimizer. No I/O;
// loads without any transport dependency. The planning decisions over plain data are genesys-routing-sdk/planning.
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
  simulateAsync,
  type SimulateAsyncOptions,
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
export {
  optimizeRouting,
  warmUpOptimizer,
  type WarmUpOptimizerOptions,
  type WarmUpOptimizerResult,
  evaluateRouting,
  evaluateRoutingAsync,
  type EvaluateRoutingInput,
  type EvaluateRoutingOptions,
  type EvaluateRoutingAsyncOptions,
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
