// Type-level checks (compiled by `tsc --noEmit`, never imported or bundled): what each runtime schema lets
// through is assignable to the named interface the SDK returns for it, so a schema and its interface cannot
// drift apart (a field typed differently in both fails to compile here). Fields a loose schema does not list
// are not checked: they pass through at run time as the platform sends them.
import type { Infer } from '../../internal/shape.js';
import type * as R from '../schemas/routing.js';
import type { Queue, QueueMember, RoutingSkill, UserSkill } from './routing.js';
import type { RoutingStatus, User } from './users.js';

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
];
