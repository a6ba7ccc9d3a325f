// Plain JSON data checks for values the planning functions compare or print verbatim (drift snapshots, reports).
// A NaN, a bigint, a Date or a cycle is not JSON: it would compare unequal to itself, crash JSON.stringify or
// recurse forever, so it is refused up front with the path of the offending value.
import { formatPath } from '../../errors/index.js';

/** Nesting deeper than this is refused (routing objects are a few levels deep; this keeps recursion bounded). */
export const MAX_JSON_DEPTH = 64;

/** The first place in `value` that is not plain JSON data, as `{ path, message }`; undefined when all is JSON. */
export function findNonJson(value: unknown, path: string, depth = 0): { path: string; message: string } | undefined {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined': // an absent field
      return undefined;
    case 'number':
      return Number.isFinite(value)
        ? undefined
        : { path, message: `must be a finite number (JSON has no ${String(value)})` };
    case 'bigint':
    case 'symbol':
    case 'function':
      return { path, message: `must be JSON data, received a ${typeof value}` };
  }
  if (value === null) return undefined;
  if (depth >= MAX_JSON_DEPTH) return { path, message: `nested deeper than ${MAX_JSON_DEPTH} levels (or a cycle)` };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonJson(value[i], `${path}[${i}]`, depth + 1);
      if (bad) return bad;
    }
    return undefined;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name;
    return {
      path,
      message: `must be plain JSON data, received ${typeof name === 'string' && name ? `a ${name}` : 'a class instance'}`,
    };
  }
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
    const bad = findNonJson(v, formatPath(path, [key]), depth + 1);
    if (bad) return bad;
  }
  return undefined;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when `s` has no lone surrogate (it can be UTF-8 encoded, put in a URL, sent to the platform). */
export function isWellFormed(s: string): boolean {
  return !LONE_SURROGATE.test(s);
}
