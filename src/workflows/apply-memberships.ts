// Applies the queue memberships a plan needs (planRoutingOptimization): read the queue's members, add the
// missing ones (100 per call), read back. Desired state: re-running a finished plan writes nothing.
// The work is in apply-memberships-run.ts, loaded on first call.
import type { GenesysClient } from '../client.js';
import type { PlannedMembership } from './optimize-routing.js';

export type MembershipStatus = 'applied' | 'unchanged' | 'failed' | 'wouldApply';

export interface MembershipResult extends PlannedMembership {
  status: MembershipStatus;
  error?: string;
}

export interface ApplyMembershipsResult {
  items: MembershipResult[];
  counts: Record<MembershipStatus, number>;
}

/**
 * Makes every planned user a member of its queue. Status per item: `unchanged` (already a member before this
 * run), `applied` (added by this run and present on read-back), `failed` (not a member at the end, with the
 * error), `wouldApply` (dry run).
 * @example
 * const result = await applyMemberships(client, plan.memberships);
 */
export async function applyMemberships(
  client: GenesysClient,
  memberships: readonly PlannedMembership[],
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ApplyMembershipsResult> {
  const run = await import('./run.js');
  return run.applyMemberships(client, memberships, options);
}
