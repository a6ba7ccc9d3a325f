// Constraint checks over a set of proposed skill changes: typed violations, never silent skips.
import * as z from 'zod/mini';
import { invalid, parseInput } from '../../parse-input.js';
import { FractionSchema, IdSchema, SkillChangeSchema, pct } from '../schemas.js';
import type { SkillChange } from '../schemas.js';

/** Routing eligibility and certifications of a user, as the caller knows them (from the directory, HR, LMS...). */
export const ConstraintUserSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    userId: IdSchema,
    /** False for inactive or deleted users. */
    active: z.boolean(),
    /** The user has a role that lets them take ACD interactions. */
    hasRoutingRole: z.boolean(),
    /** The user's licence includes ACD routing. */
    hasRoutingLicense: z.boolean(),
    /** Certifications held (ids or names, matched exactly against `skills[].requiredCertifications`). */
    certifications: z._default(z.array(z.string().check(z.minLength(1))), []),
    /** The user's measured occupancy 0..1; enables the `agentOverCapacity` check. */
    occupancy: z.optional(FractionSchema),
  }),
);

/** A skill and the certifications an agent needs to hold it. */
export const ConstraintSkillSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    skillId: IdSchema,
    requiredCertifications: z._default(z.array(z.string().check(z.minLength(1))), []),
  }),
);

/** A queue, the skills it requires and its measured occupancy. */
export const ConstraintQueueSchema = /* @__PURE__ */ z.lazy(() =>
  z.object({
    queueId: IdSchema,
    requiredSkillIds: z.array(IdSchema),
    occupancy: FractionSchema,
  }),
);

/** Input of {@link checkRoutingConstraints}. */
export const RoutingConstraintsInputSchema = /* @__PURE__ */ z.lazy(() =>
  z.strictObject({
    changes: z.array(SkillChangeSchema),
    /** Every user a change touches must be listed (an unlisted one is an `unknownUser` violation). */
    users: z.array(ConstraintUserSchema),
    /** When given, every changed skill must be listed (`unknownSkill`), and certification rules apply. */
    skills: z.optional(z.array(ConstraintSkillSchema)),
    /** When given, removals from queues above the occupancy threshold are violations. */
    queues: z.optional(z.array(ConstraintQueueSchema)),
    options: z._default(
      z.strictObject({
        /** Queue occupancy above which removing a serving skill is a violation. Default 0.85. */
        queueOccupancyThreshold: z._default(FractionSchema, 0.85),
        /** Agent occupancy at or above which adding a skill is a violation. Default 0.9. */
        agentOccupancyThreshold: z._default(FractionSchema, 0.9),
      }),
      { queueOccupancyThreshold: 0.85, agentOccupancyThreshold: 0.9 },
    ),
  }),
);

/** Input of {@link checkRoutingConstraints}. */
export interface RoutingConstraintsInput {
  /** The proposed skill changes to check. */
  changes: SkillChange[];
  /** Every user a change touches must be listed (an unlisted one is an `unknownUser` violation). */
  users: Array<{
    /** User id. */
    userId: string;
    /** False for inactive or deleted users. */
    active: boolean;
    /** The user has a role that lets them take ACD interactions. */
    hasRoutingRole: boolean;
    /** The user's licence includes ACD routing. */
    hasRoutingLicense: boolean;
    /** Certifications held (ids or names, matched exactly against `skills[].requiredCertifications`). */
    certifications?: string[] | undefined;
    /** The user's measured occupancy 0..1; enables the `agentOverCapacity` check. */
    occupancy?: number | undefined;
  }>;
  /** When given, every changed skill must be listed (`unknownSkill`), and certification rules apply. */
  skills?:
    | Array<{
        /** Skill id. */
        skillId: string;
        /** Certifications a user needs to be given this skill (all of them). */
        requiredCertifications?: string[] | undefined;
      }>
    | undefined;
  /** When given, removals from queues above the occupancy threshold are violations. */
  queues?:
    | Array<{
        /** Queue id. */
        queueId: string;
        /** Skills that serve the queue: removing one of them counts against it. */
        requiredSkillIds: string[];
        /** The queue's measured occupancy, 0..1. */
        occupancy: number;
      }>
    | undefined;
  /** Thresholds of the occupancy checks. */
  options?:
    | {
        /** Queue occupancy above which removing a serving skill is a violation. Default 0.85. */
        queueOccupancyThreshold?: number | undefined;
        /** Agent occupancy at or above which adding a skill is a violation. Default 0.9. */
        agentOccupancyThreshold?: number | undefined;
      }
    | undefined;
}

/** What a violation is about. */
export type ConstraintViolationKind =
  | 'unknownUser'
  | 'userInactive'
  | 'missingRoutingRole'
  | 'missingRoutingLicense'
  | 'unknownSkill'
  | 'missingCertification'
  | 'queueOverCapacity'
  | 'agentOverCapacity';

/** One broken constraint, tied to the change that breaks it. */
export interface ConstraintViolation {
  /** What is broken (see {@link ConstraintViolationKind}). */
  kind: ConstraintViolationKind;
  /** The user the change is for. */
  userId: string;
  /** The skill the change is about, when it is about one. */
  skillId?: string;
  /** The queue over capacity (`queueOverCapacity`). */
  queueId?: string;
  /** Index of the offending change in `input.changes`. */
  changeIndex: number;
  /** The violation in words. */
  message: string;
}

/**
 * Checks proposed skill changes against routing constraints and returns every violation (empty = all clear).
 *
 * - `unknownUser`: the change's user is not in `users`.
 * - `userInactive` / `missingRoutingRole` / `missingRoutingLicense`: adds and updates for users who cannot take
 *   routed work (removals from such users are allowed: that is clean-up).
 * - `unknownSkill`: `skills` was given and does not list the skill.
 * - `missingCertification`: an add or update for a skill whose `requiredCertifications` the user lacks.
 * - `queueOverCapacity`: a removal (or an update to proficiency 0) of a skill a queue requires, while that queue's
 *   occupancy is above `queueOccupancyThreshold`: it takes capacity from a queue that has none to spare.
 * - `agentOverCapacity`: an add for a user whose occupancy is at or above `agentOccupancyThreshold`.
 *
 * @throws ValidationError naming the bad field (`changes[2].proficiency`, `users[0].active`, ...).
 */
export function checkRoutingConstraints(input: RoutingConstraintsInput): ConstraintViolation[] {
  const ctx = 'checkRoutingConstraints';
  const { changes, users, skills, queues, options } = parseInput(ctx, RoutingConstraintsInputSchema, input);

  const userById = new Map<string, z.output<typeof ConstraintUserSchema>>();
  users.forEach((u, i) => {
    if (userById.has(u.userId)) invalid(ctx, `users[${i}].userId`, `duplicate user id ${u.userId}`);
    userById.set(u.userId, u);
  });
  const skillById = new Map<string, z.output<typeof ConstraintSkillSchema>>();
  skills?.forEach((s, i) => {
    if (skillById.has(s.skillId)) invalid(ctx, `skills[${i}].skillId`, `duplicate skill id ${s.skillId}`);
    skillById.set(s.skillId, s);
  });
  const queueIds = new Set<string>();
  queues?.forEach((q, i) => {
    if (queueIds.has(q.queueId)) invalid(ctx, `queues[${i}].queueId`, `duplicate queue id ${q.queueId}`);
    queueIds.add(q.queueId);
  });

  const violations: ConstraintViolation[] = [];
  changes.forEach((change, changeIndex) => {
    const { userId, skillId } = change;
    const push = (kind: ConstraintViolationKind, message: string, queueId?: string): void => {
      violations.push({ kind, userId, skillId, ...(queueId === undefined ? {} : { queueId }), changeIndex, message });
    };
    const grants = change.action !== 'remove';
    const user = userById.get(userId);
    if (!user) {
      push('unknownUser', `user ${userId} is not in the supplied users: eligibility cannot be checked`);
    } else if (grants) {
      if (!user.active) push('userInactive', `user ${userId} is not active: cannot ${change.action} skill ${skillId}`);
      if (!user.hasRoutingRole)
        push('missingRoutingRole', `user ${userId} has no routing role: skill ${skillId} would never route work`);
      if (!user.hasRoutingLicense)
        push('missingRoutingLicense', `user ${userId} has no routing licence: skill ${skillId} would never route work`);
    }

    if (skills) {
      const skill = skillById.get(skillId);
      if (!skill) {
        push('unknownSkill', `skill ${skillId} is not in the supplied skills`);
      } else if (grants && user) {
        const held = new Set(user.certifications);
        const missing = skill.requiredCertifications.filter((c) => !held.has(c));
        if (missing.length > 0) {
          push(
            'missingCertification',
            `skill ${skillId} requires certification(s) ${missing.join(', ')} that user ${userId} lacks`,
          );
        }
      }
    }

    if (change.action === 'add' && user?.occupancy !== undefined && user.occupancy >= options.agentOccupancyThreshold) {
      push(
        'agentOverCapacity',
        `user ${userId} occupancy ${pct(user.occupancy)} >= ${pct(options.agentOccupancyThreshold)}: adding skill ${skillId} routes more work to a saturated agent`,
      );
    }

    const takesCapacity = change.action === 'remove' || (change.action === 'update' && change.proficiency === 0);
    if (takesCapacity && queues) {
      for (const q of queues) {
        if (q.requiredSkillIds.includes(skillId) && q.occupancy > options.queueOccupancyThreshold) {
          push(
            'queueOverCapacity',
            `queue ${q.queueId} occupancy ${pct(q.occupancy)} > ${pct(options.queueOccupancyThreshold)}: ${change.action === 'remove' ? 'removing' : 'zeroing'} skill ${skillId} from user ${userId} takes capacity it cannot spare`,
            q.queueId,
          );
        }
      }
    }
  });
  return violations;
}
