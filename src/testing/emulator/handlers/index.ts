// The route registry. Adding an endpoint = one handler file exporting RouteDef[] + one line here.
import type { RouteDef } from '../pipeline/router.js';
import { analyticsJobRoutes } from './analytics/analytics-jobs.js';
import { analyticsQueryRoutes } from './analytics/analytics-queries.js';
import { analyticsUserObservationRoutes } from './analytics/analytics-user-observations.js';
import { auditQueryRoutes } from './audit/audit-queries.js';
import { auditRealtimeRoutes } from './audit/audit-realtime.js';
import { notificationRoutes } from './notifications.js';
import { queueMemberWriteRoutes } from './routing/queue-member-writes.js';
import { queueMemberRoutes } from './routing/queue-members.js';
import { routingLanguageRoutes } from './routing/routing-languages.js';
import { routingQueueWriteRoutes } from './routing/routing-queue-writes.js';
import { routingQueueRoutes } from './routing/routing-queues.js';
import { routingSkillRoutes } from './routing/routing-skills.js';
import { skillGroupRoutes } from './routing/skill-groups.js';
import { tokenRoutes } from './tokens.js';
import { userRoutingAdminRoutes } from './users/user-routing-admin.js';
import { wrapupCodeRoutes } from './routing/routing-wrapup-codes.js';
import { userSkillRoutes } from './users/user-skills.js';
import { userRoutes } from './users/users.js';
import { userSearchRoutes } from './users/users-search.js';
import { utilizationRoutes } from './routing/utilization.js';
import { workforceRoutes } from './workforce/workforce.js';
import { workforceDownloadRoutes } from './workforce/workforce-downloads.js';

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
