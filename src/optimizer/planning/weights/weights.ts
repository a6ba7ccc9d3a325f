// Routing weights: validation with paths, and largest-remainder normalisation that sums exactly.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import { IdSchema } from '../schemas.js';

/** One member's routing weight (a share of the queue's work, 0..1). */
export const MemberWeightSchema = /* @__PURE__ */ z.lazy(() => z.object({ memberId: IdSchema, weight: z.number() }));

/** One member's routing weight. */
export interface MemberWeight {
  /** Member (user) id. */
  memberId: string;
  /** The member's share of the work, ≥ 0 (a set of weights sums to at most 1). */
  weight: number;
}

/** Input of {@link validateWeights}. Numbers must be finite; their ranges are reported as issues, not thrown. */
export const WeightsInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    memberWeights: z.array(MemberWeightSchema),
    /** Share of capacity (0..1) at which work overflows to the next target. */
    overflowThreshold: z.optional(z.number()),
    /** Target utilisation (0..1). */
    utilizationTarget: z.optional(z.number()),
    /** Allowed excess of the sum over 1 (floating-point slack). Default 1e-6. */
    tolerance: z._default(z.number().check(z.gte(0, 'must be >= 0'), z.lte(0.5, 'must be <= 0.5')), 1e-6),
  }),
);

/** Input of {@link validateWeights}. */
export interface WeightsInput {
  /** The weights to check, one per member. */
  memberWeights: MemberWeight[];
  /** Share of capacity (0..1) at which work overflows to the next target. */
  overflowThreshold?: number | undefined;
  /** Target utilisation (0..1). */
  utilizationTarget?: number | undefined;
  /** Allowed excess of the sum over 1 (floating-point slack). Default 1e-6. */
  tolerance?: number | undefined;
}

/** What a weight issue is about. */
export type WeightIssueCode = 'weightOutOfRange' | 'sumExceedsOne' | 'thresholdOutOfRange' | 'duplicateMember';

/** One problem in a weight set, with the path of the offending field. */
export interface WeightIssue {
  /** e.g. `memberWeights[2].weight`, `memberWeights` (for the sum), `overflowThreshold`. */
  path: string;
  /** What the issue is about (see {@link WeightIssueCode}). */
  code: WeightIssueCode;
  /** The problem in words. */
  message: string;
}

/**
 * Checks a set of routing weights and returns every issue (empty = valid):
 * each weight in [0, 1]; the weights' sum <= 1 (+ `tolerance`); `overflowThreshold` and `utilizationTarget`
 * in [0, 1]; no member listed twice.
 *
 * @throws ValidationError only for malformed input (not an array, a non-finite number, an empty member id).
 */
export function validateWeights(input: WeightsInput): WeightIssue[] {
  const { memberWeights, overflowThreshold, utilizationTarget, tolerance } = parseInput(
    'validateWeights',
    WeightsInputSchema,
    input,
  );
  const issues: WeightIssue[] = [];
  const firstIndex = new Map<string, number>();
  let sum = 0;
  memberWeights.forEach((m, i) => {
    const seen = firstIndex.get(m.memberId);
    if (seen !== undefined) {
      issues.push({
        path: `memberWeights[${i}].memberId`,
        code: 'duplicateMember',
        message: `member ${m.memberId} is already listed at memberWeights[${seen}]`,
      });
    } else {
      firstIndex.set(m.memberId, i);
    }
    if (m.weight < 0 || m.weight > 1) {
      issues.push({
        path: `memberWeights[${i}].weight`,
        code: 'weightOutOfRange',
        message: `weight ${m.weight} is outside [0, 1]`,
      });
    }
    sum += m.weight;
  });
  if (sum > 1 + tolerance) {
    issues.push({
      path: 'memberWeights',
      code: 'sumExceedsOne',
      message: `weights sum to ${Number(sum.toFixed(9))}, more than 1 (tolerance ${tolerance})`,
    });
  }
  for (const [name, value] of [
    ['overflowThreshold', overflowThreshold],
    ['utilizationTarget', utilizationTarget],
  ] as const) {
    if (value !== undefined && (value < 0 || value > 1)) {
      issues.push({ path: name, code: 'thresholdOutOfRange', message: `${name} ${value} is outside [0, 1]` });
    }
  }
  return issues;
}

/** Options of {@link normalizeWeights}. */
export const NormalizeOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** What the result adds up to. Default 1. Must be representable with `decimals` decimals. */
    total: z._default(z.number().check(z.positive('must be > 0')), 1),
    /** Decimals of every result value (0..10). Default 2. */
    decimals: z._default(
      z.number().check(z.int('must be an integer'), z.gte(0, 'must be >= 0'), z.lte(10, 'must be <= 10')),
      2,
    ),
  }),
);

/** Options of {@link normalizeWeights}. */
export interface NormalizeOptions {
  /** What the result adds up to. Default 1. Must be representable with `decimals` decimals. */
  total?: number | undefined;
  /** Decimals of every result value (0..10). Default 2. */
  decimals?: number | undefined;
}

const NonNegative = /* @__PURE__ */ z.lazy(() => z.number().check(z.gte(0, 'must be >= 0')));
const NumberWeightsSchema = /* @__PURE__ */ z.lazy(() =>
  z.array(NonNegative).check(z.minLength(1, 'needs at least one weight')),
);
const MemberWeightsSchema = /* @__PURE__ */ z.lazy(() =>
  z.array(z.looseObject({ memberId: IdSchema, weight: NonNegative })).check(
    z.minLength(1, 'needs at least one weight'),
    z.superRefine((rows, ctx) => {
      const seen = new Set<string>();
      rows.forEach((r, i) => {
        if (seen.has(r.memberId))
          ctx.addIssue({ code: 'custom', path: [i, 'memberId'], message: `duplicate member id ${r.memberId}` });
        seen.add(r.memberId);
      });
    }),
  ),
);
const RecordWeightsSchema = /* @__PURE__ */ z.lazy(() =>
  z.record(z.string(), NonNegative).check(z.refine((r) => Object.keys(r).length > 0, 'needs at least one weight')),
);

/** Picks the schema by shape so errors point at the element (`weights[2]`), not at a failed union. */
function weightsSchemaFor(weights: unknown): z.ZodMiniType {
  if (!Array.isArray(weights)) return RecordWeightsSchema;
  return weights.every((x) => typeof x === 'number') ? NumberWeightsSchema : MemberWeightsSchema;
}

/**
 * Scales weights to `total` and rounds each to `decimals` decimals with the largest-remainder method, so the
 * rounded values add up to `total` exactly (exact in units of 10^-decimals; summing the returned doubles may
 * show ordinary floating-point error of ~1e-16). Ties on the remainder go to the earlier entry. If every weight
 * is 0, the total is shared equally. Keeps the input's shape: a number array, a `{ memberId, weight }` array
 * or a record.
 *
 * @throws ValidationError for negative or non-finite weights, an empty input, or a total not representable
 * with `decimals` decimals.
 */
export function normalizeWeights(weights: readonly number[], options?: NormalizeOptions): number[];
/** Normalizes `{ memberId, weight }` entries to the total; each entry's other fields are kept. */
export function normalizeWeights<T extends MemberWeight>(weights: readonly T[], options?: NormalizeOptions): T[];
/** Normalizes a record of member id -> weight to the total. */
export function normalizeWeights(
  weights: Readonly<Record<string, number>>,
  options?: NormalizeOptions,
): Record<string, number>;
export function normalizeWeights(
  weights: readonly number[] | readonly MemberWeight[] | Readonly<Record<string, number>>,
  options: NormalizeOptions = {},
): number[] | MemberWeight[] | Record<string, number> {
  const ctx = 'normalizeWeights';
  const parsed = parseInput(ctx, z.object({ weights: weightsSchemaFor(weights), options: NormalizeOptionsSchema }), {
    weights,
    options,
  });
  const { total, decimals } = parsed.options;
  const scale = 10 ** decimals;
  const units = Math.round(total * scale);
  // Beyond 2^53 units the shares are no longer exact integers (and 1e308 would overflow to Infinity).
  if (!Number.isSafeInteger(units) || Math.abs(total * scale - units) > 1e-6 * Math.max(1, units)) {
    invalid(
      ctx,
      'options.total',
      `total ${total} is not representable with ${decimals} decimals (at most 2^53 units of 10^-${decimals})`,
    );
  }
  const w: unknown = parsed.weights;
  if (Array.isArray(w)) {
    if (w.every((x) => typeof x === 'number')) {
      return largestRemainder(w as number[], units).map((u) => toValue(u, scale, decimals));
    }
    const rows = w as MemberWeight[];
    const shares = largestRemainder(
      rows.map((r) => r.weight),
      units,
    );
    return rows.map((row, i) => ({ ...row, weight: toValue(shares[i] ?? 0, scale, decimals) }));
  }
  const record = w as Record<string, number>;
  const keys = Object.keys(record);
  const shares = largestRemainder(
    keys.map((k) => record[k] ?? 0),
    units,
  );
  return Object.fromEntries(keys.map((k, i) => [k, toValue(shares[i] ?? 0, scale, decimals)]));
}

function toValue(unitCount: number, scale: number, decimals: number): number {
  return Number((unitCount / scale).toFixed(decimals));
}

/** Distributes `units` integer units proportionally to `weights` (largest remainder, stable ties). */
export function largestRemainder(weights: readonly number[], units: number): number[] {
  const n = weights.length;
  if (n === 0) return [];
  // Scale by the largest weight first so that huge weights cannot overflow the sum.
  const top = weights.reduce((m, x) => Math.max(m, x), 0);
  const scaled = top > 0 ? weights.map((x) => x / top) : weights;
  const sum = scaled.reduce((s, x) => s + x, 0);
  const raw = sum > 0 ? scaled.map((x) => (x / sum) * units) : weights.map(() => units / n);
  const floors = raw.map((x) => Math.floor(x));
  let remaining = units - floors.reduce((s, x) => s + x, 0);
  const order = raw.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  // remaining is in [0, n) up to rounding of the raw shares; the loops also absorb a unit of float drift.
  for (let k = 0; remaining > 0; k = (k + 1) % n) {
    const idx = order[k]?.i ?? 0;
    floors[idx] = (floors[idx] ?? 0) + 1;
    remaining--;
  }
  for (let k = n - 1; remaining < 0; k = (k - 1 + n) % n) {
    const idx = order[k]?.i ?? 0;
    if ((floors[idx] ?? 0) > 0) {
      floors[idx] = (floors[idx] ?? 0) - 1;
      remaining++;
    }
  }
  return floors;
}
