// Routing languages (/api/v2/routing/languages: list, get, create, delete) and the languages users hold
// (/api/v2/users/{userId}/routinglanguages: list, add one, patch one, bulk patch of at most 50, remove one).
// Proficiency is a number 0..5, as for skills.
import { ApiError, notFound } from '../../respond/error-body.js';
import type { RequestContext } from '../../respond/context.js';
import type { RouteDef } from '../../pipeline/router.js';
import { adminState, type LanguageRecord } from '../../state/admin.js';
import { FieldErrors, asArray, asObject, requiredString } from '../../respond/validate.js';

/** Languages per bulk PATCH (documented by the platform). */
export const MAX_LANGUAGES_PER_BULK = 50;
const ASSIGN = { anyOf: ['routing:skill:assign', 'routing:language:assign'] };

function languageView(l: LanguageRecord) {
  return {
    id: l.id,
    name: l.name,
    dateModified: l.dateModified,
    state: l.state,
    version: String(l.version),
    selfUri: `/api/v2/routing/languages/${l.id}`,
  };
}

function userLanguageView(userId: string, l: LanguageRecord, proficiency: number) {
  return {
    id: l.id,
    name: l.name,
    proficiency,
    state: 'active',
    languageUri: `/api/v2/routing/languages/${l.id}`,
    selfUri: `/api/v2/users/${userId}/routinglanguages/${l.id}`,
  };
}

function requireUser(ctx: RequestContext): string {
  const userId = ctx.params['userId'] ?? '';
  if (!ctx.state.users.has(userId)) throw notFound(userId, 'user');
  return userId;
}

function activeLanguage(ctx: RequestContext, id: string): LanguageRecord | undefined {
  const l = adminState(ctx.state).languages.get(id);
  return l && l.state === 'active' ? l : undefined;
}

function heldBy(ctx: RequestContext, userId: string): Map<string, number> {
  const all = adminState(ctx.state).userLanguages;
  let held = all.get(userId);
  if (!held) {
    held = new Map();
    all.set(userId, held);
  }
  return held;
}

function userLanguages(ctx: RequestContext, userId: string) {
  return [...heldBy(ctx, userId)]
    .map(([id, p]) => [activeLanguage(ctx, id), p] as const)
    .filter((e): e is readonly [LanguageRecord, number] => e[0] !== undefined)
    .map(([l, p]) => userLanguageView(userId, l, p))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** Checks `{ id, proficiency }` at `prefix`; adds problems to `errors`. */
function languageItem(
  ctx: RequestContext,
  raw: unknown,
  prefix: string,
  errors: FieldErrors,
): { id: string; proficiency: number } | undefined {
  const item = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const id = requiredString(item, 'id', errors, prefix);
  const proficiency = item['proficiency'];
  if (typeof proficiency !== 'number' || !Number.isFinite(proficiency) || proficiency < 0 || proficiency > 5) {
    errors.add(`${prefix}proficiency`, `${prefix}proficiency must be a number from 0 to 5`);
    return undefined;
  }
  if (id === undefined) return undefined;
  if (!activeLanguage(ctx, id)) {
    errors.add(`${prefix}id`, `Language ${id} does not exist`, 'invalid.value', id);
    return undefined;
  }
  return { id, proficiency };
}

function auditUserLanguages(ctx: RequestContext, userId: string, action: string, changes: string[]): void {
  if (changes.length === 0) return;
  const user = ctx.state.users.get(userId);
  ctx.audit({
    action,
    entityType: 'UserLanguage',
    entity: { id: userId, ...(user ? { name: user.name } : {}) },
    propertyChanges: [{ property: 'languages', oldValues: [], newValues: changes }],
  });
}

export const routingLanguageRoutes: RouteDef[] = [
  {
    method: 'GET',
    path: '/api/v2/routing/languages',
    handle(ctx) {
      const name = ctx.queryValue('name')?.toLowerCase();
      const ids = new Set(ctx.queryList('id'));
      const descending = ctx.queryValue('sortOrder')?.toLowerCase().startsWith('desc') ?? false;
      const languages = [...adminState(ctx.state).languages.values()]
        .filter(
          (l) =>
            l.state === 'active' &&
            (!name || l.name.toLowerCase().startsWith(name)) &&
            (ids.size === 0 || ids.has(l.id)),
        )
        .sort((a, b) => (descending ? -1 : 1) * a.name.localeCompare(b.name));
      ctx.json(200, ctx.paging(languages, { map: languageView }));
    },
  },
  {
    method: 'GET',
    path: '/api/v2/routing/languages/{languageId}',
    handle(ctx) {
      const language = adminState(ctx.state).languages.get(ctx.params['languageId'] ?? '');
      if (!language) throw notFound(ctx.params['languageId'], 'language');
      ctx.json(200, languageView(language));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/routing/languages',
    permissions: { anyOf: ['routing:skill:manage'] },
    body: 'json',
    handle(ctx) {
      const errors = new FieldErrors();
      const name = requiredString(asObject(ctx.body), 'name', errors)?.trim();
      errors.throwIfAny();
      const admin = adminState(ctx.state);
      const existing = [...admin.languages.values()].find(
        (l) => l.state === 'active' && l.name.toLowerCase() === (name as string).toLowerCase(),
      );
      if (existing) {
        throw new ApiError(409, 'general.conflict', `A language named "${name}" already exists`, {
          entityId: existing.id,
          details: [{ errorCode: 'duplicate.value', fieldName: 'name', entityId: existing.id }],
        });
      }
      const language: LanguageRecord = {
        id: ctx.state.newId(),
        name: name as string,
        dateModified: ctx.state.nowIso(),
        state: 'active',
        version: 1,
      };
      admin.languages.set(language.id, language);
      ctx.audit({
        action: 'Create',
        entityType: 'RoutingLanguage',
        entity: { id: language.id, name: language.name },
        propertyChanges: [{ property: 'name', oldValues: [], newValues: [language.name] }],
      });
      ctx.json(200, languageView(language));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/routing/languages/{languageId}',
    permissions: { anyOf: ['routing:skill:manage'] },
    handle(ctx) {
      const language = activeLanguage(ctx, ctx.params['languageId'] ?? '');
      if (!language) throw notFound(ctx.params['languageId'], 'language');
      language.state = 'deleted';
      language.version++;
      for (const held of adminState(ctx.state).userLanguages.values()) held.delete(language.id);
      ctx.audit({ action: 'Delete', entityType: 'RoutingLanguage', entity: { id: language.id, name: language.name } });
      ctx.noContent();
    },
  },
  {
    method: 'GET',
    path: '/api/v2/users/{userId}/routinglanguages',
    handle(ctx) {
      const userId = requireUser(ctx);
      ctx.json(200, ctx.paging(userLanguages(ctx, userId)));
    },
  },
  {
    method: 'POST',
    path: '/api/v2/users/{userId}/routinglanguages',
    permissions: ASSIGN,
    body: 'json',
    handle(ctx) {
      const userId = requireUser(ctx);
      const errors = new FieldErrors();
      const item = languageItem(ctx, asObject(ctx.body), '', errors);
      errors.throwIfAny();
      const { id, proficiency } = item as { id: string; proficiency: number };
      heldBy(ctx, userId).set(id, proficiency);
      auditUserLanguages(ctx, userId, 'Add', [`${id}:${proficiency}`]);
      ctx.json(200, userLanguageView(userId, activeLanguage(ctx, id) as LanguageRecord, proficiency));
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/routinglanguages/bulk',
    permissions: ASSIGN,
    body: 'json',
    handle(ctx) {
      const userId = requireUser(ctx);
      const items = asArray(ctx.body);
      if (items.length > MAX_LANGUAGES_PER_BULK) {
        throw new ApiError(
          400,
          'bad.request',
          `A maximum of ${MAX_LANGUAGES_PER_BULK} languages may be sent per request (got ${items.length})`,
          {
            details: [{ errorCode: 'invalid.value', fieldName: 'body' }],
          },
        );
      }
      const errors = new FieldErrors();
      const parsed = items.map((raw, i) => languageItem(ctx, raw, `[${i}].`, errors));
      errors.throwIfAny();
      const held = heldBy(ctx, userId);
      const changes: string[] = [];
      for (const item of parsed as Array<{ id: string; proficiency: number }>) {
        if (held.get(item.id) !== item.proficiency) changes.push(`${item.id}:${item.proficiency}`);
        held.set(item.id, item.proficiency);
      }
      auditUserLanguages(ctx, userId, 'Update', changes);
      const all = userLanguages(ctx, userId);
      ctx.json(200, { entities: all, pageSize: all.length, pageNumber: 1, total: all.length, pageCount: 1 });
    },
  },
  {
    method: 'PATCH',
    path: '/api/v2/users/{userId}/routinglanguages/{languageId}',
    permissions: ASSIGN,
    body: 'json',
    handle(ctx) {
      const userId = requireUser(ctx);
      const languageId = ctx.params['languageId'] ?? '';
      const held = heldBy(ctx, userId);
      const language = activeLanguage(ctx, languageId);
      if (!language || !held.has(languageId)) throw notFound(languageId, 'user routing language');
      const errors = new FieldErrors();
      const proficiency = asObject(ctx.body)['proficiency'];
      if (typeof proficiency !== 'number' || !Number.isFinite(proficiency) || proficiency < 0 || proficiency > 5)
        errors.add('proficiency', 'proficiency must be a number from 0 to 5');
      errors.throwIfAny();
      held.set(languageId, proficiency as number);
      auditUserLanguages(ctx, userId, 'Update', [`${languageId}:${String(proficiency)}`]);
      ctx.json(200, userLanguageView(userId, language, proficiency as number));
    },
  },
  {
    method: 'DELETE',
    path: '/api/v2/users/{userId}/routinglanguages/{languageId}',
    permissions: ASSIGN,
    handle(ctx) {
      const userId = requireUser(ctx);
      const languageId = ctx.params['languageId'] ?? '';
      if (!heldBy(ctx, userId).delete(languageId)) throw notFound(languageId, 'user routing language');
      auditUserLanguages(ctx, userId, 'Remove', [languageId]);
      ctx.noContent();
    },
  },
];
