// applyPlan as the root entry exports it: the engine (apply-plan.ts and apply/) loads on first call, so importing
// the SDK does not compile it. Same signature and documentation as the implementation.
import type { GenesysClient } from '../client.js';
import type { ApplyOptions, ApplyResult } from './apply-plan.js';
import type { Plan } from './plan.js';

export type { ApplyOptions, ApplyResult, ApplyProgress, ItemResult, ItemStatus } from './apply-plan.js';

/**
 * Applies a plan's skill changes: reads users in batches, writes only what differs (one bulk PATCH per user, or
 * one PUT of the whole set for a user with removals, read just before; see `removals`), verifies from each write's
 * answer, and confirms everything with a final batched read.
 * @example
 * const result = await applyPlan(client, plan, { journal: new FileJournal('plan.journal'), onProgress: console.log });
 * console.log(result.counts); // { applied, unchanged, skipped, failed, overwritten, unverified, wouldApply }
 */
export async function applyPlan(client: GenesysClient, plan: Plan, options: ApplyOptions = {}): Promise<ApplyResult> {
  const run = await import('./run.js');
  return run.applyPlan(client, plan, options);
}
