// The guardrails an apply passes before anything is written: the plan is this session's, was dry-run, the org
// has not changed since it was made (fingerprint), and it stays within the policy limits (change count, locked
// agents and queues). Each refusal names the field or limit and says what to do.
import type { GenesysClient } from '../client/client.js';
import { McpRefusalError } from './errors.js';
import { readOrgState, type OrgState } from './org-state.js';
import type { DeskSession, SessionDryRun, SessionPlan } from './session.js';
import type { ResolvedMcpOptions } from './types.js';

/** The session plan with this id, or a refusal naming `planId`. */
export function sessionPlan(session: DeskSession, planId: string): SessionPlan {
  const entry = session.plans.get(planId);
  if (!entry)
    throw new McpRefusalError(
      'planId',
      'unknownPlan',
      `no plan ${JSON.stringify(planId)} was produced in this session (known: ${[...session.plans.keys()].join(', ') || 'none'}); call plan_routing first`,
    );
  return entry;
}

/** Every change a plan writes: skill, membership and language changes. */
export function changeCount(entry: SessionPlan): number {
  const p = entry.plan;
  return p.changes.length + p.memberships.length + (p.languageChanges?.length ?? 0);
}

/** The policy's verdict on a plan: the first limit it breaks, or undefined. */
export function limitProblem(entry: SessionPlan, limits: ResolvedMcpOptions['limits']): McpRefusalError | undefined {
  const count = changeCount(entry);
  if (count > limits.maxChanges)
    return new McpRefusalError(
      'limits.maxChanges',
      'overLimit',
      `the plan has ${count} changes and the policy allows at most ${limits.maxChanges}; plan again with maxChanges <= ${limits.maxChanges}`,
    );
  const lockedUsers = new Set(limits.lockedUserIds);
  const p = entry.plan;
  const user = [...p.changes, ...p.memberships].find((c) => lockedUsers.has(c.userId));
  if (user)
    return new McpRefusalError(
      'limits.lockedUserIds',
      'locked',
      `the plan changes ${user.userName ?? user.userId}, whom the policy locks`,
    );
  for (const queueId of limits.lockedQueueIds) {
    const skillId = entry.queueSkills[queueId];
    const hit = p.memberships.some((m) => m.queueId === queueId) || p.changes.some((c) => c.skillId === skillId);
    if (hit)
      return new McpRefusalError(
        'limits.lockedQueueIds',
        'locked',
        `the plan changes queue ${queueId}, which the policy locks`,
      );
  }
  return undefined;
}

/** Refuses when the org's memberships or skills changed since the plan was made; returns the org read now. */
export async function freshOrg(client: GenesysClient, session: DeskSession, entry: SessionPlan): Promise<OrgState> {
  const org = await readOrgState(client, session.options.now());
  if (org.fingerprint !== entry.fingerprint)
    throw new McpRefusalError(
      'planId',
      'stale',
      `plan ${entry.plan.id} is stale: the org's memberships or skills changed since it was made; call plan_routing again`,
    );
  return org;
}

/** The dry run of this plan, or a refusal: an apply needs one from this session, on the org as it is. */
export function dryRunOf(session: DeskSession, entry: SessionPlan): SessionDryRun {
  const run = session.dryRuns.get(entry.plan.id);
  if (!run)
    throw new McpRefusalError(
      'planId',
      'notDryRun',
      `plan ${entry.plan.id} has not been dry-run in this session; call dry_run_plan and review what would change first`,
    );
  return run;
}
