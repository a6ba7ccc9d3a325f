// A user's routing skills. The bulk endpoints are per user; at most 50 items per call (the chunk
// size of the Genesys terraform provider, terraform-provider-genesyscloud), so larger sets are sent in chunks.
import { lazySchema, type Infer } from '../../internal/lazy-zod.js';
import type { Transport } from '../../transport/transport.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { pageNumberPaginator, type ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { entityListing, type EntityListing } from '../schemas/common.js';
import { UserRoutingSkillSchema, type UserRoutingSkill } from '../schemas/routing.js';
import { chunk, parseArgs, requireId } from '../validate.js';
import { LIMITS } from '../../limits.js';

/** Items per user-skill bulk call. */
export const USER_SKILLS_BULK_LIMIT = LIMITS.skillsPerBulkCall;

const listing = entityListing(UserRoutingSkillSchema);
const listOp: Operation = { id: 'routing.userSkills.list', method: 'GET', path: '/api/v2/users/{userId}/routingskills', schema: listing };
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
const removeOp: Operation<void> = { id: 'routing.userSkills.remove', method: 'DELETE', path: '/api/v2/users/{userId}/routingskills/{skillId}' };
// Assigning the same skill twice is not promised to be harmless: POST's default (no retry after a 500).
const addOp: Operation<UserRoutingSkill> = { id: 'routing.userSkills.add', method: 'POST', path: '/api/v2/users/{userId}/routingskills', schema: UserRoutingSkillSchema };

export const UserSkillItemSchema = lazySchema((z) =>
  z.strictObject({
    /** The skill id. */
    id: z.string().min(1, 'is required'),
    proficiency: z.number().min(0, 'must be between 0 and 5').max(5, 'must be between 0 and 5'),
  }),
);
export type UserSkillItem = Infer<typeof UserSkillItemSchema>;
const ItemsSchema = lazySchema((z) =>
  z.array(UserSkillItemSchema.schema).superRefine((items, ctx) => {
    const seen = new Set<string>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate skill id ${item.id}` });
      seen.add(item.id);
    });
  }),
);

export interface BulkResult {
  /** The user's skills as returned by the last call. */
  skills: UserRoutingSkill[];
  /** HTTP calls made. */
  calls: number;
  /** ININ-Correlation-Id of each call, in order (for audit trails and support tickets). */
  correlationIds: string[];
}

export class UserSkillsResource {
  constructor(private readonly transport: Transport) {}

  /**
   * The user's skills, page by page.
   *
   * @example
   * const skills = await client.routing.userSkills.list(userId).toArray();
   */
  list(userId: string, options: ListOptions = {}): Paginator<UserRoutingSkill> {
    requireId('routing.userSkills.list', 'userId', userId);
    return pageNumberPaginator<UserRoutingSkill>(this.transport, listOp, { params: { userId } }, options);
  }

  /**
   * Assigns one skill (`POST /api/v2/users/{userId}/routingskills`). For several, use `patchBulk`.
   *
   * @example
   * await client.routing.userSkills.add(userId, { id: skillId, proficiency: 3.5 });
   */
  async add(userId: string, item: UserSkillItem, options: CallOptions = {}): Promise<UserRoutingSkill> {
    requireId('routing.userSkills.add', 'userId', userId);
    const body = await parseArgs('routing.userSkills.add', UserSkillItemSchema, item, 'item');
    return this.transport.request(addOp, { params: { userId }, body }, options);
  }

  /**
   * Adds or updates skills (others are kept), in chunks of 50; emits `progress` (unit `skills`). A failed
   * chunk throws; earlier chunks stay applied, and re-running the call is safe (desired state).
   *
   * @example
   * await client.routing.userSkills.patchBulk(userId, [{ id: billingId, proficiency: 4 }, { id: salesId, proficiency: 2 }]);
   */
  async patchBulk(userId: string, items: readonly UserSkillItem[], options: CallOptions = {}): Promise<BulkResult> {
    requireId('routing.userSkills.patchBulk', 'userId', userId);
    const valid = await parseArgs('routing.userSkills.patchBulk', ItemsSchema, items, 'items');
    let skills: UserRoutingSkill[] = [];
    let calls = 0;
    const correlationIds: string[] = [];
    for (const part of chunk(valid, USER_SKILLS_BULK_LIMIT)) {
      const res = await this.transport.requestWithResponse(patchBulkOp, { params: { userId }, body: part }, options);
      if (res.correlationId) correlationIds.push(res.correlationId);
      skills = res.data.entities ?? [];
      calls++;
      this.#progress('routing.userSkills.patchBulk', calls * USER_SKILLS_BULK_LIMIT, valid.length);
    }
    return { skills, calls, correlationIds };
  }

  /**
   * Replaces all of the user's skills with `items`. Beyond 50 items: PUT the first 50 (which removes the
   * rest), then PATCH the remainder — the end state is exactly `items`. Emits `progress` (unit `skills`).
   *
   * @example
   * await client.routing.userSkills.replaceAll(userId, [{ id: billingId, proficiency: 5 }]);
   */
  async replaceAll(userId: string, items: readonly UserSkillItem[], options: CallOptions = {}): Promise<BulkResult> {
    requireId('routing.userSkills.replaceAll', 'userId', userId);
    const valid = await parseArgs('routing.userSkills.replaceAll', ItemsSchema, items, 'items');
    const [first = [], ...rest] = chunk(valid, USER_SKILLS_BULK_LIMIT);
    const res = await this.transport.requestWithResponse(putBulkOp, { params: { userId }, body: first }, options);
    const correlationIds = res.correlationId ? [res.correlationId] : [];
    let skills = res.data.entities ?? [];
    let calls = 1;
    this.#progress('routing.userSkills.replaceAll', first.length, valid.length);
    for (const part of rest) {
      const more = await this.transport.requestWithResponse(patchBulkOp, { params: { userId }, body: part }, options);
      if (more.correlationId) correlationIds.push(more.correlationId);
      skills = more.data.entities ?? [];
      calls++;
      this.#progress('routing.userSkills.replaceAll', calls * USER_SKILLS_BULK_LIMIT, valid.length);
    }
    return { skills, calls, correlationIds };
  }

  #progress(operation: string, done: number, total: number): void {
    this.transport.emit('progress', { operation, unit: 'skills', done: Math.min(done, total), total });
  }

  /** Removes one skill from the user. */
  /** Removes one skill; resolves to the call's correlation id. */
  async remove(userId: string, skillId: string, options: CallOptions = {}): Promise<{ correlationId: string | undefined }> {
    requireId('routing.userSkills.remove', 'userId', userId);
    requireId('routing.userSkills.remove', 'skillId', skillId);
    const res = await this.transport.requestWithResponse(removeOp, { params: { userId, skillId } }, options);
    return { correlationId: res.correlationId };
  }
}
