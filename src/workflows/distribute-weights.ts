// distributeWeights: validate routing weights -> saturation gate on live data -> map the weights onto the
// levers Genesys Cloud really has (bullseye ring numbers, skill proficiency) -> desired-state writes through the
// shared apply engine -> final confirmation read -> one audit record per change. The work is in
// distribute-weights-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { GenesysError } from '../errors.js';
import type { WeightLever } from '../optimizer/planning/weights-balance.js';
import type { ChangeStatus } from './apply/values.js';
import type { AuditTrail } from './audit-trail.js';
import type { LeverChange } from './weights-apply.js';
import type { WeightsProjection } from './weights-live.js';

export type { LeverChange, LeverStatus } from './weights-apply.js';
export type { LiveMeasurement, WeightsProjection } from './weights-live.js';

/** Overall outcome. `partial`: at least one member failed (others may be applied) or the run was aborted. */
export type DistributeStatus = 'applied' | 'unchanged' | 'blocked' | 'dryRun' | 'partial';
/** The shared status vocabulary (see `ChangeStatus`). */
export type MemberStatus = ChangeStatus;

export interface DistributeProgress {
  membersDone: number;
  membersTotal: number;
  applied: number;
  failed: number;
}

export interface DistributeWeightsOptions {
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
  auditTrail?: AuditTrail;
  signal?: AbortSignal;
  onProgress?: (progress: DistributeProgress) => void;
  /** Id written to every audit record. Default a new `weights-…` id. */
  planId?: string;
}

export interface MemberWeightResult {
  memberId: string;
  memberName?: string | undefined;
  requestedWeight: number;
  /** requestedWeight / Σ weights. */
  requestedShare: number;
  /** Expected share of the work under the offer model, for the configuration in `result.shareBasis`. */
  achievedShare: number;
  status: MemberStatus;
  /** What the weights map to (absent for skipped non-members). */
  target?: { ringNumber?: number | undefined; proficiency?: number | undefined } | undefined;
  ring?: LeverChange | undefined;
  proficiency?: LeverChange | undefined;
  reason?: string | undefined;
  error?: GenesysError | undefined;
  correlationIds: string[];
}

export interface DistributeWeightsResult {
  planId: string;
  queueId: string;
  lever: WeightLever;
  status: DistributeStatus;
  /** Why the run was blocked, partial or unchanged. */
  reason?: string | undefined;
  items: MemberWeightResult[];
  counts: Record<MemberStatus, number>;
  projection: WeightsProjection;
  /** 1 − ½·Σ|requested share − achieved share| (see docs/guides/distribute-weights.md). */
  balanceAccuracy: number;
  /** Balance accuracy of the target mapping (what a full, successful run achieves). */
  plannedBalanceAccuracy: number;
  /** `final`: shares of the configuration the queue holds after the run; `target`: of the mapping (dry run, blocked). */
  shareBasis: 'final' | 'target';
  /** Ring count the weights were mapped onto (rings lever). */
  rings?: number | undefined;
  warnings: string[];
  aborted: boolean;
  dryRun: boolean;
  latencyMs: number;
}

/**
 * Distributes a queue's work over its members by weight, through ring numbers and/or proficiency.
 * Validates before any request, blocks (writes nothing) when the live saturation projection says so, writes
 * only what differs, verifies, and records one AuditRecord per change.
 *
 * @example
 * const result = await distributeWeights(client, {
 *   queueId,
 *   memberWeights: [{ memberId: annId, weight: 0.5 }, { memberId: bobId, weight: 0.3 }, { memberId: catId, weight: 0.2 }],
 *   lever: 'rings',
 *   auditTrail: new JsonlAuditTrail('weights-audit.jsonl'),
 * });
 * console.log(result.status, result.balanceAccuracy, result.projection.level);
 */
export async function distributeWeights(client: GenesysClient, options: DistributeWeightsOptions): Promise<DistributeWeightsResult> {
  const run = await import('./run.js');
  return run.distributeWeights(client, options);
}
