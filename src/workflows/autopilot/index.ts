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
export {
  parseAutopilotPolicy,
  type AutopilotPolicy,
  type AutopilotMode,
  type AutopilotHysteresis,
  type ResolvedPolicy,
} from './policy.js';
export { checkHysteresis, type HysteresisRules, type WrittenChange } from './decision/hysteresis.js';
export {
  checkGuardrails,
  resolveGuardrails,
  type Guardrails,
  type GuardedChange,
  type GuardrailState,
  type GuardrailVerdict,
  type PastChange,
  type RefusedChange,
} from './decision/guardrails.js';
export { FileKillSwitch, MemoryKillSwitch, type KillSwitch } from './kill-switch.js';
export { reforecast, type Reforecast, type ReforecastInput } from './decision/reforecast.js';
export {
  analyticsSource,
  type ObservationSource,
  type ObservationRequest,
  type QueueObservation,
  type SourceStatus,
} from './observe/source.js';
export { streamSource, type StreamSource, type StreamSourceOptions } from './observe/stream-source.js';
export {
  LivePicture,
  isOnQueuePresence,
  type LiveQueue,
  type ObservationsBody,
  type ObservationStatsItem,
  type PresenceBody,
  type RoutingStatusBody,
  type AgentState,
} from './observe/live-picture.js';
export { livePressure } from './decision/evidence.js';
export { MemoryAutopilotStore, FileAutopilotStore, type AutopilotState, type AutopilotStateStore } from './store.js';
export type { AutopilotDecision, AutopilotProposalResolution, DecisionKind } from './decision-log.js';
export type { QueueAssessment } from './decision/decide.js';
export type { QueueStaffing } from './decision/absence.js';
export type { Assignment } from './observe/assignment.js';
