// Skill groups (/api/v2/routing/skillgroups, after/before cursor paging): list, get, create, patch, delete,
// members (the active users meeting the group's skill conditions, in its member divisions) and member
// divisions (GET, and POST add/remove). A condition holds when its skill and language comparisons hold,
// combined by its `operation`, and every child condition holds; a user is a member when every top-level
// condition holds.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { adminState, languageOf, type SkillConditionRecord } from '../../state/admin.js';
import type { OrgState } from '../../state/org.js';
import type { SkillGroupRecord } from '../../state/types.js';
import { FieldErrors, asObject, requiredString } from '../../respond/validate.js';
import { divisionRef } from '../../respond/views.js';

const VIEW = { anyOf: ['routing:skillGroup:view'] };
const COMPARATORS = ['GreaterThan', 'LessThan', 'EqualTo', 'NotEqualTo', 'GreaterThanOrEqualTo', 'LessThanOrEqualTo'];

function compare(held: number | undefined, comparator: string, wanted: number): boolean {
  if (held === undefined) return comparator === 'NotEqualTo';
  switch (comparator) {
    case 'GreaterThan':
      return held > wanted;
    case 'LessThan':
      return held < wanted;
    case 'EqualTo':
      return held === wanted;
    case 'NotEqualTo':
      return held !== wanted;
    case 'GreaterThanOrEqualTo':
      return held >= wanted;
    default:
      return held <= wanted;
  }
}

/** The group's conditions as the platform shows them (seeded groups: skill at >= proficiency). */
function conditionsOf(state: OrgState, g: SkillGroupRecord): SkillConditionRecord[] {
  const stored = adminState(state).skillGroupConditions.get(g.id);
  if (stored) return stored;
  return [
    {
      routingSkillConditions: g.conditions.map((c) => ({
        routingSkill: state.skills.get(c.skillId)?.name ?? c.skillId,
        comparator: 'GreaterThanOrEqualTo',
        proficiency: c.minProficiency,
        childConditions: [],
      })),
      languageSkillConditions: [],
      operation: 'And',
    },
  ];
}

function holds(state: OrgState, userId: string, c: SkillConditionRecord): boolean {
  const skillId = (name: string) => state.findSkillByName(name)?.id;
  const languageId = (name: string) =>
    [...adminState(state).languages.values()].find(
      (l) => l.state === 'active' && l.name.toLowerCase() === name.toLowerCase(),
    )?.id;
  const results = [
    ...c.routingSkillConditions.map((r) => {
      const id = skillId(r.routingSkill);
      return (
        compare(id === undefined ? undefined : state.userSkills.get(userId)?.get(id), r.comparator, r.proficiency) &&
        (r.childConditions ?? []).every((child) => holds(state, userId, child))
      );
    }),
    ...c.languageSkillConditions.map((l) => {
      const id = languageId(l.languageSkill);
      return (
        compare(id === undefined ? undefined : languageOf(state, userId, id), l.comparator, l.proficiency) &&
        (l.childConditions ?? []).every((child) => holds(state, userId, child))
      );
    }),
  ];
  if (results.length === 0) return false;
  return c.operation === 'Or' ? results.some(Boolean) : results.every(Boolean);
}

function membersOf(state: OrgState, g: SkillGroupRecord): Array<{ id: string; name: string }> {
  const divisions = adminState(state).skillGroupMemberDivisions.get(g.id);
  const conditions = conditionsOf(state, g);
  return [...state.users.values()]
    .filter((u) => u.state === 'active' && (!divisions || divisions.has('*') || divisions.has(u.divisionId)))
    .filter((u) => conditions.length > 0 && conditions.every((c) => holds(state, u.id, c)))
    .map((u) => ({ id: u.id, name: u.name }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

function view(state: OrgState, g: SkillGroupRecord) {
  return {
    id: g.id,
    name: g.name,
    division: divisionRef(state, g.divisionId),
    description: g.description,
    memberCount: membersOf(state, g).length,
    dateModified: g.dateModified,
    dateCreated: g.dateCreated,
    status: 'Complete',
    skillConditions: structuredClone(conditionsOf(state, g)),
    selfUri: `/api/v2/routing/skillgroups/${g.id}`,
  };
}

function requireGroup(ctx: RequestContext): SkillGroupRecord {
  const group = ctx.state.skillGroups.get(ctx.params['skillGroupId'] ?? '');
  if (!group) throw notFound(ctx.params['skillGroupId'], 'skill group');
  return group;
}

/** Validates `skillConditions` (skills and languages by existing name, comparator, proficiency 0..5). */
function parseConditions(ctx: RequestContext, raw: unknown, path: string, errors: FieldErrors): SkillConditionRecord[] {
  if (!Array.isArray(raw)) {
    errors.add(path, `${path} must be an array of conditions`, raw === undefined ? 'required' : 'invalid.value');
    return [];
  }
  return raw.map((c: Record<string, unknown>, i) => {
    const at = `${path}[${i}]`;
    const operation = c?.['operation'] ?? 'And';
    if (operation !== 'And' && operation !== 'Or') errors.add(`${at}.operation`, `${at}.operation must be And or Or`);
    const leaves = (
      key: 'routingSkillConditions' | 'languageSkillConditions',
      nameKey: 'routingSkill' | 'languageSkill',
      exists: (n: string) => boolean,
    ) =>
      (Array.isArray(c?.[key]) ? (c[key] as Array<Record<string, unknown>>) : []).map((leaf, j) => {
        const lp = `${at}.${key}[${j}]`;
        const name = leaf?.[nameKey];
        if (typeof name !== 'string' || !exists(name))
          errors.add(`${lp}.${nameKey}`, `${lp}.${nameKey} ${String(name)} does not exist`);
        if (typeof leaf?.['comparator'] !== 'string' || !COMPARATORS.includes(leaf['comparator']))
          errors.add(`${lp}.comparator`, `${lp}.comparator must be one of ${COMPARATORS.join(', ')}`);
        const p = leaf?.['proficiency'];
        if (typeof p !== 'number' || !Number.isFinite(p) || p < 0 || p > 5)
          errors.add(`${lp}.proficiency`, `${lp}.proficiency must be a number from 0 to 5`);
        const children =
          leaf?.['childConditions'] === undefined
            ? []
            : parseConditions(ctx, leaf['childConditions'], `${lp}.childConditions`, errors);
        return {
          [nameKey]: name as string,
          comparator: leaf?.['comparator'] as string,
          proficiency: p as number,
          childConditions: children,
        };
      });
    const languages = adminState(ctx.state).languages;
    return {
      routingSkillConditions: leaves(
        'routingSkillConditions',
        'routingSkill',
        (n) => ctx.state.findSkillByName(n) !== undefined,
      ),
      languageSkillConditions: leaves('languageSkillConditions', 'languageSkill', (n) =>
        [...languages.values()].some((l) => l.state === 'active' && l.name.toLowerCase() === n.toLowerCase()),
      ),
      operation: operation as 'And' | 'Or',
    } as SkillConditionRecord;
  });
}

function uniqueName(ctx: RequestContext, name: string, selfId?: string): void {
  const clash = [...ctx.state.skillGroups.values()].find(
    (g) => g.id !== selfId && g.name.toLowerCase() === name.toLowerCase(),
  );
  if (clash)
    throw new ApiError(409, 'general.conflict', `A skill group named "${name}" already exists`, {
      entityId: clash.id,
      details: [{ errorCode: 'duplicate.value', fieldName: 'name', entityId: clash.id }],
    });
}

export const skillGroupRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups',
    permissions: VIEW,
    handle(ctx) {
      const name = ctx.queryValue('name')?.toLowerCase();
      const groups = [...ctx.state.skillGroups.values()]
        .filter((g) => !name || g.name.toLowerCase().startsWith(name))
        .sort((a, b) => a.name.localeCompare(b.name));
      ctx.json(200, ctx.cursorPaging(groups, { maxPageSize: 100, map: (g) => view(ctx.state, g) }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups/{skillGroupId}',
    permissions: VIEW,
    handle: (ctx) => ctx.json(200, view(ctx.state, requireGroup(ctx))),
  },
  {
    method: 'POST',
    path: '/api/v2/routing/skillgroups',
    permissions: { anyOf: ['routing:skillGroup:add'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const name = requiredString(body, 'name', errors)?.trim();
      const conditions = parseConditions(ctx, body['skillConditions'], 'skillConditions', errors);
      const memberDivisions = body['memberDivisions'];
      if (
        memberDivisions !== undefined &&
        (!Array.isArray(memberDivisions) ||
          memberDivisions.some((d) => d !== '*' && !ctx.state.divisions.has(d as string)))
      ) {
        errors.add('memberDivisions', 'memberDivisions must list known division ids (or *)');
      }
      errors.throwIfAny();
      uniqueName(ctx, name as string);
      const now = ctx.state.nowIso();
      const divisionId = (body['division'] as { id?: string } | undefined)?.id;
      const group: SkillGroupRecord = {
        id: ctx.state.newId(),
        name: name as string,
        divisionId: divisionId && ctx.state.divisions.has(divisionId) ? divisionId : ctx.state.homeDivision.id,
        description: typeof body['description'] === 'string' ? body['description'] : '',
        dateCreated: now,
        dateModified: now,
        conditions: [],
      };
      ctx.state.skillGroups.set(group.id, group);
      const admin = adminState(ctx.state);
      admin.skillGroupConditions.set(group.id, conditions);
      if (Array.isArray(memberDivisions))
        admin.skillGroupMemberDivisions.set(group.id, new Set(memberDivisions as string[]));
      ctx.audit({ action: 'Create', entityType: 'SkillGroup', entity: { id: group.id, name: group.name } });
      ctx.json(200, { ...view(ctx.state, group), ...(Array.isArray(memberDivisions) ? { memberDivisions } : {}) });
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/routing/skillgroups/{skillGroupId}',
    permissions: { anyOf: ['routing:skillGroup:edit'] },
    body: 'json',
    handle(ctx) {
      const group = requireGroup(ctx);
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const name = body['name'] === undefined ? undefined : requiredString(body, 'name', errors)?.trim();
      const conditions =
        body['skillConditions'] === undefined
          ? undefined
          : parseConditions(ctx, body['skillConditions'], 'skillConditions', errors);
      errors.throwIfAny();
      if (name !== undefined) {
        uniqueName(ctx, name, group.id);
        group.name = name;
      }
      if (typeof body['description'] === 'string') group.description = body['description'];
      if (conditions) adminState(ctx.state).skillGroupConditions.set(group.id, conditions);
      group.dateModified = ctx.state.nowIso();
      ctx.audit({ action: 'Update', entityType: 'SkillGroup', entity: { id: group.id, name: group.name } });
      ctx.json(200, view(ctx.state, group));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/skillgroups/{skillGroupId}',
    permissions: { anyOf: ['routing:skillGroup:delete'] },
    handle(ctx) {
      const group = requireGroup(ctx);
      ctx.state.skillGroups.delete(group.id);
      ctx.audit({ action: 'Delete', entityType: 'SkillGroup', entity: { id: group.id, name: group.name } });
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups/{skillGroupId}/members',
    permissions: VIEW,
    handle(ctx) {
      const group = requireGroup(ctx);
      ctx.json(
        200,
        ctx.cursorPaging(membersOf(ctx.state, group), {
          maxPageSize: 100,
          map: (m) => ({ ...m, selfUri: `/api/v2/users/${m.id}` }),
        }),
      );
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
    permissions: VIEW,
    handle(ctx) {
      const group = requireGroup(ctx);
      const divisions = adminState(ctx.state).skillGroupMemberDivisions.get(group.id);
      const ids = !divisions || divisions.has('*') ? [...ctx.state.divisions.keys()] : [...divisions];
      ctx.json(200, { entities: ids.map((id) => divisionRef(ctx.state, id)) });
    },
  },
  {
    method: 'POST',
    path: '/api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
    permissions: { anyOf: ['routing:skillGroup:edit'] },
    body: 'json',
    handle(ctx) {
      const group = requireGroup(ctx);
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const list = (key: 'addDivisionIds' | 'removeDivisionIds'): string[] => {
        const v = body[key] ?? [];
        if (!Array.isArray(v) || v.some((d) => d !== '*' && !ctx.state.divisions.has(d as string))) {
          errors.add(key, `${key} must list known division ids (or *)`);
          return [];
        }
        return v as string[];
      };
      const add = list('addDivisionIds');
      const remove = list('removeDivisionIds');
      errors.throwIfAny();
      const all = adminState(ctx.state).skillGroupMemberDivisions;
      const current = all.get(group.id) ?? new Set(ctx.state.divisions.keys());
      for (const id of add) current.add(id);
      for (const id of remove) current.delete(id);
      all.set(group.id, current);
      ctx.audit({
        action: 'Update',
        entityType: 'SkillGroup',
        entity: { id: group.id, name: group.name },
        propertyChanges: [{ property: 'memberDivisions', oldValues: remove, newValues: add }],
      });
      ctx.noContent(202);
    },
  },
];
