// applyPlan: desired-state writes of a plan's skill changes through the shared apply engine (apply/engine.ts).
// Every status comes from what the org holds at the end and what this run wrote; a journal only tells which
// users an earlier run finished (for this exact plan content and end state), it never replaces a read.
import type { GenesysClient } from '../client.js';
import { ValidationError, type GenesysError } from '../errors.js';
import { MAX_SKILLS_PER_USER } from '../resources/routing/user-skills.js';
import { hasher, planHash, stateHash } from './apply/hash.js';
import { withLease, type LeaseOptions } from './apply/lease.js';
import { applySkillTargets, type EngineProgress } from './apply/engine.js';
import { countStatuses, type ChangeStatus } from './apply/values.js';
import { changeAuditRecord, type AuditTrail } from './audit-trail.js';
import type { ApplyJournal, JournalProblem } from './journal-types.js';
import { checkPlanChanges, type Plan, type PlannedChange } from './plan.js';
import { reportProgress } from './progress.js';

/** The one status vocabulary (see `ChangeStatus`). */
export type ItemStatus = ChangeStatus;

export interface ItemResult {
  userId: string;
  userName?: string | undefined;
  skillId: string;
  skillName?: string | undefined;
  action: PlannedChange['action'];
  /** Proficiency the plan expected before / wants after (null = absent). */
  before: number | null;
  after: number | null;
  status: ItemStatus;
  /** Proficiency this run found on its first read (null = absent; undefined = never read). */
  actual?: number | null | undefined;
  /** Proficiency the final confirmation read found (undefined = not re-read). */
  final?: number | null | undefined;
  /** Why an item was skipped, failed, overwritten or left unverified. */
  reason?: string | undefined;
  error?: GenesysError | undefined;
  /**
   * True when the journal records this user as done by an earlier run of this exact plan (same plan and state
   * hashes) and this run's read confirmed the org still holds it (`unchanged`, nothing written).
   */
  fromJournal?: boolean | undefined;
  correlationIds: string[];
}

export interface ApplyProgress {
  usersDone: number;
  usersTotal: number;
  applied: number;
  failed: number;
  pass: number;
}

export interface ApplyOptions {
  /** Read and compare, write nothing; items that would be written are `wouldApply`. */
  dryRun?: boolean;
  /** Users written at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number;
  journal?: ApplyJournal;
  /** With a journal that supports leases: who holds it, for how long, how long to wait for another holder. */
  lease?: LeaseOptions;
  auditTrail?: AuditTrail;
  onProgress?: (progress: ApplyProgress) => void;
  signal?: AbortSignal;
  /** A skill whose current value is neither the planned `before` nor `after` changed since planning:
   * `skip` it (default, reported) or `apply` the plan anyway. */
  onDrift?: 'skip' | 'apply';
  /** Passes over users whose writes failed (each re-reads first). Default 6; stops early when a pass makes no progress. */
  passes?: number;
  /** Skills one user may hold; default 50 (the platform's limit). */
  maxSkillsPerUser?: number;
  /**
   * How users with removals are written. `replace` (default): one PUT of the user's whole set, built from a read
   * of the next few users (`concurrency` of them) taken right before their writes: about 1 + 1/concurrency
   * requests per user. A skill another writer assigns to the user between that read and the PUT (one request
   * round) is removed, and no later read can tell. `delete`: one DELETE per removal next to the PATCH of the adds
   * and updates, so a skill someone else assigns meanwhile is always kept (one more request per removal). Use it
   * where other writers assign skills while a plan is applied.
   */
  removals?: 'delete' | 'replace';
  /** Apply a plan computed against another org (plan.orgId / plan.org). Default false. */
  allowOtherOrg?: boolean;
}

export interface ApplyResult {
  planId: string;
  dryRun: boolean;
  aborted: boolean;
  items: ItemResult[];
  counts: Record<ItemStatus, number>;
  /** `fromJournal`: users an earlier run finished, confirmed against the org by this run's reads. */
  users: { total: number; done: number; failed: number; fromJournal: number };
  /** Journal entries that could not be read (a torn last record after a crash): reported, ignored. */
  journalProblems: JournalProblem[];
  /** Problems that did not stop the run (a journal append that failed). */
  warnings: string[];
  /** Passes made over the users, and reads made (bulk: 100 users each; per user: where expand left skills out). */
  passes: number;
  reads: { bulk: number; perUser: number };
  durationMs: number;
}

const CONTEXT = 'applyPlan';

/** applyPlan's implementation; the documented public function is in apply-plan-lazy.ts (it loads this module on first call). */
export async function applyPlan(client: GenesysClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const started = performance.now();
  const dryRun = options.dryRun ?? false;
  const limit = options.maxSkillsPerUser ?? MAX_SKILLS_PER_USER;
  checkOptions(options);
  checkPlanChanges(plan.changes, { context: CONTEXT, maxSkillsPerUser: limit });
  if (!options.allowOtherOrg) await checkOrg(client, plan, options.signal);

  const byUser = new Map<string, PlannedChange[]>();
  for (const change of plan.changes) byUser.set(change.userId, [...(byUser.get(change.userId) ?? []), change]);
  const sha256 = await hasher();
  const hash = planHash(sha256, plan);
  const states = new Map([...byUser].map(([u, cs]) => [u, stateHash(sha256, u, cs)]));
  const journal = options.journal;
  const earlier = journal ? await journal.read(plan.id) : { records: [], problems: [] };
  const lastRecord = new Map(earlier.records.filter((r) => r.planHash === hash && r.stateHash === states.get(r.userId)).map((r) => [r.userId, r.status]));
  const doneEarlier = new Set([...lastRecord].filter(([, s]) => s === 'done').map(([u]) => u));
  const warnings: string[] = [];

  const run = (signal: AbortSignal | undefined) =>
    applySkillTargets(
      client,
      plan.changes.map((c) => ({ userId: c.userId, skillId: c.skillId, expected: c.before, after: c.after })),
      {
        context: CONTEXT,
        dryRun,
        onDrift: options.onDrift,
        concurrency: options.concurrency,
        passes: options.passes,
        maxSkillsPerUser: limit,
        removals: options.removals,
        signal,
        onProgress: (p) => progress(client, p, options.onProgress),
        onUserFinished: async (userId, _outcomes, done) => {
          if (!journal || dryRun) return;
          try {
            await journal.append({ planId: plan.id, planHash: hash, userId, stateHash: states.get(userId)!, status: done ? 'done' : 'failed', at: new Date().toISOString() });
          } catch (error) {
            warnings.push(`journal: could not record user ${userId}: ${(error as Error).message}`);
          }
        },
      },
    );
  const engine = journal?.acquire && !dryRun ? await withLease(journal, plan.id, options.lease, options.signal, run) : await run(options.signal);

  const items: ItemResult[] = engine.outcomes.map((o, i) => {
    const c = plan.changes[i]!;
    const fromJournal = doneEarlier.has(c.userId) && o.status === 'unchanged';
    return {
      userId: c.userId,
      userName: c.userName,
      skillId: c.skillId,
      skillName: c.skillName,
      action: c.action,
      before: c.before,
      after: c.after,
      status: o.status,
      actual: o.initial,
      final: o.final,
      reason: fromJournal ? 'done by an earlier run (journal), confirmed against the org' : doneEarlier.has(c.userId) && o.status === 'applied' ? `the journal had it done, but the org held ${o.initial ?? 'no skill'}: re-applied` : o.reason,
      error: o.error,
      ...(fromJournal ? { fromJournal: true } : {}),
      correlationIds: o.correlationIds,
    };
  });
  if (options.auditTrail) {
    const now = new Date().toISOString();
    for (const [i, item] of items.entries()) {
      const o = engine.outcomes[i]!;
      await options.auditTrail.write(changeAuditRecord(plan.id, item, { startedAt: o.startedAt ?? now, finishedAt: o.finishedAt ?? now, latencyMs: o.latencyMs ?? 0, dryRun }));
    }
  }
  const failedUsers = new Set(items.filter((i) => i.status !== 'applied' && i.status !== 'unchanged' && i.status !== 'wouldApply').map((i) => i.userId));
  const fromJournalUsers = new Set(items.filter((i) => i.fromJournal).map((i) => i.userId));
  return {
    planId: plan.id,
    dryRun,
    aborted: engine.aborted,
    items,
    counts: countStatuses(items),
    users: { total: byUser.size, done: byUser.size - failedUsers.size, failed: failedUsers.size, fromJournal: fromJournalUsers.size },
    journalProblems: earlier.problems,
    warnings,
    passes: engine.passes,
    reads: engine.reads,
    durationMs: performance.now() - started,
  };
}

/** Option checks before any request; issues name the option. */
function checkOptions(o: ApplyOptions): void {
  const issues: Array<{ path: string; message: string }> = [];
  const int = (name: 'concurrency' | 'passes' | 'maxSkillsPerUser', min: number, max: number) => {
    const v = o[name];
    if (v !== undefined && !(Number.isInteger(v) && v >= min && v <= max)) issues.push({ path: name, message: `must be an integer from ${min} to ${max}` });
  };
  int('concurrency', 1, 64);
  int('passes', 1, 20);
  int('maxSkillsPerUser', 1, 10_000);
  if (o.onDrift !== undefined && o.onDrift !== 'skip' && o.onDrift !== 'apply') issues.push({ path: 'onDrift', message: "must be 'skip' or 'apply'" });
  if (o.removals !== undefined && o.removals !== 'delete' && o.removals !== 'replace') issues.push({ path: 'removals', message: "must be 'replace' (one PUT per user, the default) or 'delete' (one DELETE per removal)" });
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
}

function progress(client: GenesysClient, p: EngineProgress, onProgress: ApplyOptions['onProgress']): void {
  const detail = { usersDone: p.usersDone, usersTotal: p.usersTotal, applied: p.confirmed, failed: p.failing, pass: p.pass };
  reportProgress(client, { operation: CONTEXT, unit: 'users', done: p.usersDone, total: p.usersTotal }, onProgress, detail);
}

/** Refuses a plan made for another org: by org id (token info) when the plan has one, else by API base URL. */
async function checkOrg(client: GenesysClient, plan: Plan, signal: AbortSignal | undefined): Promise<void> {
  if (plan.orgId) {
    const org = await client.routing.users.currentOrg({ signal });
    if (org.id === plan.orgId) return;
    throw new ValidationError(CONTEXT, [{ path: 'plan.orgId', message: `plan was made for org ${plan.orgId}, this client's token belongs to org ${org.name ? `${org.name} (${org.id})` : org.id} (pass allowOtherOrg to force)` }]);
  }
  const base = client.org.apiBaseUrl;
  if (plan.org !== base) {
    throw new ValidationError(CONTEXT, [{ path: 'plan.org', message: `plan was made for ${plan.org}, this client talks to ${base} (pass allowOtherOrg to force)` }]);
  }
}
