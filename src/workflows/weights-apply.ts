// distributeWeights, steps 4-6: per-member desired-state writes on the platform's real levers (ring number,
// proficiency), read before write, read-back verification, correlation ids and audit records.
import type { GenesysClient } from '../client.js';
import type { GenesysError } from '../errors.js';
import type { TargetOutcome } from './apply/engine.js';
import { sameValue, toGenesysError, type ChangeStatus } from './apply/values.js';
import { changeAuditRecord, type AuditRecord } from './audit-trail.js';

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
  status: LeverStatus;
  reason?: string | undefined;
  error?: GenesysError | undefined;
  /** ININ-Correlation-Id of each write request for this lever. */
  correlationIds: string[];
  startedAt?: string | undefined;
  finishedAt?: string | undefined;
  latencyMs?: number | undefined;
}

export { sameValue, toGenesysError };

/** Starts a lever change: unchanged, would apply (dry run) or to write. */
export function classifyLever(before: number | null, after: number): LeverChange {
  if (sameValue(before, after)) return { before, after, status: 'unchanged', correlationIds: [] };
  return { before, after, status: 'wouldApply', correlationIds: [] };
}

/** A proficiency lever change from the shared engine's outcome for (member, skill). */
export function leverFromOutcome(o: TargetOutcome): LeverChange {
  return {
    before: o.initial ?? null,
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

/** Runs one lever write: times it, stamps it, records the call's correlation id, and turns a throw into `failed`. */
async function timedWrite(change: LeverChange, write: () => Promise<string | undefined>, check?: () => Promise<void>): Promise<LeverChange> {
  const t0 = performance.now();
  change.startedAt = new Date().toISOString();
  try {
    const correlationId = await write();
    if (correlationId) change.correlationIds.push(correlationId);
    change.status = 'applied';
    await check?.();
  } catch (error) {
    change.status = 'failed';
    change.error = toGenesysError(error);
    change.reason = change.error.message;
  }
  change.finishedAt = new Date().toISOString();
  change.latencyMs = Math.round(performance.now() - t0);
  return change;
}

/** Sets the ring number (PATCH …/members/{memberId}); verified later from one re-read of the members. */
export function writeRing(client: GenesysClient, queueId: string, memberId: string, change: LeverChange, signal: AbortSignal | undefined): Promise<LeverChange> {
  return timedWrite(change, async () => (await client.routing.members.setRingNumber(queueId, memberId, change.after, { signal })).correlationId);
}

/** Re-reads the queue's members once and checks every ring written in this run. */
export async function verifyRings(client: GenesysClient, queueId: string, written: ReadonlyMap<string, LeverChange>, signal: AbortSignal | undefined): Promise<void> {
  if (written.size === 0) return;
  const t0 = performance.now();
  const members = await client.routing.members.list(queueId, { signal, validation: 'strict' }).toArray({ max: 100_000 });
  const rings = new Map(members.map((m) => [m.id, m.ringNumber ?? null]));
  const finishedAt = new Date().toISOString();
  for (const [memberId, change] of written) {
    if (change.status !== 'applied') continue;
    change.verified = rings.has(memberId) ? (rings.get(memberId) ?? null) : null;
    if (!sameValue(change.verified, change.after)) {
      change.status = 'failed';
      change.reason = `verification: platform shows ring ${change.verified ?? 'none (not a member any more)'}, expected ${change.after}`;
    }
    change.finishedAt = finishedAt;
    change.latencyMs = (change.latencyMs ?? 0) + Math.round(performance.now() - t0);
  }
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
