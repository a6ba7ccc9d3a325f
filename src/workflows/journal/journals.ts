// Apply journals: what earlier runs of a plan recorded, so a re-run can say which items an earlier run did.
// A journal never decides what is true: applyPlan confirms every user against the org. Contract: journal-types.ts.
import { open, readFile } from 'node:fs/promises';
import * as z from 'zod/mini';
import { PlanLockedError, ValidationError } from '../../errors/index.js';
import { parseOptions, strictOptions } from '../../internal/options.js';
import { fileLease } from './file-lease.js';
import type {
  AcquireLeaseOptions,
  ApplyJournal,
  JournalLease,
  JournalProblem,
  JournalReadResult,
  JournalRecord,
} from './types.js';

export type {
  AcquireLeaseOptions,
  ApplyJournal,
  JournalLease,
  JournalProblem,
  JournalReadResult,
  JournalRecord,
} from './types.js';

const STATUSES = new Set(['done', 'failed']);

/** Checks one stored record; returns the reason it is not one, or undefined. */
export function recordProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return `expected a journal record object, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`;
  const r = value as Record<string, unknown>;
  for (const key of ['planId', 'planHash', 'userId', 'stateHash', 'at'] as const) {
    if (typeof r[key] !== 'string' || r[key] === '') return `${key} must be a non-empty string`;
  }
  if (!STATUSES.has(r['status'] as string)) return `status must be 'done' or 'failed'`;
  return undefined;
}

/** Keeps records in memory (tests, or one process that retries in place), with an in-process lease. */
export class MemoryJournal implements ApplyJournal {
  /** Every record appended, oldest first (copies). */
  readonly records: JournalRecord[] = [];
  readonly #leases = new Map<string, { owner: string; expiresAt: number }>();

  /** The records of one plan, oldest first. */
  async read(planId: string): Promise<JournalReadResult> {
    return { records: this.records.filter((r) => r.planId === planId), problems: [] };
  }

  /** Appends a copy of the record; throws ValidationError for a malformed one. */
  async append(record: JournalRecord): Promise<void> {
    const problem = recordProblem(record);
    if (problem) throw new ValidationError('MemoryJournal.append', [{ path: 'record', message: problem }]);
    this.records.push({ ...record });
  }

  /** One holder per plan within this process; waits up to `waitMs` for a held lease, then `PlanLockedError`. */
  async acquire(planId: string, options: AcquireLeaseOptions): Promise<JournalLease> {
    const deadline = Date.now() + options.waitMs;
    for (;;) {
      const held = this.#leases.get(planId);
      const now = Date.now();
      if (!held || held.expiresAt <= now || held.owner === options.owner || options.takeOver) {
        this.#leases.set(planId, { owner: options.owner, expiresAt: now + options.ttlMs });
        return this.#lease(planId, options.owner, options.ttlMs);
      }
      if (now >= deadline || options.signal?.aborted) {
        throw new PlanLockedError(
          `plan ${planId} is being applied by ${held.owner} (lease until ${new Date(held.expiresAt).toISOString()})`,
          { planId, owner: held.owner },
        );
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(25, Math.max(1, deadline - now))));
    }
  }

  #lease(planId: string, owner: string, ttlMs: number): JournalLease {
    const leases = this.#leases;
    const mine = () => {
      const held = leases.get(planId);
      return held !== undefined && held.owner === owner && held.expiresAt > Date.now();
    };
    return {
      planId,
      owner,
      async renew() {
        if (!mine()) return false;
        leases.set(planId, { owner, expiresAt: Date.now() + ttlMs });
        return true;
      },
      async release() {
        if (leases.get(planId)?.owner === owner) leases.delete(planId);
      },
      async holder() {
        return leases.get(planId)?.owner;
      },
    };
  }
}

/** Options of `FileJournal`. */
export interface FileJournalOptions {
  /** fsync after every record (default true): a record is on disk before the next user starts. */
  sync?: boolean;
}

const FileJournalOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<FileJournalOptions>({ sync: z.optional(z.boolean()) }))();

/**
 * JSON lines in a file, crash-safe. A crash mid-append leaves an unfinished record (a `{…` line that is not
 * complete JSON): it is reported in `problems` and ignored, and the next append starts on a new line, so the
 * records after it stay intact. Any other bad line (`null`, a number, a record missing a field) is corruption:
 * `read` throws a `ValidationError` naming the line. `acquire` holds a lease in a lock file next to the journal
 * (`PATH.lock`: owner, host, pid, start time and expiry), so two processes never apply its plan at once: taking
 * over a lapsed lease is atomic (exactly one process wins), a holder on this host whose process is gone is taken
 * over at once, and `takeOver` takes it from any holder.
 */
export class FileJournal implements ApplyJournal {
  readonly #sync: boolean;
  #queue: Promise<void> = Promise.resolve();
  #endsClean: boolean | undefined;

  /** `path`: the JSON-lines file (created on the first append); `options.sync`: fsync each append (default true). */
  constructor(
    /** The journal file (JSON lines; created on the first append). */
    readonly path: string,
    options: FileJournalOptions = {},
  ) {
    this.#sync = (parseOptions('FileJournal', FileJournalOptionsSchema, options) as FileJournalOptions).sync ?? true;
  }

  /** The records of one plan, oldest first, and the torn last line if any (in `problems`). */
  async read(planId: string): Promise<JournalReadResult> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], problems: [] };
      throw error;
    }
    const records: JournalRecord[] = [];
    const problems: JournalProblem[] = [];
    const lines = text.split('\n');
    lines.forEach((line, index) => {
      const n = index + 1;
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        if (line.trimStart().startsWith('{')) {
          const where = index === lines.length - 1 ? 'at the end of the file' : 'followed by later records';
          problems.push({ line: n, reason: `unfinished record ${where} (a crash during an append): ignored` });
          return;
        }
        throw corrupt(this.path, n, 'not a JSON record');
      }
      const problem = recordProblem(value);
      if (problem) throw corrupt(this.path, n, problem);
      if ((value as JournalRecord).planId === planId) records.push(value as JournalRecord);
    });
    return { records, problems };
  }

  /** A lease in `PATH.lock`; waits up to `waitMs` for another holder, then `PlanLockedError`. */
  async acquire(planId: string, options: AcquireLeaseOptions): Promise<JournalLease> {
    return fileLease(this.path, planId, options);
  }

  /** Appends one JSON line (appends are queued, one at a time); throws ValidationError for a malformed record. */
  append(record: JournalRecord): Promise<void> {
    const problem = recordProblem(record);
    if (problem)
      return Promise.reject(new ValidationError('FileJournal.append', [{ path: 'record', message: problem }]));
    // One append at a time, so the "does the file end in a newline" check stays true for this instance.
    const run = this.#queue.then(() => this.#append(record));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  async #append(record: JournalRecord): Promise<void> {
    const handle = await open(this.path, 'a+');
    try {
      if (this.#endsClean === undefined) {
        const { size } = await handle.stat();
        if (size === 0) this.#endsClean = true;
        else {
          const last = Buffer.alloc(1);
          await handle.read(last, 0, 1, size - 1);
          this.#endsClean = last[0] === 0x0a;
        }
      }
      // After a torn tail, start on a fresh line so this record is not glued to the fragment.
      const line = `${this.#endsClean ? '' : '\n'}${JSON.stringify(record)}\n`;
      this.#endsClean = false;
      await handle.appendFile(line, 'utf8');
      if (this.#sync) await handle.datasync();
      this.#endsClean = true;
    } finally {
      await handle.close();
    }
  }
}

function corrupt(path: string, line: number, reason: string): ValidationError {
  return new ValidationError(`FileJournal ${path}`, [
    {
      path: `line ${line}`,
      message: `${reason}; fix or remove that line (the journal only labels earlier work, the org is re-read anyway)`,
    },
  ]);
}
