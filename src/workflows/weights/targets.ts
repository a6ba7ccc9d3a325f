// distributeWeights, steps 3-4: the saturation gate on the live measurement, and what each member's weight maps
// to on the levers Genesys Cloud has (bullseye ring numbers, skill proficiency), with the shares that mapping gives.
import {
  type MemberPlacement,
  type OfferModelOptions,
  balanceAccuracy,
  expectedOfferShares,
} from '../../optimizer/planning/weights/weights-balance.js';
import { projectSaturation, weightsToProficiency, weightsToRings } from '../../optimizer/planning/index.js';
import type { SaturationProjection } from '../../optimizer/planning/checks/saturation.js';
import type { QueueMember } from '../../resources/schemas/routing.js';
import { type LiveQueue, type WeightsProjection, measure } from './live.js';
import type { CheckedOptions, MemberWeightResult } from './types.js';

/** Bullseye routing's ring count: weights map onto at most this many rings. */
export const MAX_RINGS = 6;

/** The run's plan: the gate's verdict, the members it applies to and each one's target on each lever. */
export interface WeightTargets {
  requested: Map<string, number>;
  gate: SaturationProjection;
  projection: WeightsProjection;
  members: Map<string, QueueMember>;
  /** The weights of listed users who are members of the queue (the others are skipped). */
  applicable: CheckedOptions['memberWeights'];
  rings: number | undefined;
  ringTarget: Map<string, number>;
  profTarget: Map<string, number>;
  model: OfferModelOptions;
  plannedShares: Map<string, number>;
  plannedBalanceAccuracy: number;
}

/** Gates on the live measurement and maps every applicable weight onto the chosen lever(s). */
export function planTargets(o: CheckedOptions, live: LiveQueue): WeightTargets {
  const useRings = o.lever !== 'proficiency';
  const requested = new Map(o.memberWeights.map((w) => [w.memberId, w.weight]));
  const { measurement, gateInput } = measure(live, requested);
  const gate = projectSaturation({ ...gateInput, blockThreshold: o.blockThreshold, warnThreshold: o.warnThreshold });
  const members = new Map<string, QueueMember>(live.members.map((m) => [m.id, m]));
  const applicable = o.memberWeights.filter((w) => members.has(w.memberId));
  const rings = useRings
    ? Math.min(MAX_RINGS, measurement.bullseyeRings >= 1 ? measurement.bullseyeRings : MAX_RINGS)
    : undefined;
  const ringTarget = new Map(
    useRings ? weightsToRings(applicable, { rings }).map((r) => [r.memberId, r.ringNumber]) : [],
  );
  const profTarget = new Map(
    o.lever !== 'rings'
      ? weightsToProficiency(applicable, o.proficiencyScale).map((p) => [p.memberId, p.proficiency])
      : [],
  );
  const model = { lever: o.lever, load: measurement.weightedLoad, overflowThreshold: o.overflowThreshold };
  const placements: MemberPlacement[] = applicable.map((w) => ({
    memberId: w.memberId,
    ringNumber: ringTarget.get(w.memberId),
    proficiency: profTarget.get(w.memberId),
  }));
  const plannedShares = expectedOfferShares(placements, model);
  return {
    requested,
    gate,
    projection: { ...gate, live: measurement },
    members,
    applicable,
    rings,
    ringTarget,
    profTarget,
    model,
    plannedShares,
    plannedBalanceAccuracy: balanceAccuracy(requested, plannedShares),
  };
}

/** One result per listed member, in input order, before anything is written (non-members already skipped). */
export function initialItems(o: CheckedOptions, t: WeightTargets): Map<string, MemberWeightResult> {
  const totalWeight = o.memberWeights.reduce((s, w) => s + w.weight, 0);
  const items = new Map<string, MemberWeightResult>();
  for (const w of o.memberWeights) {
    const m = t.members.get(w.memberId);
    items.set(w.memberId, {
      memberId: w.memberId,
      memberName: m?.name ?? m?.user?.name,
      requestedWeight: w.weight,
      requestedShare: Math.round((w.weight / totalWeight) * 1e12) / 1e12,
      achievedShare: 0,
      status: 'skipped',
      target: m ? { ringNumber: t.ringTarget.get(w.memberId), proficiency: t.profTarget.get(w.memberId) } : undefined,
      reason: m ? undefined : `not a member of queue ${o.queueId}: nothing to map`,
      correlationIds: [],
    });
  }
  return items;
}
