// Skill groups (/api/v2/routing/skillgroups, after/before paging): list, get, create, update (PATCH), delete,
// members (the users meeting the group's skill conditions) and member divisions (which divisions members are
// drawn from). Conditions are typed: skills and languages by name, a comparator and a proficiency 0–5.
import * as z from 'zod/mini';
import { lazySchema } from '../../internal/lazy-schema.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import type { ListOptions } from '../../transport/paging/paging-strategies.js';
import type { Paginator } from '../../transport/paging/paginator.js';
import type { ApiPromise } from '../core/api-promise.js';
import { paginate, send } from '../core/call.js';
import { Resource } from '../core/resource.js';
import {
  DivisionListSchema,
  SkillGroupMemberSchema,
  SkillGroupSchema,
  type SkillGroup,
  type UserReferenceWithName,
} from '../schemas/admin.js';
import { entityListing, type EntityRef } from '../schemas/common.js';
import { parseArgs, requireId } from '../validate.js';
import { proficiencySchema } from './proficiency-items.js';

const listOp: Operation = {
  id: 'routing.skillGroups.list',
  method: 'GET',
  path: '/api/v2/routing/skillgroups',
  schema: lazySchema(() => entityListing(SkillGroupSchema())),
};
const getOp: Operation<SkillGroup> = {
  id: 'routing.skillGroups.get',
  method: 'GET',
  path: '/api/v2/routing/skillgroups/{skillGroupId}',
  schema: SkillGroupSchema,
};
const createOp: Operation<SkillGroup> = {
  id: 'routing.skillGroups.create',
  method: 'POST',
  path: '/api/v2/routing/skillgroups',
  schema: SkillGroupSchema,
};
// PATCH states the desired fields: safe to repeat.
const updateOp: Operation<SkillGroup> = {
  id: 'routing.skillGroups.update',
  method: 'PATCH',
  path: '/api/v2/routing/skillgroups/{skillGroupId}',
  idempotent: true,
  schema: SkillGroupSchema,
};
const deleteOp: Operation<void> = {
  id: 'routing.skillGroups.delete',
  method: 'DELETE',
  path: '/api/v2/routing/skillgroups/{skillGroupId}',
};
const membersOp: Operation = {
  id: 'routing.skillGroups.members',
  method: 'GET',
  path: '/api/v2/routing/skillgroups/{skillGroupId}/members',
  schema: lazySchema(() => entityListing(SkillGroupMemberSchema())),
};
const divisionsOp: Operation<{ entities?: EntityRef[] }> = {
  id: 'routing.skillGroups.memberDivisions.get',
  method: 'GET',
  path: '/api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
  schema: DivisionListSchema,
};
const updateDivisionsOp: Operation<void> = {
  id: 'routing.skillGroups.memberDivisions.update',
  method: 'POST',
  path: '/api/v2/routing/skillgroups/{skillGroupId}/members/divisions',
  idempotent: true,
};

/** How a skill condition compares an agent's proficiency with its value. */
export type SkillComparator =
  'GreaterThan' | 'LessThan' | 'EqualTo' | 'NotEqualTo' | 'GreaterThanOrEqualTo' | 'LessThanOrEqualTo';
const COMPARATORS = [
  'GreaterThan',
  'LessThan',
  'EqualTo',
  'NotEqualTo',
  'GreaterThanOrEqualTo',
  'LessThanOrEqualTo',
] as const satisfies readonly SkillComparator[];

/** A skill group condition as sent: skill and language comparisons combined by `operation` (default `And`). */
export interface SkillConditionInput {
  /** Routing-skill comparisons: the skill (by name), a comparator, a proficiency 0..5, and optional nested conditions. */
  routingSkillConditions?: Array<{
    /** The routing skill, by name. */
    routingSkill: string;
    /** `GreaterThan`, `LessThan`, `EqualTo`, `NotEqualTo`, `GreaterThanOrEqualTo` or `LessThanOrEqualTo`. */
    comparator: SkillComparator;
    /** Proficiency 0..5 compared with the user's. */
    proficiency: number;
    /** Nested conditions. */
    childConditions?: SkillConditionInput[];
  }>;
  /** Language comparisons: the language (by name), a comparator, a proficiency 0..5, and optional nested conditions. */
  languageSkillConditions?: Array<{
    /** The routing language, by name. */
    languageSkill: string;
    /** `GreaterThan`, `LessThan`, `EqualTo`, `NotEqualTo`, `GreaterThanOrEqualTo` or `LessThanOrEqualTo`. */
    comparator: SkillComparator;
    /** Proficiency 0..5 compared with the user's. */
    proficiency: number;
    /** Nested conditions. */
    childConditions?: SkillConditionInput[];
  }>;
  /** How the comparisons combine: `And` (default) or `Or`. */
  operation?: 'And' | 'Or';
}

const leaf = (nameKey: 'routingSkill' | 'languageSkill') =>
  z.strictObject({
    [nameKey]: z.string().check(z.minLength(1, 'is required')),
    comparator: z.enum(COMPARATORS),
    proficiency: proficiencySchema(),
    get childConditions() {
      return z.optional(z.array(ConditionSchema()));
    },
  });
const ConditionSchema: () => z.ZodMiniType<SkillConditionInput, unknown> = /* @__PURE__ */ lazySchema(
  () =>
    z
      .strictObject({
        routingSkillConditions: z.optional(z.array(leaf('routingSkill'))),
        languageSkillConditions: z.optional(z.array(leaf('languageSkill'))),
        operation: z.optional(z.enum(['And', 'Or'])),
      })
      .check(
        z.refine(
          (c) => (c.routingSkillConditions?.length ?? 0) + (c.languageSkillConditions?.length ?? 0) > 0,
          'needs at least one skill or language condition',
        ),
      ) as never,
);

export const CreateSkillGroupSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.string().check(z.trim(), z.minLength(1, 'is required')),
    description: z.optional(z.string()),
    divisionId: z.optional(z.string().check(z.minLength(1))),
    skillConditions: z.array(ConditionSchema()).check(z.minLength(1, 'needs at least one condition')),
    /** Division ids members are drawn from (`*` = all). */
    memberDivisions: z.optional(z.array(z.string().check(z.minLength(1)))),
  }),
);
/** The body of `client.routing.skillGroups.create`. */
export interface CreateSkillGroupInput {
  /** Group name. */
  name: string;
  /** Who belongs: users meeting these conditions (at least one). */
  skillConditions: SkillConditionInput[];
  /** Free text. */
  description?: string | undefined;
  /** The division the group belongs to (default: the home division). */
  divisionId?: string | undefined;
  /** Division ids members are drawn from (`*` = all). */
  memberDivisions?: string[] | undefined;
}

export const UpdateSkillGroupSchema = /* @__PURE__ */ lazySchema(() =>
  z.strictObject({
    name: z.optional(z.string().check(z.trim(), z.minLength(1, 'is required'))),
    description: z.optional(z.string()),
    skillConditions: z.optional(z.array(ConditionSchema()).check(z.minLength(1, 'needs at least one condition'))),
  }),
);
/** The body of `client.routing.skillGroups.update` (only the fields to change). */
export interface UpdateSkillGroupInput {
  /** New name. */
  name?: string | undefined;
  /** New description. */
  description?: string | undefined;
  /** New conditions (replace the old ones). */
  skillConditions?: SkillConditionInput[] | undefined;
}

/** Filters of `client.routing.skillGroups.list`. */
export interface ListSkillGroupsOptions extends ListOptions {
  /** Name prefix match. */
  name?: string;
}

/** The platform's condition body: every list present, `operation` defaulted to `And`. */
function toConditions(conditions: readonly SkillConditionInput[]): unknown[] {
  return conditions.map((c) => ({
    routingSkillConditions: (c.routingSkillConditions ?? []).map((r) => ({
      ...r,
      childConditions: toConditions(r.childConditions ?? []),
    })),
    languageSkillConditions: (c.languageSkillConditions ?? []).map((l) => ({
      ...l,
      childConditions: toConditions(l.childConditions ?? []),
    })),
    operation: c.operation ?? 'And',
  }));
}

/** `client.routing.skillGroups.memberDivisions`: which divisions a group's members come from. */
export class SkillGroupMemberDivisionsResource extends Resource {
  /** The divisions members are drawn from. */
  get(skillGroupId: string, options: CallOptions = {}): ApiPromise<EntityRef[]> {
    return this._run(async (core) => {
      requireId('routing.skillGroups.memberDivisions.get', 'skillGroupId', skillGroupId);
      return (await send(core, divisionsOp, { params: { skillGroupId } }, options)).entities ?? [];
    });
  }

  /**
   * Adds and removes member divisions (division ids, or `*` for all).
   *
   * @example
   * await client.routing.skillGroups.memberDivisions.update(groupId, { add: [divisionId] });
   */
  update(
    skillGroupId: string,
    change: { add?: string[]; remove?: string[] },
    options: CallOptions = {},
  ): ApiPromise<void> {
    return this._run(async (core) => {
      const context = 'routing.skillGroups.memberDivisions.update';
      requireId(context, 'skillGroupId', skillGroupId);
      const { add = [], remove = [] } = parseArgs(
        context,
        z.strictObject({
          add: z.optional(z.array(z.string().check(z.minLength(1)))),
          remove: z.optional(z.array(z.string().check(z.minLength(1)))),
        }),
        change,
        'change',
      );
      await send(
        core,
        updateDivisionsOp,
        { params: { skillGroupId }, body: { addDivisionIds: add, removeDivisionIds: remove } },
        options,
      );
    });
  }
}

/** `client.routing.skillGroups`: skill groups (CRUD, members, `memberDivisions`). */
export class SkillGroupsResource extends Resource {
  #memberDivisions?: SkillGroupMemberDivisionsResource;

  /** Member divisions of a skill group (`get`, `update`). */
  get memberDivisions(): SkillGroupMemberDivisionsResource {
    return (this.#memberDivisions ??= new SkillGroupMemberDivisionsResource(this._client));
  }

  /**
   * Skill groups, page by page (after/before cursors).
   *
   * @example
   * for await (const group of client.routing.skillGroups.list()) console.log(group.name, group.memberCount);
   */
  list(options: ListSkillGroupsOptions = {}): Paginator<SkillGroup> {
    const { name, ...rest } = options;
    return paginate<SkillGroup>(this._client, { style: 'after' }, listOp, { query: { name } }, rest, ['name']);
  }

  /** One skill group by id (`GET /api/v2/routing/skillgroups/{skillGroupId}`). */
  get(skillGroupId: string, options: CallOptions = {}): ApiPromise<SkillGroup> {
    return this._run(async (core) =>
      send(
        core,
        getOp,
        { params: { skillGroupId: requireId('routing.skillGroups.get', 'skillGroupId', skillGroupId) } },
        options,
      ),
    );
  }

  /**
   * Creates a skill group. Not retried after an ambiguous 500.
   *
   * @example
   * const group = await client.routing.skillGroups.create({
   *   name: 'Billing experts',
   *   skillConditions: [{ routingSkillConditions: [{ routingSkill: 'Billing', comparator: 'GreaterThanOrEqualTo', proficiency: 4 }] }],
   * });
   */
  create(input: CreateSkillGroupInput, options: CallOptions = {}): ApiPromise<SkillGroup> {
    return this._run(async (core) => {
      const valid = parseArgs('routing.skillGroups.create', CreateSkillGroupSchema(), input, 'input');
      const { divisionId, skillConditions, ...rest } = valid;
      const body = {
        ...rest,
        ...(divisionId ? { division: { id: divisionId } } : {}),
        skillConditions: toConditions(skillConditions),
      };
      return send(core, createOp, { body }, options);
    });
  }

  /** Changes a group's name, description or conditions (fields left out are kept). */
  update(skillGroupId: string, input: UpdateSkillGroupInput, options: CallOptions = {}): ApiPromise<SkillGroup> {
    return this._run(async (core) => {
      requireId('routing.skillGroups.update', 'skillGroupId', skillGroupId);
      const { skillConditions, ...rest } = parseArgs(
        'routing.skillGroups.update',
        UpdateSkillGroupSchema(),
        input,
        'input',
      );
      return send(
        core,
        updateOp,
        {
          params: { skillGroupId },
          body: { ...rest, ...(skillConditions ? { skillConditions: toConditions(skillConditions) } : {}) },
        },
        options,
      );
    });
  }

  /** Deletes a skill group (`DELETE /api/v2/routing/skillgroups/{skillGroupId}`). */
  delete(skillGroupId: string, options: CallOptions = {}): ApiPromise<void> {
    return this._run(async (core) => {
      await send(
        core,
        deleteOp,
        { params: { skillGroupId: requireId('routing.skillGroups.delete', 'skillGroupId', skillGroupId) } },
        options,
      );
    });
  }

  /**
   * The users in the group now (those meeting its conditions), page by page.
   *
   * @example
   * const members = await client.routing.skillGroups.members(groupId).toArray();
   */
  members(skillGroupId: string, options: ListOptions = {}): Paginator<UserReferenceWithName> {
    requireId('routing.skillGroups.members', 'skillGroupId', skillGroupId);
    return paginate<UserReferenceWithName>(
      this._client,
      { style: 'after' },
      membersOp,
      { params: { skillGroupId } },
      options,
    );
  }
}
