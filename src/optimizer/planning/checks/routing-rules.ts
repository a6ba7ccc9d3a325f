// Routing rules as code: a schema for a rules file kept in a repository, and a validator for CI pipelines.
import * as z from 'zod/mini';
import { ValidationError, formatPath as joinPath } from '../../../errors/index.js';
import { compareStrings } from '../schemas.js';
import { safeParse } from '../../../internal/parse.js';
import { explainUnknownKeys } from '../../../internal/options.js';

/** One queue's routing rule. Queues and skills are referenced by name (rules files are written by people). */
export const RoutingRuleQueueSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    name: z.string().check(z.minLength(1, 'must be a non-empty name')),
    /** Routing priority 0..100 (integer). */
    priority: z.number().check(z.int('must be an integer'), z.gte(0, 'must be >= 0'), z.lte(100, 'must be <= 100')),
    /** Most interactions an agent handles at once from this queue (utilisation `maximumCapacity`), >= 1. */
    capacity: z.number().check(z.int('must be an integer'), z.gte(1, 'must be >= 1')),
    /** Skills an agent needs for this queue: at least one, each listed in `skills`. */
    requiredSkills: z
      .array(z.string().check(z.minLength(1, 'must be a non-empty name')))
      .check(z.minLength(1, 'at least one skill is required')),
    /** Queue (by name) that takes the work when this one overflows; must exist; chains must not loop. */
    overflowQueue: z.optional(z.string().check(z.minLength(1, 'must be a non-empty name'))),
    /** Wait before overflowing, seconds (> 0). */
    overflowAfterSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
  }),
);

/** A routing rules file: the known skills and one rule per queue. */
export const RoutingRulesSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Every skill name a rule may require. */
    skills: z.array(z.string().check(z.minLength(1, 'must be a non-empty name'))),
    queues: z.array(RoutingRuleQueueSchema),
  }),
);

/** A routing rules file (checked by `schemas.RoutingRulesSchema`). */
export interface RoutingRules {
  /** Every skill name a rule may require. */
  skills: string[];
  /** One rule per queue. */
  queues: RoutingRuleQueue[];
}
/** One queue's routing rule. */
export interface RoutingRuleQueue {
  /** Queue name (unique in the file). */
  name: string;
  /** Routing priority 0..100 (integer). */
  priority: number;
  /** Most interactions an agent handles at once from this queue (utilisation `maximumCapacity`), >= 1. */
  capacity: number;
  /** Skills an agent needs for this queue: at least one, each listed in `skills`. */
  requiredSkills: string[];
  /** Queue (by name) that takes the work when this one overflows; must exist; chains must not loop. */
  overflowQueue?: string | undefined;
  /** Wait before overflowing, seconds (> 0). */
  overflowAfterSeconds?: number | undefined;
}

/** What a rules error is about. */
export type RoutingRuleErrorCode =
  'invalidValue' | 'duplicateSkill' | 'duplicateQueue' | 'unknownSkill' | 'unknownOverflowQueue' | 'overflowCycle';

/** One problem in a rules file, with the path of the offending field (e.g. `queues[2].priority`). */
export interface RoutingRuleError {
  /** Path of the offending field, e.g. `queues[2].priority`. */
  path: string;
  /** What the error is about (see {@link RoutingRuleErrorCode}). */
  code: RoutingRuleErrorCode;
  /** The problem in words. */
  message: string;
}

/** Output of {@link validateRoutingRules}. */
export interface RoutingRulesValidation {
  /** True when there is no error. */
  valid: boolean;
  /** Every problem found (empty when `valid`). */
  errors: RoutingRuleError[];
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a routing rules file for CI: returns every error instead of throwing, so one run lists them all.
 *
 * Checks: the schema (priority integer 0..100, capacity integer >= 1, at least one required skill, no unknown
 * fields), unique skill and queue names, every required skill listed in `skills`, every `overflowQueue` naming
 * an existing queue, and no cycle in overflow chains (`A -> B -> A`, or a queue overflowing to itself). The
 * cross-reference checks run even when some fields fail the schema.
 */
export function validateRoutingRules(rules: unknown): RoutingRulesValidation {
  const errors: RoutingRuleError[] = [];
  const result = safeParse(RoutingRulesSchema, rules);
  if (!result.success) {
    for (const issue of explainUnknownKeys(RoutingRulesSchema, result.error.issues))
      errors.push({ path: joinPath('', issue.path), code: 'invalidValue', message: issue.message });
  }
  if (!isRecord(rules)) return { valid: false, errors };

  const skillNames = new Set<string>();
  if (Array.isArray(rules.skills)) {
    rules.skills.forEach((s, i) => {
      if (typeof s !== 'string') return;
      if (skillNames.has(s))
        errors.push({ path: `skills[${i}]`, code: 'duplicateSkill', message: `skill ${s} is listed twice` });
      skillNames.add(s);
    });
  }

  const queues = Array.isArray(rules.queues) ? rules.queues : [];
  const overflowOf = new Map<string, { target: string; index: number }>();
  const queueNames = new Set<string>();
  queues.forEach((queue, i) => {
    if (!isRecord(queue) || typeof queue.name !== 'string') return;
    if (queueNames.has(queue.name)) {
      errors.push({
        path: `queues[${i}].name`,
        code: 'duplicateQueue',
        message: `queue ${queue.name} is defined twice`,
      });
      return;
    }
    queueNames.add(queue.name);
    if (typeof queue.overflowQueue === 'string') overflowOf.set(queue.name, { target: queue.overflowQueue, index: i });
  });

  queues.forEach((queue, i) => {
    if (!isRecord(queue)) return;
    const name = typeof queue.name === 'string' ? queue.name : `#${i}`;
    if (Array.isArray(queue.requiredSkills) && Array.isArray(rules.skills)) {
      queue.requiredSkills.forEach((s, j) => {
        if (typeof s === 'string' && s !== '' && !skillNames.has(s)) {
          errors.push({
            path: `queues[${i}].requiredSkills[${j}]`,
            code: 'unknownSkill',
            message: `queue ${name} requires unknown skill ${s}`,
          });
        }
      });
    }
    if (typeof queue.overflowQueue === 'string' && queue.overflowQueue !== '' && !queueNames.has(queue.overflowQueue)) {
      errors.push({
        path: `queues[${i}].overflowQueue`,
        code: 'unknownOverflowQueue',
        message: `queue ${name} overflows to ${queue.overflowQueue}, which is not defined`,
      });
    }
  });

  for (const cycle of overflowCycles(overflowOf)) {
    const first = cycle[0] ?? '';
    const index = overflowOf.get(first)?.index ?? 0;
    errors.push({
      path: `queues[${index}].overflowQueue`,
      code: 'overflowCycle',
      message:
        cycle.length === 1 ? `queue ${first} overflows to itself` : `overflow cycle: ${[...cycle, first].join(' -> ')}`,
    });
  }
  return { valid: errors.length === 0, errors };
}

/**
 * Like {@link validateRoutingRules}, but returns the typed rules or throws: for scripts that stop on bad rules.
 *
 * @throws ValidationError listing every error with its path.
 */
export function parseRoutingRules(rules: unknown): RoutingRules {
  const { errors } = validateRoutingRules(rules);
  if (errors.length > 0)
    throw new ValidationError(
      'parseRoutingRules',
      errors.map(({ path, message }) => ({ path, message })),
    );
  return RoutingRulesSchema.parse(rules);
}

/** Each cycle once, rotated to start at its smallest name; out-degree is at most 1 so a walk finds it. */
function overflowCycles(next: ReadonlyMap<string, { target: string }>): string[][] {
  const done = new Set<string>();
  const cycles: string[][] = [];
  for (const start of [...next.keys()].sort(compareStrings)) {
    const onPath = new Map<string, number>();
    const path: string[] = [];
    let node: string | undefined = start;
    while (node !== undefined && !done.has(node) && !onPath.has(node)) {
      onPath.set(node, path.length);
      path.push(node);
      node = next.get(node)?.target;
    }
    if (node !== undefined && onPath.has(node)) {
      const cycle = path.slice(onPath.get(node));
      const min = cycle.reduce((m, n) => (compareStrings(n, m) < 0 ? n : m));
      const at = cycle.indexOf(min);
      cycles.push([...cycle.slice(at), ...cycle.slice(0, at)]);
    }
    for (const n of path) done.add(n);
  }
  return cycles;
}
