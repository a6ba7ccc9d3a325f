// The write of one decision: shadow mode, approve mode's proposal, the kill switch and the lease first; then the
// state (before the write), applyPlan, and a read back that verifies it.
import { GenesysError } from '../../errors/index.js';
import { applyPlan } from '../apply/apply-plan.js';
import type { ChangeStatus } from '../apply/values.js';
import {
  diffAssignments,
  readOrgView,
  restrictTo,
  sameAssignment,
  toPlan,
  type Assignment,
  type OrgView,
} from './assignment.js';
import type { AutopilotDecision, DecisionKind } from './decision-log.js';
import { isStopped } from './kill-switch.js';
import type { Step } from './step-types.js';

/** Kill switch, shadow mode and lease first; then the state (before the write), applyPlan, and a read back. */
export async function write(
  s: Step,
  view: OrgView,
  target: Assignment | undefined,
  kind: Exclude<DecisionKind, 'hold'>,
  decision: Omit<AutopilotDecision, 'kind'>,
  entries?: ReturnType<typeof diffAssignments>,
  forced = false,
): Promise<AutopilotDecision> {
  const queues = [...new Set(decision.changes.map((c) => c.queueId))].sort();
  const plannedEntries = entries ?? diffAssignments(view.assignment, target as Assignment, decision.why);
  if (s.policy.mode === 'shadow') {
    s.lastChange = { at: s.clock.now(), queues };
    return { ...decision, kind, why: `${decision.why} (shadow mode: nothing written)` };
  }
  // A return because the run stops or resumes is the operator's own order: it is not proposed again.
  if (s.policy.mode === 'approve' && !forced) {
    const answer = await askApproval(s, { ...decision, kind });
    if (answer.outcome !== 'approved')
      return {
        ...decision,
        kind,
        changes: [],
        proposal: answer,
        why: `${decision.why}; proposal ${answer.outcome}${answer.reason ? ` (${answer.reason})` : ''}: nothing written`,
      };
    decision = { ...decision, proposal: answer };
  }
  const now = s.clock.now();
  const stop = s.options.killSwitch;
  if (await isStopped(stop, s.signal))
    return {
      ...decision,
      kind,
      changes: [],
      killSwitch: stop?.describe,
      why: `${decision.why}; kill switch ${stop?.describe} engaged: nothing written`,
    };
  if (!s.leaseHeld())
    return { ...decision, kind, changes: [], why: `${decision.why}; the lease was lost: nothing written` };
  const plan = toPlan(`autopilot-${decision.seq}-${now}`, s.org, plannedEntries, new Date(now), {
    autopilot: { seq: decision.seq, kind, at: decision.at },
  });
  for (const c of decision.changes)
    s.state.history.push({
      userId: c.userId,
      queueId: c.queueId,
      at: new Date(now).toISOString(),
      direction: c.direction,
    });
  s.state.away = true;
  await s.store.save(s.state);
  s.lastChange = { at: now, queues };
  const result = await applyPlan(s.client, plan, {
    ...(s.options.journal ? { journal: s.options.journal } : {}),
    signal: s.signal,
  });
  s.events.emit('applied', { seq: decision.seq, kind, result });
  const counts = Object.fromEntries(Object.entries(result.counts).filter(([, n]) => n > 0)) as Partial<
    Record<ChangeStatus, number>
  >;
  const after = await readOrgView(s.client, s.queueSkills, Object.keys(s.state.baseline.skills), s.signal);
  const touched = [...new Set([...plannedEntries.changes, ...plannedEntries.memberships].map((e) => e.userId))];
  const wanted = restrictTo(target ?? s.state.baseline, touched);
  const left = diffAssignments(restrictTo(after.assignment, touched), wanted, '');
  const mismatches = left.changes.length + left.memberships.length;
  s.events.emit('verified', { seq: decision.seq, ok: mismatches === 0, mismatches });
  if (kind === 'return') {
    const atBaseline = sameAssignment(
      s.state.baseline,
      restrictTo(after.assignment, Object.keys(s.state.baseline.skills)),
    );
    s.state.away = !atBaseline;
    await s.store.save(s.state);
    s.events.emit('rollback', { seq: decision.seq, reason: decision.why, atBaseline, result });
  }
  if (result.counts.failed > 0 || mismatches > 0)
    s.events.emit(
      'error',
      new GenesysError(
        `autopilot: decision ${decision.seq} left ${mismatches} difference(s) after applying (${JSON.stringify(counts)})`,
      ),
    );
  return { ...decision, kind, apply: { planId: plan.id, counts }, verified: { ok: mismatches === 0, mismatches } };
}

/** Approve mode: proposes the decision and waits for its answer; logs and announces how it ended. */
async function askApproval(
  s: Step,
  decision: AutopilotDecision,
): Promise<{ id: string; outcome: 'approved' | 'rejected' | 'expired'; reason?: string | undefined }> {
  const answer = await s.proposals.propose(
    decision,
    s.policy.proposalValidityMinutes * 60_000,
    (p) => s.events.emit('proposal', p),
    s.options.onProposal,
    s.stopping,
  );
  const resolved = {
    id: answer.proposal.id,
    outcome: answer.outcome,
    ...(answer.reason !== undefined ? { reason: answer.reason } : {}),
  };
  s.events.emit('proposalResolved', resolved);
  return resolved;
}
