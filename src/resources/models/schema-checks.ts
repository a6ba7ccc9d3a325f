// Type-level checks (compiled by `tsc --noEmit`, never imported or bundled): what each runtime schema lets
// through is assignable to the named interface the SDK returns for it, so a schema and its interface cannot
// drift apart (a field typed differently in both fails to compile here). Fields a loose schema does not list
// are not checked: they pass through at run time as the platform sends them.
import type { Infer } from '../../internal/shape.js';
import type * as A from '../schemas/admin.js';
import type * as R from '../schemas/routing.js';
import type { UserObservationQueryResponseSchema } from '../analytics/user-observations.js';
import type { UserObservationQueryResponse } from './analytics.js';
import type { EstimatedWaitTimePredictions, Language, Queue, QueueMember, RoutingSkill, SkillGroup, UserReferenceWithName, UserRoutingLanguage, UserSkill, UtilizationLabel, WrapupCode } from './routing.js';
import type { OrganizationPresenceDefinition, RoutingStatus, User, UserPresence, UserQueue } from './users.js';

/** `check<Interface>()(schema-output)` compiles only when the schema's output is assignable to the interface. */
const check =
  <To>() =>
  <From extends To>(value: From): To =>
    value;

export const schemaChecks = [
  (v: Infer<typeof R.RoutingSkillSchema>) => check<RoutingSkill>()(v),
  (v: Infer<typeof R.QueueSchema>) => check<Queue>()(v),
  (v: Infer<typeof R.QueueMemberSchema>) => check<QueueMember>()(v),
  (v: Infer<typeof R.UserRoutingSkillSchema>) => check<UserSkill>()(v),
  (v: Infer<typeof R.UserSchema>) => check<User>()(v),
  (v: Infer<typeof R.RoutingStatusSchema>) => check<RoutingStatus>()(v),
  (v: Infer<typeof A.LanguageSchema>) => check<Language>()(v),
  (v: Infer<typeof A.UserRoutingLanguageSchema>) => check<UserRoutingLanguage>()(v),
  (v: Infer<typeof A.SkillGroupSchema>) => check<SkillGroup>()(v),
  (v: Infer<typeof A.SkillGroupMemberSchema>) => check<UserReferenceWithName>()(v),
  (v: Infer<typeof A.WrapupCodeSchema>) => check<WrapupCode>()(v),
  (v: Infer<typeof A.UtilizationLabelSchema>) => check<UtilizationLabel>()(v),
  (v: Infer<typeof A.EstimatedWaitTimeSchema>) => check<EstimatedWaitTimePredictions>()(v),
  (v: Infer<typeof A.UserPresenceSchema>) => check<UserPresence>()(v),
  (v: Infer<typeof A.PresenceDefinitionSchema>) => check<OrganizationPresenceDefinition>()(v),
  (v: Infer<typeof A.UserQueueSchema>) => check<UserQueue>()(v),
  (v: Infer<typeof UserObservationQueryResponseSchema>) => check<UserObservationQueryResponse>()(v),
];
