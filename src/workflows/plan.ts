// A Plan is the unit of work users review, store, diff and apply: JSON-serializable and versioned.
import { ValidationError } from '../errors.js';
import { findNonJson } from '../optimizer/planning/json-value.js';
import * as z from '../optimizer/planning/shape.js';

export const PLAN_KIND = 'genesys-routing-sdk/skill-plan';
export const PLAN_VERSION = 1;

/** Service level, speed of answer and occupancy of one queue. */
export interface QueueMetrics {
  /** Effective agents (shared agents count by their share of the queue's load). */
  agents: number;
  /** Distinct agents who can serve the queue. */
  headcount?: number;
  serviceLevel: number;
  /** Mean wait of answered calls; null when unbounded (too few agents) or undefined (no agent). */
  asaSeconds: number | null;
  occupancy: number;
  /** Share of calls abandoning; null when abandonment is not modelled. */
  abandonRate?: number | null;
}

/** Expected effect of the plan on one queue (from the what-if model). */
export interface QueueImpact {
  queueId: string;
  queueName?: string | undefined;
  before: QueueMetrics;
  after: QueueMetrics;
}

export type PlannedAction = 'add' | 'update' | 'remove';

/** One skill change for one user, with the reasons it was planned. */
export interface PlannedChange {
  userId: string;
  userName?: string | undefined;
  skillId: string;
  skillName?: string | undefined;
  action: PlannedAction;
  /** Proficiency before (null: the user does not have the skill). */
  before: number | null;
  /** Proficiency after (null: the skill is removed). */
  after: number | null;
  reasons: string[];
}

export interface PlanIssue {
  kind: string;
  userId?: string | undefined;
  skillId?: string | undefined;
  queueId?: string | undefined;
  message: string;
}

export interface Plan {
  kind: typeof PLAN_KIND;
  version: typeof PLAN_VERSION;
  id: string;
  createdAt: string;
  /** What produced it: `planSkillOptimization`, `recommendRoutingChanges`, `distributeWeights`, ... */
  source: string;
  /** API base URL of the org it was computed against (applying it elsewhere is refused unless forced). */
  org: string;
  changes: PlannedChange[];
  /** Desired changes that were not planned, with the reason (never silently dropped). */
  skipped: PlanIssue[];
  /** Constraint violations found while planning. */
  violations: PlanIssue[];
  impact: QueueImpact[];
  summary: { users: number; adds: number; updates: number; removes: number; skipped: number; violations: number };
  /** Free-form inputs that produced the plan (options, intervals), for the audit trail. */
  inputs?: Record<string, unknown>;
}

// Plain checks (no zod): parsePlan is synchronous and the CLI and notebooks call it before any request.
const PlanSchema = (() => {
  const proficiency = z.number().min(0).max(5);
  const metrics = z.looseObject({
    agents: z.number(),
    headcount: z.number().optional(),
    serviceLevel: z.number(),
    asaSeconds: z.number().nullable(),
    occupancy: z.number(),
    abandonRate: z.number().nullable().optional(),
  });
  const issue = z.looseObject({ kind: z.string(), message: z.string() });
  return z.looseObject({
    kind: z.literal(PLAN_KIND),
    version: z.literal(PLAN_VERSION),
    id: z.string().min(1),
    createdAt: z.string(),
    source: z.string(),
    org: z.string(),
    changes: z.array(
      z.looseObject({
        userId: z.string().min(1),
        skillId: z.string().min(1),
        action: z.enum(['add', 'update', 'remove']),
        before: proficiency.nullable(),
        after: proficiency.nullable(),
        reasons: z.array(z.string()),
      }),
    ),
    skipped: z.array(issue),
    violations: z.array(issue),
    impact: z.array(z.looseObject({ queueId: z.string(), before: metrics, after: metrics })),
    summary: z.looseObject({}),
  });
})();
export type ParsedPlan = z.output<typeof PlanSchema>;

/** Validates a plan read from JSON (string or object); throws ValidationError naming the bad field. */
export function parsePlan(input: string | unknown): Plan {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new ValidationError('parsePlan', [{ path: '', message: `not JSON (${(error as Error).message})` }]);
    }
  }
  // Unknown fields pass through, so they must be JSON data too (a cycle or a bigint breaks saving the plan).
  const notJson = findNonJson(value, '');
  if (notJson) throw new ValidationError('parsePlan', [notJson]);
  const result = PlanSchema.safeParse(value);
  if (!result.success) throw ValidationError.fromZod('parsePlan', result.error);
  for (const [i, c] of result.data.changes.entries()) {
    const ok = (c.action === 'remove') === (c.after === null) && (c.action === 'add') === (c.before === null);
    if (!ok) throw new ValidationError('parsePlan', [{ path: `changes[${i}]`, message: `before/after do not fit action '${c.action}'` }]);
  }
  return result.data as unknown as Plan;
}

/** Builds the summary block from the changes. */
export function summarize(changes: readonly PlannedChange[], skipped: readonly PlanIssue[], violations: readonly PlanIssue[]): Plan['summary'] {
  return {
    users: new Set(changes.map((c) => c.userId)).size,
    adds: changes.filter((c) => c.action === 'add').length,
    updates: changes.filter((c) => c.action === 'update').length,
    removes: changes.filter((c) => c.action === 'remove').length,
    skipped: skipped.length,
    violations: violations.length,
  };
}

/** A sortable, unique-enough id without randomness APIs that need imports: time + counter + random. */
export function newPlanId(now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:.TZ]/g, '').slice(0, 14);
  return `plan-${stamp}-${Math.random().toString(36).slice(2, 10)}`;
}
