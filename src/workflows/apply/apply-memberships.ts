// Applies the queue memberships a plan needs (planRoutingOptimization): read the queue's members, add the missing
// ones (100 per call), read back. Desired state: re-running a finished plan writes nothing. applyPlan applies a
// plan's memberships itself.
import type { GenesysClient } from '../../client/client.js';
import { type ChangeStatus, emptyCounts } from './values.js';
import type { PlannedMembership } from '../plan.js';
import { applyMembershipPhase } from './memberships.js';
import * as z from 'zod/mini';
import { optionalSignal, parseOptions } from '../../internal/options.js';

const MembershipOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({ dryRun: z.optional(z.boolean()), signal: optionalSignal() }))();

/** The shared status vocabulary (see `ChangeStatus`); `unverified` when the add was accepted but the read-back failed. */
export type MembershipStatus = ChangeStatus;

/** One planned membership and what applying it did. */
export interface MembershipResult extends PlannedMembership {
  /** `unchanged`, `applied`, `failed`, `unverified` or `wouldApply` (dry run); see {@link applyMemberships}. */
  status: MembershipStatus;
  /** Why it failed (with `failed` or `unverified`). */
  error?: string;
}

/** What `applyMemberships` returns: a result per planned membership and the count per status. */
export interface ApplyMembershipsResult {
  /** One result per planned membership, in input order. */
  items: MembershipResult[];
  /** How many items ended in each status. */
  counts: Record<MembershipStatus, number>;
}

/**
 * Makes every planned user a member of its queue. Status per item: `unchanged` (already a member before this
 * run), `applied` (added by this run and present on read-back), `failed` (not a member at the end, with the
 * error), `unverified` (added, but the read-back failed), `wouldApply` (dry run).
 * @deprecated `applyPlan` applies a plan's `memberships` itself (before its skills, with the journal, lease and audit
 * trail); call it with the whole plan. Kept for callers that apply memberships alone.
 * @example
 * const result = await applyMemberships(client, plan.memberships);
 */
export async function applyMemberships(
  client: GenesysClient,
  memberships: readonly PlannedMembership[],
  options: { dryRun?: boolean; signal?: AbortSignal } = {},
): Promise<ApplyMembershipsResult> {
  parseOptions('applyMemberships', MembershipOptionsSchema, options);
  const results = await applyMembershipPhase(client, memberships, {
    dryRun: options.dryRun ?? false,
    signal: options.signal,
    mayWrite: () => true,
  });
  const items = results.map(
    ({
      status,
      detail,
      error,
      fromJournal: _j,
      correlationIds: _c,
      startedAt: _s,
      finishedAt: _f,
      latencyMs: _l,
      ...m
    }) => ({
      ...m,
      status,
      ...(status === 'applied' || status === 'unchanged' || status === 'wouldApply'
        ? {}
        : { error: detail ?? error?.message ?? status }),
    }),
  );
  const counts: Record<MembershipStatus, number> = emptyCounts();
  for (const i of items) counts[i.status]++;
  return { items, counts };
}
