// applyMemberships' implementation: the documented function in apply-memberships.ts loads this module (through
// run.ts) on first call. The work is applyPlan's membership phase (apply/memberships.ts), so both behave alike.
import type { GenesysClient } from '../client.js';
import type { ApplyMembershipsResult, MembershipStatus } from './apply-memberships.js';
import { applyMembershipPhase } from './apply/memberships.js';
import { emptyCounts } from './apply/values.js';
import type { PlannedMembership } from './optimize-routing.js';

export async function applyMemberships(
  client: GenesysClient,
  memberships: readonly PlannedMembership[],
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ApplyMembershipsResult> {
  const results = await applyMembershipPhase(client, memberships, { dryRun: options.dryRun ?? false, signal: options.signal, mayWrite: () => true });
  const items = results.map(({ status, detail, error, fromJournal: _j, correlationIds: _c, startedAt: _s, finishedAt: _f, latencyMs: _l, ...m }) => ({
    ...m,
    status,
    ...(status === 'applied' || status === 'unchanged' || status === 'wouldApply' ? {} : { error: detail ?? error?.message ?? status }),
  }));
  const counts: Record<MembershipStatus, number> = emptyCounts();
  for (const i of items) counts[i.status]++;
  return { items, counts };
}
