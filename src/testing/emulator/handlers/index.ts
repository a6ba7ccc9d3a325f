// The route registry. Adding an endpoint = one handler file exporting RouteDef[] + one line here.
import type { RouteDef } from '../router.js';
import { queueMemberWriteRoutes } from './queue-member-writes.js';
import { queueMemberRoutes } from './queue-members.js';
import { routingQueueRoutes } from './routing-queues.js';
import { routingSkillRoutes } from './routing-skills.js';
import { skillGroupRoutes } from './skill-groups.js';
import { tokenRoutes } from './tokens.js';
import { userSkillRoutes } from './user-skills.js';
import { userRoutes } from './users.js';

export const allRoutes: readonly RouteDef[] = [
  ...tokenRoutes,
  ...routingSkillRoutes,
  ...routingQueueRoutes,
  ...queueMemberRoutes,
  ...queueMemberWriteRoutes,
  ...userRoutes,
  ...userSkillRoutes,
  ...skillGroupRoutes,
];
