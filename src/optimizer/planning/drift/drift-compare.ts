// The comparison under diffRoutingConfig: match entities (by id, then by unique name), then compare matched
// entities field by field at any depth.
import { invalid } from '../../parse-input.js';
import type { DriftSection } from './drift-schemas.js';
import { type Entity, type SectionSpec, quote, str } from './drift-sections.js';
import { compareStrings } from '../schemas.js';

export function isVolatile(key: string, ignored: ReadonlySet<string>): boolean {
  return ignored.has(key) || key.endsWith('Uri') || /^date[A-Z]/.test(key);
}

export function checkUniqueIds(
  ctx: string,
  side: string,
  section: DriftSection,
  entities: readonly Entity[],
  spec: SectionSpec,
): void {
  const seen = new Set<string>();
  entities.forEach((e, i) => {
    const key = spec.primary(e);
    if (key === undefined) return;
    if (seen.has(key)) invalid(ctx, `${side}.${section}[${i}]`, `${spec.label(e)} is listed twice (same id)`);
    seen.add(key);
  });
}

interface Matched {
  pairs: { a: Entity; b: Entity; by: 'id' | 'name' }[];
  onlyLeft: Entity[];
  onlyRight: Entity[];
}

export function matchEntities(left: readonly Entity[], right: readonly Entity[], spec: SectionSpec): Matched {
  const pairs: Matched['pairs'] = [];
  const byId = new Map<string, Entity>();
  for (const e of left) {
    const k = spec.primary(e);
    if (k !== undefined) byId.set(k, e);
  }
  const usedLeft = new Set<Entity>();
  let restRight: Entity[] = [];
  for (const e of right) {
    const k = spec.primary(e);
    const match = k === undefined ? undefined : byId.get(k);
    if (match) {
      pairs.push({ a: match, b: e, by: 'id' });
      usedLeft.add(match);
    } else {
      restRight.push(e);
    }
  }
  let restLeft = left.filter((e) => !usedLeft.has(e));
  const countBy = (list: readonly Entity[]): Map<string, Entity[]> => {
    const m = new Map<string, Entity[]>();
    for (const e of list) {
      const k = spec.fallback(e);
      if (k !== undefined) m.set(k, [...(m.get(k) ?? []), e]);
    }
    return m;
  };
  const leftNames = countBy(restLeft);
  const rightNames = countBy(restRight);
  const pairedLeft = new Set<Entity>();
  const pairedRight = new Set<Entity>();
  for (const [name, rs] of rightNames) {
    const ls = leftNames.get(name);
    if (rs.length === 1 && ls?.length === 1 && rs[0] && ls[0]) {
      pairs.push({ a: ls[0], b: rs[0], by: 'name' });
      pairedLeft.add(ls[0]);
      pairedRight.add(rs[0]);
    }
  }
  restLeft = restLeft.filter((e) => !pairedLeft.has(e));
  restRight = restRight.filter((e) => !pairedRight.has(e));
  const order = (x: Entity, y: Entity): number => compareStrings(spec.label(x), spec.label(y));
  pairs.sort((x, y) => order(x.b, y.b));
  return { pairs, onlyLeft: restLeft.sort(order), onlyRight: restRight.sort(order) };
}

export type Skip = (key: string, depth: number) => boolean;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${quote(key)}]`;
}

export function strip(value: unknown, skip: Skip, depth: number): unknown {
  if (Array.isArray(value)) return value.map((v) => strip(v, skip, depth + 1));
  if (!isPlainObject(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!skip(k, depth)) out[k] = strip(v, skip, depth + 1);
  return out;
}

/** Arrays of objects that all have a unique string `id` on both sides are compared by id. */
function idKeyed(a: readonly unknown[], b: readonly unknown[]): Map<string, unknown>[] | undefined {
  const index = (list: readonly unknown[]): Map<string, unknown> | undefined => {
    const m = new Map<string, unknown>();
    for (const v of list) {
      const id = isPlainObject(v) ? str(v.id) : undefined;
      if (id === undefined || m.has(id)) return undefined;
      m.set(id, v);
    }
    return m;
  };
  if (a.length === 0 && b.length === 0) return undefined;
  const ia = index(a);
  const ib = index(b);
  return ia && ib ? [ia, ib] : undefined;
}

export function compareValues(
  a: unknown,
  b: unknown,
  path: string,
  depth: number,
  skip: Skip,
  emit: (path: string, before: unknown, after: unknown) => void,
): void {
  if (isPlainObject(a) && isPlainObject(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort(compareStrings);
    for (const k of keys) {
      if (skip(k, depth)) continue;
      // Own keys only: a key present on one side (`constructor`, `toString`) must not read the prototype's.
      compareValues(
        Object.hasOwn(a, k) ? a[k] : undefined,
        Object.hasOwn(b, k) ? b[k] : undefined,
        keyPath(path, k),
        depth + 1,
        skip,
        emit,
      );
    }
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const keyed = idKeyed(a, b);
    if (keyed) {
      const [ia, ib] = keyed as [Map<string, unknown>, Map<string, unknown>];
      const ids = [...new Set([...ia.keys(), ...ib.keys()])].sort(compareStrings);
      for (const id of ids)
        compareValues(ia.get(id), ib.get(id), `${path}[?(@.id==${quote(id)})]`, depth + 1, skip, emit);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      compareValues(a[i], b[i], `${path}[${i}]`, depth + 1, skip, emit);
    return;
  }
  if (a === b) return;
  emit(path, strip(a, skip, depth), strip(b, skip, depth));
}
