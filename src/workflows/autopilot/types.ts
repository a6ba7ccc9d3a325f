// The autopilot's contract: its run-time options, events, handle and summary. The loop (autopilot.ts) and its
// decision step (step.ts) both use it, so neither imports the other for its types.
import type { EventEmitter } from 'eventemitter3';
import type { GenesysError } from '../../errors/index.js';
import type { Clock } from '../../internal/clock.js';
import type { ApplyResult } from '../apply/apply-plan.js';
import type { ApplyJournal } from '../journal/types.js';
import type { AutopilotDecision, AutopilotProposalResolution } from './decision-log.js';
import type { KillSwitch } from './kill-switch.js';
import type { ObservationSource } from './observe/source.js';
import type { AutopilotMode } from './policy.js';
import type { AutopilotProposal } from './proposals.js';
import type { AutopilotStateStore } from './store.js';

/** The lease that keeps one autopilot per org: where it lives, how long it lasts, how long to wait for it. */
export interface AutopilotLeaseOptions {
  /** Where the lease lives: a journal with `acquire` (`RedisJournal` across hosts, `FileJournal` on one host).
   * Default: one in-memory lease table for this process. */
  journal?: ApplyJournal;
  /** Lease lifetime in ms, renewed every third of it. Default 60,000. */
  ttlMs?: number;
  /** How long to wait for another autopilot's lease before giving up. Default: until stopped. */
  waitMs?: number;
  /** Unique id of this autopilot. Default host-pid-random. */
  owner?: string;
}

/** startAutopilot's run-time wiring: clock, observation source, kill switch, lease, journal, state store, audit file, forecast and signal. */
export interface AutopilotOptions {
  /** Where time is read and waited on (decision periods). Default: the wall clock. */
  clock?: Clock;
  /**
   * Where queue observations come from. Default by `policy.observe`: the notification stream (queue observations,
   * agent presence and routing status) with the conversation aggregates query for the day-so-far counts, or the
   * query alone.
   */
  source?: ObservationSource;
  /** Checked before every write; engaged (or unreadable) means no write. */
  killSwitch?: KillSwitch;
  /** The lease that keeps one autopilot per org. Default: an in-memory lease for this process, 60 s ttl. */
  lease?: AutopilotLeaseOptions;
  /** Passed to applyPlan for every write (per-user records, crash-safe). */
  journal?: ApplyJournal;
  /** Baseline, changes written and whether the org is away from the baseline. Default: in memory. */
  store?: AutopilotStateStore;
  /** A saved state that was not closed (a crash): `resume` (default) from it, or `baseline`: go back to it at once. */
  onResume?: 'resume' | 'baseline';
  /** Appends every decision as one JSON line to this file. */
  auditPath?: string;
  /** The day's forecast per queue id (calls per interval of the policy's length, a whole UTC day); default from history. */
  forecast?: Record<string, number[]>;
  /**
   * Each agent's planned share (0..1) of each interval of the day on queue, by user id (intervals of the policy's
   * length, a whole UTC day), e.g. from your WFM schedule. It replaces the usual pattern read from routing-status
   * history: the re-plan counts agents for it, and an absence is measured against it. Agents not listed have no
   * pattern. Default from history (`policy.historyDays`).
   */
  schedule?: Record<string, number[]>;
  /**
   * Approve mode: asked for every proposal; true accepts it, false rejects it. It races `approve`/`reject` and the
   * proposal's expiry: the first answer wins.
   */
  onProposal?: (proposal: AutopilotProposal) => boolean | Promise<boolean>;
  /** Aborting it ends the autopilot at once, like a crash: no return to the baseline (the state says where it was). */
  signal?: AbortSignal;
}

/** What one autopilot run did, returned by `stop()` / `done`: its decisions, changes written or refused, and whether the org ended at its baseline. */
export interface AutopilotSummary {
  /** ISO time the run started (the autopilot's clock). */
  startedAt: string;
  /** ISO time the run ended (the autopilot's clock). */
  stoppedAt: string;
  /** `stop`: stop() was called; `signal`: the signal aborted; `leaseLost`; `error`. */
  stoppedBy: 'stop' | 'signal' | 'leaseLost' | 'error';
  /** The error that ended the run (`stoppedBy: 'error'`, or `'signal'` when the signal aborted mid-step). */
  error?: GenesysError | undefined;
  /** Every decision of the run, in order. */
  decisions: AutopilotDecision[];
  /** Changes written (or, in shadow mode, that would have been). */
  changes: number;
  /** Changes the guardrails refused, over all decisions. */
  refused: number;
  /** True when the org was read back equal to the baseline at the end. */
  atBaseline: boolean;
  /** True in shadow mode (`policy.shadow`): nothing was written. */
  shadow: boolean;
  /** Queue id -> name, for the queues watched (empty when the run ended before its setup). */
  queueNames: Record<string, string>;
  /** The day's grid the decisions refer to. */
  day: { start: string; intervalMinutes: number };
  /** Setup warnings, e.g. a queue not watched for lack of history. */
  warnings: string[];
}

/** The autopilot's events (eventemitter3): each decision, write, read-back, return to baseline, error and lease change. */
export interface AutopilotEvents {
  /** `waiting` while another autopilot (`holder`, when known) holds the org's lease; `acquired` once this one does. */
  lease: [{ state: 'waiting' | 'acquired'; holder?: string | undefined }];
  /** Every decision, written or not (also the holds). */
  decision: [AutopilotDecision];
  /** A decision's plan was applied: decision number, `adjust` or `return`, and applyPlan's result. */
  applied: [{ seq: number; kind: 'adjust' | 'return'; result: ApplyResult }];
  /** The org read back after a write: `ok` when it holds what was planned, else the count of differences. */
  verified: [{ seq: number; ok: boolean; mismatches: number }];
  /** A return to the baseline: why, whether the org is back at it, and applyPlan's result when it wrote. */
  rollback: [{ seq: number; reason: string; atBaseline: boolean; result?: ApplyResult | undefined }];
  /** Approve mode: a decision waits for an answer (`approve(id)`, `reject(id)`, `onProposal`) until it expires. */
  proposal: [AutopilotProposal];
  /** Approve mode: a proposal was approved (then written), rejected or expired (both write nothing). */
  proposalResolved: [AutopilotProposalResolution];
  /** A write that left failures or differences (the run goes on), or the error that ends the run. */
  error: [GenesysError];
}

/** A running autopilot: its events, `stop()`, the summary it ends with and, in approve mode, its proposals. */
export interface AutopilotHandle extends EventEmitter<AutopilotEvents> {
  /** Ends after the decision in progress; returns to the baseline first unless `policy.restoreOnStop` is false. */
  stop(): Promise<void>;
  /** The policy's mode: `auto`, `shadow` or `approve`. */
  readonly mode: AutopilotMode;
  /** Approve mode: the proposals waiting for an answer, oldest first (none expired; always empty in other modes). */
  proposals(): AutopilotProposal[];
  /** Approve mode: accepts a pending proposal, which is then written; false when unknown, answered or expired. */
  approve(id: string): boolean;
  /** Approve mode: refuses a pending proposal (nothing written; `reason` logged); false when unknown, answered or expired. */
  reject(id: string, reason?: string): boolean;
  /** Resolves with the run's summary when it ends (stop, signal, lost lease or error); never rejects. */
  readonly done: Promise<AutopilotSummary>;
}
