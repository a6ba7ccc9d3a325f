// The apply journal's contract: every store (memory, file, Redis) implements it, so applyPlan treats them alike.

/** One user's outcome in one apply run. */
export interface JournalRecord {
  /** The plan's id. */
  planId: string;
  /** sha256 (hex) of the plan's canonical content: an edited plan never matches an older journal. */
  planHash: string;
  /** The user the record is about. */
  userId: string;
  /** sha256 (hex) of this user's intended end state (planned skills and proficiencies). */
  stateHash: string;
  /** `done`: every change of this user was confirmed against the org; `failed`: try again next run. */
  status: 'done' | 'failed';
  /** ISO 8601 time of the record. */
  at: string;
}

/** An entry a store could not read (a torn tail after a crash, a corrupt line). Never thrown for a torn tail. */
export interface JournalProblem {
  /** 1-based line (file) or entry index (other stores). */
  line: number;
  /** What is wrong with it, in words. */
  reason: string;
}

/** What `ApplyJournal.read` returns. */
export interface JournalReadResult {
  /** This plan's records (any planHash), in append order. */
  records: JournalRecord[];
  /** Lines that could not be read (a torn last record after a crash): reported, ignored. */
  problems: JournalProblem[];
}

/** An exclusive, expiring hold on one plan, so two workers never apply it at the same time. */
export interface JournalLease {
  /** The plan the lease holds. */
  readonly planId: string;
  /** The worker holding it (`AcquireLeaseOptions.owner`). */
  readonly owner: string;
  /** Extends the lease by its ttl; false when it was lost (it expired and another worker took it). */
  renew(): Promise<boolean>;
  /** Gives the lease up (no-op when already lost). */
  release(): Promise<void>;
  /** Optional: the owner holding the lease now (to name who took it over). */
  holder?(): Promise<string | undefined>;
}

/** Options of `ApplyJournal.acquire`. */
export interface AcquireLeaseOptions {
  /** Unique id of this worker (e.g. host + pid + random). */
  owner: string;
  /** Lease lifetime; the holder renews it while it works, so a crashed holder's lease lapses after this. */
  ttlMs: number;
  /** How long to wait for a held lease before throwing `PlanLockedError` (0: fail at once). */
  waitMs: number;
  /**
   * Take the lease even from a live holder (an operator who knows it is dead, e.g. on another host). The old holder
   * gets `LeaseLostError` at its next renewal and starts no new write. Default false.
   */
  takeOver?: boolean | undefined;
  /** Stops waiting for a held lease. */
  signal?: AbortSignal | undefined;
}

/**
 * Where `applyPlan` records which users a run finished, so a re-run resumes (the `journal` option): `FileJournal`,
 * `MemoryJournal`, `RedisJournal`, or your own.
 */
export interface ApplyJournal {
  /** What earlier runs recorded for this plan. */
  read(planId: string): Promise<JournalReadResult>;
  /** Appends one record durably (a crash mid-append must not damage earlier or later records). */
  append(record: JournalRecord): Promise<void>;
  /** Optional: an exclusive lease on a plan across processes; waits up to `waitMs`, then throws `PlanLockedError`. */
  acquire?(planId: string, options: AcquireLeaseOptions): Promise<JournalLease>;
}
