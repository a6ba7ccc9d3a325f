// Skill-matrix diff: the exact set of adds / updates / removals between the current and the desired matrix.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import {
  CountSchema,
  IdSchema,
  ProficiencySchema,
  SkillMatrixSchema,
  compareStrings,
  fmt,
  getOwn,
  ownObject,
  type SkillChange,
  type SkillMatrix,
} from '../schemas.js';

/** How desired relates to current; see {@link diffSkillMatrix}. */
export const DiffModeSchema = /* @__PURE__ */ z.enum(['set', 'upgradeOnly', 'replace']);

/** How desired relates to current; see {@link diffSkillMatrix}. */
export type DiffMode = 'set' | 'upgradeOnly' | 'replace';

/** Options of {@link diffSkillMatrix}. */
export const DiffOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Default 'set' (never removes). */
    mode: z._default(DiffModeSchema, 'set'),
    /** Most skills a user may hold after the change; adds beyond it are skipped. Default: no cap. */
    maxSkillsPerUser: z.optional(CountSchema),
    /** Proficiency changes smaller than this count as unchanged. Default 0 (any change counts). */
    minDelta: z._default(z.number().check(z.gte(0, 'must be >= 0'), z.lte(5, 'must be <= 5')), 0),
  }),
);

/** Options of {@link diffSkillMatrix}. */
export interface DiffOptions {
  /** Default 'set' (never removes). */
  mode?: 'set' | 'upgradeOnly' | 'replace' | undefined;
  /** Most skills a user may hold after the change; adds beyond it are skipped. Default: no cap. */
  maxSkillsPerUser?: number | undefined;
  /** Proficiency changes smaller than this count as unchanged. Default 0 (any change counts). */
  minDelta?: number | undefined;
}

const Entry = { userId: IdSchema, skillId: IdSchema };
/** A diff as data (validated by {@link toBulkPayloads} and {@link applyDiff}). */
export const SkillMatrixDiffSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    mode: DiffModeSchema,
    add: z.array(z.object({ ...Entry, proficiency: ProficiencySchema })),
    update: z.array(z.object({ ...Entry, proficiency: ProficiencySchema, previousProficiency: ProficiencySchema })),
    remove: z.array(z.object({ ...Entry, previousProficiency: ProficiencySchema })),
    unchanged: z.array(
      z.object({ ...Entry, proficiency: ProficiencySchema, desiredProficiency: z.optional(ProficiencySchema) }),
    ),
    skipped: z.array(
      z.object({
        ...Entry,
        code: z.enum(['maxSkillsPerUser', 'wouldLower']),
        reason: z.string(),
        proficiency: ProficiencySchema,
      }),
    ),
  }),
);

/** The result of {@link diffSkillMatrix}. Every list is sorted by user id, then skill id. */
export interface SkillMatrixDiff {
  /** The mode the diff was made in: `set`, `upgradeOnly` or `replace`. */
  mode: DiffMode;
  /** Skills to give users, at `proficiency`. */
  add: Array<{
    /** The desired proficiency, 0..5. */
    proficiency: number;
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
  }>;
  /** Held skills whose proficiency changes from `previousProficiency` to `proficiency`. */
  update: Array<{
    /** The desired proficiency, 0..5. */
    proficiency: number;
    /** The proficiency held now, 0..5. */
    previousProficiency: number;
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
  }>;
  /** Held skills to remove (only in `replace` mode). */
  remove: Array<{
    /** The proficiency held now, 0..5. */
    previousProficiency: number;
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
  }>;
  /** Held skills already as desired, or whose change is below `minDelta` (`desiredProficiency` says what was asked). */
  unchanged: Array<{
    /** The proficiency held, and kept, 0..5. */
    proficiency: number;
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
    /** The desired proficiency, when it differs from the held one by less than `minDelta`. */
    desiredProficiency?: number | undefined;
  }>;
  /** Desired skills not applied: over the per-user cap (`maxSkillsPerUser`) or a lowering in `upgradeOnly`. */
  skipped: Array<{
    /** Why it was skipped. */
    code: 'maxSkillsPerUser' | 'wouldLower';
    /** Why, in words. */
    reason: string;
    /** The desired proficiency, 0..5. */
    proficiency: number;
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
  }>;
}

/** A skill the user gets. */
export type SkillAdd = SkillMatrixDiff['add'][number];
/** A proficiency that changes. */
export type SkillUpdate = SkillMatrixDiff['update'][number];
/** A skill the user loses (mode 'replace' only). */
export type SkillRemoval = SkillMatrixDiff['remove'][number];
/** A skill that stays as it is; `desiredProficiency` is set when a change smaller than `minDelta` was ignored. */
export type SkillUnchanged = SkillMatrixDiff['unchanged'][number];
/** A desired change that was not planned, and why; `proficiency` is the desired value. */
export type SkippedSkillChange = SkillMatrixDiff['skipped'][number];

const EPS = 1e-9;

/**
 * Computes what must change to go from `current` to `desired` (both user id -> skill id -> proficiency).
 *
 * Only users listed in `desired` are considered; users only in `current` are never touched (list a user with
 * `{}` in mode 'replace' to strip all their skills).
 * - `set`: adds and updates what desired lists, never removes.
 * - `upgradeOnly`: like `set`, but never lowers: a lower desired value is `skipped` (code `wouldLower`).
 * - `replace`: like `set`, and also removes the user's skills desired does not list.
 *
 * `minDelta`: an update smaller than it is reported as `unchanged` (with `desiredProficiency`).
 * `maxSkillsPerUser`: adds that would take the user over the cap (counting the skills they keep) are `skipped`
 * (code `maxSkillsPerUser`); the highest desired proficiencies are added first, ties by skill id.
 *
 * @throws ValidationError naming the bad field (`desired.u1.billing`, `options.mode`, ...).
 */
export function diffSkillMatrix(
  current: SkillMatrix,
  desired: SkillMatrix,
  options: DiffOptions = {},
): SkillMatrixDiff {
  const parsed = parseInput(
    'diffSkillMatrix',
    z.object({ current: SkillMatrixSchema, desired: SkillMatrixSchema, options: DiffOptionsSchema }),
    { current, desired, options },
  );
  const { mode, maxSkillsPerUser, minDelta } = parsed.options;
  const diff: SkillMatrixDiff = { mode, add: [], update: [], remove: [], unchanged: [], skipped: [] };

  for (const userId of Object.keys(parsed.desired).sort(compareStrings)) {
    const want = getOwn(parsed.desired, userId) ?? {};
    const have = getOwn(parsed.current, userId) ?? {};
    const adds: SkillAdd[] = [];
    let kept = 0;

    for (const skillId of Object.keys(want).sort(compareStrings)) {
      const proficiency = getOwn(want, skillId) ?? 0;
      const previous = getOwn(have, skillId);
      if (previous === undefined) {
        adds.push({ userId, skillId, proficiency });
        continue;
      }
      kept++;
      const delta = Math.abs(proficiency - previous);
      if (delta <= EPS) {
        diff.unchanged.push({ userId, skillId, proficiency: previous });
      } else if (delta < minDelta) {
        diff.unchanged.push({ userId, skillId, proficiency: previous, desiredProficiency: proficiency });
      } else if (mode === 'upgradeOnly' && proficiency < previous) {
        diff.skipped.push({
          userId,
          skillId,
          proficiency,
          code: 'wouldLower',
          reason: `mode upgradeOnly never lowers: ${fmt(previous)} -> ${fmt(proficiency)} not planned`,
        });
      } else {
        diff.update.push({ userId, skillId, proficiency, previousProficiency: previous });
      }
    }

    if (mode === 'replace') {
      for (const skillId of Object.keys(have).sort(compareStrings)) {
        if (!Object.hasOwn(want, skillId))
          diff.remove.push({ userId, skillId, previousProficiency: getOwn(have, skillId) ?? 0 });
      }
    } else {
      kept = Object.keys(have).length;
    }

    const room = maxSkillsPerUser === undefined ? adds.length : Math.max(0, maxSkillsPerUser - kept);
    const ranked = [...adds].sort((a, b) => b.proficiency - a.proficiency || compareStrings(a.skillId, b.skillId));
    const accepted = new Set(ranked.slice(0, room).map((a) => a.skillId));
    for (const a of adds) {
      if (accepted.has(a.skillId)) {
        diff.add.push(a);
      } else {
        diff.skipped.push({
          ...a,
          code: 'maxSkillsPerUser',
          reason: `user would hold more than maxSkillsPerUser ${maxSkillsPerUser ?? 0} skills (keeps ${kept}, ${adds.length} to add): add not planned`,
        });
      }
    }
  }
  return diff;
}

/**
 * Applies a diff to a matrix and returns the new matrix (the input is not modified). Use it for dry runs: a
 * diff computed against `current` and applied to the same `current` yields a matrix that diffs empty against
 * `desired` (skipped items aside).
 *
 * @throws ValidationError if the diff does not fit `current` (an add for a skill already held, an update or
 * removal of a skill not held): the diff is stale; recompute it.
 */
export function applyDiff(current: SkillMatrix, diff: SkillMatrixDiff): Record<string, Record<string, number>> {
  const ctx = 'applyDiff';
  const parsed = parseInput(ctx, z.object({ current: SkillMatrixSchema, diff: SkillMatrixDiffSchema }), {
    current,
    diff,
  });
  const out: Record<string, Record<string, number>> = {};
  for (const [userId, skills] of Object.entries(parsed.current)) out[userId] = { ...skills };
  const userOf = (userId: string): Record<string, number> => ownObject(out, userId, () => ({}));

  parsed.diff.add.forEach((a, i) => {
    const skills = userOf(a.userId);
    if (Object.hasOwn(skills, a.skillId))
      invalid(ctx, `diff.add[${i}]`, `user ${a.userId} already holds skill ${a.skillId}: stale diff`);
    skills[a.skillId] = a.proficiency;
  });
  parsed.diff.update.forEach((u, i) => {
    const skills = userOf(u.userId);
    if (!Object.hasOwn(skills, u.skillId))
      invalid(ctx, `diff.update[${i}]`, `user ${u.userId} does not hold skill ${u.skillId}: stale diff`);
    skills[u.skillId] = u.proficiency;
  });
  parsed.diff.remove.forEach((r, i) => {
    const skills = userOf(r.userId);
    if (!Object.hasOwn(skills, r.skillId))
      invalid(ctx, `diff.remove[${i}]`, `user ${r.userId} does not hold skill ${r.skillId}: stale diff`);
    delete skills[r.skillId];
  });
  return out;
}

/**
 * True when the diff plans no add, update or removal (skipped and unchanged entries do not count).
 *
 * @throws ValidationError if `add`, `update` or `remove` is not an array.
 */
export function isEmptyDiff(diff: Pick<SkillMatrixDiff, 'add' | 'update' | 'remove'>): boolean {
  const d = parseInput(
    'isEmptyDiff',
    z.object({ add: z.array(z.unknown()), update: z.array(z.unknown()), remove: z.array(z.unknown()) }),
    diff,
  );
  return d.add.length === 0 && d.update.length === 0 && d.remove.length === 0;
}

/** Flattens a diff into {@link SkillChange}s (adds, then updates, then removals), the input of `whatIf` and `checkRoutingConstraints`. */
export function diffToChanges(diff: SkillMatrixDiff): SkillChange[] {
  const d = parseInput('diffToChanges', SkillMatrixDiffSchema, diff);
  return [
    ...d.add.map((a): SkillChange => ({
      action: 'add',
      userId: a.userId,
      skillId: a.skillId,
      proficiency: a.proficiency,
    })),
    ...d.update.map((u): SkillChange => ({
      action: 'update',
      userId: u.userId,
      skillId: u.skillId,
      proficiency: u.proficiency,
      previousProficiency: u.previousProficiency,
    })),
    ...d.remove.map((r): SkillChange => ({
      action: 'remove',
      userId: r.userId,
      skillId: r.skillId,
      previousProficiency: r.previousProficiency,
    })),
  ];
}

/** One user-skill row as the platform lists it (`GET /api/v2/users/{userId}/routingskills` + the user id). */
export const SkillRowSchema = /* @__PURE__ */ z.object({
  userId: IdSchema,
  skillId: IdSchema,
  proficiency: ProficiencySchema,
});

/** One user-skill row. */
export interface SkillRow {
  /** User id. */
  userId: string;
  /** Skill id. */
  skillId: string;
  /** Proficiency 0..5. */
  proficiency: number;
}

/**
 * Builds a {@link SkillMatrix} from rows. `users` lists users to include even with no rows (as `{}`).
 *
 * @throws ValidationError on a bad row or a user-skill pair listed twice.
 */
export function skillMatrixFromRows(
  rows: readonly SkillRow[],
  users: readonly string[] = [],
): Record<string, Record<string, number>> {
  const ctx = 'skillMatrixFromRows';
  const parsed = parseInput(ctx, z.object({ rows: z.array(SkillRowSchema), users: z.array(IdSchema) }), {
    rows,
    users,
  });
  const out: Record<string, Record<string, number>> = {};
  for (const u of parsed.users) ownObject(out, u, () => ({}));
  parsed.rows.forEach((r, i) => {
    const skills = ownObject(out, r.userId, () => ({}));
    if (Object.hasOwn(skills, r.skillId))
      invalid(ctx, `rows[${i}]`, `user ${r.userId} skill ${r.skillId} is listed twice`);
    skills[r.skillId] = r.proficiency;
  });
  return out;
}
