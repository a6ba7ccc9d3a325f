// The strict schema of distributeWeights' options: every key known (a misspelled `dryRun` must not write), values
// that checkOptions validates with its own messages pass here.
import * as z from 'zod/mini';
import {
  optionalFunction,
  optionalObject,
  optionalSignal,
  parseOptions,
  strictOptions,
} from '../../internal/options.js';
import type { DistributeWeightsOptions } from './types.js';

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

/** Throws a ValidationError naming each unknown key (with the closest known one), before any request. */
export function checkOptionKeys(options: DistributeWeightsOptions): void {
  parseOptions('distributeWeights', DistributeOptionsSchema, options);
}
