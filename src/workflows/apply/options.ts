// The strict schema of applyPlan's options: a misspelled option (`dryrun`) is refused before any request instead
// of leaving the run at its default (a real apply).
import * as z from 'zod/mini';
import {
  optionalFunction,
  optionalObject,
  optionalSignal,
  parseOptions,
  type OptionsShape,
} from '../../internal/options.js';
import type { LeaseOptions } from './journaling/lease.js';
import type { ConflictCheckOptions } from './replace-conflicts.js';
import type { ApplyOptions } from './types.js';

const int = (min: number, max: number, unit = '') =>
  z.optional(
    z
      .number()
      .check(
        z.refine((v) => Number.isInteger(v) && v >= min && v <= max, `must be an integer from ${min} to ${max}${unit}`),
      ),
  );
const ApplyOptionsSchema = /* @__PURE__ */ (() =>
  z.strictObject({
    dryRun: z.optional(z.boolean()),
    concurrency: int(1, 64),
    journal: optionalObject('a journal (e.g. FileJournal)'),
    lease: z.optional(
      z.strictObject({
        owner: z.optional(z.string()),
        ttlMs: z.optional(z.number()),
        waitMs: z.optional(z.number()),
        takeOver: z.optional(z.boolean()),
      } satisfies OptionsShape<LeaseOptions>),
    ),
    auditTrail: optionalObject('an audit trail (e.g. JsonlAuditTrail)'),
    onProgress: optionalFunction(),
    signal: optionalSignal(),
    onDrift: z.optional(z.enum(['skip', 'apply'], "must be 'skip' or 'apply'")),
    passes: int(1, 20),
    maxSkillsPerUser: int(1, 10_000),
    removals: z.optional(
      z.enum(
        ['delete', 'replace'],
        "must be 'delete' (one DELETE per removal, the default) or 'replace' (one PUT per user)",
      ),
    ),
    conflictCheck: z.optional(
      z.union([
        z.literal(false),
        z.strictObject({
          serviceName: z.optional(z.string()),
          entityTypes: z.optional(z.array(z.string())),
          clockSkewMs: z.optional(z.number()),
          reapply: z.optional(z.boolean()),
          waitForAuditMs: z.optional(z.number()),
        } satisfies OptionsShape<ConflictCheckOptions>),
      ]),
    ),
    journalTimeoutMs: int(1, 600_000, ' (ms)'),
    allowOtherOrg: z.optional(z.boolean()),
  } satisfies OptionsShape<ApplyOptions>))();

/** Option checks before any request; an unknown key is refused with the closest known one. */
export function checkApplyOptions(o: ApplyOptions): void {
  parseOptions('applyPlan', ApplyOptionsSchema, o);
}
