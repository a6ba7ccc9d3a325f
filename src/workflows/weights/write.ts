// distributeWeights, step 5: the writes. Both levers go through the shared apply engine (the same primitive as
// applyPlan): read, classify, write what differs, retry failed writes in later passes, confirm with a final read,
// one status vocabulary. Rings first, then proficiency; a member is done when its last lever is.
import type { GenesysClient } from '../../client/client.js';
import { applySkillTargets } from '../apply/engine/apply-skills.js';
import { applyRingTargets } from '../apply/engine/ring-lever.js';
import type { LeverTarget, TargetOutcome } from '../apply/engine/targets.js';
import { reportProgress } from '../progress.js';
import { leverFromOutcome } from './apply.js';
import type { LiveQueue } from './live.js';
import type { WeightTargets } from './targets.js';
import type { CheckedOptions, MemberWeightResult } from './types.js';

const CONTEXT = 'distributeWeights';

/** Writes every applicable member's targets; returns the members the run reached (read or tried). */
export async function writeLevers(
  client: GenesysClient,
  o: CheckedOptions,
  t: WeightTargets,
  live: LiveQueue,
  items: Map<string, MemberWeightResult>,
): Promise<Set<string>> {
  const useProficiency = o.lever !== 'rings';
  const finished = progressTracker(client, o, t.applicable.length, useProficiency);
  const engine = { dryRun: o.dryRun, concurrency: o.concurrency, signal: o.signal, finalRead: o.verify };
  const reached = new Set<string>();
  const take = (memberId: string, outcome: TargetOutcome<LeverTarget>) => {
    if (outcome.initial !== undefined || outcome.error) reached.add(memberId);
    return leverFromOutcome(outcome);
  };
  if (o.lever !== 'proficiency') {
    const targets = t.applicable.map((w) => ({
      memberId: w.memberId,
      expected: t.members.get(w.memberId)!.ringNumber ?? null,
      after: t.ringTarget.get(w.memberId)!,
    }));
    // The live listing read a moment ago is the first pass's read: no second listing before the writes.
    const ringRun = await applyRingTargets(client, targets, {
      ...engine,
      queueId: o.queueId,
      listed: live.members,
      onMemberFinished: finished('rings'),
    });
    for (const outcome of ringRun.outcomes)
      items.get(outcome.target.memberId)!.ring = take(outcome.target.memberId, outcome);
  }
  if (useProficiency && !o.signal?.aborted) {
    const targets = t.applicable.map((w) => ({
      userId: w.memberId,
      skillId: o.skillId!,
      after: t.profTarget.get(w.memberId)!,
    }));
    const profRun = await applySkillTargets(client, targets, {
      context: CONTEXT,
      ...engine,
      onUserFinished: finished('proficiency'),
    });
    for (const outcome of profRun.outcomes)
      items.get(outcome.target.userId)!.proficiency = take(outcome.target.userId, outcome);
  }
  return reached;
}

/** The per-member progress callback of each lever: a member counts once, when its last lever finishes. */
function progressTracker(client: GenesysClient, o: CheckedOptions, total: number, useProficiency: boolean) {
  const progress = { membersDone: 0, membersTotal: total, applied: 0, failed: 0 };
  const ringSeen = new Map<string, { done: boolean; written: boolean }>();
  return (lever: 'rings' | 'proficiency') =>
    async (memberId: string, tracks: readonly { written: boolean }[], done: boolean) => {
      const written = tracks.some((track) => track.written);
      if (lever === 'rings' && useProficiency) {
        ringSeen.set(memberId, { done, written });
        return;
      }
      const ring = ringSeen.get(memberId);
      progress.membersDone++;
      if (!done || ring?.done === false) progress.failed++;
      else if (written || ring?.written) progress.applied++;
      reportProgress(client, { operation: CONTEXT, unit: 'members', done: progress.membersDone, total }, o.onProgress, {
        ...progress,
      });
    };
}
