// recommendRoutingChanges: who should gain or lose a skill, from aggregates by user and requested skill, with the
// what-if impact, as a reviewable Plan.
import type { GenesysClient } from '../../client/client.js';
import type { RecommendationThresholds, SkillChange } from '../../optimizer/planning/index.js';
import {
  type Plan,
  PLAN_KIND,
  PLAN_VERSION,
  enforceSkillLimit,
  newPlanId,
  planOrgId,
  summarize,
  type PlanIssue,
  type PlannedChange,
  type QueueImpact,
} from '../plan.js';
import { collectHistory } from '../history.js';
import { whatIfImpact, type WhatIfCache } from './what-if-impact.js';
import { historyWindow, readRoster, type Roster } from '../roster.js';
import * as planning from '../../optimizer/planning/index.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';

/** Options of `recommendRoutingChanges`. */
export interface RecommendRoutingChangesOptions {
  /** History window ending at the last whole hour. Default 7 days. */
  days?: number;
  /** The history window; when given, `days` is ignored. */
  interval?: { from: Date; to: Date };
  /** Queues to consider. Default: every queue. */
  queueIds?: string[];
  /** Overrides of the recommendation thresholds (see docs/planning.md). */
  thresholds?: Partial<RecommendationThresholds>;
  /** Mean caller patience for the what-if (Erlang A); omitted = Erlang C. */
  patienceSeconds?: number;
  /** Drop removals the what-if predicts would take a queue below its service-level target. Default true. */
  guardServiceLevel?: boolean;
  /** Stops the work: the call rejects and no further request is sent. */
  signal?: AbortSignal;
}

const RecommendOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<RecommendRoutingChangesOptions>({
    days: true,
    interval: true,
    queueIds: z.optional(z.array(z.string())),
    thresholds: true,
    patienceSeconds: true,
    guardServiceLevel: z.optional(z.boolean()),
    signal: optionalSignal(),
  }))();

/**
 * Suggests ADD / REMOVE skill changes from how agents actually handled each skill's contacts, and what they
 * would do to each queue's service level.
 * @example
 * const plan = await recommendRoutingChanges(client, { days: 14, thresholds: { maxChanges: 10 } });
 * console.table(plan.changes.map((c) => ({ user: c.userName, skill: c.skillName, action: c.action, why: c.reasons[0] })));
 */
export async function recommendRoutingChanges(
  client: GenesysClient,
  options: RecommendRoutingChangesOptions = {},
): Promise<Plan> {
  parseOptions('recommendRoutingChanges', RecommendOptionsSchema, options);
  const { signal } = options;
  const window = historyWindow(options);
  const roster = await readRoster(client, options.queueIds, signal);
  const active = roster.userIds.filter((u) => roster.users.get(u)?.state === 'active');
  const history = await collectHistory(client, roster.queues, active, { interval: window, signal });
  const queueSkills = new Map(history.queues.map((q) => [q.queueId, q.requestedSkills.map((s) => s.skillId)]));
  const evaluations: WhatIfCache = new Map();
  const whatIf = (changes: SkillChange[]) =>
    whatIfImpact(
      history.queues,
      queueSkills,
      roster.members,
      roster.current,
      changes,
      options.patienceSeconds,
      evaluations,
      signal,
    );
  const now = await whatIf([]);
  const { recommendations, deferred } = planning.recommendSkillChanges({
    usage: skillUsage(roster, active, history),
    demand: skillDemand(history, now),
    thresholds: options.thresholds,
  });
  const { accepted, guarded } =
    options.guardServiceLevel === false
      ? { accepted: recommendations, guarded: [] }
      : await guardServiceLevel(recommendations, history, roster, whatIf);
  const impact = accepted.length === 0 ? now : await whatIf(planning.recommendationsToChanges(accepted));
  const limited = enforceSkillLimit(
    accepted.map((r) => plannedChange(r, roster)),
    roster.current,
  );
  const changes = limited.changes;
  const skipped: PlanIssue[] = [
    ...limited.skipped,
    ...guarded,
    ...deferred.map((d) => ({
      kind: `deferred:${d.deferredBy}`,
      userId: d.userId,
      userName: roster.users.get(d.userId)?.name,
      skillId: d.skillId,
      skillName: roster.skillNames.get(d.skillId),
      message: d.deferReason,
    })),
  ];
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'recommendRoutingChanges',
    org: client.org.apiBaseUrl,
    orgId: await planOrgId(client, signal),
    changes,
    skipped,
    violations: [],
    impact,
    summary: summarize(changes, skipped, []),
    inputs: {
      interval: `${window.from.toISOString()}/${window.to.toISOString()}`,
      thresholds: options.thresholds ?? 'default',
    },
  };
}

type History = Awaited<ReturnType<typeof collectHistory>>;
type Recommendation = ReturnType<typeof planning.recommendSkillChanges>['recommendations'][number];

/** Usage per (user, skill): every holder is listed (handled 0 when they took none), plus non-holders who handled some. */
function skillUsage(roster: Roster, active: readonly string[], history: History) {
  const usage = new Map<
    string,
    { userId: string; skillId: string; offered: number; handled: number; proficiency?: number }
  >();
  const demanded = new Set(history.queues.flatMap((q) => q.requestedSkills.map((s) => s.skillId)));
  for (const userId of active) {
    for (const [skillId, proficiency] of Object.entries(roster.current[userId] ?? {})) {
      if (demanded.has(skillId))
        usage.set(`${userId}\u0000${skillId}`, { userId, skillId, offered: 0, handled: 0, proficiency });
    }
  }
  for (const a of history.agentSkills) {
    if (!roster.users.has(a.userId) || roster.users.get(a.userId)?.state !== 'active') continue;
    const key = `${a.userId}\u0000${a.skillId}`;
    const row = usage.get(key) ?? { userId: a.userId, skillId: a.skillId, offered: 0, handled: 0 };
    // A holder cannot have handled more than was offered to them; for non-holders the check does not apply.
    usage.set(key, {
      ...row,
      offered: Math.max(a.offered, row.proficiency !== undefined ? a.handled : 0),
      handled: a.handled,
    });
  }
  return [...usage.values()];
}

/**
 * Demand per skill, with the worst modelled service level among the queues requesting it: a skill whose queue is
 * below its target at peak is "under pressure", and its holders are not removed.
 */
function skillDemand(history: History, now: readonly QueueImpact[]) {
  const slByQueue = new Map(now.map((q) => [q.queueId, q.before.serviceLevel]));
  const demand = new Map<string, { offered: number; serviceLevel?: number; serviceLevelTarget?: number }>();
  for (const q of history.queues) {
    for (const s of q.requestedSkills) {
      const d = demand.get(s.skillId) ?? { offered: 0 };
      d.offered += s.offered;
      const sl = slByQueue.get(q.queueId);
      if (
        sl !== undefined &&
        (d.serviceLevel === undefined || sl - q.serviceLevelTarget < d.serviceLevel - (d.serviceLevelTarget ?? 0))
      ) {
        d.serviceLevel = sl;
        d.serviceLevelTarget = q.serviceLevelTarget;
      }
      demand.set(s.skillId, d);
    }
  }
  return [...demand].map(([skillId, d]) => ({ skillId, ...d }));
}

/**
 * The service-level guard: accepts changes in evidence order only while no queue is predicted to fall below its
 * target (or further below it). The recommender judges skills one by one; this judges their sum.
 */
async function guardServiceLevel(
  recommendations: readonly Recommendation[],
  history: History,
  roster: Roster,
  whatIf: (changes: SkillChange[]) => Promise<QueueImpact[]>,
): Promise<{ accepted: Recommendation[]; guarded: PlanIssue[] }> {
  const targets = new Map(history.queues.map((q) => [q.queueId, q.serviceLevelTarget]));
  const names = new Map(history.queues.map((q) => [q.queueId, q.queueName]));
  const accepted: Recommendation[] = [];
  const guarded: PlanIssue[] = [];
  for (const r of recommendations) {
    if (r.action === 'ADD') {
      accepted.push(r);
      continue;
    }
    const trial = await whatIf(planning.recommendationsToChanges([...accepted, r]));
    const hurt = trial.find((q) => {
      const target = targets.get(q.queueId) ?? 0.8;
      return q.after.serviceLevel < target - 1e-9 && q.after.serviceLevel < q.before.serviceLevel - 1e-9;
    });
    if (!hurt) {
      accepted.push(r);
      continue;
    }
    const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
    guarded.push({
      kind: 'serviceLevelGuard',
      userId: r.userId,
      userName: roster.users.get(r.userId)?.name,
      skillId: r.skillId,
      skillName: roster.skillNames.get(r.skillId),
      queueId: hurt.queueId,
      queueName: names.get(hurt.queueId),
      message: `removing it would take ${names.get(hurt.queueId) ?? hurt.queueId} from ${pct(hurt.before.serviceLevel)} to ${pct(hurt.after.serviceLevel)} at peak (target ${pct(targets.get(hurt.queueId) ?? 0.8)})`,
    });
  }
  return { accepted, guarded };
}

/** A recommendation as a plan change, with names where the org gives them. */
function plannedChange(r: Recommendation, roster: Roster): PlannedChange {
  return {
    userId: r.userId,
    userName: roster.users.get(r.userId)?.name,
    skillId: r.skillId,
    skillName: roster.skillNames.get(r.skillId),
    action: r.action === 'ADD' ? 'add' : 'remove',
    before: r.action === 'ADD' ? null : (roster.current[r.userId]?.[r.skillId] ?? r.previousProficiency ?? null),
    after: r.action === 'ADD' ? (r.proficiency ?? 1) : null,
    reasons: r.reasons.map((text) => named(text, r.skillId, roster.skillNames.get(r.skillId))),
  };
}

/** The recommender speaks in ids; show people the skill's name. */
function named(text: string, skillId: string, name: string | undefined): string {
  return name ? text.split(skillId).join(`'${name}'`) : text;
}
