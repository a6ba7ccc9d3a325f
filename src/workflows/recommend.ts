// recommendRoutingChanges: who should gain or lose a skill, from aggregates by user and requested skill,
// with the what-if impact, as a reviewable Plan.
import type { GenesysClient } from '../client.js';
import type { RecommendationThresholds } from '../optimizer/index.js';
import { collectHistory } from './history.js';
import { whatIfImpact } from './plan-skills.js';
import { PLAN_KIND, PLAN_VERSION, newPlanId, summarize, type Plan, type PlanIssue, type PlannedChange } from './plan.js';
import { historyWindow, readRoster } from './roster.js';

export interface RecommendRoutingChangesOptions {
  /** History window ending now. Default 7 days. */
  days?: number;
  interval?: { from: Date; to: Date };
  /** Queues to consider. Default: every queue. */
  queueIds?: string[];
  /** Overrides of the recommendation thresholds (see docs/planning.md). */
  thresholds?: Partial<RecommendationThresholds>;
  patienceSeconds?: number;
  signal?: AbortSignal;
}

/**
 * Suggests ADD / REMOVE skill changes from how agents actually handled each skill's contacts, and what they
 * would do to each queue's service level.
 * @example
 * const plan = await recommendRoutingChanges(client, { days: 14, thresholds: { maxChanges: 10 } });
 * console.table(plan.changes.map((c) => ({ user: c.userName, skill: c.skillName, action: c.action, why: c.reasons[0] })));
 */
export async function recommendRoutingChanges(client: GenesysClient, options: RecommendRoutingChangesOptions = {}): Promise<Plan> {
  const { signal } = options;
  const opt = await import('../optimizer/index.js');
  const window = historyWindow(options);
  const roster = await readRoster(client, options.queueIds, signal);
  const active = roster.userIds.filter((u) => roster.users.get(u)?.state === 'active');
  const history = await collectHistory(client, roster.queues, active, { interval: window, signal });

  // Usage per (user, skill): every holder is listed (handled 0 when they took none), plus non-holders who handled some.
  const usage = new Map<string, { userId: string; skillId: string; offered: number; handled: number; proficiency?: number }>();
  const demanded = new Set(history.queues.flatMap((q) => q.requestedSkills.map((s) => s.skillId)));
  for (const userId of active) {
    for (const [skillId, proficiency] of Object.entries(roster.current[userId] ?? {})) {
      if (demanded.has(skillId)) usage.set(`${userId}\u0000${skillId}`, { userId, skillId, offered: 0, handled: 0, proficiency });
    }
  }
  for (const a of history.agentSkills) {
    if (!roster.users.has(a.userId) || roster.users.get(a.userId)?.state !== 'active') continue;
    const key = `${a.userId}\u0000${a.skillId}`;
    const row = usage.get(key) ?? { userId: a.userId, skillId: a.skillId, offered: 0, handled: 0 };
    // A holder cannot have handled more than was offered to them; for non-holders the check does not apply.
    usage.set(key, { ...row, offered: Math.max(a.offered, row.proficiency !== undefined ? a.handled : 0), handled: a.handled });
  }
  const demand = new Map<string, number>();
  for (const q of history.queues) for (const s of q.requestedSkills) demand.set(s.skillId, (demand.get(s.skillId) ?? 0) + s.offered);

  const { recommendations, deferred } = opt.recommendSkillChanges({
    usage: [...usage.values()],
    demand: [...demand].map(([skillId, offered]) => ({ skillId, offered })),
    thresholds: options.thresholds,
  });
  const changesForModel = opt.recommendationsToChanges(recommendations);
  const queueSkills = new Map(history.queues.map((q) => [q.queueId, q.requestedSkills.map((s) => s.skillId)]));
  const impact = await whatIfImpact(opt, history.queues, queueSkills, roster.members, roster.current, changesForModel, options.patienceSeconds);

  const changes: PlannedChange[] = recommendations.map((r) => ({
    userId: r.userId,
    userName: roster.users.get(r.userId)?.name,
    skillId: r.skillId,
    skillName: roster.skillNames.get(r.skillId),
    action: r.action === 'ADD' ? 'add' : 'remove',
    before: r.action === 'ADD' ? null : (roster.current[r.userId]?.[r.skillId] ?? r.previousProficiency ?? null),
    after: r.action === 'ADD' ? (r.proficiency ?? 1) : null,
    reasons: r.reasons.map((text) => named(text, r.skillId, roster.skillNames.get(r.skillId))),
  }));
  const skipped: PlanIssue[] = deferred.map((d) => ({ kind: `deferred:${d.deferredBy}`, userId: d.userId, skillId: d.skillId, message: d.deferReason }));
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'recommendRoutingChanges',
    org: client.transport.options.apiBaseUrl,
    changes,
    skipped,
    violations: [],
    impact,
    summary: summarize(changes, skipped, []),
    inputs: { interval: `${window.from.toISOString()}/${window.to.toISOString()}`, thresholds: options.thresholds ?? 'default' },
  };
}

/** The recommender speaks in ids; show people the skill's name. */
function named(text: string, skillId: string, name: string | undefined): string {
  return name ? text.split(skillId).join(`'${name}'`) : text;
}
