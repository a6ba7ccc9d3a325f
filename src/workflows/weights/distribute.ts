// distributeWeights: validate routing weights -> saturation gate on live data -> map the weights onto the levers
// Genesys Cloud really has (bullseye ring numbers, skill proficiency) -> desired-state writes through the shared
// apply engine -> final confirmation read -> one audit record per change.
import type { GenesysClient } from '../../client/client.js';
import { GenesysApiError, ValidationError, type ValidationIssue } from '../../errors/index.js';
import {
  type WeightLever,
  balanceAccuracy,
  expectedOfferShares,
  type MemberPlacement,
} from '../../optimizer/planning/weights/weights-balance.js';
import { validateWeights, weightsToProficiency } from '../../optimizer/planning/index.js';
import type { QueueMember } from '../../resources/schemas/routing.js';
import { countStatuses } from '../apply/values.js';
import type { AuditTrail } from '../audit/trail.js';
import { newPlanId } from '../plan.js';
import { type LeverChange, leverRecord, type RecordContext } from './apply.js';
import { readLiveQueue } from './live.js';
import { MAX_RINGS, initialItems, planTargets, type WeightTargets } from './targets.js';
import type {
  CheckedOptions,
  DistributeStatus,
  DistributeWeightsOptions,
  DistributeWeightsResult,
  MemberStatus,
  MemberWeightResult,
} from './types.js';
import { writeLevers } from './write.js';
import { checkOptionKeys } from './options.js';
export type { LeverChange, LeverStatus } from './apply.js';
export type { LiveMeasurement, WeightsProjection } from './live.js';

export type {
  DistributeProgress,
  DistributeStatus,
  DistributeWeightsOptions,
  DistributeWeightsResult,
  MemberStatus,
  MemberWeightResult,
} from './types.js';

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
  if (o.lever !== 'rings') await checkSkill(client, o.skillId!, o.signal);
  const live = await readLiveQueue(client, o.queueId, o.signal);
  const t = planTargets(o, live);
  const warnings = [
    ...live.warnings,
    ...leverWarnings(o.lever, t.projection.live.bullseyeRings, t.projection.live.skillEvaluationMethod),
  ];
  if (t.gate.level === 'warn') warnings.push(t.gate.reason);
  const base = {
    planId: o.planId ?? newPlanId().replace(/^plan-/, 'weights-'),
    queueId: o.queueId,
    lever: o.lever,
    projection: t.projection,
    plannedBalanceAccuracy: t.plannedBalanceAccuracy,
    rings: t.rings,
    warnings,
    dryRun: o.dryRun,
  };
  const items = initialItems(o, t);
  if (t.gate.block) return blocked(base, t, items, started);
  const reached = await writeLevers(client, o, t, live, items);
  const aborted = o.signal?.aborted ?? false;
  for (const w of t.applicable) {
    const item = items.get(w.memberId)!;
    item.status = memberStatus(item);
    if (!reached.has(w.memberId))
      Object.assign(item, { status: 'skipped', reason: aborted ? 'aborted before this member' : 'not reached' });
  }
  const finalShares = o.dryRun
    ? t.plannedShares
    : expectedOfferShares(
        t.applicable.map((w) => finalPlacement(items.get(w.memberId)!, t.members.get(w.memberId)!)),
        t.model,
      );
  const accuracy = balanceAccuracy(t.requested, finalShares);
  const list = finish([...items.values()], finalShares);
  if (o.auditTrail)
    await writeAudit(o.auditTrail, list, {
      planId: base.planId,
      queueId: o.queueId,
      skillId: o.skillId,
      dryRun: o.dryRun,
      balanceAccuracy: accuracy,
    });
  const counts = countOf(list);
  return {
    ...base,
    ...overallStatus(o, counts, aborted, t.applicable.length),
    items: list,
    counts,
    balanceAccuracy: accuracy,
    shareBasis: o.dryRun ? 'target' : 'final',
    aborted,
    latencyMs: elapsed(started),
  };
}

type ResultBase = Pick<
  DistributeWeightsResult,
  'planId' | 'queueId' | 'lever' | 'projection' | 'plannedBalanceAccuracy' | 'rings' | 'warnings' | 'dryRun'
>;

/** The saturation gate forbade the change: nothing is written, and every applicable member says why. */
function blocked(
  base: ResultBase,
  t: WeightTargets,
  items: Map<string, MemberWeightResult>,
  started: number,
): DistributeWeightsResult {
  for (const w of t.applicable)
    Object.assign(items.get(w.memberId)!, { reason: `blocked by the saturation gate: ${t.gate.reason}` });
  const list = finish([...items.values()], t.plannedShares);
  return {
    ...base,
    status: 'blocked',
    reason: t.gate.reason,
    items: list,
    counts: countOf(list),
    balanceAccuracy: t.plannedBalanceAccuracy,
    shareBasis: 'target',
    aborted: false,
    latencyMs: elapsed(started),
  };
}

/** One audit record per lever change of each member, with the shares it was for. */
async function writeAudit(trail: AuditTrail, list: readonly MemberWeightResult[], ctx: RecordContext): Promise<void> {
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
      if (record) await trail.write(record);
    }
  }
}

/** The run's status and, when it is not plainly applied, why. */
function overallStatus(
  o: CheckedOptions,
  counts: Record<MemberStatus, number>,
  aborted: boolean,
  applicable: number,
): { status: DistributeStatus; reason: string | undefined } {
  const troubled = counts.failed + counts.overwritten + counts.unverified;
  if (o.dryRun) return { status: 'dryRun', reason: undefined };
  if (troubled > 0 || aborted)
    return {
      status: 'partial',
      reason: `${troubled} member(s) failed, overwritten or unverified${aborted ? '; aborted before finishing' : ''}`,
    };
  if (counts.applied > 0) return { status: 'applied', reason: undefined };
  return {
    status: 'unchanged',
    reason:
      applicable === 0
        ? `no listed member is a member of queue ${o.queueId}`
        : 'every member already holds its target value',
  };
}

const LEVERS: readonly WeightLever[] = ['rings', 'proficiency', 'both'];
const CONTEXT = 'distributeWeights';

/** Every input check, before any request: issues name the field (`memberWeights[2].weight`, `skillId`, ...). */
async function checkOptions(options: DistributeWeightsOptions): Promise<CheckedOptions> {
  if (typeof options !== 'object' || options === null)
    throw new ValidationError(CONTEXT, [{ path: 'options', message: 'are required' }]);
  checkOptionKeys(options);
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
