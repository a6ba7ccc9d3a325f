// Routing languages (GET/POST /api/v2/routing/languages, GET/DELETE …/{languageId}) and the languages a user
// holds (/api/v2/users/{userId}/routinglanguages: list, add one, change one, bulk patch of at most 50 per call,
// remove one). A language works like a skill: agents hold it with a proficiency 0–5, conversations request it.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import { LIMITS } from '../../limits.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import {
  LanguageSchema,
  UserRoutingLanguageSchema,
  type Language,
  type UserRoutingLanguage,
} from '../schemas/admin.js';
import { entityListing, type EntityListing } from '../schemas/common.js';
import { chunk, parseArgs, requireId } from '../validate.js';
import { proficiencyItemSchema, uniqueItemsSchema } from './proficiency-items.js';

const listOp: Operation = {
  id: 'routing.languages.list',
  method: 'GET',
  path: '/api/v2/routing/languages',
  schema: lazySchema(() => entityListing(LanguageSchema())),
};
const getOp: Operation<Language> = {
  id: 'routing.languages.get',
  method: 'GET',
  path: '/api/v2/routing/languages/{languageId}',
  schema: LanguageSchema,
};
const createOp: Operation<Language> = {
  id: 'routing.languages.create',
  method: 'POST',
  path: '/api/v2/routing/languages',
  schema: LanguageSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.languages.delete',
  method: 'DELETE',
  path: '/api/v2/routing/languages/{languageId}',
};

const userListing = /* @__PURE__ */ lazySchema(() => entityListing(UserRoutingLanguageSchema()));
const userListOp: Operation = {
  id: 'routing.userLanguages.list',
  method: 'GET',
  path: '/api/v2/users/{userId}/routinglanguages',
  schema: userListing,
};
const userAddOp: Operation<UserRoutingLanguage> = {
  id: 'routing.userLanguages.add',
  method: 'POST',
  path: '/api/v2/users/{userId}/routinglanguages',
  schema: UserRoutingLanguageSchema,
};
// Both state the desired proficiency: repeating them is harmless.
const userSetOp: Operation<UserRoutingLanguage> = {
  id: 'routing.userLanguages.setProficiency',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/routinglanguages/{languageId}',
  idempotent: true,
  schema: UserRoutingLanguageSchema,
};
const userPatchOp: Operation<EntityListing<UserRoutingLanguage>> = {
  id: 'routing.userLanguages.patchBulk',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/routinglanguages/bulk',
  idempotent: true,
  schema: userListing as never,
};
const userRemoveOp: Operation<void> = {
  id: 'routing.userLanguages.remove',
  method: 'DELETE',
  path: '/api/v2/users/{userId}/routinglanguages/{languageId}',
};

/** Filters and order of `client.routing.languages.list`. */
export interface ListLanguagesOptions extends ListOptions {
  /** Name prefix match. */
  name?: string;
  /** Only these language ids. */
  ids?: string[];
  /** By name: `ascending` (default) or `descending`. */
  sortOrder?: 'ascending' | 'descending';
}

export const CreateLanguageSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({ name: z.string().check(z.trim(), z.minLength(1, 'is required')) }),
);
/** The body of `client.routing.languages.create`. */
export interface CreateLanguageInput {
  /** Language name (unique in the org). */
  name: string;
}

export const UserLanguageItemSchema = /* @__PURE__ */ lazySchema(proficiencyItemSchema);
/** A language to give a user (`UserRoutingLanguagePost`): the language id and a proficiency 0–5. */
export interface UserLanguageItem {
  /** Routing language id. */
  id: string;
  /** Proficiency 0..5. */
  proficiency: number;
}
const ItemsSchema = /* @__PURE__ */ lazySchema(() => uniqueItemsSchema(UserLanguageItemSchema(), 'language'));

/** What a bulk language write did. */
export interface UserLanguagesResult {
  /** The user's languages after the write (as the last response listed them, or read back). */
  languages: UserRoutingLanguage[];
  /** Language ids removed (replaceAll only). */
  removed: string[];
  /** HTTP calls made. */
  calls: number;
}

/** `client.routing.languages`: the org's routing languages (list, get, create, delete). */
export class LanguagesResource extends Resource {
  /**
   * The org's routing languages, page by page.
   *
   * @example
   * for await (const language of client.routing.languages.list()) console.log(language.name);
   */
  list(options: ListLanguagesOptions = {}): Paginator<Language> {
    const { name, ids, sortOrder, ...rest } = options;
    return paginate<Language>(
      this._client,
      { style: 'pageNumber' },
      listOp,
      { query: { name, id: ids, sortOrder } },
      rest,
      ['name', 'ids', 'sortOrder'],
    );
  }

  /** One routing language by id (`GET /api/v2/routing/languages/{languageId}`). */
  get(languageId: string, options: CallOptions = {}): ApiPromise<Language> {
    return this._run(async (core) =>
      send(
        core,
        getOp,
        { params: { languageId: requireId('routing.languages.get', 'languageId', languageId) } },
        options,
      ),
    );
  }

  /**
   * Creates a language (names are unique in the org: a duplicate is a `ConflictError`). Not retried after an ambiguous 500.
   *
   * @example
   * const dutch = await client.routing.languages.create({ name: 'Dutch' });
   */
  create(input: CreateLanguageInput, options: CallOptions = {}): ApiPromise<Language> {
    return this._run(async (core) =>
      send(core, createOp, { body: parseArgs('routing.languages.create', CreateLanguageSchema(), input) }, options),
    );
  }

  /** Deletes a language (it is removed from every user who held it). */
  delete(languageId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      await send(
        core,
        deleteOp,
        { params: { languageId: requireId('routing.languages.delete', 'languageId', languageId) } },
        options,
      );
    });
  }
}

/** `client.routing.userLanguages`: the languages users hold and their proficiencies. */
export class UserLanguagesResource extends Resource {
  /**
   * The languages a user holds, page by page.
   *
   * @example
   * const languages = await client.routing.userLanguages.list(userId).toArray();
   */
  list(userId: string, options: ListOptions = {}): Paginator<UserRoutingLanguage> {
    requireId('routing.userLanguages.list', 'userId', userId);
    return paginate<UserRoutingLanguage>(
      this._client,
      { style: 'pageNumber' },
      userListOp,
      { params: { userId } },
      options,
    );
  }

  /** Gives the user one language (`POST …/routinglanguages`). For several, use `patchBulk`. */
  add(userId: string, item: UserLanguageItem, options: CallOptions = {}): ApiPromise<UserRoutingLanguage> {
    return this._run(async (core) => {
      requireId('routing.userLanguages.add', 'userId', userId);
      return send(
        core,
        userAddOp,
        { params: { userId }, body: parseArgs('routing.userLanguages.add', UserLanguageItemSchema(), item, 'item') },
        options,
      );
    });
  }

  /** Changes the proficiency of a language the user holds (`PATCH …/routinglanguages/{languageId}`). */
  setProficiency(
    userId: string,
    languageId: string,
    proficiencyValue: number,
    options: CallOptions = {},
  ): ApiPromise<UserRoutingLanguage> {
    return this._run(async (core) => {
      const context = 'routing.userLanguages.setProficiency';
      requireId(context, 'userId', userId);
      const item = parseArgs(context, UserLanguageItemSchema(), { id: languageId, proficiency: proficiencyValue });
      return send(
        core,
        userSetOp,
        { params: { userId, languageId: item.id }, body: { id: item.id, proficiency: item.proficiency } },
        options,
      );
    });
  }

  /**
   * Adds or updates languages (others are kept), in calls of at most 50 (the platform's limit). A failed call
   * throws; earlier calls stay applied, and re-running is safe (desired state).
   *
   * @example
   * await client.routing.userLanguages.patchBulk(userId, [{ id: englishId, proficiency: 5 }, { id: spanishId, proficiency: 3 }]);
   */
  patchBulk(
    userId: string,
    items: readonly UserLanguageItem[],
    options: CallOptions = {},
  ): ApiPromise<UserLanguagesResult> {
    return this._run(async (core) => {
      requireId('routing.userLanguages.patchBulk', 'userId', userId);
      const valid = parseArgs('routing.userLanguages.patchBulk', ItemsSchema(), items, 'items');
      let languages: UserRoutingLanguage[] = [];
      let calls = 0;
      for (const part of chunk(valid, LIMITS.languagesPerBulkCall)) {
        languages = (await send(core, userPatchOp, { params: { userId }, body: part }, options)).entities ?? [];
        calls++;
      }
      return { languages, removed: [], calls };
    });
  }

  /**
   * Makes `items` the user's whole language set. The platform has no bulk replace for languages (only the bulk
   * PATCH), so this reads the current set, patches the desired languages, then removes the others one DELETE
   * each: a removal never undoes another writer's addition made after the read.
   *
   * @example
   * await client.routing.userLanguages.replaceAll(userId, [{ id: englishId, proficiency: 5 }]);
   */
  replaceAll(
    userId: string,
    items: readonly UserLanguageItem[],
    options: CallOptions = {},
  ): ApiPromise<UserLanguagesResult> {
    return this._run(async (core) => {
      const context = 'routing.userLanguages.replaceAll';
      requireId(context, 'userId', userId);
      const valid = parseArgs(context, ItemsSchema(), items, 'items');
      const current = await paginate<UserRoutingLanguage>(
        core,
        { style: 'pageNumber' },
        userListOp,
        { params: { userId } },
        { ...options, pageSize: 100 },
      ).toArray();
      let calls = Math.max(1, Math.ceil(current.length / 100));
      let languages: UserRoutingLanguage[] = current;
      for (const part of chunk(valid, LIMITS.languagesPerBulkCall)) {
        languages = (await send(core, userPatchOp, { params: { userId }, body: part }, options)).entities ?? [];
        calls++;
      }
      const wanted = new Set(valid.map((i) => i.id));
      const removed: string[] = [];
      for (const held of current) {
        if (wanted.has(held.id)) continue;
        await send(core, userRemoveOp, { params: { userId, languageId: held.id } }, options);
        removed.push(held.id);
        calls++;
      }
      return { languages: languages.filter((l) => !removed.includes(l.id)), removed, calls };
    });
  }

  /** Takes a language from the user. */
  remove(userId: string, languageId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('routing.userLanguages.remove', 'userId', userId);
      requireId('routing.userLanguages.remove', 'languageId', languageId);
      await send(core, userRemoveOp, { params: { userId, languageId } }, options);
    });
  }
}
