// A user's routing skills. The bulk endpoints are per user; at most 50 items per call (terraform's chunk
// size, API reference §3.4), so larger sets are sent in chunks.
import { lazySchema, type Infer } from '../../internal/lazy-zod.js';
import type { Transport } from '../../transport/transport.js';
import type { CallOptions, Operation } from '../../transport/operation.js';
import { pageNumberPaginator, type ListOptions } from '../../transport/paging-strategies.js';
import type { Paginator } from '../../transport/paginator.js';
import { entityListing, type EntityListing } from '../schemas/common.js';
import { UserRoutingSkillSchema, type UserRoutingSkill } from '../schemas/routing.js';
import { chunk, parseArgs, requireId } from '../validate.js';

/** Items per user-skill bulk call. */
export const USER_SKILLS_BULK_LIMIT = 50;

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
}

export class UserSkillsResource {
  constructor(private readonly transport: Transport) {}

  list(userId: string, options: ListOptions = {}): Paginator<UserRoutingSkill> {
    requireId('routing.userSkills.list', 'userId', userId);
    return pageNumberPaginator<UserRoutingSkill>(this.transport, listOp, { params: { userId } }, options);
  }

  /** Adds or updates skills (others are kept), in chunks of 50. */
  async patchBulk(userId: string, items: readonly UserSkillItem[], options: CallOptions = {}): Promise<BulkResult> {
    requireId('routing.userSkills.patchBulk', 'userId', userId);
    const valid = parseArgs('routing.userSkills.patchBulk', ItemsSchema, items, 'items');
    let skills: UserRoutingSkill[] = [];
    let calls = 0;
    for (const part of chunk(valid, USER_SKILLS_BULK_LIMIT)) {
      const res = await this.transport.request(patchBulkOp, { params: { userId }, body: part }, options);
      skills = res.entities ?? [];
      calls++;
    }
    return { skills, calls };
  }

  /**
   * Replaces all of the user's skills with `items`. Beyond 50 items: PUT the first 50 (which removes the
   * rest), then PATCH the remainder — the end state is exactly `items`.
   */
  async replaceAll(userId: string, items: readonly UserSkillItem[], options: CallOptions = {}): Promise<BulkResult> {
    requireId('routing.userSkills.replaceAll', 'userId', userId);
    const valid = parseArgs('routing.userSkills.replaceAll', ItemsSchema, items, 'items');
    const [first = [], ...rest] = chunk(valid, USER_SKILLS_BULK_LIMIT);
    const res = await this.transport.request(putBulkOp, { params: { userId }, body: first }, options);
    let skills = res.entities ?? [];
    let calls = 1;
    for (const part of rest) {
      const more = await this.transport.request(patchBulkOp, { params: { userId }, body: part }, options);
      skills = more.entities ?? [];
      calls++;
    }
    return { skills, calls };
  }

  async remove(userId: string, skillId: string, options: CallOptions = {}): Promise<void> {
    requireId('routing.userSkills.remove', 'userId', userId);
    requireId('routing.userSkills.remove', 'skillId', skillId);
    await this.transport.request(removeOp, { params: { userId, skillId } }, options);
  }
}
