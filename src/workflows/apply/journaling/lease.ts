// Holding a journal's lease on a plan while applying it: taken before the first read, renewed while working,
// released at the end. A lease that is lost (it lapsed and another worker took it, or it could not be renewed in
// time) stops new writes: `stillHeld()` turns false with a `LeaseLostError`, also as soon as the lease may have
// lapsed locally (a process paused past its ttl notices before its next write, not at its next renewal). Writes
// in flight are not cut off, so the final read can still say what landed.
// Release problems never hide the run's results: they come back as warnings.
import { hostname } from 'node:os';
import { LeaseLostError } from '../../../errors/index.js';
import type { ApplyJournal, JournalLease } from '../../journal/types.js';

/**
 * Options of the lease `applyPlan` takes on a plan through a journal that supports leases: owner, lifetime, wait,
 * take-over.
 */
export interface LeaseOptions {
  /** Unique id of this worker. Default host-pid-random. */
  owner?: string;
  /** Lease lifetime, renewed every third of it. Default 60 s. */
  ttlMs?: number;
  /** How long to wait for another holder before `PlanLockedError`. Default 0 (fail at once). */
  waitMs?: number;
  /**
   * Take the lease from a live holder (an operator who knows it is dead, e.g. it ran on another host). A holder
   * on this host whose process is gone is taken over without it (`FileJournal`). Honoured by `MemoryJournal` and
   * `FileJournal`; a journal whose `acquire` does not know the option ignores it. Default false.
   */
  takeOver?: boolean;
}

export async function defaultOwner(): Promise<string> {
  return `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

/** What `work` gets: the caller's signal and a check to call before each write. */
export interface LeaseGuard {
  signal: AbortSignal | undefined;
  /** False (and the signal aborted) when the lease may have lapsed: start no new write. */
  stillHeld(): boolean;
}

export interface LeaseOutcome<T> {
  value: T;
  lost: LeaseLostError | undefined;
  warnings: string[];
}

/** Runs `work` under the lease; a lost lease turns `stillHeld()` false and is returned, never thrown. */
export async function withLease<T>(
  journal: ApplyJournal,
  planId: string,
  options: LeaseOptions = {},
  signal: AbortSignal | undefined,
  work: (guard: LeaseGuard) => Promise<T>,
): Promise<LeaseOutcome<T>> {
  const ttlMs = options.ttlMs ?? 60_000;
  const owner = options.owner ?? (await defaultOwner());
  const lease: JournalLease = await journal.acquire!(planId, {
    owner,
    ttlMs,
    waitMs: options.waitMs ?? 0,
    takeOver: options.takeOver ?? false,
    signal,
  });
  let heldUntil = Date.now() + ttlMs;
  let lost: LeaseLostError | undefined;
  const lose = (message: string, holder?: string, cause?: unknown) => {
    if (lost) return;
    lost = new LeaseLostError(message, { planId, owner, holder, cause });
  };
  let renewing = false;
  const timer = setInterval(
    () => {
      if (renewing)
        return lose(
          `could not renew the lease on plan ${planId} in time (the journal did not answer): stopped before it lapses`,
        );
      renewing = true;
      const asked = Date.now();
      lease.renew().then(
        async (held) => {
          renewing = false;
          if (held) heldUntil = asked + ttlMs;
          else
            lose(
              `lost the lease on plan ${planId}: it lapsed and another worker took it`,
              await lease.holder?.().catch(() => undefined),
            );
        },
        (error: unknown) => {
          renewing = false;
          lose(
            `could not renew the lease on plan ${planId}: ${(error as Error)?.message ?? String(error)}`,
            undefined,
            error,
          );
        },
      );
    },
    Math.max(10, Math.floor(ttlMs / 3)),
  );
  timer.unref?.();
  const stillHeld = () => {
    if (!lost && Date.now() >= heldUntil)
      lose(`the lease on plan ${planId} lapsed before it could be renewed (was this process paused?)`);
    return !lost;
  };
  const warnings: string[] = [];
  try {
    const value = await work({ signal, stillHeld });
    return { value, lost, warnings };
  } finally {
    clearInterval(timer);
    try {
      await withTimeout(lease.release(), Math.min(10_000, ttlMs));
    } catch (error) {
      warnings.push(
        `lease: could not release the lease on plan ${planId} (it lapses by itself after ${ttlMs} ms): ${(error as Error)?.message ?? String(error)}`,
      );
    }
  }
}

/** `promise`, or a rejection after `ms` (the promise keeps running; its outcome is ignored). */
export function withTimeout<T>(promise: Promise<T>, ms: number, what = 'the call'): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
