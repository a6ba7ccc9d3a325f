// FileJournal's lease: a lock file next to the journal (`PATH.lock`) that names its holder (owner, host, pid,
// start time) and its expiry. A lock appears whole or not at all: its content is written to a temporary file that
// is then hard-linked into place (`link` fails if the lock exists) or renamed over it, so no racer ever reads a
// live lock half written. Every change to an existing lock (take-over, renew, release) happens while holding a
// short mutex (`PATH.lock.mutex`, a directory: `mkdir` is atomic), so exactly one process wins a take-over race
// and a renewal never overwrites a lock someone else took.
//
// Why not proper-lockfile: it removes a stale lock and then creates it again in two steps, so two processes that
// both see it stale can both "win" (each notices only at its next update); and it records no holder.
import * as fs from 'node:fs/promises';
import { hostname } from 'node:os';
import { PlanLockedError } from '../../errors/index.js';
import type { AcquireLeaseOptions, JournalLease } from './types.js';

/** What the lock file holds. */
export interface FileLeaseHolder {
  planId: string;
  owner: string;
  host: string;
  pid: number;
  /** ISO time the holder took the lease. */
  startedAt: string;
  /** Epoch ms the lease lapses unless renewed. */
  expiresAt: number;
}

/** A mutex directory older than this is left from a crash inside the few milliseconds it is held. */
const MUTEX_STALE_MS = 10_000;
/** How long to wait for the mutex before giving up (it is held for a few file operations). */
const MUTEX_WAIT_MS = 15_000;
/**
 * A lock that cannot be read whole is replaced only once it is this old: it is left from a crash (or a file
 * system without hard links, where creating it is not atomic), never a creator still writing it.
 */
const TORN_GRACE_MS = 5_000;
/** `link` errors of file systems without hard links: the lock is then created under the mutex. */
const NO_HARD_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A process on this host that is gone (kill 0 answers ESRCH). EPERM means it exists under another user. */
function processGone(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

export async function fileLease(
  journalPath: string,
  planId: string,
  options: AcquireLeaseOptions,
): Promise<JournalLease> {
  const host = hostname();
  const lockPath = `${journalPath}.lock`;
  const { owner, ttlMs } = options;
  const startedAt = new Date().toISOString();
  const body = () =>
    JSON.stringify({
      planId,
      owner,
      host,
      pid: process.pid,
      startedAt,
      expiresAt: Date.now() + ttlMs,
    } satisfies FileLeaseHolder);
  const lock: LockFile = { lockPath, mutexPath: `${lockPath}.mutex`, planId, owner, host, body, options };

  const deadline = Date.now() + options.waitMs;
  for (;;) {
    if (await create(lock, false)) break;
    const seen = await holder(lock);
    if (seen === undefined) continue; // released meanwhile: try to create it again
    if (await replaceable(lock, seen)) {
      // Re-check under the mutex: only one process replaces a given lock.
      const won = await locked(lock, async () => {
        const now = await holder(lock);
        if (now === undefined) return create(lock, true);
        if (!(await replaceable(lock, now))) return false;
        await replace(lock);
        return true;
      });
      if (won) break;
      continue;
    }
    if (Date.now() >= deadline || options.signal?.aborted) throw lockedOut(lock, seen);
    await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
  }
  const mine = (held: Awaited<ReturnType<typeof holder>>) => typeof held === 'object' && held.owner === owner;
  return {
    planId,
    owner,
    renew: () =>
      locked(lock, async () => {
        if (!mine(await holder(lock))) return false;
        await replace(lock);
        return true;
      }),
    async release() {
      await locked(lock, async () => {
        if (mine(await holder(lock))) await fs.unlink(lockPath).catch(() => undefined);
      });
    },
    async holder() {
      const held = await holder(lock);
      return typeof held === 'object' ? held.owner : undefined;
    },
  };
}

/** One lease's lock file, and what this process writes into it. */
interface LockFile {
  lockPath: string;
  mutexPath: string;
  planId: string;
  owner: string;
  host: string;
  /** The lock's content, with the expiry from now. */
  body(): string;
  options: AcquireLeaseOptions;
}

async function holder({ lockPath }: LockFile): Promise<Partial<FileLeaseHolder> | undefined | 'torn'> {
  try {
    const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<FileLeaseHolder>) : 'torn';
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'torn'; // torn by a crash mid-write
  }
}

async function tornLongAgo({ lockPath }: LockFile): Promise<boolean> {
  const stat = await fs.stat(lockPath).catch(() => undefined);
  return stat !== undefined && Date.now() - stat.mtimeMs >= TORN_GRACE_MS;
}

/** Runs `step` holding the mutex. */
async function locked<T>({ lockPath, mutexPath, planId }: LockFile, step: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + MUTEX_WAIT_MS;
  for (;;) {
    try {
      await fs.mkdir(mutexPath);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const stat = await fs.stat(mutexPath).catch(() => undefined);
      if (stat && Date.now() - stat.mtimeMs > MUTEX_STALE_MS) await fs.rmdir(mutexPath).catch(() => undefined);
      if (Date.now() > deadline)
        throw new PlanLockedError(`plan ${planId}: the lock ${lockPath} stays busy (${mutexPath} exists)`, {
          planId,
        });
      await sleep(2 + Math.random() * 8);
    }
  }
  try {
    return await step();
  } finally {
    await fs.rmdir(mutexPath).catch(() => undefined);
  }
}

async function tempFile({ lockPath, body }: LockFile): Promise<string> {
  const tmp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  await fs.writeFile(tmp, body());
  return tmp;
}

async function replace(lock: LockFile): Promise<void> {
  return fs.rename(await tempFile(lock), lock.lockPath);
}

/** Creates the lock whole if there is none; false when one exists. */
async function create(lock: LockFile, underMutex: boolean): Promise<boolean> {
  const tmp = await tempFile(lock);
  try {
    await fs.link(tmp, lock.lockPath);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    if (code === 'EEXIST') return false;
    if (!NO_HARD_LINKS.has(code)) throw error;
    // Without hard links, `wx` creates the lock empty and fills it: only under the mutex, where readers wait.
    const exclusive = () =>
      fs.writeFile(lock.lockPath, lock.body(), { flag: 'wx' }).then(
        () => true,
        (e: NodeJS.ErrnoException) => (e.code === 'EEXIST' ? false : Promise.reject(e)),
      );
    return underMutex ? exclusive() : locked(lock, exclusive);
  } finally {
    await fs.unlink(tmp).catch(() => undefined);
  }
}

/** Why the current holder may be replaced, or undefined when it may not. */
async function replaceable(lock: LockFile, held: Partial<FileLeaseHolder> | 'torn'): Promise<string | undefined> {
  if (held === 'torn') return (await tornLongAgo(lock)) ? 'torn' : undefined;
  if (held.owner === lock.owner) return 'mine';
  if ((held.expiresAt ?? 0) <= Date.now()) return 'expired';
  if (held.host === lock.host && typeof held.pid === 'number' && held.pid !== process.pid && processGone(held.pid))
    return 'holder process gone';
  if (lock.options.takeOver) return 'take-over';
  return undefined;
}

/** The error when the wait is over: who holds the lock and until when (or that it cannot be read). */
function lockedOut({ lockPath, planId }: LockFile, seen: Partial<FileLeaseHolder> | 'torn'): PlanLockedError {
  if (seen === 'torn')
    return new PlanLockedError(
      `plan ${planId}: the lock ${lockPath} cannot be read; it is taken over once it is ${TORN_GRACE_MS / 1000} s old`,
      { planId },
    );
  const who = `${seen.owner ?? 'another worker'}${seen.host ? ` on ${seen.host}` : ''}${seen.pid ? ` (pid ${seen.pid}` : ''}${seen.startedAt ? `, since ${seen.startedAt}` : ''}${seen.pid ? ')' : ''}`;
  return new PlanLockedError(
    `plan ${planId} is being applied by ${who}; lease until ${new Date(seen.expiresAt ?? 0).toISOString()} (${lockPath}). A holder known to be dead can be taken over (takeOver / --take-over)`,
    { planId, owner: seen.owner },
  );
}
