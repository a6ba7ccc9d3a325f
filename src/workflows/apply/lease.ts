// Holding a journal's lease on a plan while applying it: taken before the first read, renewed while working,
// released at the end. A lost lease (it lapsed and another worker took it) stops this run.
import { hostname } from 'node:os';
import { PlanLockedError } from '../../errors.js';
import type { ApplyJournal, JournalLease } from '../journal-types.js';

export interface LeaseOptions {
  /** Unique id of this worker. Default host-pid-random. */
  owner?: string;
  /** Lease lifetime, renewed every third of it. Default 60 s. */
  ttlMs?: number;
  /** How long to wait for another holder before `PlanLockedError`. Default 0 (fail at once). */
  waitMs?: number;
}

export async function defaultOwner(): Promise<string> {
  return `${hostname()}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
}

export async function withLease<T>(
  journal: ApplyJournal,
  planId: string,
  options: LeaseOptions = {},
  signal: AbortSignal | undefined,
  work: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const ttlMs = options.ttlMs ?? 60_000;
  const owner = options.owner ?? (await defaultOwner());
  const lease: JournalLease = await journal.acquire!(planId, { owner, ttlMs, waitMs: options.waitMs ?? 0, signal });
  const lost = new AbortController();
  const timer = setInterval(() => {
    lease.renew().then(
      (held) => {
        if (!held) lost.abort(new PlanLockedError(`lost the lease on plan ${planId}: another worker may be applying it`, { planId, owner }));
      },
      (error: unknown) => lost.abort(error),
    );
  }, Math.max(10, Math.floor(ttlMs / 3)));
  timer.unref?.();
  try {
    return await work(signal ? AbortSignal.any([signal, lost.signal]) : lost.signal);
  } finally {
    clearInterval(timer);
    await lease.release();
  }
}
