// createMcpServer's options, checked with a strict schema: an unknown key is a ValidationError naming it (with
// "did you mean"), a wrong value names its path. Nothing is read from the org before they pass.
import * as z from 'zod';
import { ValidationError } from '../errors/index.js';
import { didYouMean } from '../internal/did-you-mean.js';
import { MemoryAuditTrail } from '../workflows/audit/trail.js';
import { MemoryJournal } from '../workflows/journal/journals.js';
import type { McpServerOptions, ResolvedMcpOptions } from './types.js';

const hasMethods =
  (...names: string[]) =>
  (v: unknown) =>
    typeof v === 'object' && v !== null && names.every((n) => typeof (v as Record<string, unknown>)[n] === 'function');

const ids = z.array(z.string().min(1));

const OptionsSchema = z.strictObject({
  allowWrites: z.boolean().optional(),
  identity: z
    .string()
    .regex(/^[\w .@:/-]{1,80}$/, 'must be 1-80 letters, digits, spaces or . @ : / - _')
    .optional(),
  limits: z
    .strictObject({
      maxChanges: z.int().min(1).max(10_000).optional(),
      lockedUserIds: ids.optional(),
      lockedQueueIds: ids.optional(),
    })
    .optional(),
  plan: z
    .strictObject({
      days: z.int().min(1).max(90).optional(),
      effort: z.number().min(0.01).max(1_000).optional(),
      timeLimitMs: z.int().min(100).max(3_600_000).optional(),
      seed: z.int().optional(),
      maxSkillsPerAgent: z.int().min(1).max(50).optional(),
    })
    .optional(),
  journal: z.custom((v) => hasMethods('read', 'append')(v), 'must be an ApplyJournal (read and append)').optional(),
  auditTrail: z.custom((v) => hasMethods('write')(v), 'must be an AuditTrail (a write method)').optional(),
  reportDir: z.string().min(1).optional(),
  autopilot: z.custom((v) => hasMethods('on')(v), 'must be an autopilot handle (an on method)').optional(),
  now: z.custom((v) => typeof v === 'function', 'must be a function returning a Date').optional(),
  redact: z.array(z.string()).optional(),
});

/** Validates and completes the options; throws ValidationError naming every bad field. */
export function resolveMcpOptions(input: unknown): ResolvedMcpOptions {
  const parsed = OptionsSchema.safeParse(input ?? {});
  if (!parsed.success) throw toValidationError('Invalid createMcpServer options', parsed.error.issues);
  const o = parsed.data as McpServerOptions;
  return {
    allowWrites: o.allowWrites ?? false,
    identity: o.identity ?? 'mcp-assistant',
    limits: {
      maxChanges: o.limits?.maxChanges ?? 40,
      lockedUserIds: o.limits?.lockedUserIds ?? [],
      lockedQueueIds: o.limits?.lockedQueueIds ?? [],
    },
    plan: {
      days: o.plan?.days ?? 7,
      effort: o.plan?.effort ?? 1,
      timeLimitMs: o.plan?.timeLimitMs ?? 120_000,
      seed: o.plan?.seed ?? 1,
      maxSkillsPerAgent: o.plan?.maxSkillsPerAgent,
    },
    journal: o.journal ?? new MemoryJournal(),
    auditTrail: o.auditTrail ?? new MemoryAuditTrail(),
    reportDir: o.reportDir,
    autopilot: o.autopilot,
    now: o.now ?? (() => new Date()),
    redact: (o.redact ?? []).filter((s) => s.length >= 4),
  };
}

/** zod issues -> ValidationError; an unknown key gets the closest allowed key as "did you mean". */
export function toValidationError(context: string, issues: readonly z.core.$ZodIssue[]): ValidationError {
  return new ValidationError(
    context,
    issues.flatMap((issue) => {
      const at = issue.path.map(String).join('.');
      if (issue.code !== 'unrecognized_keys') return [{ path: at, message: issue.message }];
      const allowed = allowedKeys(issue.path);
      return issue.keys.map((key) => {
        const guess = didYouMean(key, allowed);
        return {
          path: at ? `${at}.${key}` : key,
          message: `unknown option${guess ? `; did you mean "${guess}"?` : ''}`,
        };
      });
    }),
  );
}

/** The keys the schema allows at `path` (the options object or one of its nested objects). */
function allowedKeys(path: readonly PropertyKey[]): string[] {
  let shape: z.ZodType = OptionsSchema;
  for (const key of path) {
    const inner = (shape as z.ZodOptional<z.ZodType>).unwrap?.() ?? shape;
    const next = (inner as z.ZodObject).shape?.[String(key)];
    if (!next) return [];
    shape = next as z.ZodType;
  }
  const inner = (shape as z.ZodOptional<z.ZodType>).unwrap?.() ?? shape;
  return Object.keys((inner as z.ZodObject).shape ?? {});
}
