// FileJournal's lease: a lock file next to the journal (`PATH.lock`) that names its holder (owner, host, pid,
// start time) and its expiry. Creating it is atomic (`wx`); every change to an existing lock (take-over, renew,
// release) happens while holding a short mutex (`PATH.lock.mutex`, a directory: `mkdir` is atomic), so exactly one
// process wins a take-over race and a renewal never overwrites a lock someone else took.
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
  const mutexPath = `${lockPath}.mutex`;
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

  const holder = async (): Promise<Partial<FileLeaseHolder> | undefined | 'torn'> => {
    try {
      const parsed = JSON.parse(await fs.readFile(lockPath, 'utf8')) as unknown;
      return typeof parsed === 'object' && parsed !== null ? (parsed as Partial<FileLeaseHolder>) : 'torn';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'ENOENT' ? undefined : 'torn'; // torn by a crash mid-write
    }
  };
  /** Runs `step` holding the mutex. */
  const locked = async <T>(step: () => Promise<T>): Promise<T> => {
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
  };
  const replace = async () => {
    const tmp = `${lockPath}.${process.pid}.${Math.random().toString(36).slice(2)}`;
    await fs.writeFile(tmp, body());
    await fs.rename(tmp, lockPath);
  };
  /** Why the current holder may be replaced, or undefined when it may not. */
  const replaceable = (held: Partial<FileLeaseHolder> | 'torn'): string | undefined => {
    if (held === 'torn') return 'torn';
    if (held.owner === owner) return 'mine';
    if ((held.expiresAt ?? 0) <= Date.now()) return 'expired';
    if (held.host === host && typeof held.pid === 'number' && held.pid !== process.pid && processGone(held.pid))
      return 'holder process gone';
    if (options.takeOver) return 'take-over';
    return undefined;
  };

  const deadline = Date.now() + options.waitMs;
  for (;;) {
    try {
      await fs.writeFile(lockPath, body(), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const seen = await holder();
    if (seen === undefined) continue; // released meanwhile: try to create it again
    if (seen === 'torn' || replaceable(seen)) {
      // Re-check under the mutex: only one process replaces a given lock.
      const won = await locked(async () => {
        const now = await holder();
        if (now === undefined) {
          try {
            await fs.writeFile(lockPath, body(), { flag: 'wx' });
            return true;
          } catch {
            return false;
          }
        }
        if (!replaceable(now)) return false;
        await replace();
        return true;
      });
      if (won) break;
      continue;
    }
    if (Date.now() >= deadline || options.signal?.aborted) {
      const who = `${seen.owner ?? 'another worker'}${seen.host ? ` on ${seen.host}` : ''}${seen.pid ? ` (pid ${seen.pid}` : ''}${seen.startedAt ? `, since ${seen.startedAt}` : ''}${seen.pid ? ')' : ''}`;
      throw new PlanLockedError(
        `plan ${planId} is being applied by ${who}; lease until ${new Date(seen.expiresAt ?? 0).toISOString()} (${lockPath}). A holder known to be dead can be taken over (takeOver / --take-over)`,
        { planId, owner: seen.owner },
      );
    }
    await sleep(Math.min(50, Math.max(1, deadline - Date.now())));
  }
  const mine = (held: Awaited<ReturnType<typeof holder>>) => typeof held === 'object' && held.owner === owner;
  return {
    planId,
    owner,
    renew: () =>
      locked(async () => {
        if (!mine(await holder())) return false;
        await replace();
        return true;
      }),
    async release() {
      await locked(async () => {
        if (mine(await holder())) await fs.unlink(lockPath).catch(() => undefined);
      });
    },
    async holder() {
      const held = await holder();
      return typeof held === 'object' ? held.owner : undefined;
    },
  };
}
