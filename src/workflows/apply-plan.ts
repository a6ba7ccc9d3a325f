// applyPlan: desired-state writes, per user. Each user is read first and only what still differs is written
// (so re-applying a finished plan writes nothing), then read back to verify. A journal lets an interrupted
// run skip users already done; every item gets a result; nothing is silently dropped.
import type { GenesysClient } from '../client.js';
import { GenesysError, ValidationError } from '../errors.js';
import { runPool } from '../internal/pool.js';
import type { AuditRecord, AuditTrail } from './audit-trail.js';
import type { ApplyJournal } from './journal.js';
import type { Plan, PlannedChange } from './plan.js';
import { reportProgress } from './progress.js';

export type ItemStatus = 'applied' | 'unchanged' | 'skipped' | 'failed' | 'wouldApply';

export interface ItemResult {
  userId: string;
  skillId: string;
  action: PlannedChange['action'];
  /** Proficiency the plan expected before / wants after (null = absent). */
  before: number | null;
  after: number | null;
  status: ItemStatus;
  /** Proficiency found on the platform right before writing (null = absent). */
  actual?: number | null | undefined;
  /** Why an item was skipped or failed. */
  reason?: string | undefined;
  error?: GenesysError | undefined;
  /** True when the user was already done in the journal (no request made). */
  resumed?: boolean | undefined;
  correlationIds: string[];
}

export interface ApplyProgress {
  usersDone: number;
  usersTotal: number;
  applied: number;
  failed: number;
}

export interface ApplyOptions {
  /** Read and compare, write nothing; items that would be written are `wouldApply`. */
  dryRun?: boolean;
  /** Users processed at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number;
  journal?: ApplyJournal;
  auditTrail?: AuditTrail;
  onProgress?: (progress: ApplyProgress) => void;
  signal?: AbortSignal;
  /** A skill whose current value is neither the planned `before` nor `after` changed since planning:
   * `skip` it (default, reported) or `apply` the plan anyway. */
  onDrift?: 'skip' | 'apply';
  /** Re-read after writing and fail items that did not land. Default true. */
  verify?: boolean;
  /** Passes over users that failed (transient errors). Default 2. */
  passes?: number;
  /** Apply a plan computed against another org (plan.org). Default false. */
  allowOtherOrg?: boolean;
}

export interface ApplyResult {
  planId: string;
  dryRun: boolean;
  aborted: boolean;
  items: ItemResult[];
  counts: Record<ItemStatus, number>;
  users: { total: number; done: number; failed: number; resumed: number };
  durationMs: number;
}

const EPS = 1e-9;
const same = (a: number | null | undefined, b: number | null | undefined) =>
  a === b || (a != null && b != null && Math.abs(a - b) < EPS);

/**
 * Applies a plan's skill changes with chunked, idempotent bulk calls.
 * @example
 * const result = await applyPlan(client, plan, { journal: new FileJournal('plan.journal'), onProgress: console.log });
 * console.log(result.counts); // { applied, unchanged, skipped, failed, wouldApply }
 */
export async function applyPlan(client: GenesysClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const org = client.org.apiBaseUrl;
  if (plan.org !== org && !options.allowOtherOrg) {
    throw new ValidationError('applyPlan', [{ path: 'plan.org', message: `plan was made for ${plan.org}, this client talks to ${org} (pass allowOtherOrg to force)` }]);
  }
  const byUser = new Map<string, PlannedChange[]>();
  for (const change of plan.changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), change]);
  const users = [...byUser.keys()];
  const done = options.journal && !dryRun ? await options.journal.completed(plan.id) : new Set<string>();
  const results = new Map<string, ItemResult[]>();
  const progress = { usersDone: 0, usersTotal: users.length, applied: 0, failed: 0 };

  let pending = users;
  for (let pass = 1; pass <= (options.passes ?? 2) && pending.length > 0; pass++) {
    const failedThisPass: string[] = [];
    await runPool(pending, options.concurrency ?? 4, async (userId) => {
      const items = done.has(userId)
        ? byUser.get(userId)!.map((c) => item(c, 'unchanged', { resumed: true, reason: 'done in an earlier run (journal)' }))
        : await applyUser(client, plan, userId, byUser.get(userId)!, options);
      // Running totals: a user redone in a later pass replaces its earlier items.
      const previous = results.get(userId) ?? [];
      progress.applied += tally(items, 'applied') - tally(previous, 'applied');
      progress.failed += tally(items, 'failed') - tally(previous, 'failed');
      results.set(userId, items);
      if (items.some((i) => i.status === 'failed')) failedThisPass.push(userId);
      progress.usersDone = results.size;
      reportProgress(client, { operation: 'applyPlan', unit: 'users', done: progress.usersDone, total: users.length }, options.onProgress, { ...progress });
    }, options.signal);
    pending = failedThisPass;
  }

  const aborted = options.signal?.aborted ?? false;
  const items = users.flatMap(
    (u) => results.get(u) ?? byUser.get(u)!.map((c) => item(c, 'skipped', { reason: aborted ? 'aborted before this user' : 'not reached' })),
  );
  const counts = { applied: 0, unchanged: 0, skipped: 0, failed: 0, wouldApply: 0 } satisfies Record<ItemStatus, number>;
  for (const i of items) counts[i.status]++;
  const failedUsers = new Set(items.filter((i) => i.status === 'failed').map((i) => i.userId));
  return {
    planId: plan.id,
    dryRun,
    aborted,
    items,
    counts,
    users: { total: users.length, done: users.length - failedUsers.size, failed: failedUsers.size, resumed: [...done].filter((u) => byUser.has(u)).length },
    durationMs: performance.now() - started,
  };
}

async function applyUser(
  client: GenesysClient,
  plan: Plan,
  userId: string,
  changes: PlannedChange[],
  options: ApplyOptions,
): Promise<ItemResult[]> {
  const startedAt = new Date();
  const t0 = performance.now();
  const signal = options.signal;
  // ININ-Correlation-Id of each write that carried this user's changes (on failure: the error's own id).
  const ids: string[] = [];
  let items: ItemResult[];
  try {
    const current = await readSkills(client, userId, signal);
    items = changes.map((c) => classify(c, current, options.onDrift ?? 'skip'));
    const toWrite = items.filter((i) => i.status === 'wouldApply');
    if (!options.dryRun && toWrite.length > 0) {
      const upserts = toWrite.filter((i) => i.after !== null).map((i) => ({ id: i.skillId, proficiency: i.after! }));
      if (upserts.length > 0) ids.push(...(await client.routing.userSkills.patchBulk(userId, upserts, { signal })).correlationIds);
      for (const removal of toWrite.filter((i) => i.after === null)) {
        const { correlationId } = await client.routing.userSkills.remove(userId, removal.skillId, { signal });
        if (correlationId) ids.push(correlationId);
      }
      const after = options.verify === false ? undefined : await readSkills(client, userId, signal);
      for (const i of toWrite) {
        if (after && !same(after.get(i.skillId) ?? null, i.after)) {
          i.status = 'failed';
          i.reason = `verification: platform shows ${after.get(i.skillId) ?? 'no skill'}, expected ${i.after ?? 'no skill'}`;
        } else i.status = 'applied';
      }
    }
  } catch (error) {
    const err = error instanceof GenesysError ? error : new GenesysError(String(error), { cause: error });
    if (err.correlationId) ids.push(err.correlationId);
    items = changes.map((c) => item(c, 'failed', { error: err, reason: err.message }));
  }
  for (const i of items) if (i.status === 'applied' || i.status === 'failed') i.correlationIds = ids;
  if (options.journal && !options.dryRun) {
    await options.journal.record({ planId: plan.id, userId, status: items.some((i) => i.status === 'failed') ? 'failed' : 'done', at: new Date().toISOString() });
  }
  if (options.auditTrail) {
    const finishedAt = new Date().toISOString();
    for (const i of items) await options.auditTrail.write(auditRecord(plan.id, i, startedAt.toISOString(), finishedAt, performance.now() - t0, !!options.dryRun));
  }
  return items;
}

function classify(change: PlannedChange, current: Map<string, number>, onDrift: 'skip' | 'apply'): ItemResult {
  const actual = current.has(change.skillId) ? current.get(change.skillId)! : null;
  if (same(actual, change.after)) return item(change, 'unchanged', { actual });
  if (!same(actual, change.before) && onDrift === 'skip') {
    return item(change, 'skipped', { actual, reason: `changed since planned: expected ${change.before ?? 'no skill'}, found ${actual ?? 'no skill'}` });
  }
  return item(change, 'wouldApply', { actual });
}

function item(change: PlannedChange, status: ItemStatus, extra: Partial<ItemResult> = {}): ItemResult {
  return { userId: change.userId, skillId: change.skillId, action: change.action, before: change.before, after: change.after, status, correlationIds: [], ...extra };
}

async function readSkills(client: GenesysClient, userId: string, signal?: AbortSignal): Promise<Map<string, number>> {
  const skills = await client.routing.userSkills.list(userId, { pageSize: 100, signal }).toArray({ max: 1_000 });
  return new Map(skills.filter((s) => s.state !== 'deleted').map((s) => [s.id, s.proficiency ?? 0]));
}

function tally(items: readonly ItemResult[], status: ItemStatus): number {
  let n = 0;
  for (const i of items) if (i.status === status) n++;
  return n;
}

function auditRecord(planId: string, i: ItemResult, startedAt: string, finishedAt: string, latencyMs: number, dryRun: boolean): AuditRecord {
  const status = i.status === 'wouldApply' ? 'planned' : i.status;
  return {
    planId,
    userId: i.userId,
    skillId: i.skillId,
    action: i.action,
    before: i.actual !== undefined ? i.actual : i.before,
    after: i.after,
    result: status,
    startedAt,
    finishedAt,
    latencyMs: Math.round(latencyMs),
    correlationIds: i.correlationIds,
    dryRun,
    error: i.error ? { name: i.error.name, message: i.error.message, status: (i.error as { status?: number }).status, correlationId: i.error.correlationId } : undefined,
  };
}
