// One decision of the autopilot: look, re-forecast, decide (hold, adjust, return to baseline), guard, write,
// verify, log. The loop around it (lease, clock, start and stop) is in autopilot.ts.
import type { GenesysClient } from '../../client/client.js';
import { GenesysError } from '../../errors/index.js';
import type { Clock } from '../../internal/clock.js';
import { applyPlan } from '../apply/apply-plan.js';
import type { ChangeStatus } from '../apply/values.js';
import {
  diffAssignments,
  holdings,
  readOrgView,
  reinforcedQueues,
  restrictTo,
  sameAssignment,
  toPlan,
  type Assignment,
  type OrgView,
} from './observe/assignment.js';
import type { AutopilotEvents, AutopilotOptions } from './types.js';
import { horizonAvailability } from './observe/availability.js';
import { returningAgents } from './decision/returning.js';
import { missing, queueStaffing } from './decision/absence.js';
import { nextBoost, replanDue, type LastPlan } from './decision/replan-due.js';
import { assessQueues, guardedChanges, holderCounts, replanInput, type QueueAssessment } from './decision/decide.js';
import { baselineShortfall } from './decision/return-check.js';
import type { AutopilotDecision, AutopilotProposalResolution, DecisionKind, DecisionLog } from './decision-log.js';
import {
  checkGuardrails,
  DEFAULT_MAX_CHANGES_PER_HOUR,
  type GuardedChange,
  type Guardrails,
  type GuardrailVerdict,
} from './decision/guardrails.js';
import { checkHysteresis, type HysteresisRules } from './decision/hysteresis.js';
import { isStopped } from './kill-switch.js';
import type { ResolvedPolicy } from './policy.js';
import type { AutopilotSetup } from './observe/setup.js';
import type { ObservationSource } from './observe/source.js';
import type { AutopilotState, AutopilotStateStore } from './store.js';
import type { ProposalBook } from './proposals.js';
import { plannerCold, replan, warmPlanner, type Planner } from './planner.js';

/** What one decision needs and what carries over to the next. */
export interface Step {
  client: GenesysClient;
  policy: ResolvedPolicy;
  options: AutopilotOptions;
  events: { emit<K extends keyof AutopilotEvents>(event: K, ...args: AutopilotEvents[K]): boolean };
  clock: Clock;
  org: { apiBaseUrl: string; orgId?: string | undefined };
  store: AutopilotStateStore;
  state: AutopilotState;
  setup: AutopilotSetup;
  queueSkills: Record<string, string>;
  source: ObservationSource;
  log: DecisionLog | undefined;
  decisions: AutopilotDecision[];
  /** Decisions in a row without pressure. */
  calm: number;
  /** The last re-plan: when, and the re-forecast ratio of each queue under pressure then. */
  lastPlan: LastPlan | undefined;
  /** The agents' usual share of each interval of the day on queue (readUsualAvailability); empty: unknown. */
  available: Map<string, number[]>;
  /** Per queue under pressure: how many times the predicted calls its plans are sized for (grows on each miss). */
  boost: Map<string, number>;
  /** The last decision that wrote (or would have, in shadow mode): when, and the queues it served. */
  lastChange: { at: number; queues: string[] } | undefined;
  signal: AbortSignal | undefined;
  leaseHeld: () => boolean;
  /** Approve mode: where decisions wait for their answer. */
  proposals: ProposalBook;
  /** The re-plans' optimizer: when it last ran (its workers stay warm between decisions). */
  planner: Planner;
  /** Aborts when the run stops (stop() or the signal): a pending proposal is then rejected. */
  stopping: AbortSignal;
  /** The new pressure that made the next decision early (the live picture), if any. */
  trigger?: string | undefined;
  /** Approve mode: when the last decision's proposal was answered (the next decision is due a period later). */
  answeredAt?: number | undefined;
}

const DAY_MS = 86_400_000;

/**
 * Makes one decision. `mode`: `resume` returns to the baseline at once (a crashed run's state), `stop` returns to
 * it because the autopilot is stopping; otherwise the normal rules apply. `at`: the instant the decision looks at
 * (its due time, when it runs on time), else now.
 */
export async function decideOnce(s: Step, mode?: 'resume' | 'stop', at?: number): Promise<AutopilotDecision> {
  const now = at ?? s.clock.now();
  const { policy, setup } = s;
  const baselineUsers = Object.keys(s.state.baseline.skills);
  const read = await readOrgView(s.client, s.queueSkills, baselineUsers, s.signal);
  // Who is really on queue: the stream's presence picture where it has one, else the routing status just read.
  const view: OrgView = s.source.onQueue
    ? { ...read, onQueue: s.source.onQueue(Object.keys(read.assignment.queues).sort(), read.onQueue) }
    : read;
  const observed = await s.source.read({
    from: new Date(setup.grid.start),
    to: new Date(now),
    intervalMinutes: policy.intervalMinutes,
    queueIds: setup.queues.map((q) => q.id),
    signal: s.signal,
  });
  const assessments = assessQueues(setup.queues, observed, {
    now,
    dayStart: setup.grid.start,
    intervalMinutes: policy.intervalMinutes,
    horizonIntervals: policy.horizonIntervals,
    surgeRatio: policy.surgeRatio,
    liveWaitFactor: policy.liveWaitFactor,
    sustain: reinforcedQueues(view, s.state.baseline, s.queueSkills),
    staffing: queueStaffing(
      holdings(s.state.baseline, s.queueSkills, view.unjoined),
      view.onQueue,
      s.available,
      ...intervalAt(now, setup.grid.start, policy.intervalMinutes),
    ),
    ...(s.lastPlan?.away ? { plannedMissing: s.lastPlan.away } : {}),
  });
  const pressured = assessments.filter((a) => a.pressure);
  s.state.history = s.state.history.filter((h) => now - Date.parse(h.at) < DAY_MS);
  const base = {
    seq: s.decisions.length + 1,
    at: new Date(now).toISOString(),
    queues: assessments,
    onQueue: view.onQueue.size,
    shadow: policy.shadow,
    afterPrevious: afterPrevious(s, assessments, now),
    source: s.source.status?.() ?? { kind: 'aggregates' as const },
    ...(s.trigger ? { trigger: s.trigger } : {}),
  };
  s.trigger = undefined;
  let decision: AutopilotDecision;
  if (mode) {
    const why = mode === 'resume' ? 'resumed after a crash: back to the baseline' : 'stopping: back to the baseline';
    decision = await returnToBaseline(s, view, base, why, true);
  } else if (pressured.length > 0 && pressured.every((a) => a.holding)) {
    s.calm = 0;
    const why = pressured.map((a) => `${s.setup.queueNames[a.queueId] ?? a.queueId}: ${a.why}`).join('; ');
    decision = hold(base, `holding the agents added while the surge or absence goes on (${why})`);
  } else if (pressured.length > 0) {
    s.calm = 0;
    for (const queueId of s.boost.keys()) if (!pressured.some((a) => a.queueId === queueId)) s.boost.delete(queueId);
    decision = await adjust(s, view, base, assessments, pressured, now);
  } else {
    s.calm += 1;
    s.boost.clear();
    decision =
      s.state.away && s.calm >= policy.calmPeriods
        ? await calmReturn(s, view, base, assessments, now)
        : hold(
            base,
            s.state.away
              ? `no pressure (${s.calm} of ${policy.calmPeriods} calm decisions before returning)`
              : 'every queue on forecast and at target',
          );
  }
  s.decisions.push(decision);
  await s.log?.append(decision);
  s.events.emit('decision', decision);
  if (!mode) await keepPlannerWarm(s, view, assessments, now);
  return decision;
}

/** Starts (or keeps) the re-plans' workers when they would be cold by the next decision: see planner.ts. */
async function keepPlannerWarm(s: Step, view: OrgView, assessments: readonly QueueAssessment[], now: number) {
  if (!plannerCold(s.planner, s.policy)) return;
  const input = planInput(s, view, assessments, now, s.policy.maxChangesPerDecision);
  await warmPlanner(s.planner, s.policy, input, s.stopping);
}

type Base = Pick<
  AutopilotDecision,
  'seq' | 'at' | 'queues' | 'onQueue' | 'shadow' | 'afterPrevious' | 'source' | 'trigger'
>;

function hold(base: Base, why: string, extra: Partial<AutopilotDecision> = {}): AutopilotDecision {
  return { ...base, kind: 'hold', proposed: [], refused: [], changes: [], why, ...extra };
}

/** The optimizer's input for a re-plan of the queues under pressure in `assessments`, at most `maxChanges`. */
function planInput(
  s: Step,
  view: OrgView,
  assessments: readonly QueueAssessment[],
  now: number,
  maxChanges: number,
): Parameters<typeof replan>[2] {
  const { policy } = s;
  const [interval, gone] = intervalAt(now, s.setup.grid.start, policy.intervalMinutes);
  // Agents away the only pressure: no caller waits beyond what the agents on queue serve, so the plan may start now
  // and count agents back within minutes. Callers waiting now are a backlog that a window from now does not see.
  const pressured = assessments.filter((a) => a.pressure);
  const elapsed = pressured.length > 0 && pressured.every((a) => a.shortOnly) ? gone : undefined;
  // From now, one interval past the horizon: the plan's last window ends in it (see fromNow).
  const reach = policy.horizonIntervals + (elapsed === undefined ? 0 : 1);
  return replanInput({
    queues: s.setup.queues,
    assessments,
    holds: holdings(view.assignment, s.queueSkills, view.unjoined),
    onQueue: view.onQueue,
    unjoined: view.unjoined,
    intervalMinutes: policy.intervalMinutes,
    guardrails: policy.guardrails,
    maxChanges,
    margin: policy.planMargin,
    availability: (userId) => horizonAvailability(s.available.get(userId), interval, reach),
    returning: returningAgents(
      s.available,
      view.onQueue,
      interval,
      reach,
      assessments,
      elapsed === undefined
        ? undefined
        : { elapsed, next: elapsed + policy.decisionPeriodMinutes / policy.intervalMinutes },
    ),
    ...(elapsed === undefined ? {} : { elapsed }),
  });
}

/** Each queue's service level since the last change (the intervals that started after it), for "what happened after". */
function afterPrevious(
  s: Step,
  assessments: readonly QueueAssessment[],
  now: number,
): AutopilotDecision['afterPrevious'] {
  const last = s.lastChange;
  if (!last) return undefined;
  const len = s.policy.intervalMinutes * 60_000;
  const first = Math.ceil((last.at - s.setup.grid.start) / len);
  const current = Math.floor((now - s.setup.grid.start) / len);
  if (current <= first) return undefined;
  return last.queues.map((queueId) => ({
    queueId,
    serviceLevel: assessments.find((a) => a.queueId === queueId)?.lastServiceLevel ?? null,
  }));
}

async function adjust(
  s: Step,
  view: OrgView,
  base: Base,
  assessments: readonly QueueAssessment[],
  pressured: readonly QueueAssessment[],
  now: number,
): Promise<AutopilotDecision> {
  const { policy } = s;
  const names = pressured.map((a) => a.queueId);
  const reasons = pressured.map((a) => `${s.setup.queueNames[a.queueId] ?? a.queueId}: ${a.why}`).join('; ');
  const due = replanDue(s.lastPlan, s.setup.grid.start, policy.intervalMinutes, pressured, now);
  if (!due) return hold(base, `changes for ${names.join(', ')} are still taking effect (${reasons})`);
  // A queue that missed its target in an interval after the last re-plan: the model behind that plan was short
  // (calls, handle time, or agents busy on their other queues), so the next plan is sized for more calls.
  for (const queueId of due.missed) s.boost.set(queueId, nextBoost(s.boost.get(queueId)));
  const sized = assessments.map((a) => {
    const boost = s.boost.get(a.queueId);
    return boost && a.pressure ? { ...a, predicted: a.predicted.map((c) => c * boost) } : a;
  });
  const guardrails = policy.guardrails;
  const hourly = s.state.history.filter((h) => now - Date.parse(h.at) < 3_600_000).length;
  const budget = Math.min(
    policy.maxChangesPerDecision,
    (guardrails.maxChangesPerHour ?? DEFAULT_MAX_CHANGES_PER_HOUR) - hourly,
  );
  s.lastPlan = {
    at: now,
    ratios: new Map(pressured.map((a) => [a.queueId, a.ratio])),
    calls: new Map(sized.filter((a) => a.pressure).map((a) => [a.queueId, Math.max(...a.predicted)])),
    away: new Map(pressured.map((a) => [a.queueId, missing(a.staff)])),
  };
  if (budget <= 0) return hold(base, `under pressure (${reasons}), but the hourly change budget is spent`);
  const holds = holdings(view.assignment, s.queueSkills, view.unjoined);
  const input = planInput(s, view, sized, now, budget);
  const t0 = performance.now();
  const result = await replan(s.planner, policy, input, s.signal);
  if (!result)
    return hold(
      base,
      `under pressure (${reasons}), but the re-plan confirmed no plan within planTimeLimitMs (${policy.planTimeLimitMs} ms, a busy machine): nothing written, the next decision plans again`,
    );
  const plan = {
    feasible: result.feasible,
    changes: result.changes.length,
    ms: Math.round(performance.now() - t0),
    stoppedBy: result.stats.stoppedBy,
  };
  const proposed = guardedChanges(result, new Set(names));
  const holders = holderCounts(holds, Object.keys(s.queueSkills));
  const verdict = guard(s, proposed, { holders, rules: guardrails, hysteresis: policy.hysteresis }, now);
  if (verdict.allowed.length === 0)
    return hold(
      base,
      proposed.length === 0
        ? `under pressure (${reasons}); the re-plan needs no change for the next ${policy.horizonIntervals} intervals`
        : `under pressure (${reasons}); every proposed change was refused by the guardrails or hysteresis`,
      { proposed, refused: verdict.refused, plan },
    );
  const target = applyChanges(view.assignment, verdict.allowed, s.queueSkills, policy.addProficiency);
  return write(s, view, target, 'adjust', {
    ...base,
    proposed,
    refused: verdict.refused,
    changes: verdict.allowed,
    why: `under pressure: ${reasons}`,
    plan,
  });
}

/**
 * Hysteresis first (a gain too young to take back, an add-return-add), then the guardrails on what is left; the
 * refusals of both, hysteresis's first. A run that stops or resumes does not call this: its return is not held.
 */
function guard(
  s: Step,
  proposed: readonly GuardedChange[],
  limits: { holders: Record<string, number>; rules: Guardrails; hysteresis: HysteresisRules },
  now: number,
): GuardrailVerdict {
  const written = s.state.history.map((h) => ({ ...h, at: Date.parse(h.at) }));
  const held = checkHysteresis(proposed, written, now, limits.hysteresis);
  const verdict = checkGuardrails(
    held.allowed,
    { now: new Date(now), history: pastChanges(s.state), holders: limits.holders },
    limits.rules,
  );
  return { allowed: verdict.allowed, refused: [...held.refused, ...verdict.refused] };
}

function pastChanges(state: AutopilotState) {
  return state.history.map((h) => ({ userId: h.userId, queueId: h.queueId, at: new Date(h.at) }));
}

/** The assignment after the allowed changes: a gain adds the skill (at `addProficiency`) and the membership. */
function applyChanges(
  from: Assignment,
  changes: readonly GuardedChange[],
  queueSkills: Readonly<Record<string, string>>,
  addProficiency: number,
): Assignment {
  const to: Assignment = structuredClone(from);
  for (const c of changes) {
    const skillId = queueSkills[c.queueId] as string;
    const skills = (to.skills[c.userId] ??= {});
    const queues = (to.queues[c.userId] ??= []);
    if (c.direction === 'gain') {
      skills[skillId] ??= addProficiency;
      if (!queues.includes(c.queueId)) {
        queues.push(c.queueId);
        queues.sort();
      }
    } else delete skills[skillId];
  }
  return to;
}

/**
 * The return once calm, unless the baseline would leave a queue the autopilot reinforced below target where the
 * agents added hold it (see return-check.ts): then it keeps them and checks again at the next decision.
 */
async function calmReturn(
  s: Step,
  view: OrgView,
  base: Base,
  assessments: readonly QueueAssessment[],
  now: number,
): Promise<AutopilotDecision> {
  const { policy } = s;
  const back = `no pressure for ${s.calm} decisions: back to the baseline`;
  if (!policy.confirmReturn) return returnToBaseline(s, view, base, back, false);
  const [interval] = intervalAt(now, s.setup.grid.start, policy.intervalMinutes);
  const short = await baselineShortfall(
    {
      queues: s.setup.queues,
      assessments,
      current: holdings(view.assignment, s.queueSkills, view.unjoined),
      baseline: holdings(s.state.baseline, s.queueSkills, view.unjoined),
      reinforced: reinforcedQueues(view, s.state.baseline, s.queueSkills),
      onQueue: view.onQueue,
      unjoined: view.unjoined,
      intervalMinutes: policy.intervalMinutes,
      guardrails: policy.guardrails,
      availability: (userId) => horizonAvailability(s.available.get(userId), interval, policy.horizonIntervals),
      returning: returningAgents(s.available, view.onQueue, interval, policy.horizonIntervals, assessments),
      seed: policy.seed,
      // Two simulations at twice a search evaluation's length: the confirmation's is several times longer.
      contacts: 2 * policy.planContactsPerEvaluation,
      names: s.setup.queueNames,
    },
    s.signal,
  );
  if (short)
    return hold(base, `no pressure for ${s.calm} decisions, but without the agents added ${short}: keeping them`);
  return returnToBaseline(s, view, base, back, false);
}

async function returnToBaseline(
  s: Step,
  view: OrgView,
  base: Base,
  why: string,
  force: boolean,
): Promise<AutopilotDecision> {
  const users = Object.keys(s.state.baseline.skills);
  const current = restrictTo(view.assignment, users);
  if (sameAssignment(s.state.baseline, current)) {
    s.state.away = false;
    await s.store.save(s.state);
    s.events.emit('rollback', { seq: base.seq, reason: why, atBaseline: true });
    return hold(base, `${why}: already at the baseline`, { kind: 'return' });
  }
  // Every (user, queue) pair that differs is one change; the way back skips the structural rules (it restores the
  // operator's own configuration) but keeps the budgets and quiet periods, unless stopping or resuming.
  const queueOfSkill = new Map(Object.entries(s.queueSkills).map(([q, k]) => [k, q]));
  const entries = diffAssignments(current, s.state.baseline, why);
  const pairs = new Map<string, GuardedChange>();
  const holdsBaseline = holdings(s.state.baseline, s.queueSkills);
  const pairOf = (userId: string, queueId: string) => {
    const key = `${userId}\u0000${queueId}`;
    if (!pairs.has(key))
      pairs.set(key, { userId, queueId, direction: holdsBaseline[userId]?.[queueId] !== undefined ? 'gain' : 'lose' });
    return key;
  };
  const changeKey = entries.changes.map((c) => pairOf(c.userId, queueOfSkill.get(c.skillId) ?? c.skillId));
  const memberKey = entries.memberships.map((m) => pairOf(m.userId, m.queueId));
  const g: Guardrails = s.policy.guardrails;
  const rules: Guardrails = force
    ? { maxChangesPerHour: 1_000_000, maxChangesPerAgentPerDay: 1_000_000, minHoldersPerQueue: 0 }
    : {
        minHoldersPerQueue: 0,
        ...(g.maxChangesPerHour !== undefined ? { maxChangesPerHour: g.maxChangesPerHour } : {}),
        ...(g.maxChangesPerAgentPerDay !== undefined ? { maxChangesPerAgentPerDay: g.maxChangesPerAgentPerDay } : {}),
        ...(g.quietPeriods ? { quietPeriods: g.quietPeriods } : {}),
        ...(g.timeZone ? { timeZone: g.timeZone } : {}),
      };
  // The decision's time, as for its adjustments: a gain's minimum hold counts between decisions (see write).
  const now = Date.parse(base.at);
  const proposed = [...pairs.values()];
  const holders = holderCounts(holdings(current, s.queueSkills, view.unjoined), Object.keys(s.queueSkills));
  // Stopping or resuming: the operator's order, never held back. Once calm: a gain keeps its minimum time, but
  // putting back what the baseline held is never refused as a re-add (restoring the operator's own configuration).
  const verdict = force
    ? checkGuardrails(proposed, { now: new Date(now), history: pastChanges(s.state), holders }, rules)
    : guard(s, proposed, { holders, rules, hysteresis: { ...s.policy.hysteresis, allowReaddWithinHour: true } }, now);
  const allowed = new Set(verdict.allowed.map((c) => `${c.userId}\u0000${c.queueId}`));
  if (allowed.size === 0)
    return hold(base, `${why}: every change back was refused by the guardrails or hysteresis`, {
      kind: 'return',
      proposed,
      refused: verdict.refused,
    });
  const partial = {
    changes: entries.changes.filter((_, i) => allowed.has(changeKey[i] as string)),
    memberships: entries.memberships.filter((_, i) => allowed.has(memberKey[i] as string)),
  };
  return write(
    s,
    view,
    undefined,
    'return',
    { ...base, proposed, refused: verdict.refused, changes: verdict.allowed, why },
    partial,
    force,
  );
}

/**
 * Shadow mode, then (approve mode) the proposal's answer, then kill switch and lease; then the state (before the
 * write), applyPlan, and a read back. `forced`: a return because the run stops or resumes, the operator's own
 * order, which is not proposed again.
 */
async function write(
  s: Step,
  view: OrgView,
  target: Assignment | undefined,
  kind: Exclude<DecisionKind, 'hold'>,
  proposed: Omit<AutopilotDecision, 'kind'>,
  entries?: ReturnType<typeof diffAssignments>,
  forced = false,
): Promise<AutopilotDecision> {
  let decision = proposed;
  const queues = [...new Set(decision.changes.map((c) => c.queueId))].sort();
  const plannedEntries = entries ?? diffAssignments(view.assignment, target as Assignment, decision.why);
  if (s.policy.shadow) {
    s.lastChange = { at: s.clock.now(), queues };
    return { ...decision, kind, why: `${decision.why} (shadow mode: nothing written)` };
  }
  if (s.policy.mode === 'approve' && !forced) {
    const answer = await askApproval(s, { ...decision, kind });
    if (answer.outcome !== 'approved') return notWritten(decision, kind, answer);
    decision = { ...decision, proposal: answer };
  }
  const now = s.clock.now();
  const stop = s.options.killSwitch;
  if (await isStopped(stop, s.signal))
    return {
      ...decision,
      kind,
      changes: [],
      killSwitch: stop?.describe,
      why: `${decision.why}; kill switch ${stop?.describe} engaged: nothing written`,
    };
  if (!s.leaseHeld())
    return { ...decision, kind, changes: [], why: `${decision.why}; the lease was lost: nothing written` };
  const plan = toPlan(`autopilot-${decision.seq}-${now}`, s.org, plannedEntries, new Date(now), {
    autopilot: { seq: decision.seq, kind, at: decision.at },
  });
  // With its direction: the hysteresis rules need to know a gain from a loss. Dated by the decision that made it
  // (or the acceptance of its proposal), as the decisions that check it are: a re-plan's seconds before the write
  // do not move a minimum hold past the next decision, so a real clock keeps a manual clock's decisions.
  const madeAt = decision.proposal ? now : Date.parse(decision.at);
  for (const c of decision.changes)
    s.state.history.push({
      userId: c.userId,
      queueId: c.queueId,
      at: new Date(madeAt).toISOString(),
      direction: c.direction,
    });
  s.state.away = true;
  await s.store.save(s.state);
  s.lastChange = { at: now, queues };
  const result = await applyPlan(s.client, plan, {
    ...(s.options.journal ? { journal: s.options.journal } : {}),
    signal: s.signal,
  });
  s.events.emit('applied', { seq: decision.seq, kind, result });
  const counts = Object.fromEntries(Object.entries(result.counts).filter(([, n]) => n > 0)) as Partial<
    Record<ChangeStatus, number>
  >;
  const after = await readOrgView(s.client, s.queueSkills, Object.keys(s.state.baseline.skills), s.signal);
  const touched = [...new Set([...plannedEntries.changes, ...plannedEntries.memberships].map((e) => e.userId))];
  const wanted = restrictTo(target ?? s.state.baseline, touched);
  const left = diffAssignments(restrictTo(after.assignment, touched), wanted, '');
  const mismatches = left.changes.length + left.memberships.length;
  s.events.emit('verified', { seq: decision.seq, ok: mismatches === 0, mismatches });
  if (kind === 'return') {
    const atBaseline = sameAssignment(
      s.state.baseline,
      restrictTo(after.assignment, Object.keys(s.state.baseline.skills)),
    );
    s.state.away = !atBaseline;
    await s.store.save(s.state);
    s.events.emit('rollback', { seq: decision.seq, reason: decision.why, atBaseline, result });
  }
  if (result.counts.failed > 0 || mismatches > 0)
    s.events.emit(
      'error',
      new GenesysError(
        `autopilot: decision ${decision.seq} left ${mismatches} difference(s) after applying (${JSON.stringify(counts)})`,
      ),
    );
  const apply = { planId: plan.id, at: new Date(now).toISOString(), counts };
  return { ...decision, kind, apply, verified: { ok: mismatches === 0, mismatches } };
}

/** Approve mode: proposes the decision and waits for its answer; announces how it ended. */
async function askApproval(s: Step, decision: AutopilotDecision): Promise<AutopilotProposalResolution> {
  const answer = await s.proposals.propose(
    decision,
    s.policy.proposalValidityMinutes * 60_000,
    (p) => s.events.emit('proposal', p),
    s.options.onProposal,
    s.stopping,
  );
  s.answeredAt = s.clock.now();
  s.events.emit('proposalResolved', answer);
  return answer;
}

/** A proposal rejected or expired: nothing written, the outcome and its reason in the decision. */
function notWritten(
  decision: Omit<AutopilotDecision, 'kind'>,
  kind: Exclude<DecisionKind, 'hold'>,
  answer: AutopilotProposalResolution,
): AutopilotDecision {
  const reason = answer.reason ? ` (${answer.reason})` : '';
  return {
    ...decision,
    kind,
    changes: [],
    proposal: answer,
    why: `${decision.why}; proposal ${answer.outcome}${reason}: nothing written`,
  };
}

/** The interval `now` falls in, and the share of it elapsed. */
function intervalAt(now: number, dayStart: number, minutes: number): [interval: number, elapsed: number] {
  const position = (now - dayStart) / (minutes * 60_000);
  const interval = Math.floor(position);
  return [interval, position - interval];
}
