// Shared zod/mini building blocks for the planning functions: ids, proficiency, rates, and the skill-change shape.
import * as z from 'zod/mini';
import { LIMITS } from '../../limits.js';

// Internal short names for the platform limits (the public name is LIMITS).
export const MIN_PROFICIENCY = LIMITS.proficiency.min;
export const MAX_PROFICIENCY = LIMITS.proficiency.max;
export const MAX_BULK_ITEMS = LIMITS.skillsPerBulkCall;
export const MAX_RING_NUMBER = LIMITS.ringNumber.max;

/** A non-empty id (user, skill, queue or member id). */
export const IdSchema = /* @__PURE__ */ z.lazy(() =>
  z.string().check(
    z.minLength(1, 'must be a non-empty id'),
    z.refine((s) => s !== '__proto__', 'must not be __proto__'),
  ),
);

/** A finite proficiency in the platform's range 0..5. */
export const ProficiencySchema = /* @__PURE__ */ z.lazy(() =>
  z
    .number()
    .check(
      z.gte(MIN_PROFICIENCY, `must be >= ${MIN_PROFICIENCY}`),
      z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`),
    ),
);

/** A finite fraction in [0, 1] (rates, occupancy, service level). */
export const FractionSchema = /* @__PURE__ */ z.lazy(() =>
  z.number().check(z.gte(0, 'must be >= 0'), z.lte(1, 'must be <= 1')),
);

/** A finite count: integer >= 0. */
export const CountSchema = /* @__PURE__ */ z.lazy(() =>
  z.number().check(z.int('must be an integer'), z.gte(0, 'must be >= 0')),
);

/** A finite number of seconds > 0. */
export const PositiveSecondsSchema = /* @__PURE__ */ z.lazy(() => z.number().check(z.positive('must be > 0')));

/**
 * One change to a user's routing skills: the common currency between {@link diffToChanges},
 * `checkRoutingConstraints` and `whatIf`.
 * - `add`: the user gets the skill at `proficiency`.
 * - `update`: the user's proficiency on the skill becomes `proficiency` (`previousProficiency` is informative).
 * - `remove`: the user loses the skill.
 */
export const SkillChangeSchema = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('action', [
    z.object({ action: z.literal('add'), userId: IdSchema, skillId: IdSchema, proficiency: ProficiencySchema }),
    z.object({
      action: z.literal('update'),
      userId: IdSchema,
      skillId: IdSchema,
      proficiency: ProficiencySchema,
      previousProficiency: z.optional(ProficiencySchema),
    }),
    z.object({
      action: z.literal('remove'),
      userId: IdSchema,
      skillId: IdSchema,
      previousProficiency: z.optional(ProficiencySchema),
    }),
  ]),
);

/** One change to a user's routing skills (checked by `schemas.SkillChangeSchema`). */
export type SkillChange =
  | {
      action: 'add';
      userId: string;
      skillId: string;
      proficiency: number;
    }
  | {
      action: 'update';
      userId: string;
      skillId: string;
      proficiency: number;
      previousProficiency?: number | undefined;
    }
  | {
      action: 'remove';
      userId: string;
      skillId: string;
      previousProficiency?: number | undefined;
    };

/**
 * Skill matrix: user id -> skill id -> proficiency (0..5). This is the only matrix shape the planning
 * functions accept; build it from API rows with `skillMatrixFromRows`.
 * Example: `{ "u1": { "billing": 3, "sales": 1 } }`.
 */
export const SkillMatrixSchema = /* @__PURE__ */ z.lazy(() =>
  z.record(IdSchema, z.record(IdSchema, ProficiencySchema)),
);

/** Skill matrix: user id -> skill id -> proficiency (0..5). */
export type SkillMatrix = Readonly<Record<string, Readonly<Record<string, number>>>>;

/** Rounds to `step` and strips binary noise (0.1 + 0.2 -> 0.3). */
export function roundToStep(value: number, step: number): number {
  const rounded = Math.round(value / step) * step;
  return Number(rounded.toFixed(10));
}

/** True when `value` is an integer multiple of `step` (within 1e-9 relative). */
export function isMultipleOf(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** Formats a number for human-readable reasons: at most 3 decimals, no trailing zeros. */
export function fmt(value: number): string {
  return String(Number(value.toFixed(3)));
}

/** Formats a fraction as a percentage with at most one decimal. */
export function pct(value: number): string {
  return `${Number((value * 100).toFixed(1))}%`;
}

/** Sorts by a string key with a plain code-unit comparison (locale-independent, deterministic). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** `record[key]` only when it is the record's own property (ids like `constructor` are data, not prototype members). */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** `record[key]`, created as `{}` first when absent (own properties only). */
export function ownObject<T extends object>(record: Record<string, T>, key: string, create: () => NoInfer<T>): T {
  const existing = getOwn(record, key);
  if (existing !== undefined) return existing;
  const fresh = create();
  record[key] = fresh;
  return fresh;
}
