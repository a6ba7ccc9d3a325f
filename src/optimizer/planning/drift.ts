// Drift between two routing configurations (two orgs, or one org at two times): added / removed / changed items.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../validate.js';
import { findNonJson } from './json-value.js';
import { compareStrings } from './schemas.js';

const OptStr = /* @__PURE__ */ (() => z.optional(z.string().check(z.minLength(1))))();
const hasKey = (e: { id?: string | undefined; name?: string | undefined }): boolean =>
  e.id !== undefined || e.name !== undefined;

/** A queue or skill as the platform returns it; unknown fields are compared too. Needs `id` or `name`. */
export const DriftEntitySchema = /* @__PURE__ */ (() =>
  z.looseObject({ id: OptStr, name: OptStr }).check(z.refine(hasKey, 'needs an id or a name')))();

/** A queue member (`QueueMember` + the queue it belongs to). Needs (`queueId` or `queueName`) and (`id` or `name`). */
export const DriftMemberSchema = /* @__PURE__ */ (() =>
  z
    .looseObject({ queueId: OptStr, queueName: OptStr, id: OptStr, name: OptStr })
    .check(
      z.refine(
        (m) => (m.queueId !== undefined || m.queueName !== undefined) && hasKey(m),
        'needs queueId/queueName and id/name',
      ),
    ))();

/** A user's routing skill (`UserRoutingSkill`: `id` = skill id, `name` = skill name) + the user it belongs to. */
export const DriftUserSkillSchema = /* @__PURE__ */ (() =>
  z
    .looseObject({ userId: OptStr, userName: OptStr, id: OptStr, name: OptStr })
    .check(
      z.refine(
        (s) => (s.userId !== undefined || s.userName !== undefined) && hasKey(s),
        'needs userId/userName and id/name',
      ),
    ))();

/** A routing configuration snapshot; every section is optional (an absent section compares as empty). */
export const RoutingConfigSnapshotSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    queues: z._default(z.array(DriftEntitySchema), []),
    skills: z._default(z.array(DriftEntitySchema), []),
    members: z._default(z.array(DriftMemberSchema), []),
    userSkills: z._default(z.array(DriftUserSkillSchema), []),
  }))();

/** A routing configuration snapshot (input of {@link diffRoutingConfig}). */
export type RoutingConfigSnapshot = z.input<typeof RoutingConfigSnapshotSchema>;

/** The snapshot sections that are compared. */
export type DriftSection = 'queues' | 'skills' | 'members' | 'userSkills';

/** Options of {@link diffRoutingConfig}. */
export const DriftOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Extra field names to ignore at any depth (e.g. `division` across orgs, `joined`). */
    ignoreFields: z._default(z.array(z.string().check(z.minLength(1))), []),
  }))();

/** Options of {@link diffRoutingConfig}. */
export type DriftOptions = z.input<typeof DriftOptionsSchema>;

/** Volatile fields ignored at any depth, plus every key ending in `Uri` and every `date…` key. */
export const VOLATILE_FIELDS: readonly string[] = /* @__PURE__ */ Object.freeze([
  'version',
  'memberCount',
  'userMemberCount',
  'joinedMemberCount',
  'modifiedBy',
  'createdBy',
  'routingStatus',
  'presence',
]);

/** Report schema (so stored reports can be re-validated and formatted). */
export const DriftReportSchema = /* @__PURE__ */ (() =>
  z.object({
    identical: z.boolean(),
    summary: z.object({ added: z.number(), removed: z.number(), changed: z.number(), changedEntities: z.number() }),
    added: z.array(
      z.object({
        section: z.enum(['queues', 'skills', 'members', 'userSkills']),
        label: z.string(),
        path: z.string(),
        value: z.unknown(),
      }),
    ),
    removed: z.array(
      z.object({
        section: z.enum(['queues', 'skills', 'members', 'userSkills']),
        label: z.string(),
        path: z.string(),
        value: z.unknown(),
      }),
    ),
    changed: z.array(
      z.object({
        section: z.enum(['queues', 'skills', 'members', 'userSkills']),
        label: z.string(),
        path: z.string(),
        matchedBy: z.enum(['id', 'name']),
        before: z.optional(z.unknown()),
        after: z.optional(z.unknown()),
      }),
    ),
  }))();

/** The result of {@link diffRoutingConfig}. `added` = only in `b`; `removed` = only in `a`. */
export type DriftReport = z.output<typeof DriftReportSchema>;
/** An entity present on one side only. */
export type DriftEntry = DriftReport['added'][number];
/** One changed field of a matched entity; `before`/`after` absent = the field is absent on that side. */
export type DriftChange = DriftReport['changed'][number];

type Entity = Record<string, unknown>;

interface SectionSpec {
  primary(e: Entity): string | undefined;
  fallback(e: Entity): string | undefined;
  /** JSONPath filter selecting the entity, by id or by name. */
  filter(e: Entity, by: 'id' | 'name'): string;
  label(e: Entity): string;
  /** Identity fields: not compared (they differ across orgs when matched by name). */
  identity: readonly string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const q = (v: string): string => `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
const pair = (x: string | undefined, y: string | undefined): string | undefined =>
  x === undefined || y === undefined ? undefined : JSON.stringify([x, y]);

function simple(kind: string): SectionSpec {
  return {
    primary: (e) => str(e.id),
    fallback: (e) => str(e.name),
    filter: (e, by) => `[?(@.${by}==${q(str(e[by]) ?? '')})]`,
    label: (e) => `${kind} ${str(e.name) ?? str(e.id) ?? '?'}`,
    identity: ['id'],
  };
}

/** An entity inside a parent (a queue's member, a user's skill): keyed by parent and own id, or both names. */
function nested(kind: string, parent: 'queue' | 'user', identity: readonly string[]): SectionSpec {
  const [parentId, parentName] = [`${parent}Id`, `${parent}Name`] as const;
  return {
    primary: (e) => pair(str(e[parentId]), str(e.id)),
    fallback: (e) => pair(str(e[parentName]), str(e.name)),
    filter: (e, by) => {
      const parentKey = by === 'id' ? parentId : parentName;
      return `[?(@.${parentKey}==${q(str(e[parentKey]) ?? '')} && @.${by}==${q(str(e[by]) ?? '')})]`;
    },
    label: (e) =>
      `${kind} ${str(e.name) ?? str(e.id) ?? '?'} of ${parent} ${str(e[parentName]) ?? str(e[parentId]) ?? '?'}`,
    identity,
  };
}

// Built on first use: the optimizer entry loads this module whether or not drift is used.
let sections: Record<DriftSection, SectionSpec> | undefined;
function sectionSpecs(): Record<DriftSection, SectionSpec> {
  return (sections ??= {
    queues: simple('queue'),
    skills: simple('skill'),
    members: nested('member', 'queue', ['id', 'queueId', 'user']),
    userSkills: nested('skill', 'user', ['id', 'userId']),
  });
}

const SECTION_ORDER: readonly DriftSection[] = ['skills', 'queues', 'members', 'userSkills'];

/**
 * Compares two routing configurations and reports what `b` adds, removes and changes relative to `a`.
 *
 * Entities are matched by id first (queues/skills: `id`; members: `queueId` + `id`; user skills: `userId` +
 * `id`), then the rest by name (`name`; `queueName` + `name`; `userName` + `name`) when the name is unique on
 * both sides: so two orgs with different ids still line up. Matched entities are compared field by field at any
 * depth; arrays of objects that all carry a unique `id` are matched by id, other arrays by position. Ignored:
 * identity fields, {@link VOLATILE_FIELDS}, any key ending in `Uri` (selfUri, skillUri…), any `date…` key
 * (dateModified, dateCreated…), and `options.ignoreFields`. Paths are JSONPath, e.g.
 * `$.queues[?(@.name=='Sales')].acwSettings.timeoutMs`.
 *
 * @throws ValidationError for malformed snapshots (values must be plain JSON data: no NaN, bigint, Date or
 *   cycle, at most 64 levels deep) or an id listed twice in one section.
 */
export function diffRoutingConfig(
  a: RoutingConfigSnapshot,
  b: RoutingConfigSnapshot,
  options: DriftOptions = {},
): DriftReport {
  const ctx = 'diffRoutingConfig';
  const parsed = parseInput(
    ctx,
    z.object({ a: RoutingConfigSnapshotSchema, b: RoutingConfigSnapshotSchema, options: DriftOptionsSchema }),
    {
      a,
      b,
      options,
    },
  );
  for (const side of ['a', 'b'] as const) {
    for (const section of SECTION_ORDER) {
      (parsed[side][section] as Entity[]).forEach((e, i) => {
        // NaN, bigint, Date, cycles: not JSON, so not comparable (NaN !== NaN reported drift forever).
        const bad = findNonJson(e, `${side}.${section}[${i}]`);
        if (bad) invalid(ctx, bad.path, bad.message);
      });
    }
  }
  const ignored = new Set([...VOLATILE_FIELDS, ...parsed.options.ignoreFields]);
  const report: DriftReport = {
    identical: true,
    summary: { added: 0, removed: 0, changed: 0, changedEntities: 0 },
    added: [],
    removed: [],
    changed: [],
  };

  for (const section of SECTION_ORDER) {
    const spec = sectionSpecs()[section];
    const left = parsed.a[section] as Entity[];
    const right = parsed.b[section] as Entity[];
    checkUniqueIds(ctx, 'a', section, left, spec);
    checkUniqueIds(ctx, 'b', section, right, spec);
    const { pairs, onlyLeft, onlyRight } = matchEntities(left, right, spec);
    const identity = new Set(spec.identity);
    const skip = (key: string, depth: number): boolean =>
      isVolatile(key, ignored) || (depth === 0 && identity.has(key));

    for (const e of onlyLeft) {
      const by = spec.primary(e) !== undefined ? 'id' : 'name';
      report.removed.push({
        section,
        label: spec.label(e),
        path: `$.${section}${spec.filter(e, by)}`,
        value: strip(e, skip, 0),
      });
    }
    for (const e of onlyRight) {
      const by = spec.primary(e) !== undefined ? 'id' : 'name';
      report.added.push({
        section,
        label: spec.label(e),
        path: `$.${section}${spec.filter(e, by)}`,
        value: strip(e, skip, 0),
      });
    }
    for (const { a: ea, b: eb, by } of pairs) {
      const base = `$.${section}${spec.filter(eb, by)}`;
      const before = report.changed.length;
      compareValues(ea, eb, base, 0, skip, (path, va, vb) => {
        report.changed.push({
          section,
          label: spec.label(eb),
          path,
          matchedBy: by,
          ...(va === undefined ? {} : { before: va }),
          ...(vb === undefined ? {} : { after: vb }),
        });
      });
      if (report.changed.length > before) report.summary.changedEntities++;
    }
  }
  report.summary.added = report.added.length;
  report.summary.removed = report.removed.length;
  report.summary.changed = report.changed.length;
  report.identical = report.added.length + report.removed.length + report.changed.length === 0;
  return report;
}

function isVolatile(key: string, ignored: ReadonlySet<string>): boolean {
  return ignored.has(key) || key.endsWith('Uri') || /^date[A-Z]/.test(key);
}

function checkUniqueIds(
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

function matchEntities(left: readonly Entity[], right: readonly Entity[], spec: SectionSpec): Matched {
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

type Skip = (key: string, depth: number) => boolean;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${base}.${key}` : `${base}[${q(key)}]`;
}

function strip(value: unknown, skip: Skip, depth: number): unknown {
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

function compareValues(
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
      for (const id of ids) compareValues(ia.get(id), ib.get(id), `${path}[?(@.id==${q(id)})]`, depth + 1, skip, emit);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++)
      compareValues(a[i], b[i], `${path}[${i}]`, depth + 1, skip, emit);
    return;
  }
  if (a === b) return;
  emit(path, strip(a, skip, depth), strip(b, skip, depth));
}
