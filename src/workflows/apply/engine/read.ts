// The reads that drive writes: up to 100 users per request (`GET /api/v2/users?id=…&expand=skills`), a per-user
// read where the platform left `skills` out (expand is best effort), and never a malformed answer taken as data.
import type { GenesysClient } from '../../../client/client.js';
import type { GenesysError } from '../../../errors/index.js';
import { runPool } from '../../../internal/pool.js';
import { strictSkillEntries } from '../../../resources/routing/users/user-skills.js';
import { USERS_BY_ID_LIMIT } from '../../../resources/routing/users/users.js';
import { toGenesysError } from '../values.js';

/** One user's skills as read, or why they could not be read. */
export type HeldRead = { ok: true; skills: Map<string, number> } | { ok: false; error: GenesysError };

export interface ReadStats {
  bulk: number;
  perUser: number;
}

/**
 * Reads the skills of `userIds`: one bulk request per 100 users, a per-user read for each user returned
 * without `skills` (or not returned). A user whose listing is malformed gets a typed error, never an empty map.
 */
export async function readHeldSkills(
  client: GenesysClient,
  userIds: readonly string[],
  options: { concurrency: number; signal?: AbortSignal | undefined; stats?: ReadStats },
): Promise<Map<string, HeldRead>> {
  const out = new Map<string, HeldRead>();
  const chunks: string[][] = [];
  for (let i = 0; i < userIds.length; i += USERS_BY_ID_LIMIT) chunks.push(userIds.slice(i, i + USERS_BY_ID_LIMIT));
  const fallback: string[] = [];
  await runPool(
    chunks,
    Math.max(2, Math.min(4, options.concurrency)),
    async (ids) => {
      try {
        if (options.stats) options.stats.bulk++;
        const { users } = await client.routing.users.byIds(ids, {
          expand: ['skills'],
          state: 'any',
          signal: options.signal,
        });
        const byId = new Map(users.map((u) => [u.id, u]));
        for (const id of ids) {
          const user = byId.get(id);
          if (!user || !Array.isArray(user.skills)) {
            fallback.push(id);
            continue;
          }
          try {
            out.set(id, { ok: true, skills: new Map(strictSkillEntries(user.skills, 'users.byIds')) });
          } catch (error) {
            out.set(id, { ok: false, error: toGenesysError(error) });
          }
        }
      } catch (error) {
        const err = toGenesysError(error, 'users.byIds');
        for (const id of ids) out.set(id, { ok: false, error: err });
      }
    },
    options.signal,
  );
  await runPool(
    fallback,
    options.concurrency,
    async (id) => {
      try {
        if (options.stats) options.stats.perUser++;
        const { skills } = await client.routing.userSkills.held(id, { signal: options.signal });
        out.set(id, { ok: true, skills });
      } catch (error) {
        out.set(id, { ok: false, error: toGenesysError(error, 'routing.userSkills.held') });
      }
    },
    options.signal,
  );
  return out;
}
