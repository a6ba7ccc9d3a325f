// /api/v2/routing/skills: list, get, create, move division, delete. There is no rename (none in the official SDK purecloud-platform-client-v2).
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RouteDef } from '../../pipeline/router.js';
import { FieldErrors, asObject, requiredString } from '../../respond/validate.js';
import { skillView } from '../../respond/views.js';

export const routingSkillRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/skills',
    // The platform enforces this only for division-scoped skills; every emulator skill has a division.
    permissions: { anyOf: ['routing:skill:view'] },
    handle(ctx) {
      const prefix = ctx.queryValue('name')?.toLowerCase();
      const ids = new Set(ctx.queryList('id'));
      const skills = [...ctx.state.skills.values()]
        .filter((s) => s.state !== 'deleted')
        .filter((s) => !prefix || s.name.toLowerCase().startsWith(prefix))
        .filter((s) => ids.size === 0 || ids.has(s.id))
        .sort((a, b) => a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(skills, { map: (s) => skillView(ctx.state, s) }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/skills/{skillId}',
    permissions: { anyOf: ['routing:skill:view'] },
    handle(ctx) {
      const skill = ctx.state.skills.get(ctx.params['skillId'] ?? '');
      if (!skill) throw notFound(ctx.params['skillId'], 'skill');
      // Soft-deleted skills stay readable with state 'deleted', like the platform's state enum suggests.
      ctx.json(200, skillView(ctx.state, skill));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/routing/skills',
    permissions: { anyOf: ['routing:skill:manage', 'routing:skill:create'] },
    body: 'json',
    handle(ctx) {
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const name = requiredString(body, 'name', errors);
      const divisionId = body['divisionId'];
      if (divisionId !== undefined && (typeof divisionId !== 'string' || !ctx.state.divisions.has(divisionId))) {
        errors.add('divisionId', `divisionId ${String(divisionId)} is not a known division`);
      }
      errors.throwIfAny();
      const trimmed = (name as string).trim();
      // Safe reading of an unconfirmed behaviour: never create a second active skill with the same name.
      const existing = ctx.state.findSkillByName(trimmed);
      if (existing) {
        throw new ApiError(409, 'general.conflict', `A skill named "${trimmed}" already exists`, {
          entityId: existing.id,
          entityName: existing.name,
          details: [{ errorCode: 'duplicate.value', fieldName: 'name', entityId: existing.id }],
        });
      }
      const skill = ctx.state.addSkill({ name: trimmed, ...(typeof divisionId === 'string' ? { divisionId } : {}) });
      ctx.audit({
        action: 'Create',
        entityType: 'RoutingSkill',
        entity: { id: skill.id, name: skill.name },
        propertyChanges: [{ property: 'name', oldValues: [], newValues: [skill.name] }],
      });
      ctx.json(200, skillView(ctx.state, skill));
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/routing/skills/{skillId}',
    permissions: { anyOf: ['routing:skill:update'] },
    body: 'json',
    handle(ctx) {
      const skill = ctx.state.activeSkill(ctx.params['skillId'] ?? '');
      if (!skill) throw notFound(ctx.params['skillId'], 'skill');
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      const divisionId = requiredString(body, 'divisionId', errors);
      if (divisionId !== undefined && !ctx.state.divisions.has(divisionId))
        errors.add('divisionId', `divisionId ${divisionId} is not a known division`);
      errors.throwIfAny();
      const old = skill.divisionId;
      if (old !== divisionId) {
        skill.divisionId = divisionId as string;
        skill.version += 1;
        skill.dateModified = ctx.state.nowIso();
        ctx.audit({
          action: 'Update',
          entityType: 'RoutingSkill',
          entity: { id: skill.id, name: skill.name },
          propertyChanges: [{ property: 'division', oldValues: [old], newValues: [skill.divisionId] }],
        });
      }
      ctx.json(200, skillView(ctx.state, skill));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/skills/{skillId}',
    permissions: { anyOf: ['routing:skill:manage', 'routing:skill:delete'] },
    handle(ctx) {
      const skill = ctx.state.activeSkill(ctx.params['skillId'] ?? '');
      if (!skill) throw notFound(ctx.params['skillId'], 'skill');
      ctx.state.deleteSkill(skill.id);
      ctx.audit({
        action: 'Delete',
        entityType: 'RoutingSkill',
        entity: { id: skill.id, name: skill.name },
        propertyChanges: [{ property: 'state', oldValues: ['active'], newValues: ['deleted'] }],
      });
      ctx.noContent();
    },
  },
];
