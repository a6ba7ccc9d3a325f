// The strict schema of planRoutingOptimization's options: every key known, so a typo fails before the first
// request; values that another check validates (checkDayOptions, the optimizer, the language reader) pass here.
import * as z from 'zod/mini';
import {
  checkedElsewhere,
  optionalFunction,
  optionalSignal,
  parseOptions,
  type OptionsShape,
} from '../../internal/options.js';
import type { LockedPair, OptimizeConstraints } from '../../optimizer/index.js';
import type { PlanRoutingOptimizationOptions } from './types.js';

const ConstraintsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    maxSkillsPerAgent: checkedElsewhere(),
    maxChanges: checkedElsewhere(),
    maxChangesPerAgent: checkedElsewhere(),
    minHoldersPerQueue: checkedElsewhere(),
    locked: z.optional(
      z.array(z.strictObject({ agentId: z.unknown(), queueId: z.unknown() } satisfies OptionsShape<LockedPair>)),
    ),
  } satisfies OptionsShape<OptimizeConstraints>))();
const PlanRoutingOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    queueIds: z.optional(z.array(z.string())),
    days: checkedElsewhere(),
    interval: checkedElsewhere(),
    demand: checkedElsewhere(),
    day: checkedElsewhere(),
    intervalMinutes: checkedElsewhere(),
    forecast: z.optional(
      z.strictObject({
        businessUnitId: z.optional(z.string()),
        managementUnitIds: z.optional(z.array(z.string())),
        onQueueActivityCodeIds: z.optional(z.array(z.string())),
      } satisfies OptionsShape<NonNullable<PlanRoutingOptimizationOptions['forecast']>>),
    ),
    constraints: z.optional(ConstraintsSchema),
    patienceSeconds: z.optional(z.number().check(z.positive())),
    allowMembershipChanges: z.optional(z.boolean()),
    queueLanguages: checkedElsewhere(),
    languageShare: checkedElsewhere(),
    seed: checkedElsewhere(),
    effort: checkedElsewhere(),
    timeLimitMs: checkedElsewhere(),
    threads: checkedElsewhere(),
    addProficiency: checkedElsewhere(),
    keepWhenMeetingTargets: z.optional(z.boolean()),
    signal: optionalSignal(),
    onProgress: optionalFunction(),
  } satisfies OptionsShape<PlanRoutingOptimizationOptions>))();

/** Throws a ValidationError naming each unknown key (with the closest known one) or bad value, before any request. */
export function checkPlanRoutingOptions(options: PlanRoutingOptimizationOptions): void {
  parseOptions('planRoutingOptimization', PlanRoutingOptionsSchema, options);
}
