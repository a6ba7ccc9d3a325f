// /api/v2/users/{userId}/routingskills: list, bulk PATCH (add/update), bulk PUT (replace),
// and the single-skill POST/PUT/DELETE. Max 50 items per bulk call, proficiency 0..5.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import type { UserRecord } from '../../state/types.js';
import { FieldErrors, asArray, asObject } from '../../respond/validate.js';
import { userSkillView, userSkillsOf } from '../../respond/views.js';
import { requireUser } from './users.js';
import { LIMITS } from '../../../../limits.js';

/** Terraform chunks at 50 citing an API restriction (server limit unconfirmed). */
export const MAX_BULK_SKILLS: number = LIMITS.skillsPerBulkCall;
/** A user can hold at most 50 skills (Genesys help, "Assign skills to multiple users"). */
export const MAX_USER_SKILLS: number = LIMITS.skillsPerUser;
// The Genesys Cloud API documentation marks ALL only on the single-skill calls; the bulk calls list it as a plain (any-of) permission.
const ASSIGN = { allOf: ['routing:skill:assign'] };
const ASSIGN_BULK = { anyOf: ['routing:skill:assign'] };

function checkProficiency(value: unknown, field: string, errors: FieldErrors): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 5) {
    errors.add(
      field,
      `${field} must be a number between 0 and 5 (got ${JSON.stringify(value) ?? 'nothing'})`,
      value === undefined ? 'required' : 'invalid.value',
    );
    return false;
  }
  return true;
}

/** Validates `[{ id, proficiency }]`; unknown or deleted skill ids are 400 invalid.value naming `[i].id`. */
function parseBulk(ctx: RequestContext): Map<string, number> {
  const items = asArray(ctx.body);
  if (items.length > MAX_BULK_SKILLS) {
    throw new ApiError(
      400,
      'bad.request',
      `A maximum of ${MAX_BULK_SKILLS} skills may be sent per request (got ${items.length})`,
      {
        details: [{ errorCode: 'invalid.value', fieldName: 'body' }],
        messageParams: { max: String(MAX_BULK_SKILLS) },
      },
    );
  }
  const errors = new FieldErrors();
  const wanted = new Map<string, number>();
  items.forEach((raw, i) => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      return errors.add(`[${i}]`, `[${i}] must be an object { id, proficiency }`);
    const item = raw as Record<string, unknown>;
    const id = item['id'];
    let idOk = false;
    if (typeof id !== 'string' || id.length === 0) errors.add(`[${i}].id`, `[${i}].id is required`, 'required');
    else if (!ctx.state.activeSkill(id))
      errors.add(`[${i}].id`, `[${i}].id: skill ${id} was not found`, 'invalid.value', id);
    else idOk = true;
    if (checkProficiency(item['proficiency'], `[${i}].proficiency`, errors) && idOk)
      wanted.set(id as string, item['proficiency']);
  });
  errors.throwIfAny();
  return wanted;
}

const describe = (ctx: RequestContext, skills: Map<string, number>): string[] =>
  [...skills].map(([id, proficiency]) =>
    JSON.stringify({ id, name: ctx.state.skills.get(id)?.name ?? id, proficiency }),
  );

/**
 * Applies a change and audits it (entityType 'User', action 'Update', property 'skills' with the full
 * before/after sets). The entityType the platform really uses for this is unconfirmed. No-ops are not audited.
 */
function applySkills(ctx: RequestContext, user: UserRecord, next: Map<string, number>): void {
  const current = ctx.state.skillsOf(user.id);
  // Refused whole: nothing of the request is applied (the exact platform message is unconfirmed).
  if (next.size > MAX_USER_SKILLS && next.size > current.size) {
    throw new ApiError(
      400,
      'bad.request',
      `A user may have a maximum of ${MAX_USER_SKILLS} skills assigned (the request would assign ${next.size})`,
      {
        details: [{ errorCode: 'invalid.value', fieldName: 'skills', entityId: user.id, entityName: user.name }],
        messageParams: { max: String(MAX_USER_SKILLS) },
      },
    );
  }
  const before = new Map(current);
  const changed = before.size !== next.size || [...next].some(([id, p]) => before.get(id) !== p);
  if (!changed) return;
  current.clear();
  for (const [id, p] of next) current.set(id, p);
  ctx.audit({
    action: 'Update',
    entityType: 'User',
    entity: { id: user.id, name: user.name },
    propertyChanges: [{ property: 'skills', oldValues: describe(ctx, before), newValues: describe(ctx, next) }],
  });
}

function fullListing(ctx: RequestContext, user: UserRecord) {
  const entities = userSkillsOf(ctx.state, user.id);
  const size = Math.max(1, entities.length);
  const uri = `/api/v2/users/${user.id}/routingskills?pageSize=${size}&pageNumber=1`;
  return {
    entities,
    pageSize: size,
    pageNumber: 1,
    total: entities.length,
    firstUri: uri,
    selfUri: uri,
    lastUri: uri,
    pageCount: 1,
  };
}

function requireHeldSkill(ctx: RequestContext, user: UserRecord): string {
  const skillId = ctx.params['skillId'] ?? '';
  if (!ctx.state.skillsOf(user.id).has(skillId) || !ctx.state.activeSkill(skillId))
    throw notFound(skillId, 'user routing skill');
  return skillId;
}

export const userSkillRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/users/{userId}/routingskills',
    handle(ctx) {
      const user = requireUser(ctx);
      const order = ctx.queryEnum('sortOrder', ['ascending', 'descending'] as const, 'ascending');
      const skills = userSkillsOf(ctx.state, user.id);
      if (order === 'descending') skills.reverse();
      ctx.json(200, ctx.paging(skills));
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/routingskills/bulk',
    permissions: ASSIGN_BULK,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const next = new Map(ctx.state.skillsOf(user.id));
      for (const [id, p] of parseBulk(ctx)) next.set(id, p);
      applySkills(ctx, user, next);
      ctx.json(200, fullListing(ctx, user));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/users/{userId}/routingskills/bulk',
    permissions: ASSIGN_BULK,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      applySkills(ctx, user, parseBulk(ctx));
      ctx.json(200, fullListing(ctx, user));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/users/{userId}/routingskills',
    permissions: ASSIGN,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const body = asObject(ctx.body);
      ctx.body = [body];
      const [[id, p]] = [...parseBulk(ctx)] as [[string, number]];
      const next = new Map(ctx.state.skillsOf(user.id)).set(id, p);
      applySkills(ctx, user, next);
      ctx.json(200, userSkillView(ctx.state, user.id, id, p));
    },
  },
  {
    method: 'PUT',
    path: '/api/v2/users/{userId}/routingskills/{skillId}',
    permissions: ASSIGN,
    body: 'json',
    handle(ctx) {
      const user = requireUser(ctx);
      const skillId = requireHeldSkill(ctx, user);
      const body = asObject(ctx.body);
      const errors = new FieldErrors();
      checkProficiency(body['proficiency'], 'proficiency', errors);
      errors.throwIfAny();
      const p = body['proficiency'] as number;
      applySkills(ctx, user, new Map(ctx.state.skillsOf(user.id)).set(skillId, p));
      ctx.json(200, userSkillView(ctx.state, user.id, skillId, p));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/users/{userId}/routingskills/{skillId}',
    permissions: ASSIGN,
    handle(ctx) {
      const user = requireUser(ctx);
      const skillId = requireHeldSkill(ctx, user);
      const next = new Map(ctx.state.skillsOf(user.id));
      next.delete(skillId);
      applySkills(ctx, user, next);
      ctx.noContent();
    },
  },
];
