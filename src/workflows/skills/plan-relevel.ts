// planProficiencyRelevel (and its deprecated alias planSkillOptimization): roster -> current skills -> history ->
// scoreProficiency -> constraints -> diffSkillMatrix -> whatIf -> a reviewable Plan. Reads only; nothing is written.
import type { GenesysClient } from '../../client/client.js';
import { ValidationError } from '../../errors/index.js';
import type { DiffMode, ProficiencyPolicyInput, SkillChange } from '../../optimizer/planning/index.js';
import {
  type Plan,
  PLAN_KIND,
  PLAN_VERSION,
  enforceSkillLimit,
  newPlanId,
  planOrgId,
  summarize,
  type PlanIssue,
  type QueueImpact,
} from '../plan.js';
import { collectHistory, medianHandleBySkill, type QueueHistory } from '../history.js';
import { historyWindow, readRoster, type Roster } from '../roster.js';
import { reportProgress } from '../progress.js';
import * as planning from '../../optimizer/planning/index.js';
import * as z from 'zod/mini';
import { optionalFunction, optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';
import { whatIfImpact } from './what-if-impact.js';

/** Options of `planProficiencyRelevel`. */
export interface PlanProficiencyRelevelOptions {
  /** Queues whose members are re-levelled. Default: every queue. */
  queueIds?: string[];
  /** History window ending at the last whole hour, in days (1..366). Default 7. Ignored when `interval` is given. */
  days?: number;
  /** The history window; when given, `days` is ignored. */
  interval?: { from: Date; to: Date };
  /** Proficiency policy overrides (see ProficiencyPolicySchema). */
  policy?: ProficiencyPolicyInput;
  /** 'set' (default) never removes; 'upgradeOnly' never lowers; 'replace' also removes. */
  mode?: DiffMode;
  /** Proficiency changes smaller than this count as unchanged. Default 0 (any change counts). */
  minDelta?: number;
  /** Most skills a user may hold after the plan; adds beyond it are skipped. Default: no cap. */
  maxSkillsPerUser?: number;
  /** Per user facts the platform does not expose cheaply. Default: active users are routing-eligible. */
  eligibility?: Record<string, { hasRoutingRole?: boolean; hasRoutingLicense?: boolean; certifications?: string[] }>;
  /** Certifications a skill requires, by skill id. */
  skillCertifications?: Record<string, string[]>;
  /** Mean caller patience for the what-if (Erlang A); omitted = Erlang C. */
  patienceSeconds?: number;
  /** Stops the work: the call rejects and no further request is sent. */
  signal?: AbortSignal;
  /** Called with each step of the planning (a short text), e.g. for a progress line. */
  onProgress?: (step: string) => void;
}

/**
 * The old name of {@link PlanProficiencyRelevelOptions}.
 * @deprecated Renamed {@link PlanProficiencyRelevelOptions}.
 */
export type PlanSkillOptimizationOptions = PlanProficiencyRelevelOptions;

/**
 * Re-levels the proficiencies of the skills agents already hold, from their history (handled contacts, handle
 * time, transfers, occupancy). Nothing is written: review the plan, then `applyPlan(client, plan)`. To decide
 * which agents should hold which queue skills so every queue meets its target, use `planRoutingOptimization`.
 * @example
 * const plan = await planProficiencyRelevel(client, { queueIds: [billingQueueId], days: 14 });
 * for (const c of plan.changes) console.log(c.userName, c.skillName, c.before, '->', c.after, c.reasons[0]);
 * @throws {ValidationError} naming `days` when it is not a whole number of days in 1..366, or `interval`
 * when it does not end after it starts.
 */
export async function planProficiencyRelevel(
  client: GenesysClient,
  options: PlanProficiencyRelevelOptions = {},
): Promise<Plan> {
  parseOptions('planProficiencyRelevel', RelevelOptionsSchema, options);
  checkWindow(options);
  return relevelFromHistory(client, options);
}

const RelevelOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<PlanProficiencyRelevelOptions>({
    queueIds: z.optional(z.array(z.string())),
    days: true,
    interval: true,
    policy: true,
    mode: true,
    minDelta: true,
    maxSkillsPerUser: true,
    eligibility: z.optional(
      z.record(
        z.string(),
        z.strictObject({
          hasRoutingRole: z.optional(z.boolean()),
          hasRoutingLicense: z.optional(z.boolean()),
          certifications: z.optional(z.array(z.string())),
        }),
      ),
    ),
    skillCertifications: z.optional(z.record(z.string(), z.array(z.string()))),
    patienceSeconds: true,
    signal: optionalSignal(),
    onProgress: optionalFunction(),
  }))();

let warned = false;

/**
 * The old name of {@link planProficiencyRelevel}: same options and result.
 * @deprecated Renamed {@link planProficiencyRelevel} (the name said "optimization"; the optimizer is
 * `planRoutingOptimization`). Warns once per process when called; removed in the next minor version.
 */
export async function planSkillOptimization(
  client: GenesysClient,
  options: PlanProficiencyRelevelOptions = {},
): Promise<Plan> {
  if (!warned) {
    warned = true;
    process.emitWarning('planSkillOptimization is deprecated: use planProficiencyRelevel (same options and result)', {
      type: 'DeprecationWarning',
      code: 'GENESYS_ROUTING_PLAN_SKILL_OPTIMIZATION',
    });
  }
  return planProficiencyRelevel(client, options);
}

/** The history window's options, checked by the names the caller used (not the analytics query's fields). */
function checkWindow(options: PlanProficiencyRelevelOptions): void {
  const { days, interval } = options as { days?: unknown; interval?: { from?: unknown; to?: unknown } };
  if (
    interval === undefined &&
    days !== undefined &&
    (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > 366)
  ) {
    throw new ValidationError('planProficiencyRelevel', [
      { path: 'days', message: `expected a whole number of days between 1 and 366, got ${String(days)}` },
    ]);
  }
  if (interval !== undefined) {
    const ok =
      interval !== null &&
      typeof interval === 'object' &&
      interval.from instanceof Date &&
      interval.to instanceof Date &&
      interval.to.getTime() > interval.from.getTime();
    if (!ok)
      throw new ValidationError('planProficiencyRelevel', [
        { path: 'interval', message: 'expected { from: Date, to: Date } with to after from' },
      ]);
  }
}

/** The re-level itself (planProficiencyRelevel checks the window first). */
async function relevelFromHistory(client: GenesysClient, options: PlanProficiencyRelevelOptions = {}): Promise<Plan> {
  const { signal } = options;
  const step = (s: string) => {
    reportProgress(
      client,
      { operation: 'planProficiencyRelevel', unit: 'steps', done: 0, total: undefined, message: s },
      options.onProgress,
      s,
    );
  };
  const { from, to } = historyWindow(options);

  step('reading queues, members, users and their skills');
  const { queues, members, userIds, users, current, skillNames } = await readRoster(client, options.queueIds, signal);

  step('reading history (aggregates, occupancy)');
  const history = await collectHistory(
    client,
    queues,
    userIds.filter((u) => users.get(u)?.state === 'active'),
    { interval: { from, to }, signal },
  );
  const queueSkills = new Map(history.queues.map((q) => [q.queueId, q.requestedSkills.map((s) => s.skillId)]));
  const skipped: PlanIssue[] = history.queues
    .filter((q) => q.requestedSkills.length === 0)
    .map((q) => ({
      kind: 'noHistory',
      queueId: q.queueId,
      queueName: q.queueName,
      message: `${q.queueName}: no routed contacts in the period; its members' skills are left as they are`,
    }));

  step('scoring proficiencies');
  const relevel: Relevel = { members, users, userIds, current, history, queueSkills };
  const { desired, reasons } = scoreHeldSkills(relevel, options);

  step('diffing and checking constraints');
  const diff = planning.diffSkillMatrix(current, desired, {
    mode: options.mode ?? 'set',
    minDelta: options.minDelta,
    maxSkillsPerUser: options.maxSkillsPerUser,
  });
  for (const s of diff.skipped) {
    skipped.push({
      kind: s.code,
      userId: s.userId,
      userName: users.get(s.userId)?.name,
      skillId: s.skillId,
      skillName: skillNames.get(s.skillId),
      message: s.reason,
    });
  }
  const proposed = planning.diffToChanges(diff);
  const violations = routingViolations(proposed, relevel, options);
  const blocked = new Set(violations.map((v) => `${v.userId}\u0000${v.skillId ?? ''}`));
  const accepted = proposed.filter((c) => !blocked.has(`${c.userId}\u0000${c.skillId}`));

  step('what-if per queue');
  const impact = await whatIfImpact(
    history.queues,
    queueSkills,
    members,
    current,
    accepted,
    options.patienceSeconds,
    new Map(),
    signal,
  );

  return assemblePlan(client, options, {
    relevel,
    accepted,
    reasons,
    skipped,
    violations,
    impact,
    skillNames,
    queues,
    from,
    to,
  });
}

/** The reviewable Plan: the accepted changes within the per-user skill limit, with what was skipped and why. */
async function assemblePlan(
  client: GenesysClient,
  options: PlanProficiencyRelevelOptions,
  p: {
    relevel: Relevel;
    accepted: SkillChange[];
    reasons: Map<string, string[]>;
    skipped: PlanIssue[];
    violations: ReturnType<typeof routingViolations>;
    impact: QueueImpact[];
    skillNames: Roster['skillNames'];
    queues: Roster['queues'];
    from: Date;
    to: Date;
  },
): Promise<Plan> {
  const { users, current } = p.relevel;
  const { accepted, reasons, skipped, violations, impact, skillNames, queues, from, to } = p;
  const { signal } = options;
  const limited = enforceSkillLimit(
    accepted.map((c) => ({
      userId: c.userId,
      userName: users.get(c.userId)?.name,
      skillId: c.skillId,
      skillName: skillNames.get(c.skillId),
      action: c.action,
      before: current[c.userId]?.[c.skillId] ?? null,
      after: c.action === 'remove' ? null : c.proficiency,
      reasons: reasons.get(`${c.userId}\u0000${c.skillId}`) ?? [`mode '${options.mode ?? 'set'}'`],
    })),
    current,
  );
  const changes = limited.changes;
  skipped.push(...limited.skipped);
  const planViolations: PlanIssue[] = violations.map((v) => ({
    kind: v.kind,
    userId: v.userId,
    skillId: v.skillId,
    queueId: v.queueId,
    message: v.message,
  }));
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'planProficiencyRelevel',
    org: client.org.apiBaseUrl,
    orgId: await planOrgId(client, signal),
    changes,
    skipped,
    violations: planViolations,
    impact,
    summary: summarize(changes, skipped, planViolations),
    inputs: {
      interval: `${from.toISOString()}/${to.toISOString()}`,
      queueIds: queues.map((q) => q.id),
      mode: options.mode ?? 'set',
      policy: options.policy ?? 'default',
    },
  };
}

/** What the re-level reads once and its steps share. */
interface Relevel {
  members: Roster['members'];
  users: Roster['users'];
  userIds: Roster['userIds'];
  current: Roster['current'];
  history: Awaited<ReturnType<typeof collectHistory>>;
  queueSkills: Map<string, string[]>;
}

/** The proficiency each active member should hold on each skill it holds for its queues, and why. */
function scoreHeldSkills(
  r: Relevel,
  options: PlanProficiencyRelevelOptions,
): { desired: Record<string, Record<string, number>>; reasons: Map<string, string[]> } {
  const { members, users, current, history, queueSkills } = r;
  const medians = medianHandleBySkill(history.agentSkills);
  const agentHistory = new Map(history.agentSkills.map((a) => [`${a.userId}\u0000${a.skillId}`, a]));
  const desired: Record<string, Record<string, number>> = {};
  const reasons = new Map<string, string[]>();
  for (const { queueId, userId } of members) {
    const user = users.get(userId);
    if (!user || user.state !== 'active') continue;
    for (const skillId of queueSkills.get(queueId) ?? []) {
      const held = current[userId]?.[skillId];
      if (held === undefined || desired[userId]?.[skillId] !== undefined) continue; // only re-level skills the agent holds
      const h = agentHistory.get(`${userId}\u0000${skillId}`);
      const median = medians.get(skillId);
      const result = planning.scoreProficiency(
        {
          handled: h?.handled ?? 0,
          // The platform reports transfers, not repeat contacts: a contact not transferred counts as resolved.
          resolutionRate: h?.transferRate !== undefined ? 1 - h.transferRate : undefined,
          transferRate: h?.transferRate,
          ...(h?.avgHandleSeconds !== undefined && median !== undefined
            ? { avgHandleSeconds: h.avgHandleSeconds, queueMedianHandleSeconds: median }
            : {}),
          occupancy: history.occupancy.get(userId),
          certifications: options.eligibility?.[userId]?.certifications,
          currentProficiency: held,
        },
        options.policy,
      );
      (desired[userId] ??= {})[skillId] = result.proficiency;
      reasons.set(
        `${userId}\u0000${skillId}`,
        result.reasons.map((x) => x.message),
      );
    }
  }
  return { desired, reasons };
}

/** The routing constraints the proposed changes break (eligibility, certifications, queue coverage). */
function routingViolations(proposed: SkillChange[], r: Relevel, options: PlanProficiencyRelevelOptions) {
  const { members, users, history, queueSkills } = r;
  const { userIds } = r;
  const queueOccupancy = (q: QueueHistory) => {
    const load = q.ahtSeconds && q.intervalSeconds ? (q.peakOffered * q.ahtSeconds) / q.intervalSeconds : 0;
    const serving = members.filter((m) => m.queueId === q.queueId).length;
    return serving > 0 ? Math.min(1, load / serving) : 0;
  };
  return planning.checkRoutingConstraints({
    changes: proposed,
    users: userIds.map((id) => ({
      userId: id,
      active: users.get(id)?.state === 'active',
      hasRoutingRole: options.eligibility?.[id]?.hasRoutingRole ?? true,
      hasRoutingLicense: options.eligibility?.[id]?.hasRoutingLicense ?? true,
      certifications: options.eligibility?.[id]?.certifications ?? [],
      occupancy: history.occupancy.get(id),
    })),
    skills: options.skillCertifications
      ? [...new Set(proposed.map((c) => c.skillId))].map((skillId) => ({
          skillId,
          requiredCertifications: options.skillCertifications?.[skillId] ?? [],
        }))
      : undefined,
    queues: history.queues.map((q) => ({
      queueId: q.queueId,
      requiredSkillIds: queueSkills.get(q.queueId) ?? [],
      occupancy: queueOccupancy(q),
    })),
  });
}
