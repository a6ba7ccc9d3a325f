// Weights onto the levers Genesys Cloud really has: user skill proficiency (0..5) and bullseye ring numbers (1..6).
// The platform has no per-member "weight" or "score" field; these mappings keep the order of the weights.
import * as z from 'zod/mini';
import { parseInput } from '../../parse-input.js';
import {
  IdSchema,
  MAX_PROFICIENCY,
  MAX_RING_NUMBER,
  ProficiencySchema,
  fmt,
  isMultipleOf,
  roundToStep,
} from '../schemas.js';

const MappingWeightsSchema = /* @__PURE__ */ z.lazy(() =>
  z.array(z.object({ memberId: IdSchema, weight: z.number().check(z.gte(0, 'must be >= 0')) })).check(
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

/** Options of {@link weightsToProficiency}. */
export const WeightsToProficiencyOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      /** Proficiency of a zero weight. Default 0. */
      min: z._default(ProficiencySchema, 0),
      /** Proficiency of the largest weight. Default 5. */
      max: z._default(ProficiencySchema, MAX_PROFICIENCY),
      /** Granularity. Default 1. */
      step: z._default(
        z.number().check(z.positive('must be > 0'), z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`)),
        1,
      ),
    })
    .check(
      z.superRefine((o, ctx) => {
        if (o.min > o.max) ctx.addIssue({ code: 'custom', path: ['min'], message: `must be <= max (${o.max})` });
        if (!isMultipleOf(o.min, o.step))
          ctx.addIssue({ code: 'custom', path: ['min'], message: `must be a multiple of step (${o.step})` });
        if (!isMultipleOf(o.max, o.step))
          ctx.addIssue({ code: 'custom', path: ['max'], message: `must be a multiple of step (${o.step})` });
      }),
    ),
);

/** Options of {@link weightsToProficiency}. */
export interface WeightsToProficiencyOptions {
  /** Proficiency of a zero weight. Default 0. */
  min?: number | undefined;
  /** Proficiency of the largest weight. Default 5. */
  max?: number | undefined;
  /** Granularity. Default 1. */
  step?: number | undefined;
}

/** A member's weight and the proficiency that expresses it. */
export interface WeightProficiency {
  /** Member (user) id. */
  memberId: string;
  /** The member's weight, as given. */
  weight: number;
  /** The proficiency that expresses it (higher weight, higher proficiency). */
  proficiency: number;
  /** How it was mapped, in words. */
  reason: string;
}

/**
 * Maps weights onto user skill proficiency, the lever a queue with `skillEvaluationMethod: BEST` uses to
 * prefer agents (the best available proficiency wins). Only the order matters to the platform, so the scale is
 * relative: the largest weight gets `max`, weight 0 gets `min`, others are linear in `weight / maxWeight` and
 * rounded to `step`; a positive weight never rounds down to `min` (it gets `min + step`) so it stays
 * distinguishable from zero. Members with equal proficiency are tied for the platform. Apply the result with
 * `PATCH /api/v2/users/{userId}/routingskills/bulk` on the queue's skill. With `skillEvaluationMethod` NONE or
 * ALL, proficiency does not steer routing: use rings instead.
 *
 * @throws ValidationError for negative or non-finite weights, duplicate members or bad options.
 */
export function weightsToProficiency(
  memberWeights: readonly { memberId: string; weight: number }[],
  options: WeightsToProficiencyOptions = {},
): WeightProficiency[] {
  const parsed = parseInput(
    'weightsToProficiency',
    z.object({ memberWeights: MappingWeightsSchema, options: WeightsToProficiencyOptionsSchema }),
    { memberWeights, options },
  );
  const { min, max, step } = parsed.options;
  const top = parsed.memberWeights.reduce((best, m) => Math.max(best, m.weight), 0);
  return parsed.memberWeights.map(({ memberId, weight }) => {
    const ratio = top > 0 ? weight / top : 0;
    let proficiency = roundToStep(min + ratio * (max - min), step);
    if (weight > 0 && proficiency <= min && min + step <= max) proficiency = roundToStep(min + step, step);
    proficiency = Math.min(max, Math.max(min, proficiency));
    return {
      memberId,
      weight,
      proficiency,
      reason: `weight ${fmt(weight)} is ${fmt(ratio * 100)}% of the largest (${fmt(top)}) -> proficiency ${fmt(proficiency)} on ${fmt(min)}..${fmt(max)}`,
    };
  });
}

/** Options of {@link weightsToRings}. */
export const WeightsToRingsOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Rings configured on the queue's bullseye (1..6). Default 6. */
    rings: z._default(
      z
        .number()
        .check(
          z.int('must be an integer'),
          z.gte(1, 'must be >= 1'),
          z.lte(MAX_RING_NUMBER, `must be <= ${MAX_RING_NUMBER}`),
        ),
      MAX_RING_NUMBER,
    ),
  }),
);

/** Options of {@link weightsToRings}. */
export interface WeightsToRingsOptions {
  /** Rings configured on the queue's bullseye (1..6). Default 6. */
  rings?: number | undefined;
}

/** A member's weight and the bullseye ring that expresses it. */
export interface WeightRing {
  /** Member (user) id. */
  memberId: string;
  /** The member's weight, as given. */
  weight: number;
  /** 1 = innermost ring, offered work first. */
  ringNumber: number;
  /** How it was mapped, in words. */
  reason: string;
}

/**
 * Maps weights onto bullseye ring numbers (1..`rings`, ring 1 innermost: its members are offered work first,
 * outer rings join as the queue's expansion timers fire). The band is relative to the largest weight:
 * `ring = 1 + floor((1 - weight / maxWeight) * rings)`, clamped to `rings`; so the largest weight is ring 1 and
 * weight 0 is the outermost ring. Apply with `PATCH /api/v2/routing/queues/{queueId}/members/{memberId}`
 * `{ ringNumber }`; it only has an effect when the queue uses bullseye routing.
 *
 * @throws ValidationError for negative or non-finite weights, duplicate members or a bad ring count.
 */
export function weightsToRings(
  memberWeights: readonly { memberId: string; weight: number }[],
  options: WeightsToRingsOptions = {},
): WeightRing[] {
  const parsed = parseInput(
    'weightsToRings',
    z.object({ memberWeights: MappingWeightsSchema, options: WeightsToRingsOptionsSchema }),
    { memberWeights, options },
  );
  const { rings } = parsed.options;
  const top = parsed.memberWeights.reduce((best, m) => Math.max(best, m.weight), 0);
  return parsed.memberWeights.map(({ memberId, weight }) => {
    const ratio = top > 0 ? weight / top : 0;
    const ringNumber = Math.min(rings, 1 + Math.floor((1 - ratio) * rings + 1e-9));
    return {
      memberId,
      weight,
      ringNumber,
      reason: `weight ${fmt(weight)} is ${fmt(ratio * 100)}% of the largest (${fmt(top)}) -> ring ${ringNumber} of ${rings}`,
    };
  });
}
