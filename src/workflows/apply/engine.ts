// The one write primitive for user skills, shared by applyPlan and distributeWeights:
// read (batched) -> classify -> write -> verify from the write's own answer -> journal hook -> final
// confirmation read -> status per target derived from what the org holds. Audit records are built by callers
// from the outcomes. Failed users get further passes (with a growing pause) while passes make progress.
import type { GenesysClient } from '../../client.js';
import { SkillLimitError, isNotFoundError } from '../../errors.js';
import { runPool } from '../../internal/pool.js';
import { sleep } from '../../internal/sleep.js';
import { MAX_SKILLS_PER_USER, strictSkillEntries } from '../../resources/routing/user-skills.js';
import { readHeldSkills, type HeldRead, type ReadStats } from './read.js';
import { finalStatus, newTrack, type SkillTarget, type TargetOutcome, type Track } from './targets.js';
import { sameValue, shown, toGenesysError } from './values.js';

export type { SkillTarget, TargetOutcome } from './targets.js';

export interface EngineProgress {
  usersDone: number;
  usersTotal: number;
  /** Targets confirmed as planned so far (written or already so). */
  confirmed: number;
  /** Targets whose last attempt failed (they may still succeed in a later pass). */
  failing: number;
  pass: number;
}

export interface EngineOptions {
  /** Error context, e.g. `applyPlan`. */
  context: string;
  dryRun?: boolean | undefined;
  /** A value that is neither `expected` nor `after`: skip it (default) or write anyway. */
  onDrift?: 'skip' | 'apply' | undefined;
  /** Users written at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number | undefined;
  /** Passes over users with failed writes (each re-reads them first). Default 6; stops early without progress. */
  passes?: number | undefined;
  maxSkillsPerUser?: number | undefined;
  /**
   * How a user's removals are written. `replace` (default): the user's whole set in one PUT, built from a batched
   * read of the small group of users written next (one group = `concurrency` users, read right before their
   * writes); a skill another writer assigns between that read and the PUT (one request round) is removed, and
   * nothing can detect it afterwards. `delete`: one DELETE per removal next to the PATCH of the adds and updates;
   * a skill someone else assigns meanwhile is kept, at one more request per removal.
   */
  removals?: 'delete' | 'replace' | undefined;
  signal?: AbortSignal | undefined;
  /** Called once per user when every target of the user is settled (journal), or at the end for the rest. */
  onUserFinished?: (userId: string, tracks: readonly TargetOutcome[], done: boolean) => Promise<void>;
  onProgress?: (progress: EngineProgress) => void;
  /** Pause before pass `n` (n >= 2). Default 500 ms · 2^(n-2), at most 8 s. */
  passDelayMs?: (pass: number) => number;
}

export interface EngineResult {
  outcomes: TargetOutcome[];
  aborted: boolean;
  passes: number;
  reads: ReadStats;
}

const CHUNK = 100;

export async function applySkillTargets(client: GenesysClient, targets: readonly SkillTarget[], options: EngineOptions): Promise<EngineResult> {
  const dryRun = options.dryRun ?? false;
  const concurrency = options.concurrency ?? 4;
  const removals = options.removals ?? 'replace';
  const limit = options.maxSkillsPerUser ?? MAX_SKILLS_PER_USER;
  const signal = options.signal;
  const tracks = targets.map(newTrack);
  const byUser = new Map<string, Track[]>();
  for (const t of tracks) byUser.set(t.target.userId, [...(byUser.get(t.target.userId) ?? []), t]);
  const users = [...byUser.keys()];
  const reads: ReadStats = { bulk: 0, perUser: 0 };
  const finished = new Set<string>();
  const finish = async (userId: string, done: boolean) => {
    if (finished.has(userId)) return;
    finished.add(userId);
    await options.onUserFinished?.(userId, byUser.get(userId)!, done);
  };
  // Running totals, updated per user (recounting every target after each user would be quadratic).
  const totals = { confirmed: 0, failing: 0 };
  const contribution = (user: readonly Track[]) => {
    let confirmed = 0;
    let failing = 0;
    for (const t of user) {
      if (t.settled && !t.skipReason && !t.limitError && !t.wouldApply) confirmed++;
      else if (!t.settled && t.error) failing++;
    }
    return { confirmed, failing };
  };
  let last = '';
  const report = (pass: number) => {
    const p = { usersDone: finished.size, usersTotal: users.length, confirmed: totals.confirmed, failing: totals.failing, pass };
    const key = `${p.usersDone}/${p.confirmed}/${p.failing}/${p.pass}`;
    if (key === last) return; // only news
    last = key;
    options.onProgress?.(p);
  };

  let pending = users;
  let pass = 0;
  const maxPasses = options.passes ?? 6;
  while (pending.length > 0 && pass < maxPasses && !signal?.aborted) {
    pass++;
    if (pass > 1 && !(await pause(options.passDelayMs?.(pass) ?? Math.min(8000, 500 * 2 ** (pass - 2)), signal))) break;
    let progressed = false;
    const writeUsers = (group: readonly string[], held: Map<string, HeldRead>) =>
      runPool(group, concurrency, async (userId) => {
        const user = byUser.get(userId)!;
        const before = contribution(user);
        if (await processUser(client, userId, user, held.get(userId), { ...options, removals, dryRun, limit })) progressed = true;
        const after = contribution(user);
        totals.confirmed += after.confirmed - before.confirmed;
        totals.failing += after.failing - before.failing;
        if (user.every((t) => t.settled)) await finish(userId, user.every((t) => !t.skipReason && !t.limitError));
        report(pass);
      }, signal);
    // A PUT replaces the whole set, so its users are read in small groups right before their writes; a PATCH keeps
    // unrelated skills, so its users can be read 100 at a time.
    const replacing = (userId: string) => removals === 'replace' && !dryRun && byUser.get(userId)!.some((t) => !t.settled && t.target.after === null);
    const batched = pending.filter((u) => !replacing(u));
    const grouped = pending.filter(replacing);
    const chunks: string[][] = [];
    for (let i = 0; i < batched.length; i += CHUNK) chunks.push(batched.slice(i, i + CHUNK));
    // Each chunk of 100 users is read in one request, the next one while this one is written (so the writes never
    // wait for a read, and no read is more than one chunk ahead).
    const readChunk = (k: number) => (k < chunks.length && !signal?.aborted ? readHeldSkills(client, chunks[k]!, { concurrency, signal, stats: reads }) : undefined);
    let next = readChunk(0);
    for (let k = 0; k < chunks.length && !signal?.aborted; k++) {
      const held = (await next)!;
      next = readChunk(k + 1);
      await writeUsers(chunks[k]!, held);
    }
    // One read per group of `concurrency` users, taken when the previous group's writes are done: the set a PUT
    // sends is at most one request round old.
    for (let i = 0; i < grouped.length && !signal?.aborted; i += concurrency) {
      const group = grouped.slice(i, i + concurrency);
      await writeUsers(group, await readHeldSkills(client, group, { concurrency, signal, stats: reads }));
    }
    pending = users.filter((u) => byUser.get(u)!.some((t) => !t.settled));
    if (!progressed) break;
  }
  const aborted = signal?.aborted ?? false;
  if (!dryRun && !aborted) await confirmFinal(client, byUser, { concurrency, reads });
  for (const t of tracks) Object.assign(t, finalStatus(t, dryRun, aborted));
  for (const userId of users) await finish(userId, byUser.get(userId)!.every((t) => t.status === 'applied' || t.status === 'unchanged'));
  return { outcomes: tracks.map(publicOutcome), aborted, passes: pass, reads };
}

/** Classifies one user's open targets against a fresh read and writes what differs. True when something settled. */
async function processUser(
  client: GenesysClient,
  userId: string,
  user: Track[],
  read: HeldRead | undefined,
  o: EngineOptions & { dryRun: boolean; limit: number },
): Promise<boolean> {
  const open = user.filter((t) => !t.settled);
  if (!read || !read.ok) {
    for (const t of open) t.error = read?.error;
    return false;
  }
  let progressed = false;
  const toWrite: Track[] = [];
  for (const t of open) {
    const actual = read.skills.get(t.target.skillId) ?? null;
    if (t.initial === undefined) t.initial = actual;
    t.observed = actual;
    if (sameValue(actual, t.target.after)) {
      Object.assign(t, { settled: true, error: undefined, confirmed: t.written });
      progressed = true;
    } else if (t.target.expected !== undefined && !sameValue(actual, t.target.expected) && (o.onDrift ?? 'skip') === 'skip') {
      Object.assign(t, { settled: true, skipReason: `changed since planned: expected ${shown(t.target.expected)}, found ${shown(actual)}` });
      progressed = true;
    } else toWrite.push(t);
  }
  if (toWrite.length === 0) return progressed;
  const end = new Set(read.skills.keys());
  for (const t of toWrite) {
    if (t.target.after === null) end.delete(t.target.skillId);
    else end.add(t.target.skillId);
  }
  if (end.size > o.limit && end.size > read.skills.size) {
    // Nothing is written for this user: a partial write would leave a state nobody planned.
    const limitError = new SkillLimitError(o.context, { userId, count: end.size, limit: o.limit, path: 'changes' });
    for (const t of toWrite) Object.assign(t, { settled: true, limitError });
    return true;
  }
  if (o.dryRun) {
    for (const t of toWrite) Object.assign(t, { settled: true, wouldApply: true });
    return true;
  }
  if (o.removals === 'replace' && toWrite.some((t) => t.target.after === null)) {
    const next = new Map(read.skills);
    for (const t of toWrite) {
      if (t.target.after === null) next.delete(t.target.skillId);
      else next.set(t.target.skillId, t.target.after);
    }
    return (await writeBulk(client, userId, toWrite, next, o)) || progressed;
  }
  const upserts = toWrite.filter((t) => t.target.after !== null);
  const removals = toWrite.filter((t) => t.target.after === null);
  // At the limit, the PATCH would briefly exceed it (and be refused): remove first, then add.
  const added = upserts.filter((t) => !read.skills.has(t.target.skillId)).length;
  const removeFirst = read.skills.size + added > o.limit;
  if (removeFirst) for (const t of removals) if (await writeRemoval(client, userId, t, o.signal)) progressed = true;
  if (upserts.length > 0 && (await writeBulk(client, userId, upserts, undefined, o))) progressed = true;
  if (!removeFirst) for (const t of removals) if (await writeRemoval(client, userId, t, o.signal)) progressed = true;
  return progressed;
}

function stamp(t: Track): void {
  t.t0 ??= performance.now();
  t.startedAt ??= new Date().toISOString();
  t.written = true;
}

function done(t: Track): void {
  t.finishedAt = new Date().toISOString();
  t.latencyMs = Math.round(performance.now() - (t.t0 ?? performance.now()));
}

/**
 * One bulk call for the user: a PATCH of the adds and updates, or (`whole`) a PUT of the user's whole new set.
 * Verified from the skill listing the call answers with.
 */
async function writeBulk(client: GenesysClient, userId: string, upserts: Track[], whole: Map<string, number> | undefined, o: EngineOptions & { limit: number }): Promise<boolean> {
  for (const t of upserts) stamp(t);
  const operation = whole ? 'routing.userSkills.replaceAll' : 'routing.userSkills.patchBulk';
  try {
    const call = { signal: o.signal, validation: 'strict' as const, maxSkillsPerUser: o.limit };
    const res = whole
      ? await client.routing.userSkills.replaceAll(userId, [...whole].map(([id, proficiency]) => ({ id, proficiency })), call)
      : await client.routing.userSkills.patchBulk(userId, upserts.map((t) => ({ id: t.target.skillId, proficiency: t.target.after! })), call);
    let listed: Map<string, number> | undefined;
    try {
      listed = new Map(strictSkillEntries(res.skills, operation));
    } catch {
      listed = undefined; // an answer without a usable listing confirms nothing; the next read decides
    }
    // A PUT answers with the whole set, so an absent removal is confirmed too; a PATCH's listing may be partial.
    let progressed = false;
    for (const t of upserts) {
      t.correlationIds.push(...res.correlationIds);
      t.error = undefined;
      if (listed && sameValue(listed.get(t.target.skillId) ?? null, t.target.after)) {
        Object.assign(t, { confirmed: true, settled: true });
        progressed = true;
      }
      done(t);
    }
    return progressed;
  } catch (error) {
    const err = toGenesysError(error, operation);
    for (const t of upserts) {
      t.error = err;
      if (err.correlationId) t.correlationIds.push(err.correlationId);
      done(t);
    }
    return false;
  }
}

/** One DELETE; its success confirms the removal. A 404 is left to the next read (skill or user gone?). */
async function writeRemoval(client: GenesysClient, userId: string, t: Track, signal: AbortSignal | undefined): Promise<boolean> {
  stamp(t);
  try {
    const { correlationId } = await client.routing.userSkills.remove(userId, t.target.skillId, { signal });
    if (correlationId) t.correlationIds.push(correlationId);
    Object.assign(t, { confirmed: true, settled: true, error: undefined });
    return true;
  } catch (error) {
    const err = toGenesysError(error, 'routing.userSkills.remove');
    if (err.correlationId) t.correlationIds.push(err.correlationId);
    t.error = err;
    return isNotFoundError(err); // the next read shows whether the skill is gone
  } finally {
    done(t);
  }
}

/** Re-reads every user that was read once (batched), up to 4 rounds for users whose read fails. */
async function confirmFinal(client: GenesysClient, byUser: Map<string, Track[]>, o: { concurrency: number; reads: ReadStats }): Promise<void> {
  let pending = [...byUser].filter(([, ts]) => ts.some((t) => t.initial !== undefined)).map(([u]) => u);
  for (let round = 1; round <= 4 && pending.length > 0; round++) {
    if (round > 1) await pause(250 * 2 ** (round - 2), undefined);
    const held = await readHeldSkills(client, pending, { concurrency: o.concurrency, stats: o.reads });
    for (const userId of pending) {
      const read = held.get(userId);
      if (read?.ok) for (const t of byUser.get(userId)!) t.final = read.skills.get(t.target.skillId) ?? null;
    }
    pending = pending.filter((u) => !held.get(u)?.ok);
  }
}

function publicOutcome(t: Track): TargetOutcome {
  const { settled: _s, observed: _o, skipReason: _r, limitError: _l, wouldApply: _w, t0: _t, ...outcome } = t;
  return outcome;
}

/** Sleeps `ms`; false when aborted first. */
function pause(ms: number, signal: AbortSignal | undefined): Promise<boolean> {
  return sleep(ms, signal).then(
    () => true,
    () => false,
  );
}
