// A user's routing skills. The bulk endpoints are per user; at most 50 items per call (the chunk
// size of the Genesys terraform provider, terraform-provider-genesyscloud). A user can hold at most 50 skills
// in total (Genesys help, "Assign skills to multiple users"): a call that would exceed it is refused before
// any request, so a user is never left with part of a replacement.
import { GenesysError, SkillLimitError, ValidationError } from '../../../errors/index.js';
import { lazySchema } from '../../../internal/lazy-schema.js';
import type { ApiPromise } from '../../core/api-promise.js';
import { paginate, send } from '../../core/call.js';
import { Resource } from '../../core/resource.js';
import type { ClientCore } from '../../core/client-core.js';
import type { CallOptions, Operation } from '../../../transport/operation.js';
import type { ListOptions } from '../../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../../transport/paging/paginator.js';
import { entityListing, type EntityListing } from '../../schemas/common.js';
import { UserRoutingSkillSchema, type UserRoutingSkill } from '../../schemas/routing.js';
import { chunk, parseArgs, requireId } from '../../validate.js';
import { proficiencyItemSchema, uniqueItemsSchema } from '../proficiency-items.js';
import { LIMITS } from '../../../limits.js';

/** Items per user-skill bulk call. */
export const USER_SKILLS_BULK_LIMIT: number = LIMITS.skillsPerBulkCall;
/** Skills one user can hold on the platform (Genesys help, "Assign skills to multiple users"). */
export const MAX_SKILLS_PER_USER: number = LIMITS.skillsPerUser;

/** Call options of the bulk writes. */
export interface UserSkillsWriteOptions extends CallOptions {
  /** Skills one user may hold; default `MAX_SKILLS_PER_USER` (50). Raise it only for an org with a higher limit. */
  maxSkillsPerUser?: number;
}

/** A user's skills read strictly (a malformed page throws, whatever the validation mode). */
export interface HeldSkills {
  /** Skill id -> proficiency, active assignments only. */
  skills: Map<string, number>;
  /** Correlation ids of the reads (quote them to Genesys support). */
  correlationIds: string[];
}

const listing = /* @__PURE__ */ lazySchema(() => entityListing(UserRoutingSkillSchema()));
const listOp: Operation = {
  id: 'routing.userSkills.list',
  method: 'GET',
  path: '/api/v2/users/{userId}/routingskills',
  schema: listing,
};
// Both bulk calls state the desired proficiency, so repeating one is harmless: idempotent.
const patchBulkOp: Operation<EntityListing<UserRoutingSkill>> = {
  id: 'routing.userSkills.patchBulk',
  method: 'PATCH',
  path: '/api/v2/users/{userId}/routingskills/bulk',
  idempotent: true,
  schema: listing as never,
};
const putBulkOp: Operation<EntityListing<UserRoutingSkill>> = {
  id: 'routing.userSkills.replaceAll',
  method: 'PUT',
  path: '/api/v2/users/{userId}/routingskills/bulk',
  idempotent: true,
  schema: listing as never,
};
const removeOp: Operation<void> = {
  id: 'routing.userSkills.remove',
  method: 'DELETE',
  path: '/api/v2/users/{userId}/routingskills/{skillId}',
};
// Assigning the same skill twice is not promised to be harmless: POST's default (no retry after a 500).
const addOp: Operation<UserRoutingSkill> = {
  id: 'routing.userSkills.add',
  method: 'POST',
  path: '/api/v2/users/{userId}/routingskills',
  schema: UserRoutingSkillSchema,
};

export const UserSkillItemSchema = /* @__PURE__ */ lazySchema(proficiencyItemSchema);
/** One skill to give a user, with its proficiency (0-5): an item of `client.routing.userSkills` writes. */
export interface UserSkillItem {
  /** The skill id. */
  id: string;
  /** Proficiency 0..5. */
  proficiency: number;
}
const ItemsSchema = /* @__PURE__ */ lazySchema(() => uniqueItemsSchema(UserSkillItemSchema(), 'skill'));

/** What a bulk user-skill write (`patchBulk`, `replaceAll`) did. */
export interface BulkResult {
  /** The user's skills as returned by the last call. */
  skills: UserRoutingSkill[];
  /** HTTP calls made. */
  calls: number;
  /** ININ-Correlation-Id of each call, in order (for audit trails and support tickets). */
  correlationIds: string[];
}

/**
 * `client.routing.userSkills`: the routing skills users hold and their proficiencies (list, add, bulk patch, replace
 * all, remove).
 */
export class UserSkillsResource extends Resource {
  /**
   * The user's skills, page by page.
   *
   * @example
   * const skills = await client.routing.userSkills.list(userId).toArray();
   */
  list(userId: string, options: ListOptions = {}): Paginator<UserRoutingSkill> {
    requireId('routing.userSkills.list', 'userId', userId);
    return paginate<UserRoutingSkill>(this._client, { style: 'pageNumber' }, listOp, { params: { userId } }, options);
  }

  /**
   * Assigns one skill (`POST /api/v2/users/{userId}/routingskills`). For several, use `patchBulk`.
   *
   * @example
   * await client.routing.userSkills.add(userId, { id: skillId, proficiency: 3.5 });
   */
  add(userId: string, item: UserSkillItem, options: CallOptions = {}): ApiPromise<UserRoutingSkill> {
    return this._run(async (core) => {
      requireId('routing.userSkills.add', 'userId', userId);
      const body = parseArgs('routing.userSkills.add', UserSkillItemSchema(), item, 'item');
      return send(core, addOp, { params: { userId }, body }, options);
    });
  }

  /**
   * Adds or updates skills (others are kept), in chunks of 50; emits `progress` (unit `skills`). A failed
   * chunk throws; earlier chunks stay applied, and re-running the call is safe (desired state).
   *
   * @example
   * await client.routing.userSkills.patchBulk(userId, [{ id: billingId, proficiency: 4 }, { id: salesId, proficiency: 2 }]);
   */
  patchBulk(
    userId: string,
    items: readonly UserSkillItem[],
    options: UserSkillsWriteOptions = {},
  ): ApiPromise<BulkResult> {
    return this._run(async (core) => {
      requireId('routing.userSkills.patchBulk', 'userId', userId);
      const valid = parseArgs('routing.userSkills.patchBulk', ItemsSchema(), items, 'items');
      checkSkillLimit('routing.userSkills.patchBulk', userId, valid.length, options.maxSkillsPerUser);
      const { maxSkillsPerUser: _limit, ...call } = options;
      const done: BulkResult = { skills: [], calls: 0, correlationIds: [] };
      await this.#patchParts(core, 'routing.userSkills.patchBulk', userId, valid, call, done);
      return done;
    });
  }

  /**
   * Replaces all of the user's skills with `items`. More than the per-user limit (50) throws `SkillLimitError`
   * before any request. With a raised limit, beyond 50 items: PUT the first 50 (which removes the rest), then
   * PATCH the remainder. Emits `progress` (unit `skills`).
   *
   * @example
   * await client.routing.userSkills.replaceAll(userId, [{ id: billingId, proficiency: 5 }]);
   */
  replaceAll(
    userId: string,
    items: readonly UserSkillItem[],
    options: UserSkillsWriteOptions = {},
  ): ApiPromise<BulkResult> {
    return this._run(async (core) => {
      requireId('routing.userSkills.replaceAll', 'userId', userId);
      const valid = parseArgs('routing.userSkills.replaceAll', ItemsSchema(), items, 'items');
      checkSkillLimit('routing.userSkills.replaceAll', userId, valid.length, options.maxSkillsPerUser);
      const { maxSkillsPerUser: _limit, ...call } = options;
      const first = valid.slice(0, USER_SKILLS_BULK_LIMIT);
      const res = await send(core, putBulkOp, { params: { userId }, body: first }, call).withResponse();
      const done: BulkResult = {
        skills: res.data.entities ?? [],
        calls: 1,
        correlationIds: res.correlationId ? [res.correlationId] : [],
      };
      this.#progress('routing.userSkills.replaceAll', first.length, valid.length);
      await this.#patchParts(core, 'routing.userSkills.replaceAll', userId, valid.slice(first.length), call, done);
      return done;
    });
  }

  /** PATCHes `items` in chunks of 50, adding each call to `done`; progress counts against everything `done` holds. */
  async #patchParts(
    core: ClientCore,
    operation: string,
    userId: string,
    items: readonly UserSkillItem[],
    call: CallOptions,
    done: BulkResult,
  ): Promise<void> {
    const total = done.calls * USER_SKILLS_BULK_LIMIT + items.length;
    for (const part of chunk(items, USER_SKILLS_BULK_LIMIT)) {
      const res = await send(core, patchBulkOp, { params: { userId }, body: part }, call).withResponse();
      if (res.correlationId) done.correlationIds.push(res.correlationId);
      done.skills = res.data.entities ?? [];
      done.calls++;
      this.#progress(operation, done.calls * USER_SKILLS_BULK_LIMIT, total);
    }
  }

  #progress(operation: string, done: number, total: number): void {
    this._client.emit('progress', { operation, unit: 'skills', done: Math.min(done, total), total });
  }

  /**
   * Every skill the user holds, read strictly: a page that is not a skill listing (an HTML page from a proxy,
   * non-JSON, a missing `entities` array, an entry without id or proficiency) throws `ValidationError` whatever
   * the client's validation mode, because a wrong read would drive wrong writes.
   *
   * @example
   * const { skills } = await client.routing.userSkills.held(userId); // Map skillId -> proficiency
   */
  held(userId: string, options: CallOptions = {}): ApiPromise<HeldSkills> {
    return this._run((core) => this.#held(core, userId, options));
  }

  async #held(core: ClientCore, userId: string, options: CallOptions): Promise<HeldSkills> {
    requireId('routing.userSkills.held', 'userId', userId);
    const skills = new Map<string, number>();
    const correlationIds: string[] = [];
    for (let pageNumber = 1; ; pageNumber++) {
      const res = await send(
        core,
        listOp,
        { params: { userId }, query: { pageSize: 100, pageNumber } },
        { ...options, validation: 'strict' },
      ).withResponse();
      if (res.correlationId) correlationIds.push(res.correlationId);
      const page = res.data as EntityListing<UserRoutingSkill>;
      for (const [id, p] of strictSkillEntries(page.entities, 'routing.userSkills.held', res.correlationId))
        skills.set(id, p);
      const pageCount = page.pageCount ?? 1;
      if (pageNumber >= pageCount || (page.entities ?? []).length === 0) break;
      if (pageNumber >= 100)
        throw new GenesysError(`routing.userSkills.held: user ${userId} lists more than 100 pages of skills`, {
          operation: 'routing.userSkills.held',
        });
    }
    return { skills, correlationIds };
  }

  /** Removes one skill; resolves to the call's correlation id. */
  remove(
    userId: string,
    skillId: string,
    options: CallOptions = {},
  ): ApiPromise<{ correlationId: string | undefined }> {
    return this._run(async (core) => {
      requireId('routing.userSkills.remove', 'userId', userId);
      requireId('routing.userSkills.remove', 'skillId', skillId);
      const res = await send(core, removeOp, { params: { userId, skillId } }, options).withResponse();
      return { correlationId: res.correlationId };
    });
  }
}

/** Throws `SkillLimitError` when `count` skills exceed what one user can hold. */
export function checkSkillLimit(
  context: string,
  userId: string,
  count: number,
  limit = MAX_SKILLS_PER_USER,
  path = 'items',
): void {
  if (count > limit) throw new SkillLimitError(context, { userId, count, limit, path });
}

/**
 * A skill listing's entries as (skillId, proficiency) pairs, refusing anything that is not one: a read that
 * drives writes must never take a malformed listing for an empty one. Deleted assignments are left out.
 */
export function strictSkillEntries(
  entities: unknown,
  context: string,
  correlationId?: string,
): Array<[string, number]> {
  const bad = (message: string) =>
    new ValidationError(`${context}: malformed skill listing`, [{ path: 'response.entities', message }], {
      correlationId,
      operation: context,
    });
  if (!Array.isArray(entities))
    throw bad(
      `expected an array of skills, got ${typeof entities === 'string' ? 'text' : entities === null ? 'null' : typeof entities}`,
    );
  const out: Array<[string, number]> = [];
  for (const [i, e] of entities.entries()) {
    const s = e as { id?: unknown; proficiency?: unknown; state?: unknown } | null;
    if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || s.id === '')
      throw bad(`[${i}] has no skill id`);
    if (s.state === 'deleted') continue;
    if (typeof s.proficiency !== 'number' || !Number.isFinite(s.proficiency))
      throw bad(`[${i}] (${s.id}) has no numeric proficiency`);
    out.push([s.id, s.proficiency]);
  }
  return out;
}
