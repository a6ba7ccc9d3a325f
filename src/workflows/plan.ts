// A Plan is the unit of work users review, store, diff and apply: JSON-serializable and versioned.
import { SkillLimitError, ValidationError, type ValidationIssue } from '../errors/index.js';
import { keysOf, nearMissKeyIssues } from '../internal/unknown-keys.js';
import { MAX_SKILLS_PER_USER } from '../resources/routing/users/user-skills.js';
import { findNonJson } from '../optimizer/planning/json-value.js';
import * as z from 'zod/mini';
import { safeParse } from '../internal/parse.js';
import { languageChangeIssues, type PlannedLanguageChange } from './plan-languages.js';

export type { PlannedLanguageChange } from './plan-languages.js';

/** The `kind` every plan file carries, so a reader knows it is a plan of this SDK. */
export const PLAN_KIND = 'genesys-routing-sdk/skill-plan';
/** The version of the plan format this SDK writes (`parsePlan` reads it). */
export const PLAN_VERSION = 1;

/** Service level, speed of answer and occupancy of one queue. */
export interface QueueMetrics {
  /** Effective agents (shared agents count by their share of the queue's load). */
  agents: number;
  /** Distinct agents who can serve the queue. */
  headcount?: number;
  /** Share of calls answered within the target time, 0..1. */
  serviceLevel: number;
  /** Mean wait of answered calls; null when unbounded (too few agents) or undefined (no agent). */
  asaSeconds: number | null;
  /** Share of the agents' time busy with calls, 0..1. */
  occupancy: number;
  /** Share of calls abandoning; null when abandonment is not modelled. */
  abandonRate?: number | null;
}

/** Expected effect of the plan on one queue (from the what-if model). */
export interface QueueImpact {
  /** Queue id. */
  queueId: string;
  /** Queue name, where the planner knew it. */
  queueName?: string | undefined;
  /** Expected measures with the current routing. */
  before: QueueMetrics;
  /** Expected measures with the plan applied. */
  after: QueueMetrics;
}

/** What a planned change does to one user's skill: add it, change its proficiency, or remove it. */
export type PlannedAction = 'add' | 'update' | 'remove';

/** One skill change for one user, with the reasons it was planned. */
export interface PlannedChange {
  /** User id. */
  userId: string;
  /** User name, where the planner knew it. */
  userName?: string | undefined;
  /** Routing skill id. */
  skillId: string;
  /** Skill name, where the planner knew it. */
  skillName?: string | undefined;
  /** `add` the skill, `update` its proficiency, or `remove` it. */
  action: PlannedAction;
  /** Proficiency before (null: the user does not have the skill). */
  before: number | null;
  /** Proficiency after (null: the skill is removed). */
  after: number | null;
  /** Why the change was planned, in words. */
  reasons: string[];
}

/**
 * A queue membership the plan adds so that a new skill takes effect (a skill alone routes none of the queue's calls),
 * or removes (`remove`: the autopilot's return to its baseline takes back the memberships it added).
 */
export interface PlannedMembership {
  /** User id. */
  userId: string;
  /** User name, where the planner knew it. */
  userName?: string | undefined;
  /** Queue id. */
  queueId: string;
  /** Queue name, where the planner knew it. */
  queueName?: string | undefined;
  /** `add` the user to the queue's members, or `remove` them. */
  action: 'add' | 'remove';
  /** Why, in words. */
  reason: string;
}

/**
 * Something the planner noticed and did not plan around (a rule it could not meet, a user it skipped), for a reviewer.
 */
export interface PlanIssue {
  /** What kind of issue, a short code (e.g. a violation kind or a skip reason). */
  kind: string;
  /** The user it is about, if any. */
  userId?: string | undefined;
  /** Names beside the ids, where the planner knew them (a reviewer reads names, not UUIDs). */
  userName?: string | undefined;
  /** The skill it is about, if any. */
  skillId?: string | undefined;
  /** The skill's name. */
  skillName?: string | undefined;
  /** The queue it is about, if any. */
  queueId?: string | undefined;
  /** The queue's name. */
  queueName?: string | undefined;
  /** The issue in words. */
  message: string;
}

/**
 * A routing change plan: the skill changes (and queue memberships, language changes) a planner proposed for one org,
 * with the reasons, ready to review and then `applyPlan`. Written and read as JSON (`parsePlan`).
 */
export interface Plan {
  /** Always `genesys-routing-sdk/skill-plan`. */
  kind: typeof PLAN_KIND;
  /** Plan format version (1). */
  version: typeof PLAN_VERSION;
  /** The plan's id (the journal and audit trail key their records by it). */
  id: string;
  /** When it was made, ISO-8601. */
  createdAt: string;
  /** What produced it: `planRoutingOptimization`, `planProficiencyRelevel` (also when called as `planSkillOptimization`), `recommendRoutingChanges`, `distributeWeights`, ... */
  source: string;
  /** API base URL of the org it was computed against. */
  org: string;
  /** Id of the org it was computed against (token info); applying it to another org is refused unless forced. */
  orgId?: string | undefined;
  /** The skill changes, per user. */
  changes: PlannedChange[];
  /** Queue memberships the changes need (`planRoutingOptimization`); applyPlan applies them before the skills. */
  memberships?: PlannedMembership[] | undefined;
  /**
   * Routing languages given, re-levelled or taken from users (where queues or conversations require a language);
   * applyPlan applies them after the memberships and before the skills.
   */
  languageChanges?: PlannedLanguageChange[] | undefined;
  /** Desired changes that were not planned, with the reason (never silently dropped). */
  skipped: PlanIssue[];
  /** Constraint violations found while planning. */
  violations: PlanIssue[];
  /** Expected effect per queue (empty when the planner has no model of the queues). */
  impact: QueueImpact[];
  /** Counts: users touched, adds, updates, removes, skipped and violations. */
  summary: { users: number; adds: number; updates: number; removes: number; skipped: number; violations: number };
  /** Free-form inputs that produced the plan (options, intervals), for the audit trail. */
  inputs?: Record<string, unknown>;
}

// zod/mini: parsePlan is synchronous and the CLI and notebooks call it before any request.
const proficiency = /* @__PURE__ */ (() => z.number().check(z.gte(0), z.lte(5)))();
const metrics = /* @__PURE__ */ (() =>
  z.looseObject({
    agents: z.number(),
    headcount: z.optional(z.number()),
    serviceLevel: z.number(),
    asaSeconds: z.nullable(z.number()),
    occupancy: z.number(),
    abandonRate: z.optional(z.nullable(z.number())),
  }))();
const issue = /* @__PURE__ */ (() => z.looseObject({ kind: z.string(), message: z.string() }))();
const PlanSchema = /* @__PURE__ */ (() =>
  z.looseObject({
    kind: z.literal(PLAN_KIND),
    version: z.literal(PLAN_VERSION),
    id: z.string().check(z.minLength(1)),
    createdAt: z.string(),
    source: z.string(),
    org: z.string(),
    changes: z.array(
      z.looseObject({
        userId: z.string().check(z.minLength(1)),
        skillId: z.string().check(z.minLength(1)),
        action: z.enum(['add', 'update', 'remove']),
        before: z.nullable(proficiency),
        after: z.nullable(proficiency),
        reasons: z.array(z.string()),
      }),
    ),
    memberships: z.optional(
      z.array(
        z.looseObject({
          userId: z.string().check(z.minLength(1)),
          queueId: z.string().check(z.minLength(1)),
          action: z.enum(['add', 'remove']),
          reason: z.optional(z.string()),
        }),
      ),
    ),
    skipped: z.array(issue),
    violations: z.array(issue),
    impact: z.array(z.looseObject({ queueId: z.string(), before: metrics, after: metrics })),
    summary: z.looseObject({}),
  }))();
export type ParsedPlan = z.output<typeof PlanSchema>;

/** Options of `parsePlan`. */
export interface ParsePlanOptions {
  /** Skills one user may hold (default 50, the platform's limit). */
  maxSkillsPerUser?: number;
}

/**
 * Validates a plan read from JSON (string or object); throws ValidationError naming the bad field, and
 * `SkillLimitError` when a user would end with more skills than the platform allows.
 */
export function parsePlan(input: string | unknown, options: ParsePlanOptions = {}): Plan {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ValidationError('parsePlan', [{ path: '', message: `not JSON (${(error as Error).message})` }]);
    }
  }
  const wrongKind = otherFileKind(value);
  if (wrongKind) throw new ValidationError('parsePlan', [{ path: 'kind', message: wrongKind }]);
  // Unknown fields pass through, so they must be JSON data too (a cycle or a bigint breaks saving the plan).
  const notJson = findNonJson(value, '');
  if (notJson) throw new ValidationError('parsePlan', [notJson]);
  const nearMisses = planNearMisses(value);
  if (nearMisses.length > 0) throw new ValidationError('parsePlan', nearMisses);
  const result = safeParse(PlanSchema, value);
  if (!result.success) throw ValidationError.fromZod('parsePlan', result.error);
  for (const [i, c] of result.data.changes.entries()) {
    const ok = (c.action === 'remove') === (c.after === null) && (c.action === 'add') === (c.before === null);
    if (!ok)
      throw new ValidationError('parsePlan', [
        { path: `changes[${i}]`, message: `before/after do not fit action '${c.action}'` },
      ]);
  }
  const plan = result.data as unknown as Plan;
  checkPlanChanges(plan.changes, { ...options, context: 'parsePlan' });
  checkPlanParts(plan, 'parsePlan');
  return plan;
}

// A plan is an open format (planners add their own top-level fields, e.g. `optimization`, `day`), so only a near
// miss of a known field is refused: a misspelled `languageChanges` or `orgId` must not be silently ignored.
const PLAN_KEYS = /* @__PURE__ */ keysOf<Plan>({
  kind: true,
  version: true,
  id: true,
  createdAt: true,
  source: true,
  org: true,
  orgId: true,
  changes: true,
  memberships: true,
  languageChanges: true,
  skipped: true,
  violations: true,
  impact: true,
  summary: true,
  inputs: true,
});
const PLANNER_KEYS = ['optimization', 'day'];
const CHANGE_KEYS = /* @__PURE__ */ keysOf<PlannedChange>({
  userId: true,
  userName: true,
  skillId: true,
  skillName: true,
  action: true,
  before: true,
  after: true,
  reasons: true,
});
const MEMBERSHIP_KEYS = /* @__PURE__ */ keysOf<PlannedMembership>({
  userId: true,
  userName: true,
  queueId: true,
  queueName: true,
  action: true,
  reason: true,
});
const LANGUAGE_KEYS = /* @__PURE__ */ keysOf<PlannedLanguageChange>({
  userId: true,
  userName: true,
  languageId: true,
  languageName: true,
  action: true,
  before: true,
  after: true,
  reasons: true,
});

/** Near misses of the plan's known fields, at the top and in each change, membership and language change. */
function planNearMisses(value: unknown): ValidationIssue[] {
  const issues = nearMissKeyIssues(value, [...PLAN_KEYS, ...PLANNER_KEYS], '');
  const o = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  const parts: Array<[string, readonly string[]]> = [
    ['changes', CHANGE_KEYS],
    ['memberships', MEMBERSHIP_KEYS],
    ['languageChanges', LANGUAGE_KEYS],
  ];
  for (const [part, keys] of parts) {
    const list = o[part];
    if (Array.isArray(list))
      list.forEach((entry, i) => issues.push(...nearMissKeyIssues(entry, keys, `${part}[${i}]`)));
  }
  return issues;
}

/** Known kinds of files this SDK writes, for "this is a snapshot, not a plan" instead of a list of schema issues. */
const OTHER_KINDS: Record<string, string> = {
  'genesys-routing-sdk/routing-snapshot': 'a routing snapshot (from `drift --snapshot` / snapshotRoutingConfig)',
};

/** Names the kind of file `value` is when it is not a plan but another file this SDK (or a report) writes. */
function otherFileKind(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const kind = (value as { kind?: unknown }).kind;
  if (kind === PLAN_KIND) return undefined;
  if (typeof kind === 'string' && OTHER_KINDS[kind])
    return `this is ${OTHER_KINDS[kind]}, not a plan: apply a plan made by \`optimize\` or \`plan\``;
  if (typeof kind === 'string' && kind.startsWith('genesys-routing-sdk/'))
    return `this is a '${kind}' file, not a plan (kind '${PLAN_KIND}')`;
  return undefined;
}

/** The parts of a plan applyPlan applies; every other top-level list is a part it cannot apply. */
export const APPLIED_PLAN_PARTS = ['changes', 'memberships', 'languageChanges'] as const;
/** Top-level lists of a plan that describe it and are never applied. */
const DESCRIPTIVE_PLAN_PARTS = new Set(['skipped', 'violations', 'impact']);

/** A list entry that reads as a change to the org: an object naming a user, agent, queue or skill. */
const looksLikeChange = (item: unknown) =>
  typeof item === 'object' && item !== null && ['userId', 'agentId', 'queueId', 'skillId'].some((k) => k in item);

/**
 * Refuses, before any write, a plan with a part applyPlan cannot apply (a top-level list of changes other than
 * `changes`, `memberships` and `languageChanges`, e.g. `ringChanges: [{ queueId, userId, ... }]`, a membership that
 * is neither an `add` nor a `remove`, or a language change that does not name a user and a language or whose
 * before/after do not fit its action): nothing of a plan is silently left out. Lists of plain values (tags,
 * reviewers) are notes, not parts.
 */
export function checkPlanParts(plan: Plan, context: string): void {
  const issues: Array<{ path: string; message: string }> = [];
  for (const [key, value] of Object.entries(plan)) {
    if (!Array.isArray(value) || !value.some(looksLikeChange)) continue;
    if ((APPLIED_PLAN_PARTS as readonly string[]).includes(key) || DESCRIPTIVE_PLAN_PARTS.has(key)) continue;
    issues.push({
      path: key,
      message: `this plan part cannot be applied (applyPlan applies ${APPLIED_PLAN_PARTS.join(', ')}); remove it or apply it another way`,
    });
  }
  const memberships: unknown = plan.memberships;
  if (memberships !== undefined && !Array.isArray(memberships))
    issues.push({ path: 'memberships', message: 'must be an array of { userId, queueId, action: "add" | "remove" }' });
  else {
    const seen = new Map<string, number>();
    for (const [i, m] of (memberships ?? []).entries()) {
      const o = m as unknown as Record<string, unknown>;
      const key = `${String(o?.['userId'])}\u0000${String(o?.['queueId'])}`;
      if (seen.has(key))
        issues.push({
          path: `memberships[${i}]`,
          message: `duplicate entry: the same user and queue are already planned at memberships[${seen.get(key)}]`,
        });
      seen.set(key, i);
      if (typeof o?.['userId'] !== 'string' || o['userId'] === '')
        issues.push({ path: `memberships[${i}].userId`, message: 'must be a non-empty string' });
      if (typeof o?.['queueId'] !== 'string' || o['queueId'] === '')
        issues.push({ path: `memberships[${i}].queueId`, message: 'must be a non-empty string' });
      if (o?.['action'] !== 'add' && o?.['action'] !== 'remove')
        issues.push({
          path: `memberships[${i}].action`,
          message: `must be 'add' or 'remove' (got ${JSON.stringify(o?.['action'])})`,
        });
    }
  }
  issues.push(...languageChangeIssues((plan as { languageChanges?: unknown }).languageChanges));
  if (issues.length > 0) throw new ValidationError(context, issues);
}

/**
 * Checks what every plan must satisfy before anything is written: one change per user and skill (a second
 * entry would make the plan contradict itself), and no user ending with more skills than the platform allows.
 * `held` (user id -> skill ids held now) makes the limit exact; without it, the planned adds and updates alone
 * are counted (a lower bound of the end state). Used by parsePlan, every planner and applyPlan.
 */
export function checkPlanChanges(
  changes: readonly PlannedChange[],
  options: ParsePlanOptions & { context?: string; held?: ReadonlyMap<string, Iterable<string>> } = {},
): void {
  const context = options.context ?? 'plan';
  const limit = options.maxSkillsPerUser ?? MAX_SKILLS_PER_USER;
  const seen = new Map<string, number>();
  const byUser = new Map<
    string,
    { kept: Set<string>; removed: Set<string>; name?: string | undefined; first: number }
  >();
  changes.forEach((c, i) => {
    const key = `${c.userId}\u0000${c.skillId}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      const who = c.userName ? `${c.userName} (${c.userId})` : c.userId;
      const what = c.skillName ? `${c.skillName} (${c.skillId})` : c.skillId;
      throw new ValidationError(context, [
        {
          path: `changes[${i}]`,
          message: `duplicate entry: user ${who} and skill ${what} are already planned at changes[${earlier}]`,
        },
      ]);
    }
    seen.set(key, i);
    const u = byUser.get(c.userId) ?? {
      kept: new Set<string>(),
      removed: new Set<string>(),
      name: c.userName,
      first: i,
    };
    (c.after === null ? u.removed : u.kept).add(c.skillId);
    byUser.set(c.userId, u);
  });
  for (const [userId, u] of byUser) {
    const end = new Set(u.kept);
    for (const id of options.held?.get(userId) ?? []) if (!u.removed.has(id)) end.add(id);
    if (end.size > limit)
      throw new SkillLimitError(context, {
        userId,
        userName: u.name,
        count: end.size,
        limit,
        path: `changes[${u.first}].userId`,
      });
  }
}

/** Builds the summary block from the changes. */
export function summarize(
  changes: readonly PlannedChange[],
  skipped: readonly PlanIssue[],
  violations: readonly PlanIssue[],
): Plan['summary'] {
  return {
    users: new Set(changes.map((c) => c.userId)).size,
    adds: changes.filter((c) => c.action === 'add').length,
    updates: changes.filter((c) => c.action === 'update').length,
    removes: changes.filter((c) => c.action === 'remove').length,
    skipped: skipped.length,
    violations: violations.length,
  };
}

/** A sortable, unique-enough id without randomness APIs that need imports: time + counter + random. */
export function newPlanId(now = new Date()): string {
  const stamp = now
    .toISOString()
    .replace(/[-:.TZ]/g, '')
    .slice(0, 14);
  return `plan-${stamp}-${Math.random().toString(36).slice(2, 10)}`;
}

/**
 * For planners: keeps every user within the per-user skill limit by moving the adds that would break it into
 * `skipped` (kind `skillLimit`, never silently dropped). `current` is user id -> skill id -> proficiency held now.
 */
export function enforceSkillLimit(
  changes: readonly PlannedChange[],
  current: Readonly<Record<string, Readonly<Record<string, number>> | undefined>>,
  limit = MAX_SKILLS_PER_USER,
): { changes: PlannedChange[]; skipped: PlanIssue[] } {
  const count = new Map<string, number>();
  for (const c of changes) if (!count.has(c.userId)) count.set(c.userId, Object.keys(current[c.userId] ?? {}).length);
  for (const c of changes) if (c.action === 'remove') count.set(c.userId, count.get(c.userId)! - 1);
  const kept: PlannedChange[] = [];
  const skipped: PlanIssue[] = [];
  for (const c of changes) {
    if (c.action === 'add') {
      const n = count.get(c.userId)!;
      if (n + 1 > limit) {
        skipped.push({
          kind: 'skillLimit',
          userId: c.userId,
          skillId: c.skillId,
          message: `${c.userName ?? c.userId} would hold more than ${limit} skills (the platform's per-user limit): ${c.skillName ?? c.skillId} not added`,
        });
        continue;
      }
      count.set(c.userId, n + 1);
    }
    kept.push(c);
  }
  return { changes: kept, skipped };
}

/**
 * The org id a plan records (token info), so applyPlan can refuse it on another org even in the same region.
 * Best effort: undefined when the client may not read token info (applyPlan then compares API base URLs).
 */
export async function planOrgId(
  client: { routing: { users: { currentOrg(o: { signal?: AbortSignal | undefined }): Promise<{ id: string }> } } },
  signal?: AbortSignal,
): Promise<string | undefined> {
  try {
    return (await client.routing.users.currentOrg({ signal })).id;
  } catch {
    return undefined;
  }
}
