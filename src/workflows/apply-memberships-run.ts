// applyMemberships' implementation: the documented function in apply-memberships.ts loads this module (through
// run.ts) on first call.
import type { GenesysClient } from '../client.js';
import type { ApplyMembershipsResult, MembershipResult, MembershipStatus } from './apply-memberships.js';
import type { PlannedMembership } from './optimize-routing.js';

export async function applyMemberships(
  client: GenesysClient,
  memberships: readonly PlannedMembership[],
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ApplyMembershipsResult> {
  const { signal } = options;
  const byQueue = new Map<string, PlannedMembership[]>();
  for (const m of memberships) byQueue.set(m.queueId, [...(byQueue.get(m.queueId) ?? []), m]);
  const items: MembershipResult[] = [];
  for (const [queueId, wanted] of byQueue) {
    const members = async (): Promise<Set<string>> => {
      const ids = new Set<string>();
      for await (const m of client.routing.members.list(queueId, { signal })) ids.add(m.id);
      return ids;
    };
    const before = await members();
    const missing = wanted.filter((m) => !before.has(m.userId));
    for (const m of wanted) if (before.has(m.userId)) items.push({ ...m, status: 'unchanged' });
    if (missing.length === 0) continue;
    if (options.dryRun) {
      for (const m of missing) items.push({ ...m, status: 'wouldApply' });
      continue;
    }
    let error: string | undefined;
    try {
      await client.routing.members.add(queueId, missing.map((m) => m.userId), { continueOnError: true, signal });
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    const after = await members();
    for (const m of missing) {
      items.push(after.has(m.userId) ? { ...m, status: 'applied' } : { ...m, status: 'failed', error: error ?? 'not a member after the write' });
    }
  }
  const counts: Record<MembershipStatus, number> = { applied: 0, unchanged: 0, failed: 0, wouldApply: 0 };
  for (const i of items) counts[i.status]++;
  return { items, counts };
}
