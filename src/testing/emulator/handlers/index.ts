// The route registry. Adding an endpoint = one handler file exporting RouteDef[] + one line here.
import type { RouteDef } from '../router.js';
import { analyticsJobRoutes } from './analytics-jobs.js';
import { analyticsQueryRoutes } from './analytics-queries.js';
import { analyticsUserObservationRoutes } from './analytics-user-observations.js';
import { auditQueryRoutes } from './audit-queries.js';
import { auditRealtimeRoutes } from './audit-realtime.js';
import { notificationRoutes } from './notifications.js';
import { queueMemberWriteRoutes } from './queue-member-writes.js';
import { queueMemberRoutes } from './queue-members.js';
import { routingLanguageRoutes } from './routing-languages.js';
import { routingQueueWriteRoutes } from './routing-queue-writes.js';
import { routingQueueRoutes } from './routing-queues.js';
import { routingSkillRoutes } from './routing-skills.js';
import { skillGroupRoutes } from './skill-groups.js';
import { tokenRoutes } from './tokens.js';
import { userRoutingAdminRoutes } from './user-routing-admin.js';
import { wrapupCodeRoutes } from './routing-wrapup-codes.js';
import { userSkillRoutes } from './user-skills.js';
import { userRoutes } from './users.js';
import { userSearchRoutes } from './users-search.js';
import { utilizationRoutes } from './utilization.js';
import { workforceRoutes } from './workforce.js';
import { workforceDownloadRoutes } from './workforce-downloads.js';

export const allRoutes: readonly RouteDef[] = [
  ...tokenRoutes,
  ...routingSkillRoutes,
  ...routingQueueRoutes,
  ...routingQueueWriteRoutes,
  ...queueMemberRoutes,
  ...queueMemberWriteRoutes,
  ...userRoutes,
  ...userSearchRoutes,
  ...utilizationRoutes,
  ...userSkillRoutes,
  ...skillGroupRoutes,
  ...routingLanguageRoutes,
  ...wrapupCodeRoutes,
  ...userRoutingAdminRoutes,
  ...auditQueryRoutes,
  ...auditRealtimeRoutes,
  ...notificationRoutes,
  ...analyticsQueryRoutes,
  ...analyticsJobRoutes,
  ...workforceRoutes,
  ...workforceDownloadRoutes,
  ...analyticsUserObservationRoutes,
];
