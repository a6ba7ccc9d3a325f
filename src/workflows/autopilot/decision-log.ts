// Every decision the autopilot makes, as one JSON line: what it saw, what it predicted, what it changed and why,
// and (on the next line for the same queues) what happened after. Appended before the next decision starts.
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { OptimizeRoutingResult } from '../../optimizer/index.js';
import type { ChangeStatus } from '../apply/values.js';
import type { QueueAssessment } from './decision/decide.js';
import type { GuardedChange, RefusedChange } from './decision/guardrails.js';
import type { SourceStatus } from './observe/source.js';

/** `hold`: nothing to do; `adjust`: changes for queues under pressure; `return`: back to the baseline. */
export type DecisionKind = 'hold' | 'adjust' | 'return';

/** One decision: what the autopilot saw, predicted, changed and why, with the outcome; one JSONL line in the audit file. */
export interface AutopilotDecision {
  /** 1-based decision number of this run. */
  seq: number;
  /** ISO time of the decision (the autopilot's clock). */
  at: string;
  /** `hold`, `adjust` or `return` (see `DecisionKind`). */
  kind: DecisionKind;
  /** What it saw and predicted, per queue. */
  queues: QueueAssessment[];
  /** Agents on queue when it decided. */
  onQueue: number;
  /** Changes it wanted, those the guardrails refused (with the rule), and those it wrote (or would write in shadow mode). */
  proposed: GuardedChange[];
  /** The proposed changes the guardrails refused, each with its rule. */
  refused: RefusedChange[];
  /**
   * The changes written (or, in shadow mode, that would have been); empty when the kill switch or a lost lease
   * stopped the write, or (approve mode) its proposal was rejected or expired.
   */
  changes: GuardedChange[];
  /** Why, in words: the pressure seen, or why it held; notes shadow mode, the kill switch or a lost lease. */
  why: string;
  /** True in shadow mode (`policy.shadow`): nothing was written. */
  shadow: boolean;
  /** Set when the kill switch stopped the write. */
  killSwitch?: string | undefined;
  /**
   * The plan written and its statuses, when it wrote. `at`: when the writes began by the autopilot's clock, later
   * than the decision's `at` by its reads, its re-plan and, in approve mode, the wait for an answer.
   */
  apply?: { planId: string; at: string; counts: Partial<Record<ChangeStatus, number>> } | undefined;
  /** After the write, a read of the org: did it hold what was planned? */
  verified?: { ok: boolean; mismatches: number } | undefined;
  /** What happened after the previous decision that changed something: each queue's service level since then. */
  afterPrevious?: Array<{ queueId: string; serviceLevel: number | null }> | undefined;
  /** Where its observations came from: the stream's live picture and the aggregates query, or the query alone (and why). */
  source?: SourceStatus | undefined;
  /** Set when the live picture made this decision before its period was up: the new pressure it saw. */
  trigger?: string | undefined;
  /** Approve mode: the proposal this decision became and how it ended (only `approved` writes). */
  proposal?: AutopilotProposalResolution | undefined;
  /**
   * The optimizer's verdict on the next intervals, when it re-planned, and what ended its search: `work` (its work
   * budget, `planEffort`: the same plan on any machine) or `time-limit` (`planTimeLimitMs` came first: a busy
   * machine, and the plan may differ from an idle one's).
   */
  plan?:
    | {
        feasible: boolean;
        changes: number;
        ms: number;
        stoppedBy?: OptimizeRoutingResult['stats']['stoppedBy'];
      }
    | undefined;
}

/** Approve mode: how a proposal ended. `approved` is then written; `rejected` and `expired` write nothing. */
export interface AutopilotProposalResolution {
  /** The proposal's id (`AutopilotProposal.id`). */
  id: string;
  /** `approved` (by `approve(id)` or `onProposal`), `rejected` (with its reason) or `expired` (not answered in time). */
  outcome: 'approved' | 'rejected' | 'expired';
  /** Why it was rejected: the reason given to `reject`, `onProposal said no`, or `the autopilot stopped`. */
  reason?: string | undefined;
}

/** Appends decisions to a JSONL file (one line each); the directory is created on first use. */
export class DecisionLog {
  #ready: Promise<void> | undefined;
  constructor(readonly path: string) {}
  async append(decision: AutopilotDecision): Promise<void> {
    this.#ready ??= mkdir(dirname(this.path), { recursive: true }).then(() => undefined);
    await this.#ready;
    await appendFile(this.path, `${JSON.stringify(decision)}\n`);
  }
}
