// Routing models (API reference §3), as loose zod schemas; the exported types are inferred from them.
import { lazySchema, type Infer } from '../../internal/lazy-zod.js';
import { EntityRefSchema } from './common.js';

export const RoutingSkillSchema = lazySchema((z) =>
  z.looseObject({
  id: z.string(),
  name: z.string(),
  division: EntityRefSchema.schema.optional(),
  dateModified: z.string().optional(),
  state: z.enum(['active', 'inactive', 'deleted']).or(z.string()).optional(),
  version: z.union([z.string(), z.number()]).optional(),
  selfUri: z.string().optional(),
}),
);
export type RoutingSkill = Infer<typeof RoutingSkillSchema>;

const ServiceLevelSchema = lazySchema((z) => z.looseObject({ percentage: z.number().optional(), durationMs: z.number().optional() }));
export const MediaSettingSchema = lazySchema((z) =>
  z.looseObject({
  alertingTimeoutSeconds: z.number().optional(),
  serviceLevel: ServiceLevelSchema.schema.optional(),
  enableAutoAnswer: z.boolean().optional(),
}),
);

export const BullseyeRingSchema = lazySchema((z) =>
  z.looseObject({
  expansionCriteria: z.array(z.looseObject({ type: z.string().optional(), threshold: z.number().optional() })).optional(),
  actions: z.looseObject({}).optional(),
  memberGroups: z.array(z.looseObject({})).optional(),
}),
);

export const QueueSchema = lazySchema((z) =>
  z.looseObject({
  id: z.string(),
  name: z.string(),
  division: EntityRefSchema.schema.optional(),
  description: z.string().optional(),
  dateCreated: z.string().optional(),
  dateModified: z.string().optional(),
  memberCount: z.number().optional(),
  userMemberCount: z.number().optional(),
  joinedMemberCount: z.number().optional(),
  mediaSettings: z.record(z.string(), MediaSettingSchema.schema).optional(),
  routingRules: z.array(z.looseObject({})).optional(),
  bullseye: z.looseObject({ rings: z.array(BullseyeRingSchema.schema).optional() }).optional(),
  acwSettings: z.looseObject({ wrapupPrompt: z.string().optional(), timeoutMs: z.number().optional() }).optional(),
  skillEvaluationMethod: z.enum(['NONE', 'BEST', 'ALL']).or(z.string()).optional(),
  scoringMethod: z.string().optional(),
  lastAgentRoutingMode: z.string().optional(),
  memberGroups: z.array(z.looseObject({})).optional(),
  selfUri: z.string().optional(),
}),
);
export type Queue = Infer<typeof QueueSchema>;

export const RoutingStatusSchema = lazySchema((z) =>
  z.looseObject({
  userId: z.string().optional(),
  status: z.enum(['OFF_QUEUE', 'IDLE', 'INTERACTING', 'NOT_RESPONDING', 'COMMUNICATING']).or(z.string()).optional(),
  startTime: z.string().optional(),
}),
);
export type RoutingStatus = Infer<typeof RoutingStatusSchema>;

export const UserRoutingSkillSchema = lazySchema((z) =>
  z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  proficiency: z.number().optional(),
  state: z.string().optional(),
  skillUri: z.string().optional(),
  selfUri: z.string().optional(),
}),
);
export type UserRoutingSkill = Infer<typeof UserRoutingSkillSchema>;

export const UserSchema = lazySchema((z) =>
  z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  email: z.string().optional(),
  username: z.string().optional(),
  state: z.enum(['active', 'inactive', 'deleted']).or(z.string()).optional(),
  version: z.number().optional(),
  division: EntityRefSchema.schema.optional(),
  department: z.string().optional(),
  title: z.string().optional(),
  skills: z.array(UserRoutingSkillSchema.schema).optional(),
  languages: z.array(z.looseObject({ id: z.string() })).optional(),
  routingStatus: RoutingStatusSchema.schema.optional(),
  presence: z.looseObject({}).optional(),
  selfUri: z.string().optional(),
}),
);
export type User = Infer<typeof UserSchema>;

export const QueueMemberSchema = lazySchema((z) =>
  z.looseObject({
  id: z.string(),
  name: z.string().optional(),
  user: UserSchema.schema.partial({ id: true }).optional(),
  ringNumber: z.number().int().optional(),
  joined: z.boolean().optional(),
  memberBy: z.enum(['user', 'group']).or(z.string()).optional(),
  routingStatus: RoutingStatusSchema.schema.optional(),
  selfUri: z.string().optional(),
}),
);
export type QueueMember = Infer<typeof QueueMemberSchema>;
