// The strict schemas of snapshotRoutingConfig's and driftReport's options: a misspelled part (`member: false`)
// fails before the first read instead of reading the part anyway.
import * as z from 'zod/mini';
import { optionalSignal, parseOptions, strictOptions } from '../../internal/options.js';
import type { DriftOptions } from '../../optimizer/planning/index.js';
import type { SnapshotOptions } from './types.js';

const snapshotShape = {
  queueIds: z.optional(z.array(z.string())),
  members: z.optional(z.boolean()),
  userSkills: z.optional(z.boolean()),
  languages: z.optional(z.boolean()),
  skillGroups: z.optional(z.boolean()),
  wrapupCodes: z.optional(z.boolean()),
  signal: optionalSignal(),
  maxItems: z.optional(z.number().check(z.int(), z.positive())),
} as const;
const SnapshotOptionsSchema = /* @__PURE__ */ (() => strictOptions<SnapshotOptions>(snapshotShape))();
const DriftReportOptionsSchema = /* @__PURE__ */ (() =>
  strictOptions<DriftOptions & SnapshotOptions>({ ...snapshotShape, ignoreFields: true }))();

/** Throws a ValidationError naming each unknown key (with the closest known one) or bad value. */
export function checkSnapshotOptions(options: SnapshotOptions): void {
  parseOptions('snapshotRoutingConfig', SnapshotOptionsSchema, options);
}

/** Throws a ValidationError naming each unknown key (with the closest known one) or bad value. */
export function checkDriftOptions(options: DriftOptions & SnapshotOptions): void {
  parseOptions('driftReport', DriftReportOptionsSchema, options);
}
