// The analytics filter grammar shared by every query (`AnalyticsQueryFilter` in the official SDK purecloud-platform-client-v2): { type, predicates[], clauses[] },
// with typed dimension names per endpoint, a builder for the common "any of these ids" filter, and the
// structural schema the input checks use.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';

/** A range a metric or property value must fall in (bounds may be numbers or ISO durations/dates as text). */
export interface NumericRange {
  /** Greater than. */
  gt?: number | string;
  /** Greater than or equal. */
  gte?: number | string;
  /** Less than. */
  lt?: number | string;
  /** Less than or equal. */
  lte?: number | string;
}

/** One condition of an analytics filter: a dimension, property or metric compared with a value or range. */
export interface AnalyticsPredicate<D extends string = string> {
  /** Default `dimension`. */
  type?: 'dimension' | 'property' | 'metric';
  /** For `dimension` predicates: the dimension (e.g. `queueId`, `mediaType`). */
  dimension?: D | (string & {});
  /** For `property` predicates. */
  propertyType?: string;
  /** The property's name. */
  property?: string;
  /** For `metric` predicates. */
  metric?: string;
  /** Default `matches`. */
  operator?: 'matches' | 'exists' | 'notExists';
  /** The value to match (with `matches`). */
  value?: string;
  /** The range to match instead of `value`. */
  range?: NumericRange;
}

/** A group of predicates, all (`and`) or any (`or`) of which must hold. */
export interface AnalyticsClause<D extends string = string> {
  /** `and`: every predicate must hold; `or`: at least one. */
  type: 'and' | 'or';
  /** The clause's conditions. */
  predicates: AnalyticsPredicate<D>[];
}

/** A filter: predicates and clauses combined with `type` (clauses nest at most two levels). */
export interface AnalyticsFilter<D extends string = string> {
  /** `and`: every predicate and clause must hold; `or`: at least one. */
  type: 'and' | 'or';
  /** Top-level conditions. */
  predicates?: AnalyticsPredicate<D>[];
  /** Nested groups of conditions. */
  clauses?: AnalyticsClause<D>[];
}

/**
 * `dimension` matches any of `values`.
 *
 * @example
 * await analytics.aggregates.query({ interval, metrics: ['nOffered'], filter: anyOfFilter('queueId', [q1, q2]) });
 */
export function anyOfFilter<D extends string>(dimension: D, values: readonly string[]): AnalyticsFilter<D> {
  return {
    type: 'or',
    predicates: values.map((value) => ({ type: 'dimension', dimension, operator: 'matches', value })),
  };
}

/** Every predicate of a filter with its path (`filter.clauses[0].predicates[2]`), for name checks. */
export function predicatesOf(
  filter: AnalyticsFilter | undefined,
  path: string,
): Array<{ predicate: AnalyticsPredicate; path: string }> {
  if (!filter) return [];
  const out: Array<{ predicate: AnalyticsPredicate; path: string }> = [];
  (filter.predicates ?? []).forEach((predicate, i) => out.push({ predicate, path: `${path}.predicates[${i}]` }));
  (filter.clauses ?? []).forEach((clause, c) =>
    (clause.predicates ?? []).forEach((predicate, i) =>
      out.push({ predicate, path: `${path}.clauses[${c}].predicates[${i}]` }),
    ),
  );
  return out;
}

const bound = /* @__PURE__ */ lazySchema(() => z.optional(z.union([z.number(), z.string()])));
const predicate = /* @__PURE__ */ lazySchema(() =>
  z
    .looseObject({
      type: z.optional(z.enum(['dimension', 'property', 'metric'])),
      dimension: z.optional(z.string().check(z.minLength(1))),
      propertyType: z.optional(z.string()),
      property: z.optional(z.string()),
      metric: z.optional(z.string()),
      operator: z.optional(z.enum(['matches', 'exists', 'notExists'])),
      value: z.optional(z.string()),
      range: z.optional(z.looseObject({ gt: bound(), gte: bound(), lt: bound(), lte: bound() })),
    })
    .check(
      z.superRefine((p, ctx) => {
        if ((p.type ?? 'dimension') === 'dimension' && !p.dimension)
          ctx.addIssue({ code: 'custom', path: ['dimension'], message: 'is required for a dimension predicate' });
        if ((p.operator ?? 'matches') === 'matches' && p.value === undefined && p.range === undefined) {
          ctx.addIssue({ code: 'custom', path: ['value'], message: "is required (or range) for operator 'matches'" });
        }
      }),
    ),
);
const type = /* @__PURE__ */ lazySchema(() => z.enum(['and', 'or'], { message: "must be 'and' or 'or'" }));
const clause = /* @__PURE__ */ lazySchema(() =>
  z.looseObject({ type: type(), predicates: z.array(predicate()).check(z.minLength(1, 'must not be empty')) }),
);
export const AnalyticsFilterSchema = /* @__PURE__ */ lazySchema(() =>
  z
    .looseObject({ type: type(), predicates: z.optional(z.array(predicate())), clauses: z.optional(z.array(clause())) })
    .check(
      z.refine((f) => (f.predicates?.length ?? 0) + (f.clauses?.length ?? 0) > 0, {
        message: 'needs at least one predicate or clause',
      }),
    ),
);
