// Input checks of the analytics methods. They collect every problem (naming the field, e.g. `metrics[2]`)
// and throw one ValidationError before any request is sent.
import { ValidationError, formatPath, type ValidationIssue } from '../../errors/index.js';
import type { SchemaLike } from '../../transport/operation.js';
import { AnalyticsFilterSchema, predicatesOf, type AnalyticsFilter } from './filters.js';
import { isTimeZone, parseIntervalString, parsePeriod, type IsoPeriod, type TimeRange } from './time.js';
import { safeParse } from '../../internal/parse.js';

/** `{ from, to }` dates or an ISO-8601 `start/end` string (e.g. `2024-05-01T00:00:00Z/2024-05-08T00:00:00Z`). */
export type AnalyticsInterval = string | { from: Date; to: Date };

export class Issues {
  readonly list: ValidationIssue[] = [];

  constructor(readonly context: string) {}

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  /** Runs a schema and records its issues under `path`. Returns the value when it parsed. */
  schema<T>(schema: SchemaLike<T>, value: unknown, path: string): T | undefined {
    const result = safeParse(schema, value);
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.add(formatPath(path, issue.path), issue.message);
    return undefined;
  }

  throwIfAny(): void {
    if (this.list.length > 0) throw new ValidationError(this.context, this.list);
  }
}

const isDate = (d: unknown): d is Date => d instanceof Date && Number.isFinite(d.getTime());

export function checkInterval(value: unknown, issues: Issues, path = 'interval'): TimeRange | undefined {
  if (typeof value === 'string') {
    const range = parseIntervalString(value);
    if (!range)
      issues.add(
        path,
        `must be an ISO-8601 "start/end" interval of instants with a zone (Z or +hh:mm), start before end (got ${JSON.stringify(value)})`,
      );
    return range;
  }
  if (typeof value === 'object' && value !== null) {
    const { from, to } = value as { from?: unknown; to?: unknown };
    if (!isDate(from)) issues.add(`${path}.from`, 'must be a valid Date');
    if (!isDate(to)) issues.add(`${path}.to`, 'must be a valid Date');
    if (!isDate(from) || !isDate(to)) return undefined;
    if (from.getTime() >= to.getTime()) {
      issues.add(path, 'start must be before end');
      return undefined;
    }
    return { from: from.getTime(), to: to.getTime() };
  }
  issues.add(
    path,
    value === undefined ? 'is required' : 'must be { from: Date, to: Date } or an ISO-8601 "start/end" string',
  );
  return undefined;
}

export function checkGranularity(value: unknown, issues: Issues): IsoPeriod | undefined {
  if (value === undefined) return undefined;
  const period = typeof value === 'string' ? parsePeriod(value) : undefined;
  if (!period)
    issues.add(
      'granularity',
      `must be an ISO-8601 period such as PT15M, PT30M, PT1H or P1D (got ${JSON.stringify(value)})`,
    );
  return period;
}

export function checkTimeZone(value: unknown, issues: Issues): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'string' && isTimeZone(value)) return value;
  issues.add('timeZone', `must be an IANA time zone name such as UTC or Europe/London (got ${JSON.stringify(value)})`);
  return undefined;
}

export interface NameRules {
  /** The known names. */
  known: readonly string[];
  /** What an unknown name must look like to be let through (the escape hatch); undefined = never. */
  unknownPattern: RegExp | undefined;
  /** e.g. `metric`, `dimension`. */
  kind: string;
}

/** Why `name` is not acceptable under `rules`, or undefined when it is. */
function nameProblem(name: unknown, rules: NameRules): string | undefined {
  if (typeof name !== 'string') return `must be a ${rules.kind} name`;
  if (rules.known.includes(name) || (rules.unknownPattern?.test(name) ?? false)) return undefined;
  const hatch = rules.unknownPattern
    ? ''
    : ` (pass allowUnknown${rules.kind === 'metric' ? 'Metrics' : 'Dimensions'}: true for names this SDK does not list yet)`;
  return `unknown ${rules.kind} "${name}"${rules.kind === 'media type' ? '' : hatch}`;
}

/** One name (e.g. a view's target metric). */
export function checkName(value: unknown, issues: Issues, path: string, rules: NameRules): void {
  const problem = nameProblem(value, rules);
  if (problem) issues.add(path, problem);
}

/** A list of names: each known (or matching the escape-hatch pattern), no duplicates. */
export function checkNames(
  value: unknown,
  issues: Issues,
  path: string,
  rules: NameRules,
  required: boolean,
): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || (required && value.length === 0)) {
    issues.add(path, `must be a non-empty array of ${rules.kind} names`);
    return [];
  }
  const seen = new Set<unknown>();
  value.forEach((name: unknown, i) => {
    const problem = seen.has(name) ? `duplicate ${rules.kind} "${String(name)}"` : nameProblem(name, rules);
    if (problem) issues.add(`${path}[${i}]`, problem);
    seen.add(name);
  });
  return value as string[];
}

/** Structure of a filter, and its dimension names against `dimensions` (undefined = any name). */
export function checkFilter(
  value: unknown,
  issues: Issues,
  path: string,
  dimensions?: NameRules,
): AnalyticsFilter | undefined {
  if (value === undefined) return undefined;
  const filter = issues.schema(AnalyticsFilterSchema(), value, path) as AnalyticsFilter | undefined;
  if (filter && dimensions) {
    for (const { predicate, path: at } of predicatesOf(filter, path)) {
      if (predicate.dimension !== undefined) checkName(predicate.dimension, issues, `${at}.dimension`, dimensions);
    }
  }
  return filter;
}

export function checkPositiveInt(value: unknown, issues: Issues, path: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    issues.add(path, `must be a positive integer (got ${JSON.stringify(value)})`);
    return undefined;
  }
  return value;
}

/** Non-empty list of non-empty string ids, deduplicated in order. */
export function checkIds(value: unknown, issues: Issues, path: string, required: boolean): string[] {
  if (value === undefined && !required) return [];
  if (!Array.isArray(value) || value.length === 0) {
    issues.add(path, 'must be a non-empty array of ids');
    return [];
  }
  value.forEach((id: unknown, i) => {
    if (typeof id !== 'string' || id.trim() === '') issues.add(`${path}[${i}]`, 'must be a non-empty string id');
  });
  return [...new Set(value.filter((id): id is string => typeof id === 'string'))];
}
