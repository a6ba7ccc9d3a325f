// distributeWeights, steps 4-6: per-member desired-state writes on the platform's real levers (ring number,
// proficiency), read before write, read-back verification, correlation ids and audit records.
import type { GenesysClient } from '../client.js';
import { GenesysError } from '../errors.js';
import type { AuditRecord } from './audit-trail.js';

/** What happened to one lever (ring or proficiency) of one member. */
export type LeverStatus = 'applied' | 'unchanged' | 'wouldApply' | 'failed' | 'skipped';

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

const EPS = 1e-9;
export const sameValue = (a: number | null | undefined, b: number | null | undefined): boolean =>
  a === b || (a != null && b != null && Math.abs(a - b) < EPS);

export function toGenesysError(error: unknown): GenesysError {
  return error instanceof GenesysError ? error : new GenesysError(String((error as Error)?.message ?? error), { cause: error, operation: 'distributeWeights' });
}

/** Starts a lever change: unchanged, would apply (dry run) or to write. */
export function classifyLever(before: number | null, after: number): LeverChange {
  if (sameValue(before, after)) return { before, after, status: 'unchanged', correlationIds: [] };
  return { before, after, status: 'wouldApply', correlationIds: [] };
}

/** The user's current proficiency on `skillId` (null: not held, or deleted). */
export async function readProficiency(client: GenesysClient, userId: string, skillId: string, signal: AbortSignal | undefined): Promise<number | null> {
  const skills = await client.routing.userSkills.list(userId, { pageSize: 100, signal }).toArray({ max: 10_000 });
  const found = skills.find((s) => s.id === skillId && s.state !== 'deleted');
  return found ? (found.proficiency ?? 0) : null;
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

/**
 * Writes the proficiency (PATCH …/routingskills/bulk with just this skill: the user's other skills are kept),
 * then reads it back. Mutates and returns `change`.
 */
export function writeProficiency(
  client: GenesysClient,
  userId: string,
  skillId: string,
  change: LeverChange,
  signal: AbortSignal | undefined,
  verify: boolean,
): Promise<LeverChange> {
  return timedWrite(
    change,
    async () => (await client.routing.userSkills.patchBulk(userId, [{ id: skillId, proficiency: change.after }], { signal })).correlationIds.at(-1),
    verify
      ? async () => {
          change.verified = await readProficiency(client, userId, skillId, signal);
          if (!sameValue(change.verified, change.after)) {
            change.status = 'failed';
            change.reason = `verification: platform shows ${change.verified ?? 'no skill'}, expected ${change.after}`;
          }
        }
      : undefined,
  );
}

/** Sets the ring number (PATCH …/members/{memberId}); verified later from one re-read of the members. */
export function writeRing(client: GenesysClient, queueId: string, memberId: string, change: LeverChange, signal: AbortSignal | undefined): Promise<LeverChange> {
  return timedWrite(change, async () => (await client.routing.members.setRingNumber(queueId, memberId, change.after, { signal })).correlationId);
}

/** Re-reads the queue's members once and checks every ring written in this run. */
export async function verifyRings(client: GenesysClient, queueId: string, written: ReadonlyMap<string, LeverChange>, signal: AbortSignal | undefined): Promise<void> {
  if (written.size === 0) return;
  const t0 = performance.now();
  const members = await client.routing.members.list(queueId, { signal }).toArray({ max: 100_000 });
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
  if (change.status !== 'applied' && change.status !== 'failed' && change.status !== 'wouldApply') return undefined;
  const now = new Date().toISOString();
  return {
    planId: ctx.planId,
    userId: memberId,
    // Ring records concern no skill: skillId is '' and the queue is in details.queueId.
    skillId: kind === 'ring' ? '' : (ctx.skillId ?? ''),
    action: kind === 'ring' ? 'ringNumber' : change.before === null ? 'add' : 'update',
    before: change.before,
    after: change.after,
    result: change.status === 'wouldApply' ? 'planned' : change.status,
    startedAt: change.startedAt ?? now,
    finishedAt: change.finishedAt ?? now,
    latencyMs: change.latencyMs ?? 0,
    correlationIds: change.correlationIds,
    dryRun: ctx.dryRun,
    error: change.error
      ? { name: change.error.name, message: change.error.message, status: (change.error as { status?: number }).status, correlationId: change.error.correlationId }
      : undefined,
    details: {
      queueId: ctx.queueId,
      lever: kind,
      requestedWeight: shares.requestedWeight,
      requestedShare: shares.requestedShare,
      achievedShare: shares.achievedShare,
      balanceAccuracy: ctx.balanceAccuracy,
    },
  };
}
