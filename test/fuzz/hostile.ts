// Hostile values and the mutation engine of the fuzz suite: a valid input has 0-3 of its values (leaves or whole
// subtrees, found by walking it) replaced by hostile ones, or a hostile own key added; the paths touched are
// recorded so the oracle can check that an error names one of them.
import fc from 'fast-check';

export type Segment = string | number;
export type Path = readonly Segment[];

/** Very deep nesting: recursion without a depth limit overflows the stack on this. */
function deep(levels: number, kind: 'array' | 'object'): unknown {
  let v: unknown = 'leaf';
  for (let i = 0; i < levels; i++) v = kind === 'array' ? [v] : { a: v };
  return v;
}

function cyclic(): unknown {
  const o: Record<string, unknown> = { id: 'c' };
  o.self = o;
  return o;
}

/** Factories, so objects are fresh per case (a function mutating its input cannot poison later cases). */
const POOL: ReadonlyArray<readonly [string, () => unknown]> = [
  ['NaN', () => Number.NaN],
  ['Infinity', () => Infinity],
  ['-Infinity', () => -Infinity],
  ['1e308', () => 1e308],
  ['-1e308', () => -1e308],
  ['1e-308', () => 1e-308],
  ['5e-324', () => Number.MIN_VALUE],
  ['-0', () => -0],
  ['0', () => 0],
  ['-1', () => -1],
  ['0.5', () => 0.5],
  ['2^53', () => 2 ** 53],
  ['-2^53', () => -(2 ** 53)],
  ['2^31', () => 2 ** 31],
  ['1e15', () => 1e15],
  ['""', () => ''],
  ['long string', () => 'x'.repeat(200_000)],
  ['lone high surrogate', () => 'u\ud800'],
  ['lone low surrogate', () => '\udc00x'],
  ['"__proto__"', () => '__proto__'],
  ['"constructor"', () => 'constructor'],
  ['controls', () => 'a\r\n\u001b[31mb\u0000\u202e'],
  ['"<script>"', () => '<script>alert(1)</script>'],
  ['"NaN"', () => 'NaN'],
  ['"1e308"', () => '1e308'],
  ['bigint', () => 10n ** 30n],
  ['1n', () => 1n],
  ['null', () => null],
  ['undefined', () => undefined],
  ['true', () => true],
  ['[]', () => []],
  ['[null]', () => [null]],
  ['[1, "a"]', () => [1, 'a']],
  ['{}', () => ({})],
  ['deep array', () => deep(20_000, 'array')],
  ['deep object', () => deep(20_000, 'object')],
  ['cycle', cyclic],
  ['Date', () => new Date(0)],
  ['function', () => () => 1],
  ['symbol', () => Symbol('s')],
  ['Map', () => new Map([['a', 1]])],
];

/** Extra own keys a JSON document can carry (JSON.parse creates `__proto__` as an own key). */
const KEYS = ['__proto__', 'constructor', 'toString', 'extra', ''];

export interface Mutation {
  /** Index into the list of paths of the input (modulo its length). */
  at: number;
  /** Index into the hostile pool (modulo its length). */
  value: number;
  /** Add a key (one of KEYS) to the object there instead of replacing the value. */
  addKey: number | null;
}

export const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  value: fc.nat(),
  addKey: fc.option(fc.nat(), { freq: 6 }),
});

/** 0 to 3 mutations, none about a fifth of the time (the unmodified input must work). */
export const mutationsArb: fc.Arbitrary<Mutation[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Mutation[]>([]) },
  { weight: 4, arbitrary: fc.array(mutationArb, { minLength: 1, maxLength: 3 }) },
);

export function poolSize(): number {
  return POOL.length;
}

export function hostile(index: number): { label: string; value: unknown } {
  const [label, make] = POOL[index % POOL.length]!;
  return { label, value: make() };
}

/** Plain objects and arrays are walked; bytes, Dates and the like are leaves (replaced whole). */
function isContainer(v: unknown): v is Record<string, unknown> | unknown[] {
  if (typeof v !== 'object' || v === null || ArrayBuffer.isView(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return Array.isArray(v) || proto === Object.prototype || proto === null;
}

/** Every path in a plain data tree (containers included, root excluded), depth-first, up to `limit`. */
export function pathsOf(root: unknown, limit = 400): Path[] {
  const out: Path[] = [];
  const walk = (v: unknown, path: Segment[], depth: number) => {
    if (!isContainer(v) || depth > 8) return;
    const entries: Array<[Segment, unknown]> = Array.isArray(v) ? v.map((x, i) => [i, x]) : Object.entries(v);
    for (const [k, child] of entries) {
      if (out.length >= limit) return;
      out.push([...path, k]);
      walk(child, [...path, k], depth + 1);
    }
  };
  walk(root, [], 0);
  return out;
}

function setOwn(target: Record<string, unknown> | unknown[], key: Segment, value: unknown): void {
  Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

/** Applies mutations to a deep copy of `args` (the argument list); returns the copy and the touched paths. */
export function mutate(
  args: readonly unknown[],
  mutations: readonly Mutation[],
): { args: unknown[]; touched: Array<{ path: Path; label: string }> } {
  const copy = structuredClone(args) as unknown[];
  const touched: Array<{ path: Path; label: string }> = [];
  for (const m of mutations) {
    const paths = pathsOf(copy);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    // Never mutate inside a value a previous mutation planted (it may be cyclic or 20,000 levels deep).
    if (touched.some((t) => t.path.length <= path.length && t.path.every((s, i) => s === path[i]))) continue;
    let parent: unknown = copy;
    for (const s of path.slice(0, -1)) parent = (parent as Record<Segment, unknown>)[s];
    const last = path[path.length - 1]!;
    const { label, value } = hostile(m.value);
    const here = (parent as Record<Segment, unknown>)[last];
    if (m.addKey !== null && isContainer(here) && !Array.isArray(here)) {
      const key = KEYS[m.addKey % KEYS.length]!;
      setOwn(here, key, value);
      touched.push({ path: [...path, key], label: `added key ${JSON.stringify(key)} = ${label}` });
    } else {
      setOwn(parent as Record<string, unknown>, last, value);
      touched.push({ path, label });
    }
  }
  return { args: copy, touched };
}
