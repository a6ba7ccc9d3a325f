// applyPlan: desired-state writes of a whole plan (queue memberships first, then skill changes) through the shared
// apply engine (engine/apply-skills.ts). Every status comes from what the org holds at the end and what this run wrote; a
// journal only tells which users an earlier run finished (for this exact plan content and end state), it never
// replaces a read. A lost lease or a journal that cannot be written stops new writes, and the result still says
// what landed, what did not and what could not be journaled.
import type { GenesysClient } from '../../client/client.js';
import { ValidationError } from '../../errors/index.js';
import { MAX_SKILLS_PER_USER } from '../../resources/routing/users/user-skills.js';
import type { EngineProgress } from './engine/apply-skills.js';
import { runApply } from './run-plan.js';
import type { ApplyOptions, ApplyResult } from './types.js';
import { checkPlanChanges, checkPlanParts, type Plan } from '../plan.js';
import { reportProgress } from '../progress.js';
import { checkApplyOptions } from './options.js';

export type { MembershipItemResult } from './memberships.js';
export type { LanguageItemResult } from './languages.js';
export type { ApplyConflict, ConflictCheckOptions, ConflictCheckResult } from './replace-conflicts.js';

export type { ItemStatus, ItemResult, ApplyProgress, ApplyOptions, ApplyResult } from './types.js';

const CONTEXT = 'applyPlan';

/**
 * Applies a whole plan: its queue memberships first, then its language changes (one bulk PATCH of at most 50 per
 * user and call, one DELETE per removal), then its skill changes. Reads users in batches, writes only
 * what differs (one bulk PATCH per user and one DELETE per removal; see `removals`), verifies from each write's
 * answer, and confirms everything with a final batched read. A lost lease or an unwritable journal stops new writes
 * and the result still lists every item.
 * @example
 * const result = await applyPlan(client, plan, { journal: new FileJournal('plan.journal'), onProgress: console.log });
 * console.log(result.counts); // { applied, unchanged, skipped, failed, overwritten, unverified, wouldApply }
 */
export async function applyPlan(client: GenesysClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  checkApplyOptions(options);
  const limit = options.maxSkillsPerUser ?? MAX_SKILLS_PER_USER;
  checkPlanChanges(plan.changes, { context: CONTEXT, maxSkillsPerUser: limit });
  checkPlanParts(plan, CONTEXT);
  if (!options.allowOtherOrg) await checkOrg(client, plan, options.signal);
  return runApply(client, plan, options, {
    context: CONTEXT,
    limit,
    progress: (p) => progress(client, p, options.onProgress),
  });
}

function progress(client: GenesysClient, p: EngineProgress, onProgress: ApplyOptions['onProgress']): void {
  const detail = {
    usersDone: p.usersDone,
    usersTotal: p.usersTotal,
    applied: p.confirmed,
    failed: p.failing,
    pass: p.pass,
  };
  reportProgress(
    client,
    { operation: CONTEXT, unit: 'users', done: p.usersDone, total: p.usersTotal },
    onProgress,
    detail,
  );
}

/** Refuses a plan made for another org: by org id (token info) when the plan has one, else by API base URL. */
async function checkOrg(client: GenesysClient, plan: Plan, signal: AbortSignal | undefined): Promise<void> {
  if (plan.orgId) {
    const org = await client.routing.users.currentOrg({ signal });
    if (org.id === plan.orgId) return;
    throw new ValidationError(CONTEXT, [
      {
        path: 'plan.orgId',
        message: `plan was made for org ${plan.orgId}, this client's token belongs to org ${org.name ? `${org.name} (${org.id})` : org.id} (pass allowOtherOrg to force)`,
      },
    ]);
  }
  const base = client.org.apiBaseUrl;
  if (plan.org !== base) {
    throw new ValidationError(CONTEXT, [
      {
        path: 'plan.org',
        message: `plan was made for ${plan.org}, this client talks to ${base} (pass allowOtherOrg to force)`,
      },
    ]);
  }
}
