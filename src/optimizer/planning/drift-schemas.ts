// The inputs and the report of diffRoutingConfig: snapshot sections (one per resource), options, report.
import * as z from 'zod/mini';

const OptStr = /* @__PURE__ */ (() => z.optional(z.string().check(z.minLength(1))))();
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
export const DriftEntitySchema = /* @__PURE__ */ (() =>
  z.looseObject({ id: OptStr, name: OptStr }).check(z.refine(hasKey, 'needs an id or a name')))();

/** A queue member (`QueueMember` + the queue it belongs to). Needs (`queueId` or `queueName`) and (`id` or `name`). */
export const DriftMemberSchema = /* @__PURE__ */ (() => nestedSchema('queue'))();

/** A user's routing skill (`UserRoutingSkill`: `id` = skill id, `name` = skill name) + the user it belongs to. */
export const DriftUserSkillSchema = /* @__PURE__ */ (() => nestedSchema('user'))();

/** A user's routing language (`UserRoutingLanguage`: `id` = language id, `name`, `proficiency`) + the user. */
export const DriftUserLanguageSchema = /* @__PURE__ */ (() => nestedSchema('user'))();

/** A member of a skill group (`id`, `name` of the user) + the group (`skillGroupId`, `skillGroupName`). */
export const DriftSkillGroupMemberSchema = /* @__PURE__ */ (() => nestedSchema('skillGroup'))();

/** A wrap-up code a queue offers (`id`, `name` of the code) + the queue (`queueId`, `queueName`). */
export const DriftQueueWrapupCodeSchema = /* @__PURE__ */ (() => nestedSchema('queue'))();

/** A routing configuration snapshot; every section is optional (an absent section compares as empty). */
export const RoutingConfigSnapshotSchema = /* @__PURE__ */ (() =>
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
  }))();

/** A routing configuration snapshot (input of {@link diffRoutingConfig}). */
export type RoutingConfigSnapshot = z.input<typeof RoutingConfigSnapshotSchema>;

/** The snapshot sections that are compared, in the order they are reported. */
export const DRIFT_SECTIONS = [
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
] as const;

/** The snapshot sections that are compared. */
export type DriftSection = (typeof DRIFT_SECTIONS)[number];

/** Options of {@link diffRoutingConfig}. */
export const DriftOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    /** Extra field names to ignore at any depth (e.g. `division` across orgs, `joined`). */
    ignoreFields: z._default(z.array(z.string().check(z.minLength(1))), []),
  }))();

/** Options of {@link diffRoutingConfig}. */
export type DriftOptions = z.input<typeof DriftOptionsSchema>;

const SectionSchema = /* @__PURE__ */ (() => z.enum(DRIFT_SECTIONS))();

/** Report schema (so stored reports can be re-validated and formatted). */
export const DriftReportSchema = /* @__PURE__ */ (() =>
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
  }))();

/** The result of {@link diffRoutingConfig}. `added` = only in `b`; `removed` = only in `a`. */
export type DriftReport = z.output<typeof DriftReportSchema>;
/** An entity present on one side only. */
export type DriftEntry = DriftReport['added'][number];
/** One changed field of a matched entity; `before`/`after` absent = the field is absent on that side. */
export type DriftChange = DriftReport['changed'][number];
