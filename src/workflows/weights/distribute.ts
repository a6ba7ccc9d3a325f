// distributeWeights: validate routing weights -> saturation gate on live data -> map the weights onto the levers
// Genesys Cloud really has (bullseye ring numbers, skill proficiency) -> desired-state writes through the shared
// apply engine -> final confirmation read -> one audit record per change.
import type { GenesysClient } from '../../client.js';
import { type GenesysError, GenesysApiError, ValidationError, type ValidationIssue } from '../../errors.js';
import {
  type WeightLever,
  balanceAccuracy,
  expectedOfferShares,
  type MemberPlacement,
} from '../../optimizer/planning/weights-balance.js';
import { type ChangeStatus, countStatuses } from '../apply/values.js';
import type { AuditTrail } from '../audit/trail.js';
import { type LeverChange, leverFromOutcome, leverRecord } from './apply.js';
import { type WeightsProjection, measure, readLiveQueue } from './live.js';
import { projectSaturation, validateWeights, weightsToProficiency, weightsToRings } from '../../optimizer/index.js';
import type { QueueMember } from '../../resources/schemas/routing.js';
import { applySkillTargets } from '../apply/apply-skills.js';
import { applyRingTargets } from '../apply/ring-lever.js';
import type { LeverTarget, TargetOutcome } from '../apply/targets.js';
import { newPlanId } from '../plan.js';
import { reportProgress } from '../progress.js';
import * as z from 'zod/mini';
import {
  optionalFunction,
  optionalObject,
  optionalSignal,
  parseOptions,
  strictOptions,
} from '../../internal/options.js';
export type { LeverChange, LeverStatus } from './apply.js';
export type { LiveMeasurement, WeightsProjection } from './live.js';

/** Overall outcome. `partial`: at least one member failed (others may be applied) or the run was aborted. */
export type DistributeStatus = 'applied' | 'unchanged' | 'blocked' | 'dryRun' | 'partial';
/** The shared status vocabulary (see `ChangeStatus`). */
export type MemberStatus = ChangeStatus;

/** Progress of `distributeWeights` (its `onProgress` option). */
export interface DistributeProgress {
  /** Members processed so far. */
  membersDone: number;
  /** Members to process. */
  membersTotal: number;
  /** Changes applied so far. */
  applied: number;
  /** Changes that failed so far. */
  failed: number;
}

/** Options of `distributeWeights`. */
export interface DistributeWeightsOptions {
  /** The queue whose members' shares of the work are set. */
  queueId: string;
  /** Each member's share of the queue's work (0..1, summing to at most 1). `memberId` is the user id. */
  memberWeights: ReadonlyArray<{ memberId: string; weight: number }>;
  /** Busy share (0..1) at which a ring / proficiency level overflows to the next one (offer model). Default 0.85. */
  overflowThreshold?: number;
  /** Target utilisation (0..1): projected utilisation at or above it is a warning. Default min(0.85, blockThreshold). */
  utilizationTarget?: number;
  /** Which platform lever carries the weights. Default 'rings'. */
  lever?: WeightLever;
  /** The queue's skill whose proficiency carries the weight; required for 'proficiency' and 'both'. */
  skillId?: string;
  /** Projected utilisation at or above which nothing is written. Default 0.95. */
  blockThreshold?: number;
  /** Proficiency scale of `weightsToProficiency` (default 0..5, step 1). */
  proficiencyScale?: { min?: number; max?: number; step?: number };
  /** Read, gate and compare; write nothing. Changes that would be written are `wouldApply`. */
  dryRun?: boolean;
  /**
   * Take the final confirmation read (both levers): each status then states what the queue and its users hold at
   * the end (`applied`, `failed`, `overwritten`, ...). False: statuses rest on the writes' own answers. Default true.
   */
  verify?: boolean;
  /** Members processed at once (the client's limiter still bounds requests). Default 4. */
  concurrency?: number;
  /** Records each change (e.g. `JsonlAuditTrail`). */
  auditTrail?: AuditTrail;
  /** Stops the run: no new write starts, and the result has `aborted: true` (status `partial`). */
  signal?: AbortSignal;
  /** Called after each member. */
  onProgress?: (progress: DistributeProgress) => void;
  /** Id written to every audit record. Default a new `weights-…` id. */
  planId?: string;
}

/** What `distributeWeights` did for one member. */
export interface MemberWeightResult {
  /** Member (user) id. */
  memberId: string;
  /** The member's name, when known. */
  memberName?: string | undefined;
  /** The weight asked for this member. */
  requestedWeight: number;
  /** requestedWeight / Σ weights. */
  requestedShare: number;
  /** Expected share of the work under the offer model, for the configuration in `result.shareBasis`. */
  achievedShare: number;
  /** What became of this member's change(s). */
  status: MemberStatus;
  /** What the weights map to (absent for skipped non-members). */
  target?: { ringNumber?: number | undefined; proficiency?: number | undefined } | undefined;
  /** The ring-number change, when the lever includes rings. */
  ring?: LeverChange | undefined;
  /** The proficiency change, when the lever includes proficiency. */
  proficiency?: LeverChange | undefined;
  /** Why the member was skipped, blocked or unchanged. */
  reason?: string | undefined;
  /** The error of a failed change. */
  error?: GenesysError | undefined;
  /** `ININ-Correlation-Id` of each call made for this member. */
  correlationIds: string[];
}

/** What `distributeWeights` did: per member, counts, the projection it gated on and the balance achieved. */
export interface DistributeWeightsResult {
  /** The id written to every audit record of the run. */
  planId: string;
  /** The queue whose work was distributed. */
  queueId: string;
  /** The lever used: bullseye `rings`, skill `proficiency`, or `both`. */
  lever: WeightLever;
  /** `applied`, `unchanged`, `blocked` (the saturation projection forbade it; nothing written), `dryRun` or `partial`. */
  status: DistributeStatus;
  /** Why the run was blocked, partial or unchanged. */
  reason?: string | undefined;
  /** One result per member, in input order. */
  items: MemberWeightResult[];
  /** How many members ended in each status. */
  counts: Record<MemberStatus, number>;
  /** The live saturation projection the run was gated on. */
  projection: WeightsProjection;
  /** 1 − ½·Σ|requested share − achieved share| (see docs/guides/distribute-weights.md). */
  balanceAccuracy: number;
  /** Balance accuracy of the target mapping (what a full, successful run achieves). */
  plannedBalanceAccuracy: number;
  /** `final`: shares of the configuration the queue holds after the run; `target`: of the mapping (dry run, blocked). */
  shareBasis: 'final' | 'target';
  /** Ring count the weights were mapped onto (rings lever). */
  rings?: number | undefined;
  /** Problems that did not stop the run, in words. */
  warnings: string[];
  /** True when the signal stopped the run before the end. */
  aborted: boolean;
  /** True when run with `dryRun` (nothing written). */
  dryRun: boolean;
  /** Wall-clock time of the run, ms. */
  latencyMs: number;
}

/**
 * Distributes a queue's work over its members by weight, through ring numbers and/or proficiency.
 * Validates before any request, blocks (writes nothing) when the live saturation projection says so, writes
 * only what differs, verifies, and records one AuditRecord per change.
 *
 * @example
 * const result = await distributeWeights(client, {
 *   queueId,
 *   memberWeights: [{ memberId: annId, weight: 0.5 }, { memberId: bobId, weight: 0.3 }, { memberId: catId, weight: 0.2 }],
 *   lever: 'rings',
 *   auditTrail: new JsonlAuditTrail('weights-audit.jsonl'),
 * });
 * console.log(result.status, result.balanceAccuracy, result.projection.level);
 */
export async function distributeWeights(
  client: GenesysClient,
  options: DistributeWeightsOptions,
): Promise<DistributeWeightsResult> {
  const started = performance.now();
  const o = await checkOptions(options);
  const { signal, queueId, lever, dryRun } = o;
  const planId = o.planId ?? newPlanId().replace(/^plan-/, 'weights-');
  const useRings = lever !== 'proficiency';
  const useProficiency = lever !== 'rings';
  if (useProficiency) await checkSkill(client, o.skillId!, signal);

  const live = await readLiveQueue(client, queueId, signal);
  const requested = new Map(o.memberWeights.map((w) => [w.memberId, w.weight]));
  const { measurement, gateInput } = measure(live, requested);
  const gate = projectSaturation({ ...gateInput, blockThreshold: o.blockThreshold, warnThreshold: o.warnThreshold });
  const projection: WeightsProjection = { ...gate, live: measurement };
  const warnings = [
    ...live.warnings,
    ...leverWarnings(lever, measurement.bullseyeRings, measurement.skillEvaluationMethod),
  ];
  if (gate.level === 'warn') warnings.push(gate.reason);

  const members = new Map<string, QueueMember>(live.members.map((m) => [m.id, m]));
  const applicable = o.memberWeights.filter((w) => members.has(w.memberId));
  const rings = useRings
    ? measurement.bullseyeRings >= 1
      ? Math.min(MAX_RINGS, measurement.bullseyeRings)
      : MAX_RINGS
    : undefined;
  const ringTarget = new Map(
    useRings ? weightsToRings(applicable, { rings }).map((r) => [r.memberId, r.ringNumber]) : [],
  );
  const profTarget = new Map(
    useProficiency ? weightsToProficiency(applicable, o.proficiencyScale).map((p) => [p.memberId, p.proficiency]) : [],
  );
  const model = { lever, load: measurement.weightedLoad, overflowThreshold: o.overflowThreshold };
  const targetPlacements: MemberPlacement[] = applicable.map((w) => ({
    memberId: w.memberId,
    ringNumber: ringTarget.get(w.memberId),
    proficiency: profTarget.get(w.memberId),
  }));
  const plannedShares = expectedOfferShares(targetPlacements, model);
  const plannedBalanceAccuracy = balanceAccuracy(requested, plannedShares);
  const totalWeight = o.memberWeights.reduce((s, w) => s + w.weight, 0);

  const items = new Map<string, MemberWeightResult>();
  for (const w of o.memberWeights) {
    const m = members.get(w.memberId);
    items.set(w.memberId, {
      memberId: w.memberId,
      memberName: m?.name ?? m?.user?.name,
      requestedWeight: w.weight,
      requestedShare: Math.round((w.weight / totalWeight) * 1e12) / 1e12,
      achievedShare: 0,
      status: 'skipped',
      target: m ? { ringNumber: ringTarget.get(w.memberId), proficiency: profTarget.get(w.memberId) } : undefined,
      reason: m ? undefined : `not a member of queue ${queueId}: nothing to map`,
      correlationIds: [],
    });
  }

  const base = { planId, queueId, lever, projection, plannedBalanceAccuracy, rings, warnings, dryRun };
  if (gate.block) {
    for (const w of applicable)
      Object.assign(items.get(w.memberId)!, { reason: `blocked by the saturation gate: ${gate.reason}` });
    const list = finish([...items.values()], plannedShares);
    return {
      ...base,
      status: 'blocked',
      reason: gate.reason,
      items: list,
      counts: countOf(list),
      balanceAccuracy: plannedBalanceAccuracy,
      shareBasis: 'target',
      aborted: false,
      latencyMs: elapsed(started),
    };
  }

  // Both levers go through the shared apply engine (the same primitive as applyPlan): read, classify, write what
  // differs, retry failed writes in later passes, confirm with a final read, one status vocabulary.
  const progress = { membersDone: 0, membersTotal: applicable.length, applied: 0, failed: 0 };
  const ringSeen = new Map<string, { done: boolean; written: boolean }>();
  // A member is done when its last lever is: rings first, then proficiency.
  const leverFinished =
    (lever: 'rings' | 'proficiency') =>
    async (memberId: string, tracks: readonly { written: boolean }[], done: boolean) => {
      const written = tracks.some((t) => t.written);
      if (lever === 'rings' && useProficiency) {
        ringSeen.set(memberId, { done, written });
        return;
      }
      const ring = ringSeen.get(memberId);
      progress.membersDone++;
      if (!done || ring?.done === false) progress.failed++;
      else if (written || ring?.written) progress.applied++;
      reportProgress(
        client,
        { operation: CONTEXT, unit: 'members', done: progress.membersDone, total: applicable.length },
        o.onProgress,
        { ...progress },
      );
    };
  const engine = { dryRun, concurrency: o.concurrency, signal, finalRead: o.verify };
  const reached = new Set<string>();
  const take = (memberId: string, outcome: TargetOutcome<LeverTarget>) => {
    if (outcome.initial !== undefined || outcome.error) reached.add(memberId);
    return leverFromOutcome(outcome);
  };
  if (useRings) {
    const targets = applicable.map((w) => ({
      memberId: w.memberId,
      expected: members.get(w.memberId)!.ringNumber ?? null,
      after: ringTarget.get(w.memberId)!,
    }));
    // The live listing read a moment ago is the first pass's read: no second listing before the writes.
    const ringRun = await applyRingTargets(client, targets, {
      ...engine,
      queueId,
      listed: live.members,
      onMemberFinished: leverFinished('rings'),
    });
    for (const outcome of ringRun.outcomes)
      items.get(outcome.target.memberId)!.ring = take(outcome.target.memberId, outcome);
  }
  if (useProficiency && !signal?.aborted) {
    const targets = applicable.map((w) => ({
      userId: w.memberId,
      skillId: o.skillId!,
      after: profTarget.get(w.memberId)!,
    }));
    const profRun = await applySkillTargets(client, targets, {
      context: CONTEXT,
      ...engine,
      onUserFinished: leverFinished('proficiency'),
    });
    for (const outcome of profRun.outcomes)
      items.get(outcome.target.userId)!.proficiency = take(outcome.target.userId, outcome);
  }

  const aborted = signal?.aborted ?? false;
  for (const w of applicable) {
    const item = items.get(w.memberId)!;
    item.status = memberStatus(item);
    if (!reached.has(w.memberId))
      Object.assign(item, { status: 'skipped', reason: aborted ? 'aborted before this member' : 'not reached' });
  }
  const shareBasis = dryRun ? 'target' : 'final';
  const finalShares = dryRun
    ? plannedShares
    : expectedOfferShares(
        applicable.map((w) => finalPlacement(items.get(w.memberId)!, members.get(w.memberId)!)),
        model,
      );
  const accuracy = balanceAccuracy(requested, finalShares);
  const list = finish([...items.values()], finalShares);
  if (o.auditTrail) {
    const ctx = { planId, queueId, skillId: o.skillId, dryRun, balanceAccuracy: accuracy };
    for (const item of list) {
      const shares = {
        requestedWeight: item.requestedWeight,
        requestedShare: item.requestedShare,
        achievedShare: item.achievedShare,
      };
      for (const [kind, change] of [
        ['ring', item.ring],
        ['proficiency', item.proficiency],
      ] as const) {
        const record = change && leverRecord(ctx, item.memberId, kind, change, shares);
        if (record) await o.auditTrail.write(record);
      }
    }
  }
  const counts = countOf(list);
  const troubled = counts.failed + counts.overwritten + counts.unverified;
  const status: DistributeStatus = dryRun
    ? 'dryRun'
    : troubled > 0 || aborted
      ? 'partial'
      : counts.applied > 0
        ? 'applied'
        : 'unchanged';
  const reason =
    status === 'partial'
      ? `${troubled} member(s) failed, overwritten or unverified${aborted ? '; aborted before finishing' : ''}`
      : status === 'unchanged'
        ? applicable.length === 0
          ? `no listed member is a member of queue ${queueId}`
          : 'every member already holds its target value'
        : undefined;
  return {
    ...base,
    status,
    reason,
    items: list,
    counts,
    balanceAccuracy: accuracy,
    shareBasis,
    aborted,
    latencyMs: elapsed(started),
  };
}

const LEVERS: readonly WeightLever[] = ['rings', 'proficiency', 'both'];
const CONTEXT = 'distributeWeights';
const MAX_RINGS = 6;

interface CheckedOptions extends DistributeWeightsOptions {
  lever: WeightLever;
  blockThreshold: number;
  warnThreshold: number;
  overflowThreshold: number;
  concurrency: number;
  dryRun: boolean;
  verify: boolean;
}

const DistributeOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<DistributeWeightsOptions>({
    queueId: true,
    memberWeights: z.optional(z.array(z.strictObject({ memberId: z.unknown(), weight: z.unknown() }))),
    overflowThreshold: true,
    utilizationTarget: true,
    lever: true,
    skillId: true,
    blockThreshold: true,
    proficiencyScale: z.optional(
      z.strictObject({ min: z.optional(z.unknown()), max: z.optional(z.unknown()), step: z.optional(z.unknown()) }),
    ),
    dryRun: z.optional(z.boolean()),
    verify: z.optional(z.boolean()),
    concurrency: true,
    auditTrail: optionalObject('an audit trail (e.g. JsonlAuditTrail)'),
    signal: optionalSignal(),
    onProgress: optionalFunction(),
    planId: z.optional(z.string()),
  }))();

/** Every input check, before any request: issues name the field (`memberWeights[2].weight`, `skillId`, ...). */
async function checkOptions(options: DistributeWeightsOptions): Promise<CheckedOptions> {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(CONTEXT, [{ path: 'options', message: 'are required' }]);
  parseOptions(CONTEXT, DistributeOptionsSchema, options);
  const issues: ValidationIssue[] = [];
  const lever = options.lever ?? 'rings';
  const blockThreshold = options.blockThreshold ?? 0.95;
  const concurrency = options.concurrency ?? 4;
  if (typeof options.queueId !== 'string' || options.queueId.trim() === '')
    issues.push({ path: 'queueId', message: 'must be a non-empty queue id' });
  if (!LEVERS.includes(lever))
    issues.push({ path: 'lever', message: `must be 'rings', 'proficiency' or 'both' (got ${JSON.stringify(lever)})` });
  else if (lever !== 'rings' && (typeof options.skillId !== 'string' || options.skillId.trim() === '')) {
    issues.push({
      path: 'skillId',
      message: `is required with lever '${lever}': the queue's skill whose proficiency carries the weight`,
    });
  }
  if (typeof blockThreshold !== 'number' || !(blockThreshold >= 0.01 && blockThreshold <= 1))
    issues.push({ path: 'blockThreshold', message: 'must be a number from 0.01 to 1' });
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
    issues.push({ path: 'concurrency', message: 'must be an integer from 1 to 64' });
  if (!Array.isArray(options.memberWeights) || options.memberWeights.length === 0)
    issues.push({ path: 'memberWeights', message: 'must be a non-empty array of { memberId, weight }' });
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);

  const memberWeights = options.memberWeights.map((w) => ({ memberId: w?.memberId, weight: w?.weight }));
  const { overflowThreshold, utilizationTarget } = options;
  const weightIssues = rethrow(() =>
    validateWeights({
      memberWeights: memberWeights as Array<{ memberId: string; weight: number }>,
      overflowThreshold,
      utilizationTarget,
    }),
  );
  issues.push(...weightIssues.map((i) => ({ path: i.path, message: i.message })));
  if (weightIssues.length === 0 && !memberWeights.some((w) => w.weight > 0))
    issues.push({ path: 'memberWeights', message: 'at least one weight must be > 0' });
  if (utilizationTarget !== undefined && utilizationTarget > blockThreshold)
    issues.push({ path: 'utilizationTarget', message: `must be <= blockThreshold (${blockThreshold})` });
  if (lever !== 'rings' && options.proficiencyScale !== undefined) {
    rethrow(() => weightsToProficiency([], options.proficiencyScale), 'proficiencyScale');
  }
  if (issues.length > 0) throw new ValidationError(CONTEXT, issues);
  return {
    ...options,
    memberWeights: memberWeights as Array<{ memberId: string; weight: number }>,
    lever,
    blockThreshold,
    warnThreshold: utilizationTarget ?? Math.min(0.85, blockThreshold),
    overflowThreshold: overflowThreshold ?? 0.85,
    concurrency,
    dryRun: options.dryRun ?? false,
    verify: options.verify ?? true,
  };
}

/** Runs an optimizer check; its ValidationError is re-raised under this workflow's name (paths kept or re-rooted). */
function rethrow<T>(fn: () => T, root?: string): T {
  try {
    return fn();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const issues = error.issues.map((i) => ({
      path: root ? i.path.replace(/^options/, root) : i.path,
      message: i.message,
    }));
    throw new ValidationError(CONTEXT, issues);
  }
}

async function checkSkill(client: GenesysClient, skillId: string, signal: AbortSignal | undefined): Promise<void> {
  try {
    const skill = await client.routing.skills.get(skillId, { signal });
    if (skill.state === 'deleted')
      throw new ValidationError(CONTEXT, [{ path: 'skillId', message: `skill ${skillId} is deleted` }]);
  } catch (error) {
    if (error instanceof GenesysApiError && error.status === 404)
      throw new ValidationError(CONTEXT, [{ path: 'skillId', message: `skill ${skillId} was not found` }], {
        cause: error,
      });
    throw error;
  }
}

function leverWarnings(lever: WeightLever, bullseyeRings: number, evaluation: string | undefined): string[] {
  const out: string[] = [];
  if (lever !== 'proficiency' && bullseyeRings === 0)
    out.push(
      `the queue has no bullseye rings: ring numbers were mapped onto ${MAX_RINGS} rings but only steer routing with bullseye routing`,
    );
  if (lever !== 'rings' && evaluation !== 'BEST')
    out.push(
      `the queue's skillEvaluationMethod is ${evaluation ?? 'unknown'}: proficiency steers routing only with BEST (best available)`,
    );
  return out;
}

function memberStatus(item: MemberWeightResult): MemberStatus {
  const levers = [item.ring, item.proficiency].filter((c): c is LeverChange => c !== undefined);
  // The worst lever speaks for the member: failed, then overwritten, then unverified.
  for (const bad of ['failed', 'overwritten', 'unverified'] as const) {
    const lever = levers.find((c) => c.status === bad);
    if (lever) {
      item.error = lever.error;
      item.reason = lever.reason;
      return bad;
    }
  }
  if (levers.some((c) => c.status === 'skipped')) {
    item.reason = levers.find((c) => c.status === 'skipped')!.reason;
    return 'skipped';
  }
  if (levers.some((c) => c.status === 'applied')) return 'applied';
  if (levers.some((c) => c.status === 'wouldApply')) return 'wouldApply';
  return levers.length > 0 && levers.every((c) => c.status === 'unchanged') ? 'unchanged' : 'skipped';
}

/** The lever values the queue holds after the run, as far as this run knows. */
function finalPlacement(item: MemberWeightResult, member: QueueMember): MemberPlacement {
  const value = (c: LeverChange | undefined, fallback: number | null): number | null => {
    if (!c) return fallback;
    if (c.status === 'applied' || c.status === 'unchanged') return c.after;
    if (c.status === 'failed' || c.status === 'overwritten' || c.status === 'unverified')
      return c.verified !== undefined ? c.verified : c.before;
    return c.before;
  };
  // A member never reached under the proficiency lever has no known proficiency: counted as not eligible.
  return {
    memberId: item.memberId,
    ringNumber: value(item.ring, member.ringNumber ?? null),
    proficiency: value(item.proficiency, null),
  };
}

function finish(items: MemberWeightResult[], shares: ReadonlyMap<string, number>): MemberWeightResult[] {
  for (const item of items) {
    item.achievedShare = shares.get(item.memberId) ?? 0;
    item.correlationIds = [...(item.ring?.correlationIds ?? []), ...(item.proficiency?.correlationIds ?? [])];
  }
  return items;
}

function countOf(items: readonly MemberWeightResult[]): Record<MemberStatus, number> {
  return countStatuses(items);
}

const elapsed = (started: number) => Math.round(performance.now() - started);
