// The contract of distributeWeights: its options, its result per member and overall, and the checked options
// its steps share (targets.ts, write.ts), so no step imports the entry for its types.
import type { GenesysError } from '../../errors/index.js';
import type { WeightLever } from '../../optimizer/planning/weights/weights-balance.js';
import type { ChangeStatus } from '../apply/values.js';
import type { AuditTrail } from '../audit/trail.js';
import type { LeverChange } from './apply.js';
import type { WeightsProjection } from './live.js';

/** Overall outcome. `partial`: at least one member failed (others may be applied) or the run was aborted. */
export type DistributeStatus = 'applied' | 'unchanged' | 'blocked' | 'dryRun' | 'partial';
/** The shared status vocabulary (see `ChangeStatus`). */
export type MemberStatus = ChangeStatus;

/** Progress of `distributeWeights` (its `onProgress` option). */
export interface DistributeProgress {
  /** Members processed so far. */
  membersDone: number;
  /** Members to process. */
  membersTotal: number;
  /** Changes applied so far. */
  applied: number;
  /** Changes that failed so far. */
  failed: number;
}

/** Options of `distributeWeights`. */
export interface DistributeWeightsOptions {
  /** The queue whose members' shares of the work are set. */
  queueId: string;
  /** Each member's share of the queue's work (0..1, summing to at most 1). `memberId` is the user id. */
  memberWeights: ReadonlyArray<{ memberId: string; weight: number }>;
  /** Busy share (0..1) at which a ring / proficiency level overflows to the next one (offer model). Default 0.85. */
  overflowThreshold?: number;
  /** Target utilisation (0..1): projected utilisation at or above it is a warning. Default min(0.85, blockThreshold). */
  utilizationTarget?: number;
  /** Which platform lever carries the weights. Default 'rings'. */
  lever?: WeightLever;
  /** The queue's skill whose proficiency carries the weight; required for 'proficiency' and 'both'. */
  skillId?: string;
  /** Projected utilisation at or above which nothing is written. Default 0.95. */
  blockThreshold?: number;
  /** Proficiency scale of `weightsToProficiency` (default 0..5, step 1). */
  proficiencyScale?: { min?: number; max?: number; step?: number };
  /** Read, gate and compare; write nothing. Changes that would be written are `wouldApply`. */
  dryRun?: boolean;
  /**
   * Take the final confirmation read (both levers): each status then states what the queue and its users hold at
   * the end (`applied`, `failed`, `overwritten`, ...). False: statuses rest on the writes' own answers. Default true.
   */
  verify?: boolean;
  /** Members processed at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number;
  /** Records each change (e.g. `JsonlAuditTrail`). */
  auditTrail?: AuditTrail;
  /** Stops the run: no new write starts, and the result has `aborted: true` (status `partial`). */
  signal?: AbortSignal;
  /** Called after each member. */
  onProgress?: (progress: DistributeProgress) => void;
  /** Id written to every audit record. Default a new `weights-…` id. */
  planId?: string;
}

/** What `distributeWeights` did for one member. */
export interface MemberWeightResult {
  /** Member (user) id. */
  memberId: string;
  /** The member's name, when known. */
  memberName?: string | undefined;
  /** The weight asked for this member. */
  requestedWeight: number;
  /** requestedWeight / Σ weights. */
  requestedShare: number;
  /** Expected share of the work under the offer model, for the configuration in `result.shareBasis`. */
  achievedShare: number;
  /** What became of this member's change(s). */
  status: MemberStatus;
  /** What the weights map to (absent for skipped non-members). */
  target?: { ringNumber?: number | undefined; proficiency?: number | undefined } | undefined;
  /** The ring-number change, when the lever includes rings. */
  ring?: LeverChange | undefined;
  /** The proficiency change, when the lever includes proficiency. */
  proficiency?: LeverChange | undefined;
  /** Why the member was skipped, blocked or unchanged. */
  reason?: string | undefined;
  /** The error of a failed change. */
  error?: GenesysError | undefined;
  /** `ININ-Correlation-Id` of each call made for this member. */
  correlationIds: string[];
}

/** What `distributeWeights` did: per member, counts, the projection it gated on and the balance achieved. */
export interface DistributeWeightsResult {
  /** The id written to every audit record of the run. */
  planId: string;
  /** The queue whose work was distributed. */
  queueId: string;
  /** The lever used: bullseye `rings`, skill `proficiency`, or `both`. */
  lever: WeightLever;
  /** `applied`, `unchanged`, `blocked` (the saturation projection forbade it; nothing written), `dryRun` or `partial`. */
  status: DistributeStatus;
  /** Why the run was blocked, partial or unchanged. */
  reason?: string | undefined;
  /** One result per member, in input order. */
  items: MemberWeightResult[];
  /** How many members ended in each status. */
  counts: Record<MemberStatus, number>;
  /** The live saturation projection the run was gated on. */
  projection: WeightsProjection;
  /** 1 − ½·Σ|requested share − achieved share| (see docs/guides/distribute-weights.md). */
  balanceAccuracy: number;
  /** Balance accuracy of the target mapping (what a full, successful run achieves). */
  plannedBalanceAccuracy: number;
  /** `final`: shares of the configuration the queue holds after the run; `target`: of the mapping (dry run, blocked). */
  shareBasis: 'final' | 'target';
  /** Ring count the weights were mapped onto (rings lever). */
  rings?: number | undefined;
  /** Problems that did not stop the run, in words. */
  warnings: string[];
  /** True when the signal stopped the run before the end. */
  aborted: boolean;
  /** True when run with `dryRun` (nothing written). */
  dryRun: boolean;
  /** Wall-clock time of the run, ms. */
  latencyMs: number;
}

/** The options once checked, with their defaults. */
export interface CheckedOptions extends DistributeWeightsOptions {
  lever: WeightLever;
  blockThreshold: number;
  warnThreshold: number;
  overflowThreshold: number;
  concurrency: number;
  dryRun: boolean;
  verify: boolean;
}
