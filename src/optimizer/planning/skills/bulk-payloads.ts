// Turns a skill-matrix diff into the platform calls that apply it, chunked at 50 items: the user routing-skill
// endpoints of the Genesys Cloud Platform API (as in the official SDK purecloud-platform-client-v2), whose bulk
// calls the Genesys terraform provider (terraform-provider-genesyscloud) sends in chunks of 50.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import { isWellFormed } from '../json-value.js';
import { MAX_BULK_ITEMS, compareStrings } from '../schemas.js';
import { SkillMatrixDiffSchema, type SkillMatrixDiff } from './skill-matrix.js';

/** One item of a bulk body: the platform's `UserRoutingSkillPost { id, proficiency }`. */
export interface BulkSkillItem {
  /** Skill id. */
  id: string;
  /** Proficiency 0..5. */
  proficiency: number;
}

/**
 * One platform call. Per user, run them in the order given (adds and updates before removals, so a user is
 * never left without a skill that stays).
 * - `PATCH /api/v2/users/{userId}/routingskills/bulk`: adds/updates `items`, leaves other skills alone.
 * - `PUT /api/v2/users/{userId}/routingskills/bulk`: replaces ALL the user's skills with `items`.
 * - `DELETE /api/v2/users/{userId}/routingskills/{skillId}`: removes one skill.
 */
export type BulkPayload =
  | { userId: string; method: 'PATCH' | 'PUT'; path: string; items: BulkSkillItem[] }
  | { userId: string; method: 'DELETE'; path: string; skillId: string };

/** Options of {@link toBulkPayloads}. */
export const BulkPayloadOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Items per bulk call, 1..50. Default 50 (the platform's bulk limit). */
    maxItems: z._default(
      z
        .number()
        .check(
          z.int('must be an integer'),
          z.gte(1, 'must be >= 1'),
          z.lte(MAX_BULK_ITEMS, `must be <= ${MAX_BULK_ITEMS}`),
        ),
      MAX_BULK_ITEMS,
    ),
  }),
);

/** Options of {@link toBulkPayloads}. */
export interface BulkPayloadOptions {
  /** Items per bulk call, 1..50. Default 50 (the platform's bulk limit). */
  maxItems?: number | undefined;
}

function bulkPath(userId: string): string {
  return `/api/v2/users/${encodeURIComponent(userId)}/routingskills/bulk`;
}

function chunk<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function bySkill(a: BulkSkillItem, b: BulkSkillItem): number {
  return compareStrings(a.id, b.id);
}

/**
 * Maps a diff onto per-user platform calls.
 *
 * - Modes `set` and `upgradeOnly`: adds and updates go in `PATCH …/routingskills/bulk` calls of at most
 *   `maxItems` (50) items; there are no removals.
 * - Mode `replace`, for each user with any change: when the user's resulting skill set (unchanged + added +
 *   updated) has 1..50 skills, ONE `PUT …/routingskills/bulk` with the whole set: atomic, and it also drops any
 *   skill added since the matrix was read. When the set has more than 50 skills, a PUT cannot carry it (a PUT
 *   of the first 50 followed by PATCHes would strip the rest for a moment), so the plan falls back to PATCH
 *   chunks for adds/updates, then one `DELETE …/routingskills/{skillId}` per removal. When the set is empty,
 *   one DELETE per removal (an empty PUT body's behaviour is unconfirmed).
 *
 * Users are ordered by id; items by skill id.
 *
 * @throws ValidationError if `diff` is malformed (ids must be well-formed Unicode: they go into URLs).
 */
export function toBulkPayloads(diff: SkillMatrixDiff, options: BulkPayloadOptions = {}): BulkPayload[] {
  const parsed = parseInput(
    'toBulkPayloads',
    z.object({ diff: SkillMatrixDiffSchema, options: BulkPayloadOptionsSchema }),
    {
      diff,
      options,
    },
  );
  const d = parsed.diff;
  const { maxItems } = parsed.options;
  // Ids go into URLs and JSON bodies: a lone surrogate cannot be encoded (encodeURIComponent throws URIError).
  for (const list of ['add', 'update', 'remove', 'unchanged'] as const) {
    d[list].forEach((row: { userId: string; skillId: string }, i: number) => {
      for (const key of ['userId', 'skillId'] as const) {
        if (!isWellFormed(row[key]))
          invalid(
            'toBulkPayloads',
            `diff.${list}[${i}].${key}`,
            'must be well-formed Unicode (it has a lone surrogate)',
          );
      }
    });
  }

  interface UserPlan {
    upserts: BulkSkillItem[];
    removals: string[];
    kept: BulkSkillItem[];
  }
  const plans = new Map<string, UserPlan>();
  const plan = (userId: string): UserPlan => {
    let p = plans.get(userId);
    if (!p) {
      p = { upserts: [], removals: [], kept: [] };
      plans.set(userId, p);
    }
    return p;
  };
  for (const a of d.add) plan(a.userId).upserts.push({ id: a.skillId, proficiency: a.proficiency });
  for (const u of d.update) plan(u.userId).upserts.push({ id: u.skillId, proficiency: u.proficiency });
  for (const r of d.remove) plan(r.userId).removals.push(r.skillId);
  if (d.mode === 'replace') {
    for (const u of d.unchanged) plans.get(u.userId)?.kept.push({ id: u.skillId, proficiency: u.proficiency });
  }

  const out: BulkPayload[] = [];
  for (const userId of [...plans.keys()].sort(compareStrings)) {
    const p = plans.get(userId);
    if (!p) continue;
    const upserts = [...p.upserts].sort(bySkill);
    const removals = [...p.removals].sort(compareStrings);
    const finalSet = [...p.kept, ...upserts].sort(bySkill);
    if (d.mode === 'replace' && finalSet.length > 0 && finalSet.length <= maxItems) {
      out.push({ userId, method: 'PUT', path: bulkPath(userId), items: finalSet });
      continue;
    }
    for (const items of chunk(upserts, maxItems)) out.push({ userId, method: 'PATCH', path: bulkPath(userId), items });
    for (const skillId of removals) {
      out.push({
        userId,
        method: 'DELETE',
        path: `/api/v2/users/${encodeURIComponent(userId)}/routingskills/${encodeURIComponent(skillId)}`,
        skillId,
      });
    }
  }
  return out;
}
