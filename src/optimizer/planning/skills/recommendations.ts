// Skill recommendations: ADD / REMOVE suggestions from usage figures, with a noise floor and caps.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import {
  CountSchema,
  FractionSchema,
  IdSchema,
  ProficiencySchema,
  compareStrings,
  pct,
  type SkillChange,
} from '../schemas.js';

/** Per user and skill, what happened in the period. `proficiency` absent = the user does not hold the skill. */
export const SkillUsageSchema = /* @__PURE__ */ z.lazy(() =>
  z
    .object({
      userId: IdSchema,
      skillId: IdSchema,
      /** Contacts of this skill offered (alerted) to the user. */
      offered: CountSchema,
      /** Contacts of this skill the user answered/handled (via any route: ACD, transfer, overflow). */
      handled: CountSchema,
      /** Current proficiency, if the user holds the skill. */
      proficiency: z.optional(ProficiencySchema),
    })
    .check(
      z.refine((u) => u.handled <= u.offered || u.proficiency === undefined, {
        message: 'handled cannot exceed offered for a held skill',
        path: ['handled'],
      }),
    ),
);

/** Queue-level demand per skill. */
export const SkillDemandSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    skillId: IdSchema,
    /** Contacts requiring the skill offered to the queue(s) in the period. */
    offered: CountSchema,
    /** Achieved service level 0..1 (with `serviceLevelTarget`, marks the skill as under pressure). */
    serviceLevel: z.optional(FractionSchema),
    serviceLevelTarget: z.optional(FractionSchema),
  }),
);

// The schema's defaults, kept apart from it so the schema need not be built to list them.
const THRESHOLD_DEFAULTS = /* @__PURE__ */ Object.freeze({
  minSkillDemand: 50,
  addMinHandled: 10,
  addProficiency: 1,
  addOnlyUnderPressure: false,
  removeMaxHandled: 0,
  removeBelowAnswerRate: 0.3,
  minOfferedForAnswerRate: 20,
  minHoldersPerSkill: 2,
  maxChanges: 25,
  maxChangesPerUser: 3,
});

/** Tunable thresholds of {@link recommendSkillChanges}; each field defaults as documented. */
export const RecommendationThresholdsSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    /** Noise floor: skills with less demand in the period get no recommendation. Default 50. */
    minSkillDemand: z._default(CountSchema, THRESHOLD_DEFAULTS.minSkillDemand),
    /** ADD when a user handled at least this many contacts of a skill they do not hold. Default 10. */
    addMinHandled: z._default(CountSchema.check(z.gte(1, 'must be >= 1')), THRESHOLD_DEFAULTS.addMinHandled),
    /** Proficiency given to an added skill. Default 1 (lowest routing preference; scoring raises it later). */
    addProficiency: z._default(ProficiencySchema, THRESHOLD_DEFAULTS.addProficiency),
    /** ADD only for skills whose service level is below target. Default false. */
    addOnlyUnderPressure: z._default(z.boolean(), THRESHOLD_DEFAULTS.addOnlyUnderPressure),
    /** REMOVE ('unused') when a user holding the skill handled at most this many contacts. Default 0. */
    removeMaxHandled: z._default(CountSchema, THRESHOLD_DEFAULTS.removeMaxHandled),
    /** REMOVE ('declined') when a holder answered less than this share of what was offered. Default 0.3. */
    removeBelowAnswerRate: z._default(FractionSchema, THRESHOLD_DEFAULTS.removeBelowAnswerRate),
    /** The 'declined' rule needs at least this many offers to the user. Default 20. */
    minOfferedForAnswerRate: z._default(
      CountSchema.check(z.gte(1, 'must be >= 1')),
      THRESHOLD_DEFAULTS.minOfferedForAnswerRate,
    ),
    /** Never recommend a removal that leaves a skill with fewer holders. Default 2. */
    minHoldersPerSkill: z._default(CountSchema, THRESHOLD_DEFAULTS.minHoldersPerSkill),
    /** Cap on recommendations in total. Default 25. */
    maxChanges: z._default(CountSchema, THRESHOLD_DEFAULTS.maxChanges),
    /** Cap on recommendations per user. Default 3. */
    maxChangesPerUser: z._default(CountSchema, THRESHOLD_DEFAULTS.maxChangesPerUser),
  }),
);

/** Tunable thresholds of {@link recommendSkillChanges}. */
export interface RecommendationThresholds {
  /** Noise floor: skills with less demand in the period get no recommendation. Default 50. */
  minSkillDemand: number;
  /** ADD when a user handled at least this many contacts of a skill they do not hold. Default 10. */
  addMinHandled: number;
  /** Proficiency given to an added skill. Default 1 (lowest routing preference; scoring raises it later). */
  addProficiency: number;
  /** ADD only for skills whose service level is below target. Default false. */
  addOnlyUnderPressure: boolean;
  /** REMOVE ('unused') when a user holding the skill handled at most this many contacts. Default 0. */
  removeMaxHandled: number;
  /** REMOVE ('declined') when a holder answered less than this share of what was offered. Default 0.3. */
  removeBelowAnswerRate: number;
  /** The 'declined' rule needs at least this many offers to the user. Default 20. */
  minOfferedForAnswerRate: number;
  /** Never recommend a removal that leaves a skill with fewer holders. Default 2. */
  minHoldersPerSkill: number;
  /** Cap on recommendations in total. Default 25. */
  maxChanges: number;
  /** Cap on recommendations per user. Default 3. */
  maxChangesPerUser: number;
}

/** The default thresholds (see docs/planning.md, "Default policies and why"). */
export const defaultRecommendationThresholds: Readonly<RecommendationThresholds> = THRESHOLD_DEFAULTS;

/** Input of {@link recommendSkillChanges}. */
export const RecommendationInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    usage: z.array(SkillUsageSchema),
    demand: z.optional(z.array(SkillDemandSchema)),
    thresholds: z._default(RecommendationThresholdsSchema, { ...defaultRecommendationThresholds }),
  }),
);

/** Input of {@link recommendSkillChanges}. */
export interface RecommendationInput {
  /** Per user and skill over the period: contacts offered and handled, and the proficiency held. */
  usage: Array<{
    /** User id. */
    userId: string;
    /** Skill id. */
    skillId: string;
    /** Contacts of this skill offered (alerted) to the user. */
    offered: number;
    /** Contacts of this skill the user answered/handled (via any route: ACD, transfer, overflow). */
    handled: number;
    /** Current proficiency, if the user holds the skill. */
    proficiency?: number | undefined;
  }>;
  /** Per skill over the period: contacts requiring it and its service level (enables the demand rules). */
  demand?:
    | Array<{
        /** Skill id. */
        skillId: string;
        /** Contacts requiring the skill offered to the queue(s) in the period. */
        offered: number;
        /** Achieved service level 0..1 (with `serviceLevelTarget`, marks the skill as under pressure). */
        serviceLevel?: number | undefined;
        /** The service-level target 0..1 the skill's queues aim at. */
        serviceLevelTarget?: number | undefined;
      }>
    | undefined;
  /** Rule thresholds and caps; every field has a default. */
  thresholds?:
    | {
        /** Noise floor: skills with less demand in the period get no recommendation. Default 50. */
        minSkillDemand?: number | undefined;
        /** ADD when a user handled at least this many contacts of a skill they do not hold. Default 10. */
        addMinHandled?: number | undefined;
        /** Proficiency given to an added skill. Default 1 (lowest routing preference; scoring raises it later). */
        addProficiency?: number | undefined;
        /** ADD only for skills whose service level is below target. Default false. */
        addOnlyUnderPressure?: boolean | undefined;
        /** REMOVE ('unused') when a user holding the skill handled at most this many contacts. Default 0. */
        removeMaxHandled?: number | undefined;
        /** REMOVE ('declined') when a holder answered less than this share of what was offered. Default 0.3. */
        removeBelowAnswerRate?: number | undefined;
        /** The 'declined' rule needs at least this many offers to the user. Default 20. */
        minOfferedForAnswerRate?: number | undefined;
        /** Never recommend a removal that leaves a skill with fewer holders. Default 2. */
        minHoldersPerSkill?: number | undefined;
        /** Cap on recommendations in total. Default 25. */
        maxChanges?: number | undefined;
        /** Cap on recommendations per user. Default 3. */
        maxChangesPerUser?: number | undefined;
      }
    | undefined;
}

/** Which rule produced a recommendation. */
export type RecommendationRule = 'handledWithoutSkill' | 'unused' | 'declined';

/** One suggested change. */
export interface SkillRecommendation {
  /** `ADD` the skill to the user, or `REMOVE` it. */
  action: 'ADD' | 'REMOVE';
  /** User id. */
  userId: string;
  /** Skill id. */
  skillId: string;
  /** Proficiency to add at (ADD). */
  proficiency?: number;
  /** Current proficiency (REMOVE). */
  previousProficiency?: number;
  /** The rule behind it: `handledWithoutSkill` (ADD), `unused` or `declined` (REMOVE). */
  rule: RecommendationRule;
  /** Contacts backing the suggestion; recommendations are ranked by it. */
  evidence: number;
  /** Why, in words (with the numbers). */
  reasons: string[];
}

/** A valid suggestion held back by a cap. */
export interface DeferredRecommendation extends SkillRecommendation {
  /** The cap that held it back. */
  deferredBy: 'maxChanges' | 'maxChangesPerUser' | 'minHoldersPerSkill';
  /** Why it was held back, in words. */
  deferReason: string;
}

/** Output of {@link recommendSkillChanges}. */
export interface RecommendationResult {
  /** The suggested changes, strongest evidence first, within the caps. */
  recommendations: SkillRecommendation[];
  /** Valid suggestions the caps held back. */
  deferred: DeferredRecommendation[];
}

/**
 * Suggests ADD and REMOVE skill changes from usage figures.
 *
 * Rules (skills below `minSkillDemand` demand are never judged: not enough evidence):
 * - ADD `handledWithoutSkill`: the user does not hold the skill but handled >= `addMinHandled` of its contacts
 *   (transfers, overflow, group routing): they can do the work, so let ACD route it (at `addProficiency`).
 *   With `addOnlyUnderPressure`, only for skills whose service level is below target.
 * - REMOVE `unused`: the user holds the skill but handled <= `removeMaxHandled` contacts while the skill had
 *   demand: the skill is dead weight on their profile.
 * - REMOVE `declined`: the user was offered >= `minOfferedForAnswerRate` contacts and answered fewer than
 *   `removeBelowAnswerRate` of them: each unanswered alert adds ring time for a customer.
 * - No REMOVE for a skill under pressure (service level below target): its back-up holders matter.
 *
 * Skill demand is `demand[].offered`, or (when absent) the sum of `usage[].offered` for the skill, which counts a
 * contact offered to two agents twice. Holders are the usage rows with a proficiency: list every holder.
 *
 * Candidates are ranked by evidence (desc), then user id and skill id, and accepted greedily while the caps hold:
 * `maxChanges`, `maxChangesPerUser`, and `minHoldersPerSkill` for removals. The rest come back in `deferred`.
 *
 * @throws ValidationError naming the bad field; duplicate user-skill rows or demand rows are errors.
 */
export function recommendSkillChanges(input: RecommendationInput): RecommendationResult {
  const ctx = 'recommendSkillChanges';
  const { usage, demand, thresholds: t } = parseInput(ctx, RecommendationInputSchema, input);
  const skills = indexSkills(ctx, usage, demand);
  const candidates = usage.flatMap((u) => {
    const c = candidateFor(u, skills, t);
    return c ? [c] : [];
  });
  candidates.sort(
    (a, b) => b.evidence - a.evidence || compareStrings(a.userId, b.userId) || compareStrings(a.skillId, b.skillId),
  );
  return acceptWithinCaps(candidates, skills.holders, t);
}

type Usage = z.output<typeof RecommendationInputSchema>['usage'][number];
type Thresholds = z.output<typeof RecommendationInputSchema>['thresholds'];

/** Per skill: its demand, its holders, and whether its queue is below target (duplicate rows are errors). */
interface SkillIndex {
  demand(skillId: string): number;
  holders: Map<string, number>;
  pressure(skillId: string): { pressed: boolean; note: string };
}

function indexSkills(
  ctx: string,
  usage: readonly Usage[],
  demand: readonly z.output<typeof SkillDemandSchema>[] | undefined,
): SkillIndex {
  const seen = new Set<string>();
  usage.forEach((u, i) => {
    const key = JSON.stringify([u.userId, u.skillId]);
    if (seen.has(key)) invalid(ctx, `usage[${i}]`, `user ${u.userId} skill ${u.skillId} is listed twice`);
    seen.add(key);
  });
  const demandBySkill = new Map<string, z.output<typeof SkillDemandSchema>>();
  demand?.forEach((d, i) => {
    if (demandBySkill.has(d.skillId)) invalid(ctx, `demand[${i}].skillId`, `skill ${d.skillId} is listed twice`);
    demandBySkill.set(d.skillId, d);
  });
  const offeredFromUsage = new Map<string, number>();
  const holders = new Map<string, number>();
  for (const u of usage) {
    offeredFromUsage.set(u.skillId, (offeredFromUsage.get(u.skillId) ?? 0) + u.offered);
    if (u.proficiency !== undefined) holders.set(u.skillId, (holders.get(u.skillId) ?? 0) + 1);
  }
  return {
    demand: (skillId) => demandBySkill.get(skillId)?.offered ?? offeredFromUsage.get(skillId) ?? 0,
    holders,
    pressure: (skillId) => {
      const d = demandBySkill.get(skillId);
      if (d?.serviceLevel === undefined || d.serviceLevelTarget === undefined)
        return { pressed: false, note: 'no service level data' };
      const pressed = d.serviceLevel < d.serviceLevelTarget;
      return { pressed, note: `service level ${pct(d.serviceLevel)} vs target ${pct(d.serviceLevelTarget)}` };
    },
  };
}

/** The rule a usage row meets, if any: ADD `handledWithoutSkill`, REMOVE `unused` or `declined`. */
function candidateFor(u: Usage, skills: SkillIndex, t: Thresholds): SkillRecommendation | undefined {
  const total = skills.demand(u.skillId);
  if (total < t.minSkillDemand) return undefined;
  const floor = `skill ${u.skillId} demand ${total} contacts >= noise floor ${t.minSkillDemand}`;
  const pressure = skills.pressure(u.skillId);
  if (u.proficiency === undefined) {
    if (u.handled < t.addMinHandled) return undefined;
    if (t.addOnlyUnderPressure && !pressure.pressed) return undefined;
    return {
      action: 'ADD',
      userId: u.userId,
      skillId: u.skillId,
      proficiency: t.addProficiency,
      rule: 'handledWithoutSkill',
      evidence: u.handled,
      reasons: [
        `handled ${u.handled} contacts of ${u.skillId} without holding it (>= ${t.addMinHandled})`,
        floor,
        ...(t.addOnlyUnderPressure ? [`skill under pressure: ${pressure.note}`] : []),
        `add at proficiency ${t.addProficiency}`,
      ],
    };
  }
  if (pressure.pressed) return undefined;
  const remove = {
    action: 'REMOVE' as const,
    userId: u.userId,
    skillId: u.skillId,
    previousProficiency: u.proficiency,
  };
  if (u.handled <= t.removeMaxHandled) {
    return {
      ...remove,
      rule: 'unused',
      evidence: total,
      reasons: [
        `holds ${u.skillId} (proficiency ${u.proficiency}) but handled ${u.handled} contacts (<= ${t.removeMaxHandled})`,
        floor,
      ],
    };
  }
  if (u.offered >= t.minOfferedForAnswerRate && u.handled / u.offered < t.removeBelowAnswerRate) {
    return {
      ...remove,
      rule: 'declined',
      evidence: u.offered - u.handled,
      reasons: [
        `answered ${u.handled} of ${u.offered} offered ${u.skillId} contacts (${pct(u.handled / u.offered)} < ${pct(t.removeBelowAnswerRate)})`,
        floor,
      ],
    };
  }
  return undefined;
}

/** Ranked candidates accepted greedily while `maxChanges`, `maxChangesPerUser` and `minHoldersPerSkill` hold. */
function acceptWithinCaps(
  candidates: readonly SkillRecommendation[],
  holders: Map<string, number>,
  t: Thresholds,
): RecommendationResult {
  const recommendations: SkillRecommendation[] = [];
  const deferred: DeferredRecommendation[] = [];
  const perUser = new Map<string, number>();
  for (const c of candidates) {
    const userCount = perUser.get(c.userId) ?? 0;
    const left = holders.get(c.skillId) ?? 0;
    if (recommendations.length >= t.maxChanges) {
      deferred.push({ ...c, deferredBy: 'maxChanges', deferReason: `maxChanges ${t.maxChanges} reached` });
    } else if (userCount >= t.maxChangesPerUser) {
      deferred.push({
        ...c,
        deferredBy: 'maxChangesPerUser',
        deferReason: `maxChangesPerUser ${t.maxChangesPerUser} reached for ${c.userId}`,
      });
    } else if (c.action === 'REMOVE' && left - 1 < t.minHoldersPerSkill) {
      deferred.push({
        ...c,
        deferredBy: 'minHoldersPerSkill',
        deferReason: `removing would leave ${c.skillId} with ${left - 1} holder(s) < minHoldersPerSkill ${t.minHoldersPerSkill}`,
      });
    } else {
      recommendations.push(c);
      perUser.set(c.userId, userCount + 1);
      if (c.action === 'REMOVE') holders.set(c.skillId, left - 1);
    }
  }
  return { recommendations, deferred };
}

const RecommendationLikeSchema = /* @__PURE__ */ z.lazy(() =>
  z.discriminatedUnion('action', [
    z.object({ action: z.literal('ADD'), userId: IdSchema, skillId: IdSchema, proficiency: ProficiencySchema }),
    z.object({
      action: z.literal('REMOVE'),
      userId: IdSchema,
      skillId: IdSchema,
      previousProficiency: z.optional(ProficiencySchema),
    }),
  ]),
);

/**
 * Turns recommendations into {@link SkillChange}s for `whatIf` or `checkRoutingConstraints`.
 *
 * @throws ValidationError if an ADD lacks a proficiency or an id is empty.
 */
export function recommendationsToChanges(recommendations: readonly SkillRecommendation[]): SkillChange[] {
  const parsed = parseInput('recommendationsToChanges', z.array(RecommendationLikeSchema), recommendations);
  return parsed.map((r): SkillChange => {
    if (r.action === 'ADD') return { action: 'add', userId: r.userId, skillId: r.skillId, proficiency: r.proficiency };
    const base = { action: 'remove' as const, userId: r.userId, skillId: r.skillId };
    return r.previousProficiency === undefined ? base : { ...base, previousProficiency: r.previousProficiency };
  });
}
