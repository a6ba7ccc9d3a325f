// planRoutingOptimization: demand from analytics + skills and memberships from the org -> optimizeRouting -> a
// reviewable Plan (skill changes, the queue memberships new skills need, the model that was optimized).
import type { GenesysClient } from '../../client/client.js';
import { type OptimizeRoutingResult, type OptimizeRoutingInput, optimizeRouting } from '../../optimizer/index.js';
import {
  type PlannedMembership,
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
import { ValidationError } from '../../errors/index.js';
import { collectHistory, type QueueHistory } from '../history.js';
import { historyWindow, readRoster, type Roster } from '../roster.js';
import { checkDayOptions, plannedDay, readDay } from './day/plan-day.js';
import { checkPlanRoutingOptions } from './options.js';
import type { DayModel } from './day/grid.js';
import { CURRENT_CHECK_CONTACTS, currentConfigurationMeetsTargets } from './current-check.js';
import { plannedLanguageChanges, requireLanguages } from './languages-as-skills.js';
import { languageRequirements, type PlannedLanguageRequirements } from './languages-from-history.js';
export type {
  PlanRoutingOptimizationOptions,
  PlannedDay,
  PlannedMembership,
  RoutingOptimizationPlan,
} from './types.js';
import type { PlanRoutingOptimizationOptions, RoutingOptimizationPlan } from './types.js';

/**
 * Plans which agents should hold which queue skills so every queue meets its service-level target in every
 * interval of a day, with the fewest changes (see `optimizeRouting`). The day comes from history (default) or
 * from the WFM forecast and schedule (`demand: 'forecast'`); AHT and each queue's service-level target come
 * from history and its call media settings. An agent serves a queue when it is a member and holds the skill
 * the queue's conversations request most. The plan's `inputs.model` holds the exact optimizer input and
 * options, so anyone can reproduce its numbers.
 * @throws ValidationError naming both options when `interval` and `days` are given together.
 * @example
 * const plan = await planRoutingOptimization(client, { days: 7, constraints: { maxSkillsPerAgent: 3, maxChanges: 40 } });
 * for (const q of plan.optimization.queues) console.log(q.id, q.before.serviceLevel, '->', q.after.serviceLevel);
 */
export async function planRoutingOptimization(
  client: GenesysClient,
  options: PlanRoutingOptimizationOptions = {},
): Promise<RoutingOptimizationPlan> {
  checkPlanRoutingOptions(options);
  const state = await readInputs(client, options);
  const solved = await solve(state, options);
  const { changes, memberships } = planChanges(state, solved.result);
  return assemblePlan(client, options, state, solved, { changes, memberships });
}

/** What the org and its history say, read once; the phases after it add only to `skipped`. */
interface PlanState {
  roster: Roster;
  window: { from: Date; to: Date };
  /** The queues the model holds (those with handled calls and a requested skill), and the skill of each. */
  skillOf: Map<string, string>;
  queueNames: Map<string, string>;
  day: DayModel | undefined;
  planned: PlannedLanguageRequirements | undefined;
  model: OptimizeRoutingInput;
  /** Issues in the order they are found: queues without history, the skill limit, shortfalls. */
  skipped: PlanIssue[];
}

interface Solved {
  settings: { seed: number; timeLimitMs?: number; effort?: number; addProficiency: number };
  /** Set when the current configuration already meets every target: the empty result, decided without a search. */
  unchanged: OptimizeRoutingResult | undefined;
  result: OptimizeRoutingResult;
}

/** Reads the roster, its history, the day (when asked) and the languages, and builds the optimizer's model. */
async function readInputs(client: GenesysClient, options: PlanRoutingOptimizationOptions): Promise<PlanState> {
  const { signal } = options;
  const dayOptions = checkDayOptions(options);
  const window = historyWindow(options);
  const roster = await readRoster(client, await resolveQueueIds(client, options.queueIds, signal), signal);
  // In id order: the roster lists users by queue membership, which an applied plan changes, and the optimizer's
  // random streams follow the agents' order (the same org must give the same model after an apply).
  const active = roster.userIds.filter((u) => roster.users.get(u)?.state === 'active').sort();
  const history = await collectHistory(client, roster.queues, active, { interval: window, signal });

  const skipped: PlanIssue[] = [];
  const modelled = history.queues.filter((q) => {
    const skillId = q.requestedSkills[0]?.skillId;
    if (q.ahtSeconds === undefined || skillId === undefined) {
      skipped.push({
        kind: 'noHistory',
        queueId: q.queueId,
        message: `${q.queueName}: no handled calls or requested skill in the window; not optimized`,
      });
      return false;
    }
    return true;
  });
  const skillOf = new Map(modelled.map((q) => [q.queueId, q.requestedSkills[0]!.skillId]));
  const day = dayOptions
    ? await readDay(client, dayOptions, { window, queueIds: modelled.map((q) => q.queueId), userIds: active, signal })
    : undefined;
  const built = day
    ? buildDayModel(roster, modelled, active, day, skillOf, options)
    : buildModel(roster, modelled, active, skillOf, options);
  // Languages as requirements (languages-as-skills.ts): an agent without a queue's language does not serve it.
  const queueIds = modelled.map((q) => q.queueId);
  const planned = await languageRequirements(client, options, { queueIds, userIds: active, window, signal });
  const model = planned ? requireLanguages(built, planned.requirements) : built;
  const queueNames = new Map(roster.queues.map((q) => [q.id, q.name]));
  return { roster, window, skillOf, queueNames, day, planned, model, skipped };
}

/** The optimizer's settings, the check of the current configuration, and the search when that check fails. */
async function solve(state: PlanState, options: PlanRoutingOptimizationOptions): Promise<Solved> {
  const { signal } = options;
  const settings = {
    seed: options.seed ?? 1,
    ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
    ...(options.effort !== undefined ? { effort: options.effort } : {}),
    addProficiency: options.addProficiency ?? 1,
  };
  // Nothing to change when the org already meets every target (judged on one long run, on the plain target):
  // a re-plan after applying a plan proposes nothing, whatever random numbers the search would have drawn.
  const unchanged =
    options.keepWhenMeetingTargets === false
      ? undefined
      : await currentConfigurationMeetsTargets(state.model, settings.seed, signal);
  signal?.throwIfAborted();
  const threads = options.threads !== undefined ? { threads: options.threads } : {};
  const result =
    unchanged ??
    (await optimizeRouting(state.model, { ...settings, ...threads, signal, onProgress: options.onProgress }));
  return { settings, unchanged, result };
}

/** The optimizer's changes as plan changes, with the memberships new skills need, under the per-user skill limit. */
function planChanges(
  state: PlanState,
  result: OptimizeRoutingResult,
): { changes: PlannedChange[]; memberships: PlannedMembership[] } {
  const { roster, skillOf, queueNames } = state;
  const named = withNames(queueNames, roster.users);
  const memberOf = new Set(roster.members.map((m) => `${m.userId}\u0000${m.queueId}`));
  const proposed: PlannedChange[] = [];
  const memberships: PlannedMembership[] = [];
  for (const c of result.changes) {
    const skillId = skillOf.get(c.queueId) as string;
    const held = roster.current[c.agentId]?.[skillId];
    const queueName = queueNames.get(c.queueId);
    if (c.action === 'add' && !memberOf.has(`${c.agentId}\u0000${c.queueId}`)) {
      memberships.push({
        userId: c.agentId,
        userName: roster.users.get(c.agentId)?.name,
        queueId: c.queueId,
        queueName,
        action: 'add',
        reason: `needed to take ${queueName ?? c.queueId} calls with the new skill`,
      });
    }
    // The agent may hold the skill already without being a member: then only the membership changes.
    if (c.action === 'add' && held !== undefined) continue;
    proposed.push({
      userId: c.agentId,
      userName: roster.users.get(c.agentId)?.name,
      skillId,
      skillName: roster.skillNames.get(skillId),
      action: c.action,
      before: c.action === 'add' ? null : (held ?? c.before),
      after: c.after,
      reasons: [named(c.reason)],
    });
  }
  const limited = enforceSkillLimit(proposed, roster.current);
  state.skipped.push(...limited.skipped);
  dropMembershipsOfSkippedSkills(state, memberships, limited.skipped);
  return { changes: limited.changes, memberships };
}

/** A membership planned for a new skill that the per-user limit kept out would join a queue the agent cannot serve. */
function dropMembershipsOfSkippedSkills(
  state: PlanState,
  memberships: PlannedMembership[],
  notAddedSkills: ReadonlyArray<{ userId?: string; skillId?: string }>,
): void {
  const notAdded = new Set(notAddedSkills.map((i) => `${i.userId}\u0000${i.skillId}`));
  for (let i = memberships.length - 1; i >= 0; i--) {
    const m = memberships[i]!;
    const skillId = state.skillOf.get(m.queueId)!;
    if (!notAdded.has(`${m.userId}\u0000${skillId}`)) continue;
    memberships.splice(i, 1);
    const skillName = state.roster.skillNames.get(skillId);
    state.skipped.push({
      kind: 'skillLimit',
      userId: m.userId,
      userName: m.userName,
      skillId,
      skillName,
      queueId: m.queueId,
      queueName: m.queueName,
      message: `${m.userName ?? m.userId}: membership of ${m.queueName ?? m.queueId} not added, its skill ${skillName ?? skillId} was not added (per-user skill limit)`,
    });
  }
}

/** The queues out of reach, named, each with a `shortfall` issue saying what it lacks. */
function shortfalls(
  state: PlanState,
  result: OptimizeRoutingResult,
): RoutingOptimizationPlan['optimization']['unreachable'] {
  const unreachable = result.unreachable.map((u) => ({ ...u, queueName: state.queueNames.get(u.queueId) }));
  const outOfReach = new Map(unreachable.map((u) => [u.queueId, u]));
  for (const s of result.shortfall) {
    const u = outOfReach.get(s.queueId);
    const name = state.queueNames.get(s.queueId) ?? s.queueId;
    state.skipped.push({
      kind: 'shortfall',
      queueId: s.queueId,
      message: u
        ? `${name} cannot reach its target with the agents there are: it needs ${u.agentsNeeded} agents (Erlang, as a dedicated team) and can have the time of ${u.agentsAvailable}; add ${u.shortBy} agent(s) or lower the target`
        : `${name} cannot reach its target within the constraints: it lacks about ${s.agentsMissing} agent(s)`,
    });
  }
  return unreachable;
}

/** The Plan: the changes and memberships, the issues, the impact per queue, and the inputs that reproduce it. */
async function assemblePlan(
  client: GenesysClient,
  options: PlanRoutingOptimizationOptions,
  state: PlanState,
  { settings, unchanged, result }: Solved,
  { changes, memberships }: { changes: PlannedChange[]; memberships: PlannedMembership[] },
): Promise<RoutingOptimizationPlan> {
  const { roster, queueNames, skipped, planned, day, window } = state;
  const unreachable = shortfalls(state, result);
  const impact: QueueImpact[] = result.queues.map((q) => ({
    queueId: q.id,
    queueName: queueNames.get(q.id),
    before: metrics(q.before),
    after: metrics(q.after),
  }));
  const warnings = result.warnings.map(withNames(queueNames, roster.users));
  const violations: PlanIssue[] = warnings.map((message) => ({ kind: 'optimizer', message }));
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'planRoutingOptimization',
    org: client.org.apiBaseUrl,
    orgId: await planOrgId(client, options.signal),
    changes,
    memberships,
    ...(planned
      ? {
          languageChanges: plannedLanguageChanges(result.changes, planned.requirements, {
            user: (id) => roster.users.get(id)?.name,
            queue: (id) => queueNames.get(id),
          }),
        }
      : {}),
    skipped,
    violations,
    impact,
    summary: summarize(changes, skipped, violations),
    optimization: {
      feasible: result.feasible,
      shortfall: result.shortfall,
      unreachable,
      lowerBound: result.lowerBound,
      stats: result.stats,
      warnings,
      queues: result.queues,
    },
    day: day ? plannedDay(day) : undefined,
    inputs: {
      interval: `${window.from.toISOString()}/${window.to.toISOString()}`,
      demand: options.demand ?? 'history',
      queueSkills: Object.fromEntries(state.skillOf),
      ...(planned ? { queueLanguages: planned.inputs } : {}),
      model: state.model,
      optimizer: settings,
      // How the empty plan was decided (evaluateRouting on `model` with these options), when it was.
      ...(unchanged
        ? { currentCheck: { seed: settings.seed, contacts: CURRENT_CHECK_CONTACTS, acceptance: 'mean' } }
        : {}),
    },
  };
}

function metrics(m: OptimizeRoutingResult['queues'][number]['after']): QueueImpact['after'] {
  return {
    agents: m.holders,
    headcount: m.holders,
    serviceLevel: m.serviceLevel,
    asaSeconds: m.asa,
    occupancy: m.occupancy,
    abandonRate: m.abandonRate ?? null,
    ci95: m.ci95,
  } as QueueImpact['after'];
}

/** The optimizer's model: a queue's skill is "held" by an agent who is a member and holds the skill. */
function buildModel(
  roster: Roster,
  queues: readonly QueueHistory[],
  active: readonly string[],
  skillOf: ReadonlyMap<string, string>,
  options: PlanRoutingOptimizationOptions,
): OptimizeRoutingInput {
  const membersOf = new Map<string, Set<string>>();
  for (const m of roster.members) {
    const set = membersOf.get(m.userId) ?? new Set<string>();
    set.add(m.queueId);
    membersOf.set(m.userId, set);
  }
  const allow = options.allowMembershipChanges !== false;
  return {
    queues: queues.map((q) => ({
      id: q.queueId,
      callsPerHour: ((options.demand === 'mean' ? meanOffered(q, options) : q.peakOffered) * 3600) / q.intervalSeconds,
      ahtSeconds: q.ahtSeconds as number,
      target: { serviceLevel: q.serviceLevelTarget, withinSeconds: q.targetSeconds },
      ...(options.patienceSeconds ? { patienceSeconds: options.patienceSeconds } : {}),
    })),
    agents: active.map((userId) => {
      const skills: Record<string, number> = {};
      for (const q of queues) {
        const p = roster.current[userId]?.[skillOf.get(q.queueId) as string];
        if (p !== undefined && membersOf.get(userId)?.has(q.queueId)) skills[q.queueId] = p;
      }
      return allow
        ? { id: userId, skills }
        : { id: userId, skills, eligible: queues.map((q) => q.queueId).filter((id) => membersOf.get(userId)?.has(id)) };
    }),
    ...(options.constraints ? { constraints: options.constraints } : {}),
  };
}

/** The single-interval model with the day: per-interval demand per queue, and the agents on queue that day. */
function buildDayModel(
  roster: Roster,
  queues: readonly QueueHistory[],
  active: readonly string[],
  day: DayModel,
  skillOf: ReadonlyMap<string, string>,
  options: PlanRoutingOptimizationOptions,
): OptimizeRoutingInput {
  const steady = buildModel(
    roster,
    queues,
    active.filter((u) => day.available.has(u)),
    skillOf,
    options,
  );
  const zeros = new Array<number>(day.grid.intervals).fill(0);
  return {
    ...steady,
    queues: steady.queues.map((q) => {
      const d = day.demand.get(q.id);
      const { callsPerHour: _steady, ...rest } = q;
      const demand = {
        intervalSeconds: day.grid.intervalSeconds,
        calls: d?.calls ?? zeros,
        ...(d?.ahtSeconds ? { ahtSeconds: d.ahtSeconds } : {}),
      };
      return { ...rest, demand };
    }),
    agents: steady.agents.map((a) => ({ ...a, available: day.available.get(a.id) as number[] })),
  };
}

function meanOffered(q: QueueHistory, options: PlanRoutingOptimizationOptions): number {
  const w = historyWindow(options);
  const intervals = Math.max(1, (w.to.getTime() - w.from.getTime()) / 1000 / q.intervalSeconds);
  return q.offered / intervals;
}

/** Accepts queue ids or exact queue names. */
async function resolveQueueIds(
  client: GenesysClient,
  ids: string[] | undefined,
  signal?: AbortSignal,
): Promise<string[] | undefined> {
  if (!ids || ids.length === 0) return undefined;
  const all = await client.routing.queues.list({ pageSize: 100, signal }).toArray({ max: 10_000, ifMore: 'throw' });
  return ids.map((id) => {
    const q =
      all.find((x) => x.id === id) ??
      all.find((x) => x.name === id) ??
      all.find((x) => x.name.toLowerCase() === id.toLowerCase());
    if (!q)
      throw new ValidationError('planRoutingOptimization', [
        { path: 'queueIds', message: `unknown queue ${JSON.stringify(id)}: give a queue id or its exact name` },
      ]);
    return q.id;
  });
}

/** Text with every queue and agent id it cites replaced by the name the org gives it (ids stay in the JSON fields). */
function withNames(
  queues: ReadonlyMap<string, string>,
  users: ReadonlyMap<string, { name?: string | undefined }>,
): (text: string) => string {
  return (text) => text.replace(/[^\s,;:()]+/g, (token) => queues.get(token) ?? users.get(token)?.name ?? token);
}
