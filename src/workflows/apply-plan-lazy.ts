// applyPlan as the root entry exports it: the engine (apply-plan.ts and apply/) loads on first call, so importing
// the SDK does not compile it. Same signature and documentation as the implementation.
import type { GenesysClient } from '../client.js';
import type { ApplyOptions, ApplyResult } from './apply-plan.js';
import type { Plan } from './plan.js';

export type { ApplyOptions, ApplyResult, ApplyProgress, ItemResult, ItemStatus, MembershipItemResult, ApplyConflict, ConflictCheckOptions, ConflictCheckResult } from './apply-plan.js';

/**
 * Applies a whole plan: its queue memberships first, then its skill changes. Reads users in batches, writes only
 * what differs (one bulk PATCH per user and one DELETE per removal; see `removals`), verifies from each write's
 * answer, and confirms everything with a final batched read. A lost lease or an unwritable journal stops new writes
 * and the result still lists every item.
 * @example
 * const result = await applyPlan(client, plan, { journal: new FileJournal('plan.journal'), onProgress: console.log });
 * console.log(result.counts); // { applied, unchanged, skipped, failed, overwritten, unverified, wouldApply }
 */
export async function applyPlan(client: GenesysClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const run = await import('./run.js');
  return run.applyPlan(client, plan, options);
}
