// distributeWeights, steps 5-7: the result of each lever (ring number, proficiency) of each member, from the
// shared apply engine's outcomes, and its audit record.
import type { GenesysError } from '../../errors/index.js';
import type { LeverTarget, TargetOutcome } from '../apply/engine/targets.js';
import type { ChangeStatus } from '../apply/values.js';
import { changeAuditRecord, type AuditRecord } from '../audit/trail.js';

/** What happened to one lever (ring or proficiency) of one member: the shared status vocabulary. */
export type LeverStatus = ChangeStatus;

/** One lever of one member: the value found, the value wanted, and what was done. */
export interface LeverChange {
  /** Value on the platform before the run (null: no ring known / the user does not hold the skill). */
  before: number | null;
  /** Value the weights map to. */
  after: number;
  /** Value read back after writing (only when written). */
  verified?: number | null | undefined;
  /** The shared status vocabulary (see `ChangeStatus`). */
  status: LeverStatus;
  /** Why it was skipped, blocked or failed, in words. */
  reason?: string | undefined;
  /** The error of a failed write. */
  error?: GenesysError | undefined;
  /** ININ-Correlation-Id of each write request for this lever. */
  correlationIds: string[];
  /** When the write started, ISO-8601. */
  startedAt?: string | undefined;
  /** When its verification finished, ISO-8601. */
  finishedAt?: string | undefined;
  /** Time from start to finish, ms. */
  latencyMs?: number | undefined;
}

/** A lever change (ring or proficiency) from the shared engine's outcome for one member. */
export function leverFromOutcome(o: TargetOutcome<LeverTarget>): LeverChange {
  return {
    // A member the run never reached keeps the value the plan was made against (rings: the live listing).
    before: o.initial !== undefined ? o.initial : (o.target.expected ?? null),
    after: o.target.after!,
    ...(o.final !== undefined ? { verified: o.final } : {}),
    status: o.status,
    reason: o.reason,
    error: o.error,
    correlationIds: o.correlationIds,
    startedAt: o.startedAt,
    finishedAt: o.finishedAt,
    latencyMs: o.latencyMs,
  };
}

/** Facts every audit record of a run shares. */
export interface RecordContext {
  planId: string;
  queueId: string;
  skillId: string | undefined;
  dryRun: boolean;
  balanceAccuracy: number;
}

/** One AuditRecord per lever change that was written, failed, or would be written (dry run). */
export function leverRecord(
  ctx: RecordContext,
  memberId: string,
  kind: 'ring' | 'proficiency',
  change: LeverChange,
  shares: { requestedWeight: number; requestedShare: number; achievedShare: number },
): AuditRecord | undefined {
  if (change.status === 'unchanged' || change.status === 'skipped') return undefined;
  const now = new Date().toISOString();
  return changeAuditRecord(
    ctx.planId,
    {
      userId: memberId,
      // Ring records concern no skill: skillId is '' and the queue is in details.queueId.
      skillId: kind === 'ring' ? '' : (ctx.skillId ?? ''),
      action: kind === 'ring' ? 'ringNumber' : change.before === null ? 'add' : 'update',
      before: change.before,
      after: change.after,
      status: change.status,
      reason: change.reason,
      error: change.error,
      correlationIds: change.correlationIds,
    },
    {
      startedAt: change.startedAt ?? now,
      finishedAt: change.finishedAt ?? now,
      latencyMs: change.latencyMs ?? 0,
      dryRun: ctx.dryRun,
      details: {
        queueId: ctx.queueId,
        lever: kind,
        requestedWeight: shares.requestedWeight,
        requestedShare: shares.requestedShare,
        achievedShare: shares.achievedShare,
        balanceAccuracy: ctx.balanceAccuracy,
      },
    },
  );
}
