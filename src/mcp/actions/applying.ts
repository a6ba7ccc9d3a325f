// Apply and rollback. An apply passes every guardrail first (mcp/guard.ts), then an explicit confirmation: the
// user's answer to an elicitation where the client supports it, else the token the dry run returned. The org
// state read right before it is kept; the rollback returns the pairs the plan touched to that state.
import type { GenesysClient } from '../../client/client.js';
import { applyPlan } from '../../workflows/apply/apply-plan.js';
import type { ApplyResult } from '../../workflows/apply/types.js';
import type { AuditTrail } from '../../workflows/audit/trail.js';
import {
  newPlanId,
  PLAN_KIND,
  PLAN_VERSION,
  summarize,
  type Plan,
  type PlannedChange,
  type PlannedMembership,
} from '../../workflows/plan.js';
import { McpRefusalError } from '../errors.js';
import { changeCount, dryRunOf, freshOrg, limitProblem, sessionPlan } from '../guard.js';
import { held, memberKey, readOrgState, type OrgState } from '../org-state.js';
import type { DeskSession, SessionPlan } from '../session.js';

/** How the user confirmed: `accepted` / `declined` by elicitation, or `unsupported` (use the token). */
export type Confirmation = 'accepted' | 'declined' | 'unsupported';
export type Confirm = (message: string) => Promise<Confirmation>;

export async function applySessionPlan(
  client: GenesysClient,
  session: DeskSession,
  input: { planId: string; confirmationToken?: string | undefined },
  confirm: Confirm,
) {
  const entry = sessionPlan(session, input.planId);
  const run = dryRunOf(session, entry);
  const limit = limitProblem(entry, session.options.limits);
  if (limit) throw limit;
  const before = await freshOrg(client, session, entry);
  if (before.fingerprint !== run.fingerprint)
    throw new McpRefusalError('planId', 'stale', 'the org changed since the dry run; call dry_run_plan again');
  const answer = await confirm(
    `Apply plan ${entry.plan.id}: ${run.wouldChange} change(s) to ${entry.plan.summary.users} agent(s) as ${session.options.identity}? A rollback returns them to the state read now.`,
  );
  if (answer === 'declined')
    throw new McpRefusalError(
      'confirmation',
      'confirmation',
      'the user did not confirm the apply; nothing was written',
    );
  if (answer === 'unsupported') {
    if (!input.confirmationToken)
      throw new McpRefusalError(
        'confirmationToken',
        'confirmation',
        'required: this client cannot be asked to confirm, so pass the confirmationToken dry_run_plan returned, once the user has said yes; nothing was written',
      );
    if (input.confirmationToken !== run.token)
      throw new McpRefusalError(
        'confirmationToken',
        'confirmation',
        'does not match the last dry run of this plan; nothing was written',
      );
  }
  session.dryRuns.delete(entry.plan.id); // the token is single-use
  const result = await applyPlan(client, entry.plan, {
    journal: session.options.journal,
    auditTrail: withIdentity(session.options.auditTrail, session.options.identity),
  });
  session.applies.set(entry.plan.id, {
    planId: entry.plan.id,
    before,
    at: session.options.now().toISOString(),
    rolledBack: false,
  });
  return {
    planId: entry.plan.id,
    appliedAs: session.options.identity,
    changes: changeCount(entry),
    ...outcome(result),
    rollback: `rollback { planId: "${entry.plan.id}" } returns the touched agents to the state read before this apply`,
  };
}

/** Returns the pairs the plan touched to the state read before its apply; checks the org is back at it. */
export async function rollback(client: GenesysClient, session: DeskSession, planId?: string) {
  const applied = planId ? session.applies.get(planId) : session.latestApply();
  if (!applied || applied.rolledBack)
    throw new McpRefusalError(
      'planId',
      'nothingToRollBack',
      planId
        ? `plan ${planId} was not applied in this session (or is rolled back already)`
        : 'no apply of this session to roll back',
    );
  const entry = sessionPlan(session, applied.planId);
  const now = await readOrgState(client, session.options.now());
  const back = reversePlan(entry, applied.before, now, session.options.identity);
  const result =
    back.changes.length + (back.memberships?.length ?? 0) > 0
      ? await applyPlan(client, back, {
          journal: session.options.journal,
          auditTrail: withIdentity(session.options.auditTrail, session.options.identity),
        })
      : undefined;
  applied.rolledBack = true;
  const after = await readOrgState(client, session.options.now());
  const remaining = differences(entry, applied.before, after);
  return {
    planId: applied.planId,
    rollbackPlanId: back.id,
    changes: back.changes.length + (back.memberships?.length ?? 0),
    ...(result ? outcome(result) : { counts: {}, failed: 0 }),
    atSnapshot: remaining === 0,
    differencesLeft: remaining,
    snapshotTakenAt: applied.before.takenAt,
  };
}

function outcome(result: ApplyResult) {
  const counts = Object.fromEntries(Object.entries(result.counts).filter(([, n]) => n > 0));
  const failed = result.counts.failed + result.counts.skipped + result.counts.unverified;
  return { counts, failed, ...(result.stopped ? { stopped: result.stopped.message } : {}) };
}

/** The plan that takes every pair the plan touched from the org now back to `before`. */
function reversePlan(entry: SessionPlan, before: OrgState, now: OrgState, identity: string): Plan {
  const p = entry.plan;
  const changes: PlannedChange[] = [];
  for (const key of new Set(p.changes.map((c) => `${c.userId} ${c.skillId}`))) {
    const [userId, skillId] = key.split(' ') as [string, string];
    const was = held(before, userId, skillId);
    const is = held(now, userId, skillId);
    if (was === is) continue;
    const named = p.changes.find((c) => c.userId === userId && c.skillId === skillId);
    changes.push({
      userId,
      userName: named?.userName,
      skillId,
      skillName: named?.skillName,
      action: was === null ? 'remove' : is === null ? 'add' : 'update',
      before: is,
      after: was,
      reasons: [`rollback of plan ${p.id}`],
    });
  }
  const memberships: PlannedMembership[] = p.memberships.flatMap((m) => {
    const was = before.members.has(memberKey(m.queueId, m.userId));
    const is = now.members.has(memberKey(m.queueId, m.userId));
    if (was === is) return [];
    return [{ ...m, action: was ? ('add' as const) : ('remove' as const), reason: `rollback of plan ${p.id}` }];
  });
  return {
    kind: PLAN_KIND,
    version: PLAN_VERSION,
    id: newPlanId(),
    createdAt: new Date().toISOString(),
    source: 'mcp rollback',
    org: p.org,
    ...(p.orgId ? { orgId: p.orgId } : {}),
    changes,
    memberships,
    skipped: [],
    violations: [],
    impact: [],
    summary: summarize(changes, [], []),
    inputs: { rollbackOf: p.id, assistant: identity },
  };
}

/** Pairs the plan touched whose value differs between two states. */
function differences(entry: SessionPlan, a: OrgState, b: OrgState): number {
  const p = entry.plan;
  const skills = p.changes.filter((c) => held(a, c.userId, c.skillId) !== held(b, c.userId, c.skillId)).length;
  const members = p.memberships.filter(
    (m) => a.members.has(memberKey(m.queueId, m.userId)) !== b.members.has(memberKey(m.queueId, m.userId)),
  ).length;
  return skills + members;
}

/** The audit trail, each record naming who acted. */
function withIdentity(trail: AuditTrail, identity: string): AuditTrail {
  return { write: (record) => trail.write({ ...record, details: { ...record.details, actor: identity } }) };
}
