// The contract of applyPlan: its options, its result and the status of each item. run-plan.ts (the body) and
// apply-plan.ts (the entry) both use it, so neither imports the other for its types.
import type { GenesysError, JournalUnavailableError, LeaseLostError } from '../../errors/index.js';
import type { LeaseOptions } from './journaling/lease.js';
import type { LanguageItemResult } from './languages.js';
import type { MembershipItemResult } from './memberships.js';
import type { ApplyConflict, ConflictCheckOptions, ConflictCheckResult } from './replace-conflicts.js';
import type { ChangeStatus } from './values.js';
import type { AuditTrail } from '../audit/trail.js';
import type { ApplyJournal, JournalProblem } from '../journal/types.js';
import type { PlannedChange } from '../plan.js';

/** The one status vocabulary (see `ChangeStatus`). */
export type ItemStatus = ChangeStatus;

/** What `applyPlan` did with one skill change of the plan: its status, the proficiency before and after, and why. */
export interface ItemResult {
  /** User id. */
  userId: string;
  /** User name, from the plan. */
  userName?: string | undefined;
  /** Routing skill id. */
  skillId: string;
  /** Skill name, from the plan. */
  skillName?: string | undefined;
  /** The planned action: `add`, `update` or `remove`. */
  action: PlannedChange['action'];
  /** Proficiency the plan expected before (null = absent). */
  before: number | null;
  /** Proficiency the plan wants after (null = absent). */
  after: number | null;
  /**
   * `applied`, `unchanged`, `skipped`, `failed`, `overwritten`, `unverified`, `conflict` or `wouldApply`
   * (see `ChangeStatus`).
   */
  status: ItemStatus;
  /** Proficiency this run found on its first read (null = absent; undefined = never read). */
  actual?: number | null | undefined;
  /** Proficiency the final confirmation read found (undefined = not re-read). */
  final?: number | null | undefined;
  /** Why an item was skipped, failed, overwritten or left unverified. */
  reason?: string | undefined;
  /** The last error, for `failed` and `unverified` items. */
  error?: GenesysError | undefined;
  /**
   * True when the journal records this user as done by an earlier run of this exact plan (same plan and state
   * hashes) and this run's read confirmed the org still holds it (`unchanged`, nothing written).
   */
  fromJournal?: boolean | undefined;
  /** Correlation ids of the requests that wrote or read this item (quote them to Genesys support). */
  correlationIds: string[];
}

/**
 * Progress of an `applyPlan` run (the `onProgress` callback): users done of the total, changes applied and failed, and
 * the pass.
 */
export interface ApplyProgress {
  /** Users finished so far. */
  usersDone: number;
  /** Users the plan touches. */
  usersTotal: number;
  /** Changes applied so far. */
  applied: number;
  /** Changes failed so far (a later pass may still apply them). */
  failed: number;
  /** The current pass over the users, 1 first. */
  pass: number;
}

/** Options of `applyPlan`: dry run, concurrency, journal and lease, conflict check, change window and progress. */
export interface ApplyOptions {
  /** Read and compare, write nothing; items that would be written are `wouldApply`. */
  dryRun?: boolean;
  /** Users written at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number;
  /** Records each finished user so a re-run resumes (e.g. `FileJournal`, `RedisJournal`); default none. */
  journal?: ApplyJournal;
  /** With a journal that supports leases: who holds it, for how long, how long to wait for another holder. */
  lease?: LeaseOptions;
  /** Receives one record per written change, for compliance (e.g. `JsonlAuditTrail`). */
  auditTrail?: AuditTrail;
  /** Called as users are done (see `ApplyProgress`). */
  onProgress?: (progress: ApplyProgress) => void;
  /** Stops starting new writes; the result lists what was done (`aborted: true`). */
  signal?: AbortSignal;
  /** A skill or language whose current value is neither the planned `before` nor `after` changed since planning:
   * `skip` it (default, reported) or `apply` the plan anyway. */
  onDrift?: 'skip' | 'apply';
  /** Passes over users whose writes failed (each re-reads first). Default 6; stops early when a pass makes no progress. */
  passes?: number;
  /** Skills one user may hold; default 50 (the platform's limit). */
  maxSkillsPerUser?: number;
  /**
   * How users with removals are written. `delete` (default): one DELETE per removal next to the PATCH of the adds
   * and updates; no other writer's change to another skill is ever undone (one more request per removal).
   * `replace`: one PUT of the user's whole set, built from a read of the next few users (`concurrency` of them)
   * taken right before their writes (about 1 + 1/concurrency requests per user); another writer's change between
   * that read and the PUT is undone. For orgs with no other writers. Afterwards the audit log is checked for what
   * the PUTs undid (`conflictCheck`): each is reported in `conflicts` and, where the plan did not touch that
   * skill, re-applied.
   */
  removals?: 'delete' | 'replace';
  /** With `removals: 'replace'`: how to look for other writers' changes the PUTs undid, or `false` to skip (reported). */
  conflictCheck?: ConflictCheckOptions | false;
  /**
   * Longest wait for one journal append (or read) before the journal counts as unavailable. The first append that
   * fails or times out opens a circuit breaker: nothing more is recorded, no new write starts, and the result
   * lists what landed and which users could not be journaled. Default 10,000 ms.
   */
  journalTimeoutMs?: number;
  /** Apply a plan computed against another org (plan.orgId / plan.org). Default false. */
  allowOtherOrg?: boolean;
}

/**
 * What `applyPlan` returns: a result per skill change, membership and language change, counts, and whether the run
 * stopped.
 */
export interface ApplyResult {
  /** The plan's id. */
  planId: string;
  /** True when run with `dryRun` (nothing written). */
  dryRun: boolean;
  /** True when the signal stopped the run before the end. */
  aborted: boolean;
  /** One per skill change of the plan, in its order. */
  items: ItemResult[];
  /** One per planned queue membership (applied before the skills), same vocabulary. */
  memberships: MembershipItemResult[];
  /** One per planned language change (applied after the memberships, before the skills), same vocabulary. */
  languages: LanguageItemResult[];
  /** Items, memberships and language changes per status. */
  counts: Record<ItemStatus, number>;
  /** With `removals: 'replace'`: other writers' changes the whole-set PUTs undid (see `conflictCheck`). */
  conflicts: ApplyConflict[];
  /** With `removals: 'replace'` (not a dry run): whether the audit check ran, and if not, why. */
  conflictCheck?: ConflictCheckResult | undefined;
  /**
   * Why the run stopped starting new writes before the end: a lost lease (`LeaseLostError`) or a journal that
   * could not be written (`JournalUnavailableError`). Items it never wrote are `skipped` with this error.
   */
  stopped?: LeaseLostError | JournalUnavailableError | undefined;
  /** Users whose journal record could not be written (their items' statuses still come from the org). */
  notJournaled: string[];
  /** Requests retried by the client during the run (429, 5xx, network errors). */
  retries: number;
  /** `fromJournal`: users an earlier run finished, confirmed against the org by this run's reads. */
  users: { total: number; done: number; failed: number; fromJournal: number };
  /** Journal entries that could not be read (a torn last record after a crash): reported, ignored. */
  journalProblems: JournalProblem[];
  /** Problems that did not stop the run (a journal append that failed). */
  warnings: string[];
  /** Passes made over the users, and reads made (bulk: 100 users each; per user: where expand left skills out). */
  passes: number;
  /** Reads made: bulk (100 users each) and per user. */
  reads: { bulk: number; perUser: number };
  /** Wall-clock time of the run, ms. */
  durationMs: number;
}
