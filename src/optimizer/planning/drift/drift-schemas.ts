// The inputs and the report of diffRoutingConfig: snapshot sections (one per resource), options, report.
import * as z from 'zod/mini';

const OptStr = /* @__PURE__ */ z.lazy(() => z.optional(z.string().check(z.minLength(1))));
const hasKey = (e: { id?: string | undefined; name?: string | undefined }): boolean =>
  e.id !== undefined || e.name !== undefined;

/** An entity inside a parent (a queue's member, a user's skill): needs the parent's id or name, and its own. */
function nestedSchema<P extends string>(parent: P) {
  const [parentId, parentName] = [`${parent}Id`, `${parent}Name`] as const;
  return z
    .looseObject({ [parentId]: OptStr, [parentName]: OptStr, id: OptStr, name: OptStr } as {
      [K in `${P}Id` | `${P}Name` | 'id' | 'name']: typeof OptStr;
    })
    .check(
      z.refine(
        (e: Record<string, unknown>) =>
          (e[parentId] !== undefined || e[parentName] !== undefined) &&
          (e['id'] !== undefined || e['name'] !== undefined),
        `needs ${parentId}/${parentName} and id/name`,
      ),
    );
}

/**
 * A queue, skill, language, skill group or wrap-up code as the platform returns it; unknown fields are compared
 * too. Needs `id` or `name`.
 */
export const DriftEntitySchema = /* @__PURE__ */ z.lazy(() =>
  z.looseObject({ id: OptStr, name: OptStr }).check(z.refine(hasKey, 'needs an id or a name')),
);

/** A queue member (`QueueMember` + the queue it belongs to). Needs (`queueId` or `queueName`) and (`id` or `name`). */
export const DriftMemberSchema = /* @__PURE__ */ z.lazy(() => nestedSchema('queue'));

/** A user's routing skill (`UserRoutingSkill`: `id` = skill id, `name` = skill name) + the user it belongs to. */
export const DriftUserSkillSchema = /* @__PURE__ */ z.lazy(() => nestedSchema('user'));

/** A user's routing language (`UserRoutingLanguage`: `id` = language id, `name`, `proficiency`) + the user. */
export const DriftUserLanguageSchema = /* @__PURE__ */ z.lazy(() => nestedSchema('user'));

/** A member of a skill group (`id`, `name` of the user) + the group (`skillGroupId`, `skillGroupName`). */
export const DriftSkillGroupMemberSchema = /* @__PURE__ */ z.lazy(() => nestedSchema('skillGroup'));

/** A wrap-up code a queue offers (`id`, `name` of the code) + the queue (`queueId`, `queueName`). */
export const DriftQueueWrapupCodeSchema = /* @__PURE__ */ z.lazy(() => nestedSchema('queue'));

/** A routing configuration snapshot; every section is optional (an absent section compares as empty). */
export const RoutingConfigSnapshotSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    queues: z._default(z.array(DriftEntitySchema), []),
    skills: z._default(z.array(DriftEntitySchema), []),
    members: z._default(z.array(DriftMemberSchema), []),
    userSkills: z._default(z.array(DriftUserSkillSchema), []),
    languages: z._default(z.array(DriftEntitySchema), []),
    userLanguages: z._default(z.array(DriftUserLanguageSchema), []),
    skillGroups: z._default(z.array(DriftEntitySchema), []),
    skillGroupMembers: z._default(z.array(DriftSkillGroupMemberSchema), []),
    wrapupCodes: z._default(z.array(DriftEntitySchema), []),
    queueWrapupCodes: z._default(z.array(DriftQueueWrapupCodeSchema), []),
  }),
);

/**
 * An entity of a snapshot section as the platform returns it (a queue, skill, language, skill group, wrap-up code):
 * every field is compared; identified by `id`, or by `name` across orgs.
 */
export interface DriftEntity {
  /** The entity's id (pairs entities within one org). */
  id?: string | undefined;
  /** The entity's name (pairs entities across orgs). */
  name?: string | undefined;
  /** Every other field the platform returned, compared as it is. */
  [field: string]: unknown;
}
/** An entity inside a queue (a member, an offered wrap-up code): the queue's id or name beside its own. */
export interface DriftQueueItem extends DriftEntity {
  /** The queue's id. */
  queueId?: string | undefined;
  /** The queue's name (pairs items across orgs). */
  queueName?: string | undefined;
}
/** An entity held by a user (a skill, a language, with `proficiency`): the user's id or name beside its own. */
export interface DriftUserItem extends DriftEntity {
  /** The user's id. */
  userId?: string | undefined;
  /** The user's name (pairs items across orgs). */
  userName?: string | undefined;
}
/** A member of a skill group: the group's id or name beside the user's. */
export interface DriftSkillGroupItem extends DriftEntity {
  /** The skill group's id. */
  skillGroupId?: string | undefined;
  /** The skill group's name (pairs items across orgs). */
  skillGroupName?: string | undefined;
}

/** A routing config snapshot (input of `diffRoutingConfig` in `/optimizer`); an absent section compares as empty. */
export interface RoutingConfigSnapshot {
  /** The org's queues. */
  queues?: DriftEntity[] | undefined;
  /** The org's routing skills. */
  skills?: DriftEntity[] | undefined;
  /** Queue members. */
  members?: DriftQueueItem[] | undefined;
  /** Users' routing skills. */
  userSkills?: DriftUserItem[] | undefined;
  /** The org's routing languages. */
  languages?: DriftEntity[] | undefined;
  /** Users' routing languages. */
  userLanguages?: DriftUserItem[] | undefined;
  /** Skill groups (with their `skillConditions`). */
  skillGroups?: DriftEntity[] | undefined;
  /** Skill group members. */
  skillGroupMembers?: DriftSkillGroupItem[] | undefined;
  /** The org's wrap-up codes. */
  wrapupCodes?: DriftEntity[] | undefined;
  /** The wrap-up codes each queue offers. */
  queueWrapupCodes?: DriftQueueItem[] | undefined;
}

/** The snapshot sections that are compared. */
export type DriftSection =
  | 'skills'
  | 'languages'
  | 'wrapupCodes'
  | 'queues'
  | 'skillGroups'
  | 'members'
  | 'queueWrapupCodes'
  | 'skillGroupMembers'
  | 'userSkills'
  | 'userLanguages';

/** The snapshot sections that are compared, in the order they are reported. */
export const DRIFT_SECTIONS: readonly DriftSection[] = [
  'skills',
  'languages',
  'wrapupCodes',
  'queues',
  'skillGroups',
  'members',
  'queueWrapupCodes',
  'skillGroupMembers',
  'userSkills',
  'userLanguages',
];

/** Options of `diffRoutingConfig` (in `/optimizer`). */
export const DriftOptionsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Extra field names to ignore at any depth (e.g. `division` across orgs, `joined`). */
    ignoreFields: z._default(z.array(z.string().check(z.minLength(1))), []),
  }),
);

/** Options of `diffRoutingConfig` (in `/optimizer`). */
export interface DriftOptions {
  /** Extra field names to ignore at any depth (e.g. `division` across orgs, `joined`). */
  ignoreFields?: string[] | undefined;
}

const SectionSchema = /* @__PURE__ */ z.lazy(() => z.enum(DRIFT_SECTIONS as [DriftSection, ...DriftSection[]]));

/** Report schema (so stored reports can be re-validated and formatted). */
export const DriftReportSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    identical: z.boolean(),
    summary: z.object({ added: z.number(), removed: z.number(), changed: z.number(), changedEntities: z.number() }),
    added: z.array(z.object({ section: SectionSchema, label: z.string(), path: z.string(), value: z.unknown() })),
    removed: z.array(z.object({ section: SectionSchema, label: z.string(), path: z.string(), value: z.unknown() })),
    changed: z.array(
      z.object({
        section: SectionSchema,
        label: z.string(),
        path: z.string(),
        matchedBy: z.enum(['id', 'name']),
        before: z.optional(z.unknown()),
        after: z.optional(z.unknown()),
      }),
    ),
    /** Sections one side did not capture (an older snapshot, or a part left out): not compared, not drift. */
    notCompared: z.optional(z.array(SectionSchema)),
  }),
);

/** An entity present on one side only. */
export interface DriftEntry {
  /** The snapshot section it is in (`queues`, `members`, `userSkills`, …). */
  section: DriftSection;
  /** What it is, by name (`language Dutch of user Ann`). */
  label: string;
  /** JSONPath of the entity in its snapshot, e.g. `$.queues[?(@.name=='Sales')]`. */
  path: string;
  /** The entity, without ignored fields. */
  value: unknown;
}

/** One changed field of a matched entity; `before`/`after` absent = the field is absent on that side. */
export interface DriftChange {
  /** The snapshot section of the entity (`queues`, `members`, `userSkills`, …). */
  section: DriftSection;
  /** The entity, by name (`queue Sales`). */
  label: string;
  /** JSONPath of the field, e.g. `$.queues[?(@.name=='Sales')].acwSettings.timeoutMs`. */
  path: string;
  /** How the two sides' entities were paired: same id, or (across orgs) same unique name. */
  matchedBy: 'id' | 'name';
  /** The field's value in `a`. */
  before?: unknown;
  /** The field's value in `b`. */
  after?: unknown;
}

/** The result of `diffRoutingConfig` (in `/optimizer`). `added` = only in `b`; `removed` = only in `a`. */
export interface DriftReport {
  /** True when nothing was added, removed or changed. */
  identical: boolean;
  /** Counts: entities added and removed, fields changed, and entities with at least one changed field. */
  summary: { added: number; removed: number; changed: number; changedEntities: number };
  /** Entities only in `b`. */
  added: DriftEntry[];
  /** Entities only in `a`. */
  removed: DriftEntry[];
  /** Changed fields of entities in both. */
  changed: DriftChange[];
  /** Sections one side did not capture (an older snapshot, or a part left out): not compared, not drift. */
  notCompared?: DriftSection[] | undefined;
}

// The named types above and the schemas must agree (compile-time only; not part of the public surface).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Expect<T extends true> = T;
export type DriftTypesAgree = [
  Expect<Same<z.output<typeof DriftReportSchema>['summary'], DriftReport['summary']>>,
  Expect<Same<z.output<typeof DriftReportSchema>['added'][number]['section'], DriftSection>>,
  Expect<RoutingConfigSnapshot extends z.input<typeof RoutingConfigSnapshotSchema> ? true : false>,
  Expect<z.output<typeof DriftReportSchema> extends DriftReport ? true : false>,
];
