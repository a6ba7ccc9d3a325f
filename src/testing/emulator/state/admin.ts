// Routing-admin data of the emulated org that the core OrgState does not hold: routing languages and who
// holds them, wrap-up codes (org-wide and per queue), utilization labels, the org's presence definitions,
// and skill groups' full conditions and member divisions. Kept beside OrgState (one per org, created on
// first use) so the core state stays small; seeded deterministically from the org's seed.
import { Random, deriveSeed } from '../random.js';
import type { OrgState } from './org.js';
import type { SystemPresence } from './types.js';

export interface LanguageRecord {
  id: string;
  name: string;
  dateModified: string;
  state: 'active' | 'deleted';
  version: number;
}

export interface WrapupCodeRecord {
  id: string;
  name: string;
  divisionId: string;
  description?: string;
  dateCreated: string;
  dateModified: string;
}

export interface LabelRecord {
  id: string;
  name: string;
}

export interface PresenceDefinitionRecord {
  id: string;
  type: 'System' | 'User';
  systemPresence: SystemPresence;
  languageLabels: Record<string, string>;
  deactivated: boolean;
}

/** `SkillGroupCondition` as the platform takes it (skills and languages by name). */
export interface SkillConditionRecord {
  routingSkillConditions: Array<{
    routingSkill: string;
    comparator: string;
    proficiency: number;
    childConditions?: SkillConditionRecord[];
  }>;
  languageSkillConditions: Array<{
    languageSkill: string;
    comparator: string;
    proficiency: number;
    childConditions?: SkillConditionRecord[];
  }>;
  operation: 'And' | 'Or';
}

export interface AdminState {
  readonly languages: Map<string, LanguageRecord>;
  /** userId -> languageId -> proficiency (0..5). */
  readonly userLanguages: Map<string, Map<string, number>>;
  readonly wrapupCodes: Map<string, WrapupCodeRecord>;
  /** queueId -> wrap-up code ids. */
  readonly queueWrapupCodes: Map<string, Set<string>>;
  readonly labels: Map<string, LabelRecord>;
  readonly presenceDefinitions: Map<string, PresenceDefinitionRecord>;
  /** Skill groups created or changed through the API keep their conditions as sent. */
  readonly skillGroupConditions: Map<string, SkillConditionRecord[]>;
  /** skillGroupId -> division ids its members are drawn from (absent = every division). */
  readonly skillGroupMemberDivisions: Map<string, Set<string>>;
}

const SYSTEM_PRESENCES: readonly SystemPresence[] = [
  'Available',
  'Away',
  'Busy',
  'Offline',
  'Idle',
  'On Queue',
  'Meal',
  'Training',
  'Meeting',
  'Break',
];
const SEED_LANGUAGES = ['English', 'Spanish', 'French', 'German'];
const SEED_WRAPUP_CODES = ['Resolved', 'Follow-up needed', 'Transferred', 'No answer'];

/** Stable id of a system presence definition (the same as the one userView renders for a user's presence). */
export function presenceDefinitionId(presence: SystemPresence): string {
  return new Random(deriveSeed(0, `presence:${presence}`)).uuid();
}

const states = new WeakMap<OrgState, AdminState>();

/** The admin data of `org`, seeded on first use. */
export function adminState(org: OrgState): AdminState {
  let admin = states.get(org);
  if (admin) return admin;
  admin = seed(org);
  states.set(org, admin);
  return admin;
}

function seed(org: OrgState): AdminState {
  const rng = new Random(deriveSeed(org.seed, 'routing-admin'));
  const now = org.nowIso();
  const admin: AdminState = {
    languages: new Map(),
    userLanguages: new Map(),
    wrapupCodes: new Map(),
    queueWrapupCodes: new Map(),
    labels: new Map(),
    presenceDefinitions: new Map(),
    skillGroupConditions: new Map(),
    skillGroupMemberDivisions: new Map(),
  };
  for (const name of SEED_LANGUAGES) {
    const id = rng.uuid();
    admin.languages.set(id, { id, name, dateModified: now, state: 'active', version: 1 });
  }
  const languageIds = [...admin.languages.keys()];
  for (const userId of [...org.users.keys()].sort()) {
    const held = new Map<string, number>();
    held.set(languageIds[0] as string, rng.int(3, 5));
    if (rng.chance(0.3)) held.set(rng.pick(languageIds.slice(1)), rng.int(1, 5));
    admin.userLanguages.set(userId, held);
  }
  for (const name of SEED_WRAPUP_CODES) {
    const id = rng.uuid();
    admin.wrapupCodes.set(id, { id, name, divisionId: org.homeDivision.id, dateCreated: now, dateModified: now });
  }
  for (const queueId of [...org.queues.keys()].sort())
    admin.queueWrapupCodes.set(queueId, new Set([...admin.wrapupCodes.keys()].slice(0, 2)));
  for (const presence of SYSTEM_PRESENCES) {
    const id = presenceDefinitionId(presence);
    admin.presenceDefinitions.set(id, {
      id,
      type: 'System',
      systemPresence: presence,
      languageLabels: { en_US: presence },
      deactivated: false,
    });
  }
  return admin;
}

/** Proficiency a user holds in a language, or undefined. */
export function languageOf(org: OrgState, userId: string, languageId: string): number | undefined {
  return adminState(org).userLanguages.get(userId)?.get(languageId);
}
