// Public resource types and constants.
export type * from './schemas/routing.js';
export type { EntityRef, EntityListing } from './schemas/common.js';
export { USER_SKILLS_BULK_LIMIT, UserSkillItemSchema, type UserSkillItem, type BulkResult } from './routing/user-skills.js';
export { QUEUE_MEMBERS_LIMIT, type ListMembersOptions, type MemberExpand } from './routing/members.js';
export type { ListSkillsOptions, CreateSkillInput } from './routing/skills.js';
export type { ListQueuesOptions } from './routing/queues.js';
export type { ListUsersOptions, UserExpand } from './routing/users.js';
export type { RoutingApi } from './routing/index.js';
