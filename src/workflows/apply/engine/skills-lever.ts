// The user-skills lever of the apply engine: reads users 100 per request (`GET /api/v2/users?id=…&expand=skills`),
// writes one user's pending skills as a bulk PATCH of the adds and updates, a PUT of the whole set (removals,
// `replace`), or one DELETE per removal (`delete`), verified from each write's own answer.
import type { GenesysClient } from '../../../client/client.js';
import { SkillLimitError, isNotFoundError } from '../../../errors/index.js';
import { strictSkillEntries } from '../../../resources/routing/users/user-skills.js';
import type { EntityRead, LeverAdapter } from './lever-loop.js';
import { readHeldSkills, type ReadStats } from './read.js';
import { markAnswered, markSent, SKILL_WORDS, type SkillTarget, type Track } from './targets.js';
import { sameValue, toGenesysError } from '../values.js';

const CHUNK = 100;

export interface SkillsLeverOptions {
  /** Error context, e.g. `applyPlan`. */
  context: string;
  concurrency: number;
  limit: number;
  removals: 'delete' | 'replace';
  stats: ReadStats;
  /**
   * Called after each whole-set PUT (`replace`): when the user's skills were read for it and when the PUT was
   * answered (epoch ms), and the set it sent. Another writer's change in between was undone by the PUT.
   */
  onReplace?: ((window: ReplaceWindow) => void) | undefined;
  /** Checked before each request that writes (a user's PATCH, each DELETE): false stops the user's remaining writes. */
  mayWrite?: (() => boolean) | undefined;
}

/** One whole-set PUT's read -> write window (see `SkillsLeverOptions.onReplace`). */
export interface ReplaceWindow {
  userId: string;
  readAt: number;
  answeredAt: number;
  sent: ReadonlyMap<string, number>;
  /** The PUT was answered with success (else it was refused, or may or may not have landed). */
  ok: boolean;
}

export function skillsLever(client: GenesysClient, o: SkillsLeverOptions): LeverAdapter<SkillTarget> {
  const readAt = new Map<string, number>();
  return {
    words: SKILL_WORDS,
    entityOf: (t) => t.userId,
    keyOf: (t) => t.skillId,
    chunkSize: CHUNK,
    // A PUT replaces the whole set, so its users are read in small groups right before their writes; a PATCH keeps
    // unrelated skills, so its users can be read 100 at a time.
    readJustBefore: (open) => o.removals === 'replace' && open.some((t) => t.target.after === null),
    read: async (userIds, phase, signal) => {
      if (!phase.final) for (const id of userIds) readAt.set(id, Date.now());
      const held = await readHeldSkills(client, userIds, { concurrency: o.concurrency, signal, stats: o.stats });
      const out = new Map<string, EntityRead>();
      for (const [id, read] of held) out.set(id, read.ok ? { ok: true, values: read.skills } : read);
      return out;
    },
    refuse: (userId, held, toWrite) => {
      const end = new Set(held.keys());
      for (const t of toWrite) {
        if (t.target.after === null) end.delete(t.target.skillId);
        else end.add(t.target.skillId);
      }
      if (end.size > o.limit && end.size > held.size)
        return new SkillLimitError(o.context, { userId, count: end.size, limit: o.limit, path: 'changes' });
      return undefined;
    },
    write: (userId, toWrite, held, signal) =>
      writeUser(client, userId, toWrite, held, { ...o, signal, readAt: readAt.get(userId) ?? Date.now() }),
  };
}

type WriteOptions = SkillsLeverOptions & { signal: AbortSignal | undefined; readAt: number };

async function writeUser(
  client: GenesysClient,
  userId: string,
  toWrite: Track[],
  held: ReadonlyMap<string, number>,
  o: WriteOptions,
): Promise<boolean> {
  if (o.removals === 'replace' && toWrite.some((t) => t.target.after === null)) {
    const next = new Map(held);
    for (const t of toWrite) {
      if (t.target.after === null) next.delete(t.target.skillId);
      else next.set(t.target.skillId, t.target.after);
    }
    try {
      return await writeBulk(client, userId, toWrite, next, o);
    } finally {
      o.onReplace?.({
        userId,
        readAt: o.readAt,
        answeredAt: Date.now(),
        sent: next,
        ok: toWrite.every((t) => !t.error),
      });
    }
  }
  let progressed = false;
  const upserts = toWrite.filter((t) => t.target.after !== null);
  const removals = toWrite.filter((t) => t.target.after === null);
  // At the limit, the PATCH would briefly exceed it (and be refused): remove first, then add.
  const added = upserts.filter((t) => !held.has(t.target.skillId)).length;
  const removeFirst = held.size + added > o.limit;
  const may = () => o.mayWrite?.() ?? true;
  const remove = async () => {
    for (const t of removals) if (may() && (await writeRemoval(client, userId, t, o.signal))) progressed = true;
  };
  if (removeFirst) await remove();
  if (upserts.length > 0 && may() && (await writeBulk(client, userId, upserts, undefined, o))) progressed = true;
  if (!removeFirst) await remove();
  return progressed;
}

/**
 * One bulk call for the user: a PATCH of the adds and updates, or (`whole`) a PUT of the user's whole new set.
 * Verified from the skill listing the call answers with.
 */
async function writeBulk(
  client: GenesysClient,
  userId: string,
  upserts: Track[],
  whole: Map<string, number> | undefined,
  o: WriteOptions,
): Promise<boolean> {
  for (const t of upserts) markSent(t);
  const operation = whole ? 'routing.userSkills.replaceAll' : 'routing.userSkills.patchBulk';
  try {
    const call = { signal: o.signal, validation: 'strict' as const, maxSkillsPerUser: o.limit };
    const res = whole
      ? await client.routing.userSkills.replaceAll(
          userId,
          [...whole].map(([id, proficiency]) => ({ id, proficiency })),
          call,
        )
      : await client.routing.userSkills.patchBulk(
          userId,
          upserts.map((t) => ({ id: t.target.skillId, proficiency: t.target.after! })),
          call,
        );
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
      markAnswered(t);
    }
    return progressed;
  } catch (error) {
    const err = toGenesysError(error, operation);
    for (const t of upserts) {
      t.error = err;
      if (err.correlationId) t.correlationIds.push(err.correlationId);
      markAnswered(t);
    }
    return false;
  }
}

/** One DELETE; its success confirms the removal. A 404 is left to the next read (skill or user gone?). */
async function writeRemoval(
  client: GenesysClient,
  userId: string,
  t: Track,
  signal: AbortSignal | undefined,
): Promise<boolean> {
  markSent(t);
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
    markAnswered(t);
  }
}
