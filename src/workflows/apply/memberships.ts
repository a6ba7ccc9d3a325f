// The queue-membership part of a plan: read each queue's members, add the missing ones and remove the planned
// removals still present (100 per call, chunk by chunk), read back. Desired state: a re-run writes nothing. Statuses
// use the engine's vocabulary: `unchanged` (already as planned before this run), `applied` (written and confirmed by
// the read-back), `failed` (not as planned at the end), `unverified` (written, but the read-back failed), `skipped`
// (the run stopped before writing it), `wouldApply`.
import type { GenesysClient } from '../../client/client.js';
import type { GenesysError } from '../../errors/index.js';
import type { PlannedMembership } from '../plan.js';
import type { ChangeStatus } from './values.js';
import { toGenesysError } from './values.js';

/** One planned membership and what happened to it. */
export interface MembershipItemResult extends PlannedMembership {
  /** The shared status vocabulary (see `ChangeStatus`): `applied`, `unchanged`, `failed`, `wouldApply`, … */
  status: ChangeStatus;
  /** Why it is not `applied`/`unchanged`, or how it was confirmed. */
  detail?: string | undefined;
  /** The last error, when it failed or is unverified. */
  error?: GenesysError | undefined;
  /** An earlier run of this exact plan recorded this user done (journal), and this run's read confirmed it. */
  fromJournal?: boolean | undefined;
  /** Correlation ids of the requests that wrote or read it (quote them to Genesys support). */
  correlationIds: string[];
  /** When this run started on it, ISO-8601. */
  startedAt?: string | undefined;
  /** When this run finished with it, ISO-8601. */
  finishedAt?: string | undefined;
  /** Time from start to finish, ms. */
  latencyMs?: number | undefined;
}

export interface MembershipPhaseOptions {
  dryRun: boolean;
  signal: AbortSignal | undefined;
  /** False once the run must start no new write. */
  mayWrite: () => boolean;
}

/** Applies `memberships` queue by queue; one result per membership, in the plan's order. */
export async function applyMembershipPhase(
  client: GenesysClient,
  memberships: readonly PlannedMembership[],
  o: MembershipPhaseOptions,
): Promise<MembershipItemResult[]> {
  const results = memberships.map((m): MembershipItemResult => ({ ...m, status: 'failed', correlationIds: [] }));
  const byQueue = new Map<string, MembershipItemResult[]>();
  for (const r of results) byQueue.set(r.queueId, [...(byQueue.get(r.queueId) ?? []), r]);
  const members = async (queueId: string): Promise<Set<string>> => {
    const ids = new Set<string>();
    for await (const m of client.routing.members.list(queueId, { signal: o.signal })) ids.add(m.id);
    return ids;
  };
  for (const [queueId, items] of byQueue) {
    if (o.signal?.aborted) {
      for (const r of items) Object.assign(r, { status: 'skipped', detail: 'aborted before this queue' });
      continue;
    }
    let before: Set<string>;
    try {
      before = await members(queueId);
    } catch (error) {
      const err = toGenesysError(error, 'routing.members.list');
      for (const r of items)
        Object.assign(r, {
          status: 'failed',
          error: err,
          detail: `could not read the queue's members: ${err.message}`,
        });
      continue;
    }
    const done = (r: MembershipItemResult, members: Set<string>) => members.has(r.userId) === (r.action !== 'remove');
    for (const r of items) if (done(r, before)) r.status = 'unchanged';
    const pending = items.filter((r) => !done(r, before));
    for (const missing of [pending.filter((r) => r.action !== 'remove'), pending.filter((r) => r.action === 'remove')])
      if (missing.length > 0) await writeAndConfirm(client, queueId, missing, members, done, o);
  }
  return results;
}

/** Adds (or removes) `missing` in one queue and reads the queue back to confirm each. */
async function writeAndConfirm(
  client: GenesysClient,
  queueId: string,
  missing: MembershipItemResult[],
  members: (queueId: string) => Promise<Set<string>>,
  done: (r: MembershipItemResult, members: Set<string>) => boolean,
  o: MembershipPhaseOptions,
): Promise<void> {
  const removing = missing[0]?.action === 'remove';
  const operation = removing ? 'routing.members.remove' : 'routing.members.add';
  if (o.dryRun) {
    for (const r of missing) r.status = 'wouldApply';
    return;
  }
  if (!o.mayWrite()) {
    for (const r of missing) Object.assign(r, { status: 'skipped', detail: 'the run stopped before this write' });
    return;
  }
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const failedChunk = new Map<string, GenesysError>();
  let thrown: GenesysError | undefined;
  try {
    const ids = [...new Set(missing.map((r) => r.userId))];
    const call = { continueOnError: true, signal: o.signal };
    const res = removing
      ? await client.routing.members.remove(queueId, ids, call)
      : await client.routing.members.add(queueId, ids, call);
    for (const c of res.chunks) if (!c.ok && c.error) for (const id of c.userIds) failedChunk.set(id, c.error);
  } catch (error) {
    thrown = toGenesysError(error, operation);
  }
  const finishedAt = new Date().toISOString();
  const latencyMs = Math.round(performance.now() - t0);
  for (const r of missing) {
    Object.assign(r, { startedAt, finishedAt, latencyMs });
    const error = failedChunk.get(r.userId) ?? thrown;
    if (error?.correlationId) r.correlationIds.push(error.correlationId);
  }
  let after: Set<string> | undefined;
  let readError: GenesysError | undefined;
  try {
    after = await members(queueId);
  } catch (error) {
    readError = toGenesysError(error, 'routing.members.list');
  }
  for (const r of missing) {
    const error = failedChunk.get(r.userId) ?? thrown;
    if (after && done(r, after)) Object.assign(r, { status: 'applied', error: undefined });
    else if (after)
      Object.assign(r, {
        status: 'failed',
        error,
        detail: error ? error.message : removing ? 'still a member after the write' : 'not a member after the write',
      });
    else if (error) Object.assign(r, { status: 'failed', error, detail: error.message });
    else
      Object.assign(r, {
        status: 'unverified',
        error: readError,
        detail: `the ${removing ? 'removal' : 'add'} was accepted, but the read-back failed: ${readError?.message ?? ''}`,
      });
  }
}
