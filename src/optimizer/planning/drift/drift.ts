// Drift between two routing configurations (two orgs, or one org at two times): added / removed / changed items.
// The sections' schemas live in drift-schemas.ts, their keys and labels in drift-sections.ts, the field-by-field
// comparison in drift-compare.ts.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import { checkUniqueIds, compareValues, isVolatile, matchEntities, strip } from './drift-compare.js';
import {
  DRIFT_SECTIONS,
  DriftOptionsSchema,
  RoutingConfigSnapshotSchema,
  type DriftOptions,
  type DriftReport,
  type RoutingConfigSnapshot,
} from './drift-schemas.js';
import { sectionSpecs, type Entity } from './drift-sections.js';
import { findNonJson } from '../json-value.js';

export {
  DRIFT_SECTIONS,
  DriftEntitySchema,
  DriftMemberSchema,
  DriftUserSkillSchema,
  DriftUserLanguageSchema,
  DriftSkillGroupMemberSchema,
  DriftQueueWrapupCodeSchema,
  RoutingConfigSnapshotSchema,
  DriftOptionsSchema,
  DriftReportSchema,
  type RoutingConfigSnapshot,
  type DriftEntity,
  type DriftQueueItem,
  type DriftUserItem,
  type DriftSkillGroupItem,
  type DriftSection,
  type DriftOptions,
  type DriftReport,
  type DriftEntry,
  type DriftChange,
} from './drift-schemas.js';

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

/**
 * Compares two routing configurations and reports what `b` adds, removes and changes relative to `a`.
 *
 * Sections: queues, skills, queue members, user skills, routing languages, user languages, skill groups (with
 * their skill conditions), skill group members, wrap-up codes and the wrap-up codes each queue offers.
 *
 * Entities are matched by id first (queues, skills, languages, skill groups, wrap-up codes: `id`; entities inside
 * a parent: the parent's id + `id`, e.g. `queueId` + `id`, `userId` + `id`, `skillGroupId` + `id`), then the rest
 * by name (`name`; `queueName` + `name`; `userName` + `name`; `skillGroupName` + `name`) when the name is unique on
 * both sides: so two orgs with different ids still line up. Matched entities are compared field by field at any
 * depth; arrays of objects that all carry a unique `id` are matched by id, other arrays by position. Ignored:
 * identity fields, {@link VOLATILE_FIELDS}, any key ending in `Uri` (selfUri, skillUri…), any `date…` key
 * (dateModified, dateCreated…), and `options.ignoreFields`. Paths are JSONPath, e.g.
 * `$.queues[?(@.name=='Sales')].acwSettings.timeoutMs`. An absent section compares as empty.
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
    { a, b, options },
  );
  for (const side of ['a', 'b'] as const) {
    for (const section of DRIFT_SECTIONS) {
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

  for (const section of DRIFT_SECTIONS) {
    const spec = sectionSpecs()[section];
    const left = parsed.a[section] as Entity[];
    const right = parsed.b[section] as Entity[];
    checkUniqueIds(ctx, 'a', section, left, spec);
    checkUniqueIds(ctx, 'b', section, right, spec);
    const { pairs, onlyLeft, onlyRight } = matchEntities(left, right, spec);
    const identity = new Set(spec.identity);
    const skip = (key: string, depth: number): boolean =>
      isVolatile(key, ignored) || (depth === 0 && identity.has(key));
    const entry = (e: Entity) => {
      const by = spec.primary(e) !== undefined ? 'id' : 'name';
      return { section, label: spec.label(e), path: `$.${section}${spec.filter(e, by)}`, value: strip(e, skip, 0) };
    };
    for (const e of onlyLeft) report.removed.push(entry(e));
    for (const e of onlyRight) report.added.push(entry(e));
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
