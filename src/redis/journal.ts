// RedisJournal: the apply journal in Redis, so workers on several hosts resume and coordinate one plan. Each
// record is one list entry written by one atomic RPUSH (a crash never leaves half a record) and carries the
// sha256 of its content; an entry that does not parse or match its hash is reported in `problems`, never
// trusted. The plan lease is SET NX PX under the owner's token; renew and release are compare-and-set scripts.
import { createHash } from 'node:crypto';
import { PlanLockedError, ValidationError, type ValidationIssue } from '../errors/index.js';
import { sleep } from '../internal/sleep.js';
import type {
  AcquireLeaseOptions,
  ApplyJournal,
  JournalLease,
  JournalProblem,
  JournalReadResult,
  JournalRecord,
} from '../workflows/journal/types.js';
import { LOCK_SCRIPTS, RedisReplyError, keyPart, lua, type ScriptRunner } from './adapter.js';
import { resolveStoreOptions, type RedisStoreOptions } from './options.js';

/** Options of `RedisJournal`. */
export interface RedisJournalOptions extends RedisStoreOptions {
  /** A plan's journal expires this long after its last record (false: never). Default 30 days. */
  retentionMs?: number | false;
}

const SCRIPTS = {
  append: lua(`redis.call('RPUSH', KEYS[1], ARGV[1])
if ARGV[2] ~= '0' then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return 1`),
  range: lua(`return redis.call('LRANGE', KEYS[1], ARGV[1], ARGV[2])`),
};

/** Entries read per round trip (a plan has one record per user per run). */
const PAGE = 1_000;
/** A journal this long is not one the SDK wrote (a plan of 100,000 users and 100 runs). */
const MAX_ENTRIES = 10_000_000;
/** How often a worker waiting for a held lease asks again. */
const LEASE_POLL_MS = 200;

/**
 * An `ApplyJournal` in Redis (a list per plan) with an expiring lease, so workers on several hosts resume and never
 * apply one plan at the same time.
 */
export class RedisJournal implements ApplyJournal {
  readonly #runner: ScriptRunner;
  readonly #prefix: string;
  readonly #retentionMs: number;

  /** @throws ValidationError naming a bad option. */
  constructor(options: RedisJournalOptions) {
    let retentionMs = 30 * 86_400_000;
    const resolved = resolveStoreOptions('RedisJournal', options, (o) => {
      const r = o.retentionMs;
      if (r === false) retentionMs = 0;
      else if (r !== undefined) {
        if (typeof r !== 'number' || !Number.isInteger(r) || r < 1_000)
          return [{ path: 'retentionMs', message: 'must be an integer of at least 1000, or false' }];
        retentionMs = r;
      }
      return [];
    });
    this.#runner = resolved.runner;
    this.#prefix = resolved.prefix;
    this.#retentionMs = retentionMs;
  }

  /** What earlier runs recorded for this plan, in append order, with the lines that could not be read. */
  async read(planId: string): Promise<JournalReadResult> {
    requirePlanId(planId);
    const key = this.#journalKey(planId);
    const records: JournalRecord[] = [];
    const problems: JournalProblem[] = [];
    for (let start = 0; ; start += PAGE) {
      const page = await this.#runner.run(SCRIPTS.range, [key], [start, start + PAGE - 1]);
      // LRANGE answers an array of at most PAGE entries: anything else is not Redis speaking (typed, never a TypeError or an endless loop).
      if (!Array.isArray(page) || page.length > PAGE || start >= MAX_ENTRIES)
        throw new RedisReplyError(
          `RedisJournal: unexpected reply to a journal read (${Array.isArray(page) ? `${page.length} entries at ${start}` : typeof page})`,
        );
      page.forEach((entry, i) => {
        const parsed = decodeEntry(entry);
        if (typeof parsed === 'string') problems.push({ line: start + i + 1, reason: parsed });
        else if (parsed.planId === planId) records.push(parsed);
      });
      if (page.length < PAGE) break;
    }
    return { records, problems };
  }

  /** Appends one record and renews the plan's retention. */
  async append(record: JournalRecord): Promise<void> {
    const issues = recordIssues(record);
    if (issues.length > 0) throw new ValidationError('RedisJournal.append: invalid record', issues);
    const canonical = canonicalRecord(record);
    const entry = JSON.stringify({ sha256: sha256(JSON.stringify(canonical)), record: canonical });
    await this.#runner.run(SCRIPTS.append, [this.#journalKey(record.planId)], [entry, this.#retentionMs]);
  }

  /**
   * Takes the plan's lease (waiting up to `options.waitMs` for a holder to release it), or throws `PlanLockedError`.
   */
  async acquire(planId: string, options: AcquireLeaseOptions): Promise<JournalLease> {
    requirePlanId(planId);
    const { owner, ttlMs, waitMs, signal } = options;
    const issues: ValidationIssue[] = [];
    if (typeof owner !== 'string' || owner === '')
      issues.push({ path: 'owner', message: 'must be a non-empty string' });
    if (!Number.isInteger(ttlMs) || ttlMs < 1) issues.push({ path: 'ttlMs', message: 'must be a positive integer' });
    if (!Number.isFinite(waitMs) || waitMs < 0) issues.push({ path: 'waitMs', message: 'must be a number >= 0' });
    if (issues.length > 0) throw new ValidationError('RedisJournal.acquire: invalid options', issues);
    const key = `${this.#prefix}lease:${keyPart(planId)}`;
    const deadline = Date.now() + waitMs;
    for (;;) {
      if (signal?.aborted) throw signal.reason;
      if (Number(await this.#runner.run(LOCK_SCRIPTS.acquire, [key], [owner, ttlMs])) === 1)
        return this.#lease(key, planId, owner, ttlMs);
      const left = deadline - Date.now();
      if (left <= 0) {
        const holder = await this.#runner.run(LOCK_SCRIPTS.owner, [key], []);
        const holderName = typeof holder === 'string' ? holder : undefined;
        throw new PlanLockedError(
          `plan ${planId} is being applied by another worker${holderName ? ` (${holderName})` : ''}`,
          { planId, owner: holderName },
        );
      }
      await sleep(Math.min(LEASE_POLL_MS, left), signal);
    }
  }

  #lease(key: string, planId: string, owner: string, ttlMs: number): JournalLease {
    const runner = this.#runner;
    return {
      planId,
      owner,
      async renew() {
        return Number(await runner.run(LOCK_SCRIPTS.renew, [key], [owner, ttlMs])) === 1;
      },
      async release() {
        await runner.run(LOCK_SCRIPTS.release, [key], [owner]);
      },
    };
  }

  #journalKey(planId: string): string {
    return `${this.#prefix}journal:${keyPart(planId)}`;
  }
}

function requirePlanId(planId: unknown): void {
  if (typeof planId !== 'string' || planId === '')
    throw new ValidationError('RedisJournal: invalid plan id', [
      { path: 'planId', message: 'must be a non-empty string' },
    ]);
}

const HEX64 = /^[0-9a-f]{64}$/;

function recordIssues(r: JournalRecord): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (typeof r !== 'object' || r === null) return [{ path: 'record', message: 'must be an object' }];
  for (const f of ['planId', 'userId', 'at'] as const)
    if (typeof r[f] !== 'string' || r[f] === '') issues.push({ path: f, message: 'must be a non-empty string' });
  for (const f of ['planHash', 'stateHash'] as const)
    if (typeof r[f] !== 'string' || !HEX64.test(r[f])) issues.push({ path: f, message: 'must be a sha256 hex digest' });
  if (r.status !== 'done' && r.status !== 'failed')
    issues.push({ path: 'status', message: "must be 'done' or 'failed'" });
  return issues;
}

/** The record's fields in a fixed order: the hash covers exactly these. */
function canonicalRecord(r: JournalRecord): JournalRecord {
  return {
    planId: r.planId,
    planHash: r.planHash,
    userId: r.userId,
    stateHash: r.stateHash,
    status: r.status,
    at: r.at,
  };
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** The record, or why the entry cannot be trusted. */
function decodeEntry(entry: unknown): JournalRecord | string {
  if (typeof entry !== 'string') return 'not a string entry';
  let parsed: { sha256?: unknown; record?: unknown };
  try {
    parsed = JSON.parse(entry) as typeof parsed;
  } catch {
    return 'not valid JSON';
  }
  const record = parsed?.record as JournalRecord | undefined;
  if (typeof record !== 'object' || record === null || recordIssues(record).length > 0) return 'not a journal record';
  if (parsed.sha256 !== sha256(JSON.stringify(canonicalRecord(record)))) return 'content does not match its sha256';
  return canonicalRecord(record);
}
