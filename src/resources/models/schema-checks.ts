// Type-level checks (compiled by `tsc --noEmit`, never imported or bundled): what each runtime schema lets
// through is assignable to the named interface the SDK returns for it, so a schema and its interface cannot
// drift apart (a field typed differently in both fails to compile here). Fields a loose schema does not list
// are not checked: they pass through at run time as the platform sends them.
import type * as z from 'zod/mini';
import type * as A from '../schemas/admin.js';
import type * as R from '../schemas/routing.js';
import type { UserObservationQueryResponseSchema } from '../analytics/user-observations.js';
import type { UserObservationQueryResponse } from './analytics.js';
import type {
  EstimatedWaitTimePredictions,
  Language,
  Queue,
  QueueMember,
  RoutingSkill,
  SkillGroup,
  UserReferenceWithName,
  UserRoutingLanguage,
  UserSkill,
  UtilizationLabel,
  WrapupCode,
} from './routing.js';
import type { OrganizationPresenceDefinition, RoutingStatus, User, UserPresence, UserQueue } from './users.js';

/** `check<Interface>()(schema-output)` compiles only when the schema's output is assignable to the interface. */
const check =
  <To>() =>
  <From extends To>(value: From): To =>
    value;

export const schemaChecks = [
  (v: z.infer<typeof R.RoutingSkillSchema>) => check<RoutingSkill>()(v),
  (v: z.infer<typeof R.QueueSchema>) => check<Queue>()(v),
  (v: z.infer<typeof R.QueueMemberSchema>) => check<QueueMember>()(v),
  (v: z.infer<typeof R.UserRoutingSkillSchema>) => check<UserSkill>()(v),
  (v: z.infer<typeof R.UserSchema>) => check<User>()(v),
  (v: z.infer<typeof R.RoutingStatusSchema>) => check<RoutingStatus>()(v),
  (v: z.infer<typeof A.LanguageSchema>) => check<Language>()(v),
  (v: z.infer<typeof A.UserRoutingLanguageSchema>) => check<UserRoutingLanguage>()(v),
  (v: z.infer<typeof A.SkillGroupSchema>) => check<SkillGroup>()(v),
  (v: z.infer<typeof A.SkillGroupMemberSchema>) => check<UserReferenceWithName>()(v),
  (v: z.infer<typeof A.WrapupCodeSchema>) => check<WrapupCode>()(v),
  (v: z.infer<typeof A.UtilizationLabelSchema>) => check<UtilizationLabel>()(v),
  (v: z.infer<typeof A.EstimatedWaitTimeSchema>) => check<EstimatedWaitTimePredictions>()(v),
  (v: z.infer<typeof A.UserPresenceSchema>) => check<UserPresence>()(v),
  (v: z.infer<typeof A.PresenceDefinitionSchema>) => check<OrganizationPresenceDefinition>()(v),
  (v: z.infer<typeof A.UserQueueSchema>) => check<UserQueue>()(v),
  (v: z.infer<typeof UserObservationQueryResponseSchema>) => check<UserObservationQueryResponse>()(v),
];
