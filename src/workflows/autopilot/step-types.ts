// What one autopilot decision needs and what carries over to the next: shared by step.ts (the decision) and
// write.ts (its write), so neither imports the other's types.
import type { GenesysClient } from '../../client.js';
import type { Clock } from '../../internal/clock.js';
import type { AutopilotDecision, DecisionLog } from './decision-log.js';
import type { ResolvedPolicy } from './policy.js';
import type { ProposalBook } from './proposals.js';
import type { LastPlan } from './replan-due.js';
import type { AutopilotSetup } from './setup.js';
import type { ObservationSource } from './source.js';
import type { AutopilotState, AutopilotStateStore } from './store.js';
import type { AutopilotEvents, AutopilotOptions } from './types.js';

/** What one decision needs and what carries over to the next. */
export interface Step {
  client: GenesysClient;
  policy: ResolvedPolicy;
  options: AutopilotOptions;
  events: { emit<K extends keyof AutopilotEvents>(event: K, ...args: AutopilotEvents[K]): boolean };
  clock: Clock;
  org: { apiBaseUrl: string; orgId?: string | undefined };
  store: AutopilotStateStore;
  state: AutopilotState;
  setup: AutopilotSetup;
  queueSkills: Record<string, string>;
  source: ObservationSource;
  log: DecisionLog | undefined;
  decisions: AutopilotDecision[];
  /** Decisions in a row without pressure. */
  calm: number;
  /** The last re-plan: when, and the re-forecast ratio of each queue under pressure then. */
  lastPlan: LastPlan | undefined;
  /** The agents' usual share of each interval of the day on queue (readUsualAvailability); empty: unknown. */
  available: Map<string, number[]>;
  /** Per queue under pressure: how many times the predicted calls its plans are sized for (grows on each miss). */
  boost: Map<string, number>;
  /** The last decision that wrote (or would have, in shadow mode): when, and the queues it served. */
  lastChange: { at: number; queues: string[] } | undefined;
  signal: AbortSignal | undefined;
  leaseHeld: () => boolean;
  /** Approve mode: where decisions wait for their answer. */
  proposals: ProposalBook;
  /** Aborts when the run stops (stop() or the signal): a pending proposal is then rejected. */
  stopping: AbortSignal;
  /** The new pressure that made the next decision early (the live picture), if any. */
  trigger?: string | undefined;
}
