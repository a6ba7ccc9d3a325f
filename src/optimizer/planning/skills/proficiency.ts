// Proficiency scoring: per agent and skill, a documented weighted score -> a platform proficiency (0..5).
import * as z from 'zod/mini';
import { parseInput } from '../../parse-input.js';
import {
  CountSchema,
  FractionSchema,
  MAX_PROFICIENCY,
  ProficiencySchema,
  fmt,
  isMultipleOf,
  pct,
  roundToStep,
} from '../schemas.js';
import type {
  ProficiencyPolicy,
  ProficiencyPolicyInput,
  ProficiencyMetrics,
  ProficiencyReason,
  ProficiencyResult,
} from './proficiency-types.js';
export type {
  ProficiencyPolicy,
  ProficiencyPolicyInput,
  ProficiencyMetrics,
  ProficiencyFactor,
  ProficiencyReason,
  ProficiencyResult,
} from './proficiency-types.js';

/**
 * The proficiency policy as data. Every number is tunable; `defaultProficiencyPolicy` documents the defaults
 * (see docs/planning.md, "Default policies and why").
 */
export const ProficiencyPolicySchema = /* @__PURE__ */ z.lazy(() =>
  z
    .strictObject({
      /** Noise floor: with fewer handled contacts the current proficiency is kept. */
      minContacts: CountSchema,
      /** Relative weights of the quality components; renormalised over the components that have data. */
      weights: z.strictObject({
        resolution: z.number().check(z.gte(0, 'must be >= 0')),
        transfer: z.number().check(z.gte(0, 'must be >= 0')),
        handleTime: z.number().check(z.gte(0, 'must be >= 0')),
      }),
      /** Resolution rate scoring: `worst` or below scores 0, `best` or above scores 1, linear in between. */
      resolutionRate: z.strictObject({ worst: FractionSchema, best: FractionSchema }),
      /** Transfer rate scoring (lower is better): `best` or below scores 1, `worst` or above scores 0. */
      transferRate: z.strictObject({ best: FractionSchema, worst: FractionSchema }),
      /** Handle time / queue median AHT (lower is better): `best` or below scores 1, `worst` or above 0. */
      handleTimeRatio: z.strictObject({
        best: z.number().check(z.positive('must be > 0')),
        worst: z.number().check(z.positive('must be > 0')),
      }),
      /** Proficiency points added per relevant certification held. */
      certificationBonus: z
        .number()
        .check(z.gte(0, 'must be >= 0'), z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`)),
      /** Cap on the total certification bonus. */
      maxCertificationBonus: z
        .number()
        .check(z.gte(0, 'must be >= 0'), z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`)),
      /** Agent occupancy at or above which increases are withheld (more skill = more work routed to them). */
      occupancyCeiling: FractionSchema,
      /** Hard bounds of the result (within the platform's 0..5). */
      bounds: z.strictObject({ min: ProficiencySchema, max: ProficiencySchema }),
      /** Result granularity, e.g. 1 (integers) or 0.5. */
      step: z.number().check(z.positive('must be > 0'), z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`)),
      /** Largest change from the current proficiency in one run (0 freezes). */
      maxChangePerRun: z
        .number()
        .check(z.gte(0, 'must be >= 0'), z.lte(MAX_PROFICIENCY, `must be <= ${MAX_PROFICIENCY}`)),
      /** Proficiency for a new assignment (no current value) that lacks enough data to score. */
      initialProficiency: ProficiencySchema,
    })
    .check(
      z.superRefine((p, ctx) => {
        const add = (path: (string | number)[], message: string): void => {
          ctx.addIssue({ code: 'custom', path, message });
        };
        if (p.bounds.min > p.bounds.max) add(['bounds', 'min'], `must be <= bounds.max (${p.bounds.max})`);
        if (!isMultipleOf(p.bounds.min, p.step)) add(['bounds', 'min'], `must be a multiple of step (${p.step})`);
        if (!isMultipleOf(p.bounds.max, p.step)) add(['bounds', 'max'], `must be a multiple of step (${p.step})`);
        if (!isMultipleOf(p.maxChangePerRun, p.step))
          add(['maxChangePerRun'], `must be a multiple of step (${p.step})`);
        if (!isMultipleOf(p.initialProficiency, p.step))
          add(['initialProficiency'], `must be a multiple of step (${p.step})`);
        if (p.weights.resolution + p.weights.transfer + p.weights.handleTime <= 0)
          add(['weights'], 'at least one weight must be > 0');
        if (p.resolutionRate.best <= p.resolutionRate.worst)
          add(['resolutionRate', 'best'], 'must be > resolutionRate.worst');
        if (p.transferRate.best >= p.transferRate.worst) add(['transferRate', 'best'], 'must be < transferRate.worst');
        if (p.handleTimeRatio.best >= p.handleTimeRatio.worst)
          add(['handleTimeRatio', 'best'], 'must be < handleTimeRatio.worst');
      }),
    ),
);

/**
 * The default policy. Why each number: docs/planning.md, "Default policies and why". In short: 30 contacts
 * before judging; resolution 45 %, handle time 30 %, transfers 25 %; an agent at 80 % resolution, 10 % transfers
 * and median handle time lands on 3; integers 1..5; at most one level per run; no raises above 90 % occupancy.
 */
export const defaultProficiencyPolicy: Readonly<ProficiencyPolicy> = /* @__PURE__ */ Object.freeze({
  minContacts: 30,
  weights: Object.freeze({ resolution: 0.45, transfer: 0.25, handleTime: 0.3 }),
  resolutionRate: Object.freeze({ worst: 0.5, best: 0.95 }),
  transferRate: Object.freeze({ best: 0, worst: 0.3 }),
  handleTimeRatio: Object.freeze({ best: 0.7, worst: 1.3 }),
  certificationBonus: 0.5,
  maxCertificationBonus: 1,
  occupancyCeiling: 0.9,
  bounds: Object.freeze({ min: 1, max: 5 }),
  step: 1,
  maxChangePerRun: 1,
  initialProficiency: 1,
});

/** Per agent and skill: the evidence {@link scoreProficiency} works from. Quality metrics are optional. */
export const ProficiencyMetricsSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .object({
      /** Contacts of this skill the agent handled in the period. */
      handled: CountSchema,
      /** Share of handled contacts resolved without a repeat contact (0..1). */
      resolutionRate: z.optional(FractionSchema),
      /** Share of handled contacts transferred away (0..1). */
      transferRate: z.optional(FractionSchema),
      /** The agent's average handle time on this skill, seconds. Needs `queueMedianHandleSeconds`. */
      avgHandleSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
      /** Median handle time of the queue (or skill) the agent works, seconds. */
      queueMedianHandleSeconds: z.optional(z.number().check(z.positive('must be > 0'))),
      /** The agent's occupancy (0..1). */
      occupancy: z.optional(FractionSchema),
      /** Certifications the agent holds that are relevant to this skill. */
      certifications: z.optional(z.array(z.string().check(z.minLength(1, 'must be non-empty')))),
      /** The agent's current proficiency on the skill; absent for a new assignment. */
      currentProficiency: z.optional(ProficiencySchema),
    })
    .check(
      z.superRefine((m, ctx) => {
        if ((m.avgHandleSeconds === undefined) !== (m.queueMedianHandleSeconds === undefined)) {
          const missing = m.avgHandleSeconds === undefined ? 'avgHandleSeconds' : 'queueMedianHandleSeconds';
          ctx.addIssue({
            code: 'custom',
            path: [missing],
            message: 'avgHandleSeconds and queueMedianHandleSeconds go together',
          });
        }
      }),
    ),
);

/** Merges overrides into the default policy (one level deep) and validates the result. */
export function resolveProficiencyPolicy(overrides: ProficiencyPolicyInput = {}): ProficiencyPolicy {
  return parseInput('resolveProficiencyPolicy', ProficiencyPolicySchema, mergePolicy(overrides));
}

function mergePolicy(overrides: unknown): unknown {
  if (typeof overrides !== 'object' || overrides === null || Array.isArray(overrides)) return overrides;
  const out: Record<string, unknown> = { ...defaultProficiencyPolicy };
  for (const [key, value] of Object.entries(overrides)) {
    const base = (defaultProficiencyPolicy as Record<string, unknown>)[key];
    const bothObjects =
      typeof base === 'object' && base !== null && typeof value === 'object' && value !== null && !Array.isArray(value);
    // defineProperty, not `out[key] =`: a `__proto__` key stays an own (unknown, refused) key, not the prototype.
    const merged = bothObjects ? { ...base, ...value } : value;
    Object.defineProperty(out, key, { value: merged, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/** Linear score: `best` -> 1, `worst` -> 0, clamped (works for either direction). */
function linearScore(value: number, best: number, worst: number): number {
  return clamp01((value - worst) / (best - worst));
}

/**
 * Scores one agent on one skill and returns a proficiency in the platform's range with the reasons.
 *
 * Algorithm (all numbers from the policy):
 * 1. Noise floor: `handled < minContacts` -> keep the current proficiency (or `initialProficiency` for a new one).
 * 2. Component scores 0..1, linear between the policy's worst and best: resolution rate, transfer rate (lower is
 *    better), handle time / queue median (lower is better). Missing metrics drop out; weights are renormalised.
 * 3. Target = `bounds.min + score * (bounds.max - bounds.min)` + certification bonus (capped).
 * 4. Occupancy guard: at or above `occupancyCeiling`, an increase over the current value is withheld.
 * 5. Rounded to `step`, limited to `current ± maxChangePerRun`, then clamped to `bounds` (bounds win).
 *
 * @throws ValidationError naming the bad field (`metrics.handled`, `policy.step`, ...).
 */
export function scoreProficiency(metrics: ProficiencyMetrics, policy: ProficiencyPolicyInput = {}): ProficiencyResult {
  const input = parseInput(
    'scoreProficiency',
    z.object({ metrics: ProficiencyMetricsSchema, policy: ProficiencyPolicySchema }),
    { metrics, policy: mergePolicy(policy) },
  );
  const m = input.metrics;
  const p = input.policy;
  const current = m.currentProficiency;
  const reasons: ProficiencyReason[] = [];
  if (m.handled < p.minContacts) {
    return keep(current, p, reasons, {
      factor: 'noiseFloor',
      value: m.handled,
      message: `only ${m.handled} handled contacts, below the noise floor of ${p.minContacts}: not enough evidence to change`,
    });
  }
  const parts = componentScores(m, p);
  if (parts.length === 0) {
    return keep(current, p, reasons, {
      factor: 'score',
      message: 'no quality metric with a non-zero weight was supplied: nothing to score',
    });
  }
  const { score, target } = weightedTarget(parts, m, p, reasons);
  const proficiency = limitedProficiency(roundToStep(target, p.step), m, p, reasons);
  const changed = current === undefined || proficiency !== current;
  reasons.push({
    factor: 'result',
    value: proficiency,
    message:
      current === undefined
        ? `new proficiency ${fmt(proficiency)} (step ${fmt(p.step)})`
        : changed
          ? `${fmt(current)} -> ${fmt(proficiency)} (step ${fmt(p.step)})`
          : `unchanged at ${fmt(proficiency)} (step ${fmt(p.step)})`,
  });
  return { proficiency, previousProficiency: current, changed, score, reasons };
}

type Metrics = z.output<typeof ProficiencyMetricsSchema>;
type Policy = z.output<typeof ProficiencyPolicySchema>;
interface Component {
  factor: 'resolution' | 'transfer' | 'handleTime';
  value: number;
  score: number;
  weight: number;
  label: string;
}

/** Step 1's answer (and the no-metric case): the current proficiency, or `initialProficiency` for a new one. */
function keep(
  current: number | undefined,
  p: Policy,
  reasons: ProficiencyReason[],
  why: ProficiencyReason,
): ProficiencyResult {
  const proficiency = current ?? p.initialProficiency;
  reasons.push(why, {
    factor: 'result',
    value: proficiency,
    message:
      current === undefined
        ? `new assignment at initialProficiency ${fmt(proficiency)}`
        : `kept at ${fmt(proficiency)}`,
  });
  return { proficiency, previousProficiency: current, changed: current === undefined, score: undefined, reasons };
}

/** Step 2: each supplied metric with a non-zero weight, scored 0..1 between the policy's worst and best. */
function componentScores(m: Metrics, p: Policy): Component[] {
  const components: Component[] = [];
  if (m.resolutionRate !== undefined && p.weights.resolution > 0) {
    components.push({
      factor: 'resolution',
      value: m.resolutionRate,
      score: linearScore(m.resolutionRate, p.resolutionRate.best, p.resolutionRate.worst),
      weight: p.weights.resolution,
      label: `resolution rate ${pct(m.resolutionRate)} (worst ${pct(p.resolutionRate.worst)}, best ${pct(p.resolutionRate.best)})`,
    });
  }
  if (m.transferRate !== undefined && p.weights.transfer > 0) {
    components.push({
      factor: 'transfer',
      value: m.transferRate,
      score: linearScore(m.transferRate, p.transferRate.best, p.transferRate.worst),
      weight: p.weights.transfer,
      label: `transfer rate ${pct(m.transferRate)} (best ${pct(p.transferRate.best)}, worst ${pct(p.transferRate.worst)})`,
    });
  }
  if (m.avgHandleSeconds !== undefined && m.queueMedianHandleSeconds !== undefined && p.weights.handleTime > 0) {
    const ratio = Math.min(m.avgHandleSeconds / m.queueMedianHandleSeconds, 1e6);
    components.push({
      factor: 'handleTime',
      value: ratio,
      score: linearScore(ratio, p.handleTimeRatio.best, p.handleTimeRatio.worst),
      weight: p.weights.handleTime,
      label: `handle time ${fmt(m.avgHandleSeconds)} s = ${fmt(ratio)}x the queue median ${fmt(m.queueMedianHandleSeconds)} s (best ${fmt(p.handleTimeRatio.best)}x, worst ${fmt(p.handleTimeRatio.worst)}x)`,
    });
  }
  return components;
}

/** Step 3: the weights renormalised over the supplied metrics, mapped onto the bounds, plus the certification bonus. */
function weightedTarget(
  components: readonly Component[],
  m: Metrics,
  p: Policy,
  reasons: ProficiencyReason[],
): { score: number; target: number } {
  const span = p.bounds.max - p.bounds.min;
  const totalWeight = components.reduce((s, c) => s + c.weight, 0);
  let score = 0;
  for (const c of components) {
    const weight = c.weight / totalWeight;
    score += weight * c.score;
    const contribution = weight * c.score * span;
    reasons.push({
      factor: c.factor,
      value: c.value,
      score: c.score,
      weight,
      contribution,
      message: `${c.label}: score ${fmt(c.score)} x weight ${fmt(weight)} -> +${fmt(contribution)} proficiency`,
    });
  }
  let target = p.bounds.min + score * span;
  reasons.push({
    factor: 'score',
    score,
    value: target,
    message: `weighted score ${fmt(score)} on ${fmt(p.bounds.min)}..${fmt(p.bounds.max)} -> ${fmt(target)}`,
  });
  const certs = m.certifications?.length ?? 0;
  if (certs > 0 && p.certificationBonus > 0) {
    const bonus = Math.min(certs * p.certificationBonus, p.maxCertificationBonus);
    target += bonus;
    reasons.push({
      factor: 'certifications',
      value: certs,
      contribution: bonus,
      message: `${certs} certification(s) (${(m.certifications ?? []).join(', ')}) x ${fmt(p.certificationBonus)}, capped at ${fmt(p.maxCertificationBonus)} -> +${fmt(bonus)}`,
    });
  }
  return { score, target };
}

/** Steps 4-5: the occupancy guard, then `current ± maxChangePerRun`, then the bounds (bounds win). */
function limitedProficiency(rounded: number, m: Metrics, p: Policy, reasons: ProficiencyReason[]): number {
  const current = m.currentProficiency;
  let proficiency = rounded;
  if (
    current !== undefined &&
    m.occupancy !== undefined &&
    m.occupancy >= p.occupancyCeiling &&
    proficiency > current
  ) {
    reasons.push({
      factor: 'occupancy',
      value: m.occupancy,
      message: `occupancy ${pct(m.occupancy)} >= ceiling ${pct(p.occupancyCeiling)}: raising ${fmt(current)} -> ${fmt(proficiency)} would route more work to a saturated agent; increase withheld`,
    });
    proficiency = current;
  }
  if (current !== undefined && Math.abs(proficiency - current) > p.maxChangePerRun + 1e-9) {
    // The nearest multiple of step within reach; never a move the other way (current may be off the step grid).
    const up = proficiency > current;
    const reach = up ? current + p.maxChangePerRun : current - p.maxChangePerRun;
    const grid = (up ? Math.floor(reach / p.step + 1e-9) : Math.ceil(reach / p.step - 1e-9)) * p.step;
    const limited = (up ? grid < current : grid > current) ? current : Number(grid.toFixed(10));
    reasons.push({
      factor: 'maxChange',
      value: limited,
      message: `change ${fmt(current)} -> ${fmt(proficiency)} exceeds maxChangePerRun ${fmt(p.maxChangePerRun)}: limited to ${fmt(limited)}`,
    });
    proficiency = limited;
  }
  const bounded = Math.min(p.bounds.max, Math.max(p.bounds.min, proficiency));
  if (bounded !== proficiency) {
    reasons.push({
      factor: 'bounds',
      value: bounded,
      message: `${fmt(proficiency)} is outside bounds ${fmt(p.bounds.min)}..${fmt(p.bounds.max)}: clamped to ${fmt(bounded)}`,
    });
  }
  return bounded;
}
