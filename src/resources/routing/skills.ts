// Routing skills: GET/POST /api/v2/routing/skills, GET/DELETE /api/v2/routing/skills/{skillId}.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import { entityListing } from '../schemas/common.js';
import { RoutingSkillSchema, type RoutingSkill } from '../schemas/routing.js';
import { parseArgs, requireId } from '../validate.js';

const listOp: Operation = {
  id: 'routing.skills.list',
  method: 'GET',
  path: '/api/v2/routing/skills',
  schema: lazySchema(() => entityListing(RoutingSkillSchema())),
};
const getOp: Operation<RoutingSkill> = {
  id: 'routing.skills.get',
  method: 'GET',
  path: '/api/v2/routing/skills/{skillId}',
  schema: RoutingSkillSchema,
};
const createOp: Operation<RoutingSkill> = {
  id: 'routing.skills.create',
  method: 'POST',
  path: '/api/v2/routing/skills',
  schema: RoutingSkillSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.skills.delete',
  method: 'DELETE',
  path: '/api/v2/routing/skills/{skillId}',
};
// Moving to a division states the desired division: safe to repeat.
const moveOp: Operation<RoutingSkill> = {
  id: 'routing.skills.moveToDivision',
  method: 'PATCH',
  path: '/api/v2/routing/skills/{skillId}',
  idempotent: true,
  schema: RoutingSkillSchema,
};

/** Filters of `client.routing.skills.list`. */
export interface ListSkillsOptions extends ListOptions {
  /** Name prefix match. */
  name?: string;
  /** Fetch these skill ids only. */
  ids?: string[];
}

export const CreateSkillSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'is required')),
    divisionId: z.optional(z.string().check(z.minLength(1))),
  }),
);
/** The body of `client.routing.skills.create`. */
export interface CreateSkillInput {
  /** Skill name (unique in the org). */
  name: string;
  /** The division the skill belongs to (default: the home division). */
  divisionId?: string | undefined;
}

/** `client.routing.skills`: the org's routing skills (list, get, create, move to a division, delete). */
export class SkillsResource extends Resource {
  /** All skills, page by page (`for await`, `.pages()`, `.toArray()`). */
  list(options: ListSkillsOptions = {}): Paginator<RoutingSkill> {
    const { name, ids, ...rest } = options;
    return paginate<RoutingSkill>(this._client, { style: 'pageNumber' }, listOp, { query: { name, id: ids } }, rest, [
      'name',
      'ids',
    ]);
  }

  /** One skill by id (deleted skills are still readable, with `state: 'deleted'`). */
  get(skillId: string, options: CallOptions = {}): ApiPromise<RoutingSkill> {
    return this._run(async (core) => {
      requireId('routing.skills.get', 'skillId', skillId);
      return send(core, getOp, { params: { skillId } }, options);
    });
  }

  /**
   * Creates a skill. Not retried after an ambiguous 500 (the platform has no idempotency key).
   *
   * @example
   * const skill = await client.routing.skills.create({ name: 'Billing' });
   */
  create(input: CreateSkillInput, options: CallOptions = {}): ApiPromise<RoutingSkill> {
    return this._run(async (core) => {
      const body = parseArgs('routing.skills.create', CreateSkillSchema(), input);
      return send(core, createOp, { body }, options);
    });
  }

  /**
   * Moves a skill to another division (`PATCH /api/v2/routing/skills/{skillId}`; skills cannot be renamed).
   *
   * @example
   * await client.routing.skills.moveToDivision(skillId, divisionId);
   */
  moveToDivision(skillId: string, divisionId: string, options: CallOptions = {}): ApiPromise<RoutingSkill> {
    return this._run(async (core) => {
      requireId('routing.skills.moveToDivision', 'skillId', skillId);
      requireId('routing.skills.moveToDivision', 'divisionId', divisionId);
      return send(core, moveOp, { params: { skillId }, body: { divisionId } }, options);
    });
  }

  /** Deletes a skill (the platform soft-deletes it and removes it from every user). */
  delete(skillId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      requireId('routing.skills.delete', 'skillId', skillId);
      await send(core, deleteOp, { params: { skillId } }, options);
    });
  }
}
