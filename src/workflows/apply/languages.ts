// The language part of a plan: per user, read the languages held, write what differs (adds and updates in one bulk
// PATCH of at most 50 per call, removals one DELETE each), read back. Desired state: a re-run writes nothing.
// Statuses use the engine's vocabulary: `unchanged` (held the planned value before this run), `applied` (written
// and confirmed by the read-back), `skipped` (changed since planned with onDrift 'skip', or the run stopped before
// writing), `failed` (not the planned value at the end, with the error), `unverified` (written, read-back failed),
// `wouldApply` (dry run).
import type { GenesysClient } from '../../client/client.js';
import type { GenesysError } from '../../errors/index.js';
import type { PlannedLanguageChange } from '../plan-languages.js';
import { sameValue, shown, toGenesysError, type ChangeStatus } from './values.js';

/** One planned language change and what happened to it. */
export interface LanguageItemResult extends PlannedLanguageChange {
  /** The shared status vocabulary (see `ChangeStatus`): `applied`, `unchanged`, `failed`, `wouldApply`, … */
  status: ChangeStatus;
  /** Proficiency this run found on its first read (null = not held; undefined = never read). */
  actual?: number | null | undefined;
  /** Proficiency the read-back found (undefined = not re-read). */
  final?: number | null | undefined;
  /** Why it is not `applied`/`unchanged`, or how it was confirmed. */
  detail?: string | undefined;
  /** The last error, when it failed or is unverified. */
  error?: GenesysError | undefined;
  /** An earlier run of this exact plan recorded this user done (journal), and this run's read confirmed it. */
  fromJournal?: boolean | undefined;
  /** Correlation ids of the requests that wrote or read it (quote them to Genesys support). */
  correlationIds: string[];
  /** When this run started on it, ISO-8601. */
  startedAt?: string | undefined;
  /** When this run finished with it, ISO-8601. */
  finishedAt?: string | undefined;
  /** Time from start to finish, ms. */
  latencyMs?: number | undefined;
}

export interface LanguagePhaseOptions {
  dryRun: boolean;
  signal: AbortSignal | undefined;
  /** A language whose proficiency is neither the planned `before` nor `after`: `skip` it (default) or `apply`. */
  onDrift: 'skip' | 'apply' | undefined;
  /** False once the run must start no new write. */
  mayWrite: () => boolean;
}

const absent = 'not held';

/** Applies `changes` user by user; one result per change, in the plan's order. */
export async function applyLanguagePhase(
  client: GenesysClient,
  changes: readonly PlannedLanguageChange[],
  o: LanguagePhaseOptions,
): Promise<LanguageItemResult[]> {
  const results = changes.map((c): LanguageItemResult => ({ ...c, status: 'failed', correlationIds: [] }));
  const byUser = new Map<string, LanguageItemResult[]>();
  for (const r of results) byUser.set(r.userId, [...(byUser.get(r.userId) ?? []), r]);
  const held = async (userId: string): Promise<Map<string, number>> => {
    const out = new Map<string, number>();
    for await (const l of client.routing.userLanguages.list(userId, { pageSize: 100, signal: o.signal }))
      out.set(l.id, l.proficiency ?? 0);
    return out;
  };
  for (const [userId, items] of byUser) {
    if (o.signal?.aborted) {
      for (const r of items) Object.assign(r, { status: 'skipped', detail: 'aborted before this user' });
      continue;
    }
    let before: Map<string, number>;
    try {
      before = await held(userId);
    } catch (error) {
      const err = toGenesysError(error, 'routing.userLanguages.list');
      for (const r of items)
        Object.assign(r, {
          status: 'failed',
          error: err,
          detail: `could not read the user's languages: ${err.message}`,
        });
      continue;
    }
    const toWrite: LanguageItemResult[] = [];
    for (const r of items) {
      r.actual = before.get(r.languageId) ?? null;
      if (sameValue(r.actual, r.after)) r.status = 'unchanged';
      else if (!sameValue(r.actual, r.before) && (o.onDrift ?? 'skip') === 'skip')
        Object.assign(r, {
          status: 'skipped',
          detail: `changed since planned: the user holds ${shown(r.actual, absent)}, the plan expected ${shown(r.before, absent)}`,
        });
      else toWrite.push(r);
    }
    if (toWrite.length === 0) continue;
    if (o.dryRun) {
      for (const r of toWrite) r.status = 'wouldApply';
      continue;
    }
    if (!o.mayWrite()) {
      for (const r of toWrite) Object.assign(r, { status: 'skipped', detail: 'the run stopped before this write' });
      continue;
    }
    await write(client, userId, toWrite, o.signal);
    let after: Map<string, number> | undefined;
    let readError: GenesysError | undefined;
    try {
      after = await held(userId);
    } catch (error) {
      readError = toGenesysError(error, 'routing.userLanguages.list');
    }
    for (const r of toWrite) {
      if (after) r.final = after.get(r.languageId) ?? null;
      if (after && sameValue(r.final, r.after)) Object.assign(r, { status: 'applied', error: undefined });
      else if (after)
        Object.assign(r, {
          status: 'failed',
          detail: r.error ? r.error.message : `the user holds ${shown(r.final, absent)} after the write`,
        });
      else if (r.error) Object.assign(r, { status: 'failed', detail: r.error.message });
      else
        Object.assign(r, {
          status: 'unverified',
          error: readError,
          detail: `the write was accepted, but the read-back failed: ${readError?.message ?? ''}`,
        });
    }
  }
  return results;
}

/** Adds and updates in one bulk PATCH (the resource splits it into calls of 50), then one DELETE per removal. */
async function write(
  client: GenesysClient,
  userId: string,
  items: readonly LanguageItemResult[],
  signal: AbortSignal | undefined,
): Promise<void> {
  const timed = async (targets: readonly LanguageItemResult[], call: () => Promise<unknown>, operation: string) => {
    const startedAt = new Date().toISOString();
    const t0 = performance.now();
    let error: GenesysError | undefined;
    try {
      await call();
    } catch (e) {
      error = toGenesysError(e, operation);
    }
    const finishedAt = new Date().toISOString();
    const latencyMs = Math.round(performance.now() - t0);
    for (const r of targets) {
      Object.assign(r, { startedAt, finishedAt, latencyMs, error });
      if (error?.correlationId) r.correlationIds.push(error.correlationId);
    }
  };
  const set = items.filter((r) => r.after !== null);
  if (set.length > 0)
    await timed(
      set,
      () =>
        client.routing.userLanguages.patchBulk(
          userId,
          set.map((r) => ({ id: r.languageId, proficiency: r.after! })),
          { signal },
        ),
      'routing.userLanguages.patchBulk',
    );
  for (const r of items.filter((i) => i.after === null))
    await timed(
      [r],
      () => client.routing.userLanguages.remove(userId, r.languageId, { signal }),
      'routing.userLanguages.remove',
    );
}
