// The routing autopilot: watch the day, re-plan within guardrails, apply, verify, return to the baseline.
export {
  startAutopilot,
  type AutopilotHandle,
  type AutopilotOptions,
  type AutopilotLeaseOptions,
  type AutopilotEvents,
  type AutopilotSummary,
  type AutopilotProposal,
} from './autopilot.js';
export type { AutopilotHysteresis } from './policy.js';
export { parseAutopilotPolicy, type AutopilotPolicy, type ResolvedPolicy } from './policy.js';
export {
  checkGuardrails,
  resolveGuardrails,
  type Guardrails,
  type GuardedChange,
  type GuardrailState,
  type GuardrailVerdict,
  type PastChange,
  type RefusedChange,
} from './guardrails.js';
export { FileKillSwitch, MemoryKillSwitch, type KillSwitch } from './kill-switch.js';
export { reforecast, type Reforecast, type ReforecastInput } from './reforecast.js';
export {
  analyticsSource,
  type ObservationSource,
  type ObservationRequest,
  type QueueObservation,
  type SourceStatus,
} from './source.js';
export { streamSource, type StreamSource, type StreamSourceOptions } from './stream-source.js';
export {
  LivePicture,
  isOnQueuePresence,
  type LiveQueue,
  type ObservationsBody,
  type ObservationStatsItem,
  type PresenceBody,
  type RoutingStatusBody,
  type AgentState,
} from './live-picture.js';
export { livePressure } from './decide.js';
export { MemoryAutopilotStore, FileAutopilotStore, type AutopilotState, type AutopilotStateStore } from './store.js';
export type { AutopilotDecision, DecisionKind } from './decision-log.js';
export type { QueueAssessment } from './decide.js';
export type { Assignment } from './assignment.js';
