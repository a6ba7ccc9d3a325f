// The plan and its dry run, as the assistant runs them: the optimizer for the next hours (the busiest hour of the
// history, every agent present) or for a day (per interval, agents on their usual shifts), within the policy;
// then what the plan would change, agent by agent, read against the org now.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { GenesysClient } from '../../client/client.js';
import type { LockedPair, OptimizeProgress } from '../../optimizer/routing/types.js';
import { applyPlan } from '../../workflows/apply/apply-plan.js';
import { planRoutingOptimization } from '../../workflows/optimize/plan-routing.js';
import { lastWholeHour } from '../../workflows/roster.js';
import { dryRunOf, freshOrg, limitProblem, sessionPlan } from '../guard.js';
import { readOrgState, type OrgState } from '../org-state.js';
import { resolveQueues, round } from './queues-now.js';
import type { DeskSession, SessionPlan } from '../session.js';

const DAY = 86_400_000;

/** The plan tool's input, validated by its zod schema. */
export interface PlanInput {
  horizon?: 'hours' | 'day' | undefined;
  queues?: string[] | undefined;
  maxChanges?: number | undefined;
  effort?: number | undefined;
}

/** How the caller follows the plan tool's run: its cancellation, and the optimizer's progress. */
export interface PlanRun {
  signal?: AbortSignal | undefined;
  onProgress?: ((progress: OptimizeProgress) => void) | undefined;
}

export async function makePlan(client: GenesysClient, session: DeskSession, input: PlanInput, run: PlanRun = {}) {
  const { plan: defaults, limits, now, identity } = session.options;
  const at = now();
  const end = lastWholeHour(at);
  const org = await readOrgState(client, at);
  const queues = input.queues?.length ? await resolveQueues(client, input.queues) : undefined;
  const plan = await planRoutingOptimization(client, {
    ...(queues ? { queueIds: queues.map((q) => q.id) } : {}),
    interval: { from: new Date(end.getTime() - defaults.days * DAY), to: end },
    demand: input.horizon === 'day' ? 'history' : 'peak',
    ...(input.horizon === 'day' ? { day: at.toISOString().slice(0, 10) + 'T00:00:00Z' } : {}),
    constraints: {
      maxChanges: input.maxChanges ?? limits.maxChanges,
      ...(defaults.maxSkillsPerAgent ? { maxSkillsPerAgent: defaults.maxSkillsPerAgent } : {}),
      locked: lockedPairs(org, limits),
    },
    seed: defaults.seed,
    effort: input.effort ?? defaults.effort,
    timeLimitMs: defaults.timeLimitMs,
    ...(run.signal ? { signal: run.signal } : {}),
    ...(run.onProgress ? { onProgress: run.onProgress } : {}),
  });
  plan.inputs = { ...plan.inputs, assistant: identity };
  const entry: SessionPlan = {
    plan,
    fingerprint: org.fingerprint,
    queueSkills: (plan.inputs['queueSkills'] as Record<string, string> | undefined) ?? {},
  };
  if (session.options.reportDir) entry.reportPath = await writeReport(client, session.options.reportDir, entry);
  session.addPlan(entry);
  return planSummary(entry, session);
}

/** Pairs the optimizer must leave alone: every queue of a locked agent, every agent of a locked queue. */
function lockedPairs(org: OrgState, limits: DeskSession['options']['limits']): LockedPair[] {
  const users = new Set([...org.skills.keys(), ...[...org.members].map((k) => k.split(' ')[1]!)]);
  const queues = [...org.queueNames.keys()];
  return [
    ...limits.lockedUserIds.flatMap((agentId) => queues.map((queueId) => ({ agentId, queueId }))),
    ...limits.lockedQueueIds.flatMap((queueId) => [...users].map((agentId) => ({ agentId, queueId }))),
  ];
}

async function writeReport(client: GenesysClient, dir: string, entry: SessionPlan): Promise<string> {
  const { writeReport: write, planReportInput } = await import('../../report/write-report.js');
  await mkdir(dir, { recursive: true });
  const file = join(dir, `plan-${entry.plan.id}.html`);
  await write(file, await planReportInput(client, entry.plan));
  return file;
}

/** What the plan tool returns: queues before -> after, the changes, the bound and where the report is. */
export function planSummary(entry: SessionPlan, session: DeskSession) {
  const p = entry.plan;
  const o = p.optimization;
  const names = new Map(p.impact.map((q) => [q.queueId, q.queueName ?? q.queueId]));
  const limit = limitProblem(entry, session.options.limits);
  return {
    planId: p.id,
    horizon: p.day
      ? `day ${p.day.date} (UTC), ${p.day.intervalMinutes}-minute intervals`
      : 'the busiest hour of the history, every agent present',
    feasible: o.feasible,
    queues: o.queues.map((q) => ({
      queueId: q.id,
      queueName: names.get(q.id) ?? q.id,
      target: q.target.serviceLevel,
      before: round(p.day ? q.worstInterval.before : q.before.serviceLevel, 4),
      after: round(
        p.day ? (q.intervals[q.worstInterval.index]?.after.serviceLevel ?? q.after.serviceLevel) : q.after.serviceLevel,
        4,
      ),
      meetsTarget: q.meetsTarget,
      holdersBefore: q.before.holders,
      holdersAfter: q.after.holders,
    })),
    changes: p.changes.length,
    memberships: p.memberships.length,
    languageChanges: p.languageChanges?.length ?? 0,
    lowerBound: o.lowerBound?.changes ?? null,
    shortfall: o.shortfall.map((s) => ({
      queueId: s.queueId,
      queueName: names.get(s.queueId) ?? s.queueId,
      agentsMissing: s.agentsMissing,
    })),
    warnings: o.warnings,
    withinPolicy: limit === undefined,
    ...(limit ? { policyProblem: limit.message } : {}),
    report: { uri: `genesys-routing://plans/${p.id}/report`, ...(entry.reportPath ? { path: entry.reportPath } : {}) },
    next: p.changes.length + p.memberships.length > 0 ? `dry_run_plan { planId: "${p.id}" }` : 'nothing to apply',
  };
}

/** What the plan would change, agent by agent with names, against the org now; records the dry run. */
export async function dryRun(client: GenesysClient, session: DeskSession, planId: string) {
  const entry = sessionPlan(session, planId);
  const org = await freshOrg(client, session, entry);
  const result = await applyPlan(client, entry.plan, { dryRun: true });
  const byAgent = new Map<string, { userId: string; name: string; changes: string[] }>();
  const add = (userId: string, name: string | undefined, line: string) => {
    const a = byAgent.get(userId) ?? { userId, name: name ?? org.userNames.get(userId) ?? userId, changes: [] };
    a.changes.push(line);
    byAgent.set(userId, a);
  };
  for (const m of result.memberships.filter((x) => x.status === 'wouldApply'))
    add(m.userId, m.userName, `${m.action === 'remove' ? 'leave' : 'join'} queue ${m.queueName ?? m.queueId}`);
  for (const i of result.items.filter((x) => x.status === 'wouldApply')) {
    const skill = i.skillName ?? i.skillId;
    const from = i.actual ?? i.before;
    add(
      i.userId,
      i.userName,
      i.after === null
        ? `remove skill ${skill} (now ${from ?? 'absent'})`
        : from === null || from === undefined
          ? `add skill ${skill} at ${i.after}`
          : `set skill ${skill} ${from} -> ${i.after}`,
    );
  }
  for (const l of result.languages.filter((x) => x.status === 'wouldApply'))
    add(l.userId, l.userName, `language ${l.languageName ?? l.languageId} -> ${l.after ?? 'removed'}`);
  const wouldChange = [...byAgent.values()].reduce((n, a) => n + a.changes.length, 0);
  const run = session.addDryRun(planId, org.fingerprint, wouldChange);
  const limit = limitProblem(entry, session.options.limits);
  return {
    planId,
    orgUnchangedSincePlan: true,
    wouldChange,
    agents: [...byAgent.values()],
    withinPolicy: limit === undefined,
    ...(limit ? { policyProblem: limit.message } : {}),
    confirmationToken: run.token,
    confirmation: session.options.allowWrites
      ? 'apply_plan asks the user to confirm (elicitation) when the client supports it; otherwise pass this confirmationToken after the user has said yes'
      : 'writes are disabled on this server: it can plan and dry-run, not apply',
  };
}

export { dryRunOf };
