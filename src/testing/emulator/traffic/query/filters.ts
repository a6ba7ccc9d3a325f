// The analytics filter grammar: { type: and|or, predicates[], clauses[] } with predicates
// { type?: dimension, dimension, operator?: matches|exists|notExists, value }. Compiled once per request into
// a test over a record of dimension values; malformed filters become 400s naming the field.
import type { FieldErrors } from '../../respond/validate.js';

export type DimValues = Readonly<Record<string, string | readonly string[] | undefined>>;
export type Test = (dims: DimValues) => boolean;

const MAX_DEPTH = 3; // the filter itself + clauses nested two levels

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Compiles `raw` (undefined = match everything). `dimensionOk` says which dimensions this endpoint accepts;
 * `describe` names them in the error.
 */
export function compileFilter(
  raw: unknown,
  field: string,
  errors: FieldErrors,
  dimensionOk: (d: string) => boolean,
  describe: string,
): Test {
  if (raw === undefined || raw === null) return () => true;
  return compileNode(raw, field, errors, dimensionOk, describe, 1) ?? (() => true);
}

function compileNode(
  raw: unknown,
  field: string,
  errors: FieldErrors,
  ok: (d: string) => boolean,
  describe: string,
  depth: number,
): Test | undefined {
  if (!isObject(raw)) {
    errors.add(field, `${field} must be an object { type, predicates, clauses }`);
    return undefined;
  }
  const type = typeof raw['type'] === 'string' ? raw['type'].toLowerCase() : undefined;
  if (type !== 'and' && type !== 'or') {
    errors.add(
      `${field}.type`,
      `${field}.type must be 'and' or 'or'`,
      raw['type'] === undefined ? 'required' : 'invalid.value',
    );
    return undefined;
  }
  const tests: Test[] = [];
  const predicates = raw['predicates'];
  const clauses = raw['clauses'];
  if (predicates !== undefined && !Array.isArray(predicates))
    errors.add(`${field}.predicates`, `${field}.predicates must be an array`);
  if (clauses !== undefined && !Array.isArray(clauses))
    errors.add(`${field}.clauses`, `${field}.clauses must be an array`);
  if (Array.isArray(predicates)) {
    predicates.forEach((p, i) => {
      const t = compilePredicate(p, `${field}.predicates[${i}]`, errors, ok, describe);
      if (t) tests.push(t);
    });
  }
  if (Array.isArray(clauses)) {
    if (depth >= MAX_DEPTH && clauses.length > 0)
      errors.add(`${field}.clauses`, `${field}.clauses: clauses nest at most two levels`);
    else {
      clauses.forEach((c, i) => {
        const t = compileNode(c, `${field}.clauses[${i}]`, errors, ok, describe, depth + 1);
        if (t) tests.push(t);
      });
    }
  }
  const count = (Array.isArray(predicates) ? predicates.length : 0) + (Array.isArray(clauses) ? clauses.length : 0);
  const shapesOk =
    (predicates === undefined || Array.isArray(predicates)) && (clauses === undefined || Array.isArray(clauses));
  if (count === 0 && shapesOk) errors.add(field, `${field} must contain at least one predicate or clause`);
  return type === 'and' ? (d) => tests.every((t) => t(d)) : (d) => tests.some((t) => t(d));
}

function compilePredicate(
  raw: unknown,
  field: string,
  errors: FieldErrors,
  ok: (d: string) => boolean,
  describe: string,
): Test | undefined {
  if (!isObject(raw)) {
    errors.add(field, `${field} must be an object { dimension, operator, value }`);
    return undefined;
  }
  const type = raw['type'] ?? 'dimension';
  if (type !== 'dimension') {
    // Property and metric predicates exist on the platform; the emulator does not model them.
    errors.add(
      `${field}.type`,
      `${field}.type: '${String(type)}' predicates are not supported by the emulator (only 'dimension')`,
    );
    return undefined;
  }
  const dimension = raw['dimension'];
  if (typeof dimension !== 'string' || dimension === '') {
    errors.add(`${field}.dimension`, `${field}.dimension is required`, 'required');
    return undefined;
  }
  if (!ok(dimension)) {
    errors.add(`${field}.dimension`, `${field}.dimension: '${dimension}' is not a valid dimension here (${describe})`);
    return undefined;
  }
  const operator = raw['operator'] ?? 'matches';
  if (operator === 'exists') return (d) => d[dimension] !== undefined;
  if (operator === 'notExists') return (d) => d[dimension] === undefined;
  if (operator !== 'matches') {
    errors.add(`${field}.operator`, `${field}.operator must be matches, exists or notExists`);
    return undefined;
  }
  const value = raw['value'];
  if (typeof value !== 'string' || value === '') {
    errors.add(
      `${field}.value`,
      `${field}.value is required for operator 'matches'`,
      value === undefined ? 'required' : 'invalid.value',
    );
    return undefined;
  }
  return (d) => {
    const v = d[dimension];
    return Array.isArray(v) ? v.includes(value) : v === value;
  };
}

/** Values a filter names for `dimension` in `matches` predicates anywhere (e.g. the queue ids of an observation query). */
export function valuesOf(raw: unknown, dimension: string): string[] {
  const out: string[] = [];
  const visit = (node: unknown) => {
    if (!isObject(node)) return;
    for (const p of Array.isArray(node['predicates']) ? node['predicates'] : []) {
      if (
        isObject(p) &&
        p['dimension'] === dimension &&
        typeof p['value'] === 'string' &&
        (p['operator'] ?? 'matches') === 'matches'
      )
        out.push(p['value']);
    }
    for (const c of Array.isArray(node['clauses']) ? node['clauses'] : []) visit(c);
  };
  visit(raw);
  return [...new Set(out)];
}

/**
 * The values of `dimension` a record must have to pass a valid filter, or undefined when the filter does not
 * restrict it: an `or` restricts only when each of its members does, an `and` when one of them does. Lets a
 * query generate only the queues its filter can match.
 */
export function restrictionOf(raw: unknown, dimension: string): Set<string> | undefined {
  if (!isObject(raw)) return undefined;
  const members: Array<Set<string> | undefined> = [
    ...(Array.isArray(raw['predicates']) ? raw['predicates'] : []).map((p) => predicateRestriction(p, dimension)),
    ...(Array.isArray(raw['clauses']) ? raw['clauses'] : []).map((c) => restrictionOf(c, dimension)),
  ];
  const type = typeof raw['type'] === 'string' ? raw['type'].toLowerCase() : undefined;
  if (type === 'or') {
    if (members.length === 0 || members.some((m) => m === undefined)) return undefined;
    return new Set(members.flatMap((m) => [...(m as Set<string>)]));
  }
  if (type !== 'and') return undefined;
  const restricted = members.filter((m): m is Set<string> => m !== undefined);
  if (restricted.length === 0) return undefined;
  return restricted.reduce((a, b) => new Set([...a].filter((v) => b.has(v))));
}

function predicateRestriction(p: unknown, dimension: string): Set<string> | undefined {
  if (!isObject(p) || p['dimension'] !== dimension || (p['operator'] ?? 'matches') !== 'matches') return undefined;
  return typeof p['value'] === 'string' ? new Set([p['value']]) : undefined;
}
